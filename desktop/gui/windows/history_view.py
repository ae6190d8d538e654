"""A symbol's history: price over the saved snapshots, each day's percent change as bars, and the numbers."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.gui.models.quote_model import AS_OF
from desktop.gui.panes.quote_grid import QuotePane
from desktop.gui.theme import market_colors
from desktop.gui.windows.date_ticks import DAY, time_ticks
from desktop.library.formatting import moment_key, price_text
from desktop.library.records import QuoteRow
from desktop.library.times import parse_moment

BAR_SHARE = 0.7  # of the gap to the nearest other snapshot
MIN_BAR_PIXELS = 5.0  # a bar is never drawn thinner than this, however long the span
TICK_ROOM = 96  # pixels per date label
EXPORT_SIZE = QSize(960, 560)


def timestamps(rows: Sequence[QuoteRow]) -> np.ndarray:
    """Seconds since the epoch of each snapshot (unreadable moments become NaN)."""
    keys = (moment_key(row.as_of) for row in rows)
    return np.asarray([key if math.isfinite(key) else math.nan for key in keys], dtype=float)


def common_offset(rows: Sequence[QuoteRow]) -> int:
    """The UTC offset (seconds) most snapshots were written in; the time axis speaks in it."""
    offsets: Counter[int] = Counter()
    for row in rows:
        moment = parse_moment(row.as_of)
        delta = moment.utcoffset() if moment is not None else None
        if delta is not None:
            offsets[int(delta.total_seconds())] += 1
    return offsets.most_common(1)[0][0] if offsets else 0


def bar_widths(x: np.ndarray, minimum: float) -> np.ndarray:
    """A width per bar: a share of the gap to its nearest neighbour in time, never below ``minimum``."""
    if len(x) == 0:
        return np.zeros(0)
    distinct = np.unique(x)
    if len(distinct) < 2:
        return np.full(len(x), max(DAY * 0.05, minimum))  # one moment, shown in a day's view
    gaps = np.diff(distinct)
    nearest = np.minimum(np.append(gaps, np.inf), np.insert(gaps, 0, np.inf))  # for each distinct moment
    widths = nearest[np.searchsorted(distinct, x)] * BAR_SHARE
    return np.maximum(widths, minimum)


class TimeAxis(pg.AxisItem):
    """A date axis whose labels carry the day, month and year the span needs (see date_ticks)."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self.offset = 0
        self._labels: dict[float, str] = {}

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        ticks = time_ticks(minVal, maxVal, max(int(size / TICK_ROOM), 1), self.offset)
        self._labels = dict(ticks.ticks)
        values = [value for value, _label in ticks.ticks]
        spacing = values[1] - values[0] if len(values) > 1 else DAY
        return [(spacing, values)]

    def tickStrings(self, values: Sequence[float], _scale: float, _spacing: float) -> list[str]:
        return [self._labels.get(value, "") for value in values]


class HistoryChart(QWidget):
    """Price line with a point per snapshot above, percent bars below, sharing one date axis."""

    point_clicked = Signal(int)  # index into the rows given to set_history

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.layout_widget.setObjectName("historyChart")
        self.price_axis, self.time_axis = TimeAxis(), TimeAxis()
        self.price_plot = self.layout_widget.addPlot(row=0, col=0, axisItems={"bottom": self.price_axis})
        self.percent_plot = self.layout_widget.addPlot(row=1, col=0, axisItems={"bottom": self.time_axis})
        self.layout_widget.ci.layout.setRowStretchFactor(0, 3)
        self.layout_widget.ci.layout.setRowStretchFactor(1, 2)
        self.percent_plot.setXLink(self.price_plot)
        for plot in (self.price_plot, self.percent_plot):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getAxis("left").setWidth(64)  # equal axis widths keep the two date axes aligned
            for name in ("left", "bottom"):
                plot.getAxis(name).enableAutoSIPrefix(False)  # never "(x1e+09)" after a date
        self.line = self.price_plot.plot([], [], symbol="o", symbolSize=8)
        self.line.sigPointsClicked.connect(self._on_points_clicked)
        self.bars = {key: pg.BarGraphItem(x=[], height=[], width=1.0, pen=None) for key in ("down", "up", "flat")}
        for item in self.bars.values():
            self.percent_plot.addItem(item)
        self.zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.percent_plot.addItem(self.zero)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layout_widget)
        self._rows: list[QuoteRow] = []
        self._x = np.zeros(0)
        self._percents = np.zeros(0)
        self._groups: dict[str, np.ndarray] = {}
        self.percent_plot.getViewBox().sigXRangeChanged.connect(self._on_view_changed)
        self.percent_plot.getViewBox().sigResized.connect(self._on_view_changed)
        self._apply_colors()

    def set_history(self, rows: Sequence[QuoteRow]) -> None:
        self._rows = list(rows)
        x = timestamps(rows)
        keep = np.isfinite(x)
        self._x = x
        self.price_axis.offset = self.time_axis.offset = common_offset(rows)
        prices = np.asarray([r.price for r in rows], dtype=float)
        by_time = np.argsort(np.where(keep, x, np.inf), kind="stable")[: int(keep.sum())]  # the line runs in time
        self.line.setData(x[by_time], prices[by_time], data=by_time)
        directions = np.asarray([r.direction for r in rows], dtype=str)
        down, up = directions == "down", directions == "up"
        self._groups = {"down": keep & down, "up": keep & up, "flat": keep & ~down & ~up}
        self._percents = np.asarray([r.percent for r in rows], dtype=float)
        self._percents = np.where(np.isfinite(self._percents), self._percents, 0.0)
        self._draw_bars()
        self._fit(x[keep])

    def _fit(self, x: np.ndarray) -> None:
        """Both plots fit their values; the shared time axis leaves room for the outer bars' halves."""
        self.price_plot.enableAutoRange()
        self.percent_plot.enableAutoRange()
        if not len(x):
            return
        low, high = float(x.min()), float(x.max())
        if high - low < DAY / 24:  # one moment (or a few close together): a day's view
            middle = (low + high) / 2
            self.price_plot.setXRange(middle - DAY / 2, middle + DAY / 2, padding=0)
            return
        room = bar_widths(np.unique(x), 0.0).max() / 2
        self.price_plot.setXRange(low - room, high + room, padding=0.02)

    def _min_width(self) -> float:
        """MIN_BAR_PIXELS in axis units at the current zoom and size."""
        view = self.percent_plot.getViewBox()
        (low, high), pixels = view.viewRange()[0], max(view.width(), 1.0)
        return MIN_BAR_PIXELS * (high - low) / pixels if high > low else 0.0

    def bar_widths(self) -> np.ndarray:
        """The width of each snapshot's bar, in seconds (what set_history draws)."""
        keep = np.isfinite(self._x)
        widths = np.zeros(len(self._x))
        widths[keep] = bar_widths(self._x[keep], self._min_width())
        return widths

    def _draw_bars(self) -> None:
        widths = self.bar_widths()
        for key, mask in self._groups.items():
            self.bars[key].setOpts(x=self._x[mask], height=self._percents[mask], width=widths[mask])

    def _on_view_changed(self) -> None:
        if self._groups:
            self._draw_bars()
        self._show_title()

    def _show_title(self) -> None:
        """The lower axis names what its labels leave out (the day of an intraday span, the year)."""
        view = self.percent_plot.getViewBox()
        low, high = view.viewRange()[0]
        title = time_ticks(low, high, max(int(view.width() / TICK_ROOM), 1), self.time_axis.offset).title
        if title != self.time_axis.labelText or not self.time_axis.label.isVisible():
            self.time_axis.setLabel(title, color=market_colors(self.palette()).foreground.name())

    def image(self) -> QImage:
        """The chart as a picture; drawn at a standard size when its pane is collapsed or tiny."""
        if self.width() >= 240 and self.height() >= 160:
            return self.grab().toImage()
        twin = HistoryChart()
        twin.resize(EXPORT_SIZE)
        twin.set_history(self._rows)
        image = twin.grab().toImage()
        twin.deleteLater()
        return image

    def _on_points_clicked(self, _item: object, points: Sequence[object]) -> None:
        if len(points):
            self.point_clicked.emit(int(points[0].data()))  # type: ignore[attr-defined]

    def _apply_colors(self) -> None:
        colors = market_colors(self.palette())
        self.layout_widget.setBackground(colors.background)
        for plot, title in ((self.price_plot, "Price"), (self.percent_plot, "% change")):
            for name in ("left", "bottom"):
                plot.getAxis(name).setTextPen(pg.mkPen(colors.foreground))
                plot.getAxis(name).setPen(pg.mkPen(colors.grid))
            plot.setLabel("left", title, color=colors.foreground.name())
        self.time_axis.setLabel(self.time_axis.labelText or "Date", color=colors.foreground.name())
        self.zero.setPen(pg.mkPen(colors.foreground, width=1))
        self.line.setPen(pg.mkPen(colors.highlight, width=2))
        self.line.setSymbolBrush(pg.mkBrush(colors.highlight))
        self.bars["down"].setOpts(brush=pg.mkBrush(colors.down))
        self.bars["up"].setOpts(brush=pg.mkBrush(colors.up))
        self.bars["flat"].setOpts(brush=pg.mkBrush(colors.unchanged))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
        super().changeEvent(event)


class SymbolHistoryDialog(QDialog):
    """A window for one symbol; clicking a point, or Enter / a double-click on a row, asks to open that page."""

    page_requested = Signal(int)
    export_table_requested = Signal(list)  # list[QuoteRow]
    export_chart_requested = Signal(QWidget)

    def __init__(self, symbol: str, rows: Sequence[QuoteRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(f"{symbol} — history")
        self.rows = list(rows)
        self.summary = QLabel(self._summary(symbol))
        self.chart = HistoryChart()
        self.chart.set_history(self.rows)
        self.chart.point_clicked.connect(lambda i: self.page_requested.emit(self.rows[i].page_id))
        self.table = QuotePane(with_as_of=True, as_of_time=True)
        self.table.set_quotes(self.rows, empty_text=f"{symbol} is in no saved page.")
        for widget in (self.table.chart, self.table.filter_box, self.table.breadth_label, self.table.as_of_label):
            widget.hide()  # one symbol over time: the summary above says what matters
        self.table.sort_by(self.table.model.column_of(AS_OF), Qt.SortOrder.AscendingOrder)
        self.table.view.activated.connect(self._on_row_activated)
        self.table.view.setToolTip("Enter or double-click: open the page this snapshot came from")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        export_table = QPushButton("Export &table…")
        export_table.clicked.connect(self._request_table_export)
        export_chart = QPushButton("Export &chart…")
        export_chart.clicked.connect(self._request_chart_export)
        for button in (export_table, export_chart):
            button.setAutoDefault(False)  # Enter in the table opens a page, it does not press a button
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(export_table)
        top.addWidget(export_chart)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(860, 640)
        self.table.view.setFocus()
        if self.rows:
            self.table.select_row(self.table.model.rowCount() - 1)  # the newest snapshot

    def _request_table_export(self) -> None:
        self.export_table_requested.emit(self.table.model.visible_quotes())

    def _request_chart_export(self) -> None:
        self.export_chart_requested.emit(self.chart)

    def _summary(self, symbol: str) -> str:
        if not self.rows:
            return f"{escape(symbol)} is in no saved page."
        first, last = self.rows[0], self.rows[-1]
        estimated = sum(r.as_of_estimated for r in self.rows)
        note = f" ({estimated} with estimated times, marked “est.”)" if estimated else ""
        return (
            f"<b>{escape(symbol)}</b>: {len(self.rows)} snapshots, from {price_text(first.price)} "
            f"to {price_text(last.price)}{note}"
        )

    def _on_row_activated(self, index: QModelIndex) -> None:
        source = self.table.proxy.mapToSource(index)
        if source.isValid():
            self.page_requested.emit(self.table.model.quote_at(source.row()).page_id)
