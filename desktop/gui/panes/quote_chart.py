"""Bar chart of percent changes, one bar per grid row in the grid's order (pyqtgraph)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QCursor, QFont, QFontMetrics, QImage, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QStackedLayout, QToolTip, QWidget

from desktop.gui.theme import MarketColors, market_colors
from desktop.library.formatting import change_text, price_text
from desktop.library.records import QuoteRow

MAX_LABELLED_BARS = 40  # more symbol ticks than this are unreadable and slow to draw
LABEL_GAP = 8  # pixels between two symbols under the axis
BAR_WIDTH = 0.8
EXPORT_SIZE = QSize(960, 480)  # a chart exported while its pane is collapsed is drawn at this size
PAGE_STEP = 10  # bars moved by Page Up / Page Down


def direction_code(direction: str) -> int:
    return 1 if direction == "up" else -1 if direction == "down" else 0


class PercentChart(QWidget):
    """Losers red, gainers green, unchanged grey; hover shows a quote, clicking a bar emits its row.

    From the keyboard: Left/Right (Home/End, Page Up/Down) move between bars, Enter opens the bar's symbol.
    """

    bar_clicked = Signal(int)
    bar_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Percent change chart")
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("percentChart")
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart as a whole takes the focus
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getAxis("left").enableAutoSIPrefix(False)  # never "% change (x0.001)"
        self.empty_label = QLabel()
        self.empty_label.setObjectName("chartEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(16)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.plot)
        self._stack.addWidget(self.empty_label)
        self._colors = market_colors(self.palette())
        self._quotes: Sequence[QuoteRow] = []
        self._heights = np.zeros(0)
        self._codes = np.zeros(0, dtype=np.int8)  # -1 down, 0 unchanged, 1 up
        self._selected = -1
        self._items = {key: pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH, pen=None) for key in ("down", "up", "flat")}
        self._selection_item = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH, brush=None)
        for item in (*self._items.values(), self._selection_item):
            self.plot.addItem(item)
        self._zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.plot.addItem(self._zero)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.getPlotItem().vb.sigResized.connect(self._set_ticks)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self._apply_colors()

    # --- data ------------------------------------------------------------------------------------
    def set_quotes(self, quotes: Sequence[QuoteRow]) -> None:
        """Draw one bar per quote, left to right in the given order."""
        heights = np.fromiter((q.percent for q in quotes), dtype=float, count=len(quotes))
        codes = np.fromiter((direction_code(q.direction) for q in quotes), dtype=np.int8, count=len(quotes))
        self.set_bars(quotes, heights, codes)

    def set_bars(self, quotes: Sequence[QuoteRow], percents: np.ndarray, codes: np.ndarray) -> None:
        """Like set_quotes, with the heights and direction codes (-1, 0, 1) already in arrays.

        ``quotes`` may be any sequence (it is only indexed for labels and tooltips), so a model can pass
        a view of its rows without building a list of 100,000 of them.
        """
        self._quotes = quotes
        self._codes = np.asarray(codes, dtype=np.int8)
        self._heights = np.where(np.isfinite(percents), percents, 0.0)  # non-finite heights break auto-range
        x = np.arange(len(self._heights), dtype=float)
        for key, mask in self._masks().items():
            self._items[key].setOpts(x=x[mask], height=self._heights[mask], width=BAR_WIDTH)
        self._set_ticks()
        self._selected = -1
        self._draw_selection()
        self._fit()
        if len(self._quotes):
            self._stack.setCurrentWidget(self.plot)

    def bar_heights(self) -> dict[str, tuple[list[float], list[float]]]:
        """(x, height) of the bars in each colour group: "down", "up", "flat"."""
        return {
            key: (list(map(float, item.opts["x"])), list(map(float, item.opts["height"])))
            for key, item in self._items.items()
        }

    def bar_count(self) -> int:
        return len(self._quotes)

    def set_empty_text(self, text: str) -> None:
        """With no bars, show ``text`` (why there is nothing to draw) instead of an empty plot."""
        self.empty_label.setText(text)
        showing_text = bool(text) and not len(self._quotes)
        self._stack.setCurrentWidget(self.empty_label if showing_text else self.plot)

    def image(self) -> QImage:
        """The chart as a picture; drawn at a standard size when the pane is collapsed or tiny."""
        if self.width() >= 200 and self.height() >= 120:
            return self.grab().toImage()
        twin = PercentChart()
        twin.resize(EXPORT_SIZE)
        twin.set_bars(self._quotes, self._heights, self._codes)
        twin.set_empty_text(self.empty_label.text())
        image = twin.grab().toImage()
        twin.deleteLater()
        return image

    def select_bar(self, index: int) -> None:
        """Outline bar ``index`` (-1 for none)."""
        self._selected = index if 0 <= index < len(self._quotes) else -1
        self._draw_selection()

    def selected_bar(self) -> int:
        return self._selected

    def bar_at(self, x: float, y: float) -> int:
        """Index of the bar under view coordinates (x, y), or -1."""
        i = round(x)
        if not 0 <= i < len(self._heights) or abs(x - i) > BAR_WIDTH / 2:
            return -1
        height = self._heights[i]
        low, high = min(0.0, height), max(0.0, height)
        slack = max(0.05 * (self._span() or 1.0), 0.05)
        return i if low - slack <= y <= high + slack else -1

    def quote_tooltip(self, index: int) -> str:
        q = self._quotes[index]
        return f"{q.symbol}\nPrice {price_text(q.price)}\nChange {change_text(q.change)}\n{q.percent:+.2f}%"

    # --- drawing ---------------------------------------------------------------------------------
    def _masks(self) -> dict[str, np.ndarray]:
        return {"down": self._codes < 0, "up": self._codes > 0, "flat": self._codes == 0}

    def _set_ticks(self) -> None:
        """Symbols under the bars; when they cannot all fit, every k-th one (hover shows the rest)."""
        axis = self.plot.getAxis("bottom")
        if 0 < len(self._quotes) <= MAX_LABELLED_BARS:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 0.85)
            axis.setTickFont(font)
            symbols = [self._quotes[i].symbol for i in range(len(self._quotes))]
            room = max(self.plot.getPlotItem().vb.width(), 1.0)
            axis.setTicks([[(i, symbols[i]) for i in labelled_bars(symbols, QFontMetrics(font), room)]])
            axis.setStyle(tickTextOffset=4)
        else:
            axis.setTicks([[]])
        many = len(self._quotes) > MAX_LABELLED_BARS
        axis.setLabel(f"{len(self._quotes):,} symbols" if many else "", color=self._colors.foreground.name())

    def _draw_selection(self) -> None:
        if self._selected < 0:
            self._selection_item.setOpts(x=[], height=[], width=BAR_WIDTH)
            return
        pen = pg.mkPen(self._colors.foreground, width=2)
        self._selection_item.setOpts(
            x=[float(self._selected)], height=[float(self._heights[self._selected])], width=BAR_WIDTH, pen=pen, brush=None
        )

    def _span(self) -> float:
        if not len(self._heights):
            return 0.0
        return float(self._heights.max(initial=0.0) - self._heights.min(initial=0.0))

    def _fit(self) -> None:
        n = len(self._heights)
        low = min(0.0, float(self._heights.min(initial=0.0)))
        high = max(0.0, float(self._heights.max(initial=0.0)))
        pad = max((high - low) * 0.06, 0.25)
        self.plot.setXRange(-0.6, max(n - 0.4, 0.6), padding=0)
        self.plot.setYRange(low - pad, high + pad, padding=0)

    def _apply_colors(self) -> None:
        c: MarketColors = self._colors
        self.plot.setBackground(c.background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(c.grid))
            axis.setTextPen(pg.mkPen(c.foreground))
        self.plot.setLabel("left", "% change", color=c.foreground.name())
        self._set_ticks()
        self._items["down"].setOpts(brush=pg.mkBrush(c.down))
        self._items["up"].setOpts(brush=pg.mkBrush(c.up))
        self._items["flat"].setOpts(brush=pg.mkBrush(c.unchanged))
        self._zero.setPen(pg.mkPen(c.foreground, width=1))
        self._draw_selection()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colors = market_colors(self.palette())
            self._apply_colors()
        super().changeEvent(event)

    # --- keyboard --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self._quotes)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected >= 0:
            self.bar_activated.emit(self._selected)
            return
        moves = {Qt.Key.Key_Left: self._selected - 1, Qt.Key.Key_Right: self._selected + 1,
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: count - 1,
                 Qt.Key.Key_PageUp: self._selected - PAGE_STEP, Qt.Key.Key_PageDown: self._selected + PAGE_STEP}
        if key in moves and count:
            target = 0 if self._selected < 0 and key == Qt.Key.Key_Right else moves[Qt.Key(key)]
            self.bar_clicked.emit(min(max(target, 0), count - 1))
            return
        super().keyPressEvent(event)

    # --- mouse -----------------------------------------------------------------------------------
    def _view_point(self, scene_pos: QPointF) -> QPointF:
        return self.plot.getPlotItem().vb.mapSceneToView(scene_pos)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self._view_point(scene_pos)
        index = self.bar_at(point.x(), point.y())
        if index >= 0:
            QToolTip.showText(QCursor.pos(), self.quote_tooltip(index), self.plot)
        else:
            QToolTip.hideText()

    def _on_mouse_clicked(self, event: object) -> None:
        if getattr(event, "button", lambda: None)() != Qt.MouseButton.LeftButton:
            return
        point = self._view_point(event.scenePos())  # type: ignore[attr-defined]
        index = self.bar_at(point.x(), point.y())
        if index >= 0 and math.isfinite(point.x()):
            self.bar_clicked.emit(index)


def labelled_bars(symbols: Sequence[str], metrics: QFontMetrics, room: float) -> list[int]:
    """The bars whose symbols fit under the axis, left to right, each clear of the one before (a long symbol
    makes its neighbours give way; hover names every bar). The view spans -0.6 … n - 0.4 (see set_quotes)."""
    per_bar = room / (len(symbols) + 0.2)
    kept: list[int] = []
    right = -float(LABEL_GAP)  # a symbol wider than the axis's edge allows is left out, not cut
    for index, symbol in enumerate(symbols):
        half = metrics.horizontalAdvance(symbol) / 2
        centre = (index + 0.6) * per_bar
        if centre - half >= right + LABEL_GAP and centre + half <= room:
            kept.append(index)
            right = centre + half
    return kept
