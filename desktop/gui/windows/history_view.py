"""A symbol's history: price over the saved snapshots, each day's percent change as bars, and the numbers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.gui.models.quote_model import AS_OF
from desktop.gui.panes.quote_grid import QuotePane
from desktop.gui.theme import market_colors
from desktop.library.formatting import moment_key, price_text
from desktop.library.records import QuoteRow

DAY = 86_400.0


def timestamps(rows: Sequence[QuoteRow]) -> np.ndarray:
    """Seconds since the epoch of each snapshot (unreadable moments become NaN)."""
    keys = (moment_key(row.as_of) for row in rows)
    return np.asarray([key if math.isfinite(key) else math.nan for key in keys], dtype=float)


class HistoryChart(QWidget):
    """Price line with a point per snapshot above, percent bars below, sharing one date axis."""

    point_clicked = Signal(int)  # index into the rows given to set_history

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.layout_widget.setObjectName("historyChart")
        self.price_plot = self.layout_widget.addPlot(row=0, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.percent_plot = self.layout_widget.addPlot(row=1, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.layout_widget.ci.layout.setRowStretchFactor(0, 3)
        self.layout_widget.ci.layout.setRowStretchFactor(1, 2)
        self.percent_plot.setXLink(self.price_plot)
        self.price_plot.setLabel("left", "Price")
        self.percent_plot.setLabel("left", "% change")
        for plot in (self.price_plot, self.percent_plot):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getAxis("left").setWidth(64)  # equal axis widths keep the two date axes aligned
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
        self._x = np.zeros(0)
        self._apply_colors()

    def set_history(self, rows: Sequence[QuoteRow]) -> None:
        x = timestamps(rows)
        keep = np.isfinite(x)
        self._x = x
        prices = np.asarray([r.price for r in rows], dtype=float)
        by_time = np.argsort(np.where(keep, x, np.inf), kind="stable")[: int(keep.sum())]  # the line runs in time
        self.line.setData(x[by_time], prices[by_time], data=by_time)
        percents = np.asarray([r.percent for r in rows], dtype=float)
        percents = np.where(np.isfinite(percents), percents, 0.0)
        width = self._bar_width(x[keep])
        directions = np.asarray([r.direction for r in rows], dtype=str)
        for key, mask in (("down", directions == "down"), ("up", directions == "up")):
            self.bars[key].setOpts(x=x[keep & mask], height=percents[keep & mask], width=width)
        flat = keep & (directions != "down") & (directions != "up") if len(rows) else keep
        self.bars["flat"].setOpts(x=x[flat], height=percents[flat], width=width)
        self.price_plot.enableAutoRange()
        self.percent_plot.enableAutoRange()

    @staticmethod
    def _bar_width(x: np.ndarray) -> float:
        if len(x) < 2:
            return DAY * 0.6
        gaps = np.diff(np.sort(x))
        gaps = gaps[gaps > 0]
        return float(min(DAY * 0.6, gaps.min() * 0.6)) if len(gaps) else DAY * 0.6

    def _on_points_clicked(self, _item: object, points: Sequence[object]) -> None:
        if len(points):
            self.point_clicked.emit(int(points[0].data()))  # type: ignore[attr-defined]

    def _apply_colors(self) -> None:
        colors = market_colors(self.palette())
        self.layout_widget.setBackground(colors.background)
        for plot in (self.price_plot, self.percent_plot):
            for name in ("left", "bottom"):
                plot.getAxis(name).setTextPen(pg.mkPen(colors.foreground))
                plot.getAxis(name).setPen(pg.mkPen(colors.grid))
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
    """A window for one symbol; clicking a point or double-clicking a row asks to open that page."""

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
        self.table = QuotePane(with_as_of=True)
        self.table.set_quotes(self.rows)
        self.table.chart.hide()
        self.table.filter_box.hide()
        self.table.sort_by(self.table.model.column_of(AS_OF), Qt.SortOrder.AscendingOrder)
        self.table.view.doubleClicked.connect(self._on_row_activated)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        export_table = QPushButton("Export table…")
        export_table.clicked.connect(self._request_table_export)
        export_chart = QPushButton("Export chart…")
        export_chart.clicked.connect(self._request_chart_export)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(export_table)
        top.addWidget(export_chart)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(860, 640)

    def _request_table_export(self) -> None:
        self.export_table_requested.emit(self.table.model.visible_quotes())

    def _request_chart_export(self) -> None:
        self.export_chart_requested.emit(self.chart)

    def _summary(self, symbol: str) -> str:
        if not self.rows:
            return f"{escape(symbol)} is in no saved page."
        first, last = self.rows[0], self.rows[-1]
        return (
            f"<b>{escape(symbol)}</b>: {len(self.rows)} snapshots, from {price_text(first.price)} "
            f"to {price_text(last.price)}"
        )

    def _on_row_activated(self, index: object) -> None:
        source = self.table.proxy.mapToSource(index)  # type: ignore[arg-type]
        if source.isValid():
            self.page_requested.emit(self.table.model.quote_at(source.row()).page_id)
