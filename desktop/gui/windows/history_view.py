"""A symbol's history: price over the saved snapshots, each day's percent change as bars, and the numbers.

The window draws from a HistorySeries (numpy arrays): at 100,000 snapshots the price line is drawn at the
screen's resolution (pyqtgraph keeps the highest and lowest price of each few pixels), the points that take
a click only when a few hundred snapshots are in view, and the bars as they are while there is room for
each, else as the biggest move within each few pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.gui.models.history_model import Fetch, rows_fetch
from desktop.gui.theme import market_colors
from desktop.gui.windows.date_ticks import DAY, time_ticks
from desktop.gui.windows.history_table import HistoryTable
from desktop.library.formatting import plural, price_text
from desktop.library.records import QuoteRow
from desktop.library.series import HistorySeries, series_from_rows

BAR_SHARE = 0.7  # of the gap to the nearest other snapshot
MIN_BAR_PIXELS = 5.0  # a bar is never drawn thinner than this, however long the span
TICK_ROOM = 96  # pixels per date label
MAX_POINTS = 600  # snapshots in view drawn as points (to click) up to this many
EXPORT_SIZE = QSize(960, 560)


def bar_widths(x: np.ndarray, minimum: float) -> np.ndarray:
    """A width per bar: a share of the gap to its nearest neighbour in time, never below ``minimum``."""
    if len(x) == 0:
        return np.zeros(0)
    ordered = bool(np.all(x[1:] >= x[:-1]))  # a history's times come in order: no sort needed
    distinct = x[np.flatnonzero(np.diff(x, prepend=-np.inf) > 0)] if ordered else np.unique(x)
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

    point_clicked = Signal(int)  # index into the series given to set_series

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
        self.line = self.price_plot.plot([], [])
        self.line.setDownsampling(auto=True, method="peak")  # a pixel's highest and lowest price
        self.line.setClipToView(True)
        self.points = pg.ScatterPlotItem(size=8)
        self.points.sigClicked.connect(self._on_points_clicked)
        self.price_plot.addItem(self.points)
        self.bars = {key: pg.BarGraphItem(x=[], height=[], width=1.0, pen=None) for key in ("down", "up", "flat")}
        for item in self.bars.values():
            self.percent_plot.addItem(item)
        self.zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.percent_plot.addItem(self.zero)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layout_widget)
        self._series: HistorySeries | None = None
        self._by_time = np.zeros(0, dtype=np.int64)  # series indices of the snapshots with a time, in time order
        self._x = np.zeros(0)  # their times
        self._percents = np.zeros(0)  # every snapshot's percent (0 where unknown)
        self.percent_plot.getViewBox().sigXRangeChanged.connect(self._on_view_changed)
        self.percent_plot.getViewBox().sigResized.connect(self._on_view_changed)
        self._apply_colors()

    def set_series(self, series: HistorySeries) -> None:
        self._series = series
        x = series.moment
        timed = np.flatnonzero(np.isfinite(x))
        self._by_time = timed[np.argsort(x[timed], kind="stable")]  # the line runs in time
        self._x = x[self._by_time]
        self.price_axis.offset = self.time_axis.offset = series.offset
        self.line.setData(self._x, series.price[self._by_time])
        self._percents = np.where(np.isfinite(series.percent), series.percent, 0.0)
        self._fit(self._x)
        self._draw_visible()

    def _fit(self, x: np.ndarray) -> None:
        """Both plots fit their values; the shared time axis leaves room for the outer bars' halves."""
        self.price_plot.enableAutoRange()
        self.percent_plot.enableAutoRange()
        if not len(x):
            return
        low, high = float(x[0]), float(x[-1])
        if high - low < DAY / 24:  # one moment (or a few close together): a day's view
            middle = (low + high) / 2
            self.price_plot.setXRange(middle - DAY / 2, middle + DAY / 2, padding=0)
            return
        room = bar_widths(x, 0.0).max() / 2
        self.price_plot.setXRange(low - room, high + room, padding=0.02)

    def _min_width(self) -> float:
        """MIN_BAR_PIXELS in axis units at the current zoom and size."""
        view = self.percent_plot.getViewBox()
        (low, high), pixels = view.viewRange()[0], max(view.width(), 1.0)
        return MIN_BAR_PIXELS * (high - low) / pixels if high > low else 0.0

    def bar_widths(self) -> np.ndarray:
        """The width of each snapshot's bar, in seconds, at the current zoom (in the series' order)."""
        widths = np.zeros(len(self._series) if self._series is not None else 0)
        widths[self._by_time] = bar_widths(self._x, self._min_width())
        return widths

    def _in_view(self) -> slice:
        """The snapshots (positions in time order) within the view, with one more on each side."""
        low, high = self.percent_plot.getViewBox().viewRange()[0]
        first, last = np.searchsorted(self._x, [low, high])
        return slice(max(int(first) - 1, 0), min(int(last) + 1, len(self._x)))

    def _draw_visible(self) -> None:
        """Bars for the snapshots in view (or each few pixels' biggest move when they are too many), and the
        points to click when few enough are in view."""
        if self._series is None:
            return
        shown = self._in_view()
        indices = self._by_time[shown]
        minimum = self._min_width()
        if len(indices) <= max(self.percent_plot.getViewBox().width(), 1.0) / MIN_BAR_PIXELS:
            x, heights = self._x[shown], self._percents[indices]
            near = slice(max(shown.start - 1, 0), min(shown.stop + 1, len(self._x)))  # their neighbours too
            widths = bar_widths(self._x[near], minimum)[shown.start - near.start:][:len(indices)]
            signs = self._series.direction[indices]
        else:
            x, heights = _biggest_moves(self._x[shown], self._percents[indices], minimum)
            widths = np.full(len(x), minimum * BAR_SHARE)
            signs = np.sign(heights)
        for key, mask in (("down", signs < 0), ("up", signs > 0), ("flat", signs == 0)):
            self.bars[key].setOpts(x=x[mask], height=heights[mask], width=widths[mask])
        if len(indices) <= MAX_POINTS:
            self.points.setData(x=self._x[shown], y=self._series.price[indices], data=indices)
        else:
            self.points.setData(x=[], y=[])

    def _on_view_changed(self) -> None:
        self._draw_visible()
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
        if self.width() >= 240 and self.height() >= 160 or self._series is None:
            return self.grab().toImage()
        twin = HistoryChart()
        twin.resize(EXPORT_SIZE)
        twin.set_series(self._series)
        image = twin.grab().toImage()
        twin.deleteLater()
        return image

    def _on_points_clicked(self, _item: object, points: Sequence[object], *_event: object) -> None:
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
        self.points.setPen(pg.mkPen(colors.highlight))
        self.points.setBrush(pg.mkBrush(colors.highlight))
        self.bars["down"].setOpts(brush=pg.mkBrush(colors.down))
        self.bars["up"].setOpts(brush=pg.mkBrush(colors.up))
        self.bars["flat"].setOpts(brush=pg.mkBrush(colors.unchanged))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
        super().changeEvent(event)


def _biggest_moves(x: np.ndarray, percents: np.ndarray, width: float) -> tuple[np.ndarray, np.ndarray]:
    """For each ``width``-wide column of time (counted from the epoch, so panning keeps them in place) that holds
    some of the time-ordered snapshots ``x``, its middle and its biggest move."""
    if width <= 0 or not len(x):
        return x, percents
    column = np.floor(x / width).astype(np.int64)
    starts = np.flatnonzero(np.diff(column, prepend=column[0] - 1))
    highest, lowest = np.maximum.reduceat(percents, starts), np.minimum.reduceat(percents, starts)
    return (column[starts] + 0.5) * width, np.where(highest >= -lowest, highest, lowest)


class SymbolHistoryDialog(QDialog):
    """A window for one symbol; clicking a point, or Enter / a double-click on a row, asks to open that page.

    ``history`` is the symbol's series (with ``fetch`` reading the rows on screen from the library) or its
    rows already read.
    """

    page_requested = Signal(int)
    export_table_requested = Signal(list)  # list[QuoteRow]
    export_chart_requested = Signal(QWidget)

    def __init__(self, symbol: str, history: HistorySeries | Sequence[QuoteRow], parent: QWidget | None = None,
                 fetch: Fetch | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(f"{symbol} — history")
        if not isinstance(history, HistorySeries):
            rows = list(history)
            history = series_from_rows(symbol, rows)
            fetch = fetch or rows_fetch(history, rows)
        self.series = history
        self.chart = HistoryChart()
        self.chart.set_series(self.series)
        self.chart.point_clicked.connect(self._on_point_clicked)
        self.table = HistoryTable(self.series, fetch)
        self.table.view.set_empty_text(f"{symbol} is in no saved page.")
        self.table.view.activated.connect(self._on_row_activated)
        self.table.view.setToolTip("Enter or double-click: open the page this snapshot came from")
        self.summary = QLabel(self._summary(symbol))
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
        if len(self.series):
            self.table.select_row(self.table.model.rowCount() - 1)  # the newest snapshot

    def _request_table_export(self) -> None:
        self.export_table_requested.emit(self.table.model.visible_quotes())

    def _request_chart_export(self) -> None:
        self.export_chart_requested.emit(self.chart)

    def _summary(self, symbol: str) -> str:
        if not len(self.series):
            return f"{escape(symbol)} is in no saved page."
        moments = self.series.moment  # the earliest and the latest, whatever order the snapshots came in
        known = not np.isnan(moments).all()
        oldest = int(np.nanargmin(moments)) if known else 0
        newest = int(np.nanargmax(moments)) if known else len(self.series) - 1
        first, last = self.table.model.snapshot(oldest), self.table.model.snapshot(newest)
        estimated = int(np.count_nonzero(self.series.estimated))
        note = f" ({estimated:,} with estimated times, marked “est.”)" if estimated else ""
        return (
            f"<b>{escape(symbol)}</b>: {plural(len(self.series), 'snapshot')}, from {price_text(first.price)} "
            f"to {price_text(last.price)}{note}"
        )

    def _on_point_clicked(self, index: int) -> None:
        self.table.select_snapshot(index)
        self.page_requested.emit(int(self.series.page_id[index]))

    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.page_requested.emit(int(self.series.page_id[self.table.model.snapshot_at(index.row())]))
