"""The quote grid with its breadth line, symbol filter and the bar chart that follows its order."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import messages
from desktop.gui.focus import IntoList
from desktop.gui.models.quote_model import (
    AS_OF,
    CHANGE,
    HIGH,
    KIND,
    LOW,
    OPEN,
    PERCENT,
    PREVIOUS,
    PRICE,
    SECTOR,
    SYMBOL,
    VOLUME,
    QuoteSortProxy,
    QuoteTableModel,
)
from desktop.gui.models.table_model import prepare_row_view
from desktop.gui.panes.quote_chart import PercentChart
from desktop.gui.theme import market_colors
from desktop.library.formatting import datetime_text
from desktop.library.records import QuoteRow

MAX_FILTER_TEXT = 40  # characters of the symbol filter that are used


class QuoteTableView(QTableView):
    """A table that copies its selection as tab-separated text on Ctrl+C and says why it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = ""
        self.setTabKeyNavigation(False)  # Tab leaves the grid; the arrow keys move in it

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Arriving by keyboard with no row chosen selects the first one, so Enter and the arrows have a target."""
        super().focusInEvent(event)
        selection = self.selectionModel()
        current = self.currentIndex()
        if selection is not None and current.isValid() and not selection.hasSelection():
            selection.select(current, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    def set_empty_text(self, text: str) -> None:
        if text != self._empty_text:
            self._empty_text = text
            self.viewport().update()

    def empty_text(self) -> str:
        """What the grid says when it has no rows ("" when it has rows)."""
        model = self.model()
        return self._empty_text if model is None or model.rowCount() == 0 else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.empty_text()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(market_colors(self.palette()).muted)
            area = self.viewport().rect().adjusted(16, 16, -16, -16)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def selection_text(self) -> str:
        model = self.model()
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        header = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        lines = ["\t".join(header)]
        for row in rows:
            lines.append("\t".join(str(model.index(row, c).data() or "") for c in columns))
        return "\n".join(lines) + "\n"

    def copy_selection(self) -> None:
        text = self.selection_text()
        if text:
            QGuiApplication.clipboard().setText(text)


class QuotePane(QWidget):
    """Breadth and as-of line, filter box, grid and chart; the chart's bars follow the grid's rows."""

    symbol_activated = Signal(str)
    sort_changed = Signal(int, int)

    def __init__(self, *, with_as_of: bool = False, as_of_time: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuoteTableModel(with_as_of=with_as_of, as_of_time=as_of_time, parent=self)
        self.proxy = QuoteSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self._empty_text = messages.NO_PAGE
        self._flagged = 0  # quotes whose numbers disagree
        self.breadth_label = self._info_label("breadthLabel")
        self.as_of_label = self._info_label("asOfLabel")
        self.filter_box = self._make_filter_box()
        self.view = self._make_view()
        IntoList(self.filter_box, self.view)
        self.chart = PercentChart()
        self.chart.bar_clicked.connect(self.select_row)
        self.chart.bar_activated.connect(self._activate_row)
        self._layout()
        for signal in (self.model.modelReset, self.model.layoutChanged):
            signal.connect(self._refresh_chart)
        self.model.modelReset.connect(self._update_breadth)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._apply_colors()
        self.clear(messages.NO_PAGE)

    @staticmethod
    def _info_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)  # a narrow pane wraps the line instead of squeezing the filter box
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _make_filter_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setObjectName("symbolFilter")
        box.setPlaceholderText("Filter symbols")
        box.setClearButtonEnabled(True)
        box.setAcceptDrops(False)  # dropped files go to the window's import
        metrics = box.fontMetrics()
        box.setFixedWidth(metrics.horizontalAdvance("Filter symbols") + 3 * metrics.height())  # text + clear button
        box.textChanged.connect(self._on_filter_changed)
        return box

    def _make_view(self) -> QuoteTableView:
        view = QuoteTableView()
        prepare_row_view(view, self.proxy, "quoteGrid")
        view.setAlternatingRowColors(True)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        self._size_columns(view)
        self.model.modelReset.connect(lambda: self._size_columns(view))  # a quote table may bring more columns
        view.horizontalHeader().setSortIndicator(self.model.column_of(PERCENT), Qt.SortOrder.AscendingOrder)
        view.horizontalHeader().sortIndicatorChanged.connect(lambda c, o: self.sort_changed.emit(c, int(o.value)))
        view.activated.connect(self._on_activated)  # Enter, or a double-click
        return view

    def _size_columns(self, view: QTableView) -> None:
        """Numbers get the width their longest usual value needs; the symbol column takes what is left of the
        view, or, when a quote table brings more columns than fit, the width of a long symbol (so % change stays in
        sight and the others scroll).

        Measured from the font, never from the rows (measuring 100,000 rows on every change would stall).
        """
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = view.fontMetrics()
        as_of = "30 Sep 2026 12:00 (est.)" if self.model.as_of_time else "30 Sep 2026 (est.)"
        samples = {KIND: "Sector", PRICE: "114,909.00", CHANGE: "-3,882.20", PERCENT: "▼ -10.00%", AS_OF: as_of,
                   OPEN: "114,909.00", HIGH: "114,909.00", LOW: "114,909.00", PREVIOUS: "114,909.00",
                   VOLUME: "123,456,789", SECTOR: "Oil & Gas Exploration"}
        for field, sample in samples.items():
            column = self.model.column_of(field)
            if column >= 0:
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                room = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + metrics.height())
                view.setColumnWidth(column, room + 16)
        symbol = self.model.column_of(SYMBOL)
        if self.model.column_of(OPEN) < 0 and self.model.column_of(VOLUME) < 0 and self.model.column_of(SECTOR) < 0:
            header.setSectionResizeMode(symbol, QHeaderView.ResizeMode.Stretch)
        else:
            view.setColumnWidth(symbol, metrics.horizontalAdvance("BR - Oil and Gas") + 16)
        header.setMinimumSectionSize(metrics.horizontalAdvance("WWW"))

    def _layout(self) -> None:
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.breadth_label, 0, 0)
        top.addWidget(self.filter_box, 0, 1)
        top.addWidget(self.as_of_label, 1, 0, 1, 2)  # the whole width: the line says how the time is known
        top.setColumnStretch(0, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("gridChartSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([440, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    # --- content ---------------------------------------------------------------------------------
    def set_quotes(self, quotes: Sequence[QuoteRow], as_of: str | None = None, estimated: bool = False,
                   empty_text: str = messages.NO_QUOTES) -> None:
        """Show ``quotes``; ``empty_text`` says why the grid is empty when there are none."""
        self._empty_text = empty_text
        self._flagged = sum(q.flag is not None for q in quotes)
        self.model.set_quotes(quotes)
        column, order = self.model.sort_state()  # the sorted table column may have gone with the old rows
        header = self.view.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.setSortIndicator(column, order)
        self.as_of_label.setText(messages.as_of(datetime_text(as_of), estimated) if as_of and quotes else "")
        self.as_of_label.setToolTip(messages.ESTIMATED_TIP if as_of and quotes and estimated else "")

    def clear(self, message: str) -> None:
        """No quotes, and ``message`` in the grid and chart saying why."""
        self.set_quotes([], empty_text=message)

    def empty_text(self) -> str:
        """Why the grid is empty: no page, no quotes, or no symbol matching the filter ("" with rows)."""
        if self.model.rowCount() > 0:
            return ""
        needle = self.model.symbol_filter()
        return messages.no_match(needle) if needle and self.model.total_count() else self._empty_text

    def _update_breadth(self) -> None:
        """Advancers and decliners among the rows the grid shows (the filter counts)."""
        codes = self.model.visible_direction_codes()
        shown, total = len(codes), self.model.total_count()
        if total == 0:
            self.breadth_label.setText("")
        else:
            up, down = int(np.count_nonzero(codes > 0)), int(np.count_nonzero(codes < 0))
            text = messages.breadth(up, down, shown - up - down, shown, total)
            flagged = messages.breadth_line([f"⚠ {self._flagged} unreadable"]) if self._flagged else ""
            self.breadth_label.setText(f"{text}  {flagged}" if flagged else text)
        self.breadth_label.setToolTip(messages.unreadable(self._flagged, total) if self._flagged else "")
        empty = self.empty_text()
        self.view.set_empty_text(empty)
        self.chart.set_empty_text(empty)

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self.view.sortByColumn(column, order)

    def show_biggest_losers(self) -> None:
        self.sort_by(self.model.column_of(PERCENT), Qt.SortOrder.AscendingOrder)

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def current_quote(self) -> QuoteRow | None:
        index = self.view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.quote_at(self.proxy.mapToSource(index).row())

    def _on_filter_changed(self, text: str) -> None:
        """Filter the symbols, keeping the selected quote selected when it still shows."""
        current = self.current_quote()
        self.proxy.set_symbol_filter(text[:MAX_FILTER_TEXT])
        if current is None:
            return
        for row in range(self.proxy.rowCount()):
            if self.model.quote_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row()) is current:
                self.select_row(row)
                break

    # --- wiring ----------------------------------------------------------------------------------
    def _refresh_chart(self) -> None:
        self.chart.set_bars(
            self.model.visible_view(), self.model.visible_percents(), self.model.visible_direction_codes()
        )
        current = self.view.selectionModel().currentIndex() if self.view.selectionModel() else QModelIndex()
        self.chart.select_bar(current.row() if current.isValid() else -1)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.chart.select_bar(current.row() if current.isValid() else -1)

    def _on_activated(self, index: QModelIndex) -> None:
        self._activate_row(index.row() if index.isValid() else -1)

    def _activate_row(self, row: int) -> None:
        source = self.proxy.mapToSource(self.proxy.index(row, 0))
        if source.isValid():
            self.symbol_activated.emit(self.model.quote_at(source.row()).symbol)

    def activate_current(self) -> bool:
        """Open the history of the selected symbol (False when no row is selected)."""
        quote = self.current_quote()
        if quote is not None:
            self.symbol_activated.emit(quote.symbol)
        return quote is not None

    def _apply_colors(self) -> None:
        colors = market_colors(self.palette())
        self.model.set_colors(colors)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
        super().changeEvent(event)

