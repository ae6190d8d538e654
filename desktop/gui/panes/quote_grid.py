"""The quote grid with its breadth line, symbol filter and the bar chart that follows its order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import messages
from desktop.gui.models.quote_model import AS_OF, PERCENT, QuoteSortProxy, QuoteTableModel
from desktop.gui.models.table_model import prepare_row_view
from desktop.gui.panes.quote_chart import PercentChart
from desktop.gui.theme import market_colors
from desktop.library.formatting import datetime_text
from desktop.library.records import QuoteRow


class QuoteTableView(QTableView):
    """A table that copies its selection as tab-separated text on Ctrl+C."""

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

    def __init__(self, *, with_as_of: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuoteTableModel(with_as_of=with_as_of, parent=self)
        self.proxy = QuoteSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.breadth_label = QLabel()
        self.breadth_label.setObjectName("breadthLabel")
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("asOfLabel")
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("symbolFilter")
        self.filter_box.setPlaceholderText("Filter symbols")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setMaximumWidth(200)
        self.filter_box.setAcceptDrops(False)  # dropped files go to the window's import
        self.filter_box.textChanged.connect(self._on_filter_changed)
        self.view = self._make_view()
        self.chart = PercentChart()
        self.chart.bar_clicked.connect(self.select_row)
        self._layout()
        for signal in (self.model.modelReset, self.model.layoutChanged):
            signal.connect(self._refresh_chart)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._apply_colors()
        self.set_quotes([])

    def _make_view(self) -> QuoteTableView:
        view = QuoteTableView()
        prepare_row_view(view, self.proxy, "quoteGrid")
        view.setAlternatingRowColors(True)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        as_of = self.model.column_of(AS_OF)
        if as_of >= 0:
            view.horizontalHeader().setSectionResizeMode(as_of, QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSortIndicator(self.model.column_of(PERCENT), Qt.SortOrder.AscendingOrder)
        view.horizontalHeader().sortIndicatorChanged.connect(lambda c, o: self.sort_changed.emit(c, int(o.value)))
        view.doubleClicked.connect(self._on_double_clicked)
        return view

    def _layout(self) -> None:
        top = QHBoxLayout()
        info = QVBoxLayout()
        info.addWidget(self.breadth_label)
        info.addWidget(self.as_of_label)
        top.addLayout(info, 1)
        top.addWidget(self.filter_box, 0, Qt.AlignmentFlag.AlignBottom)
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
    def set_quotes(self, quotes: Sequence[QuoteRow], as_of: str | None = None, estimated: bool = False) -> None:
        self.model.set_quotes(quotes)
        column, order = self.model.sort_state()  # the sorted table column may have gone with the old rows
        header = self.view.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
            header.setSortIndicator(column, order)
        up = sum(q.direction == "up" for q in quotes)
        down = sum(q.direction == "down" for q in quotes)
        self.breadth_label.setText(messages.breadth(up, down, len(quotes) - up - down) if quotes else messages.NO_QUOTES)
        self.as_of_label.setText(messages.as_of(datetime_text(as_of), estimated) if as_of and quotes else "")

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
        self.proxy.set_symbol_filter(text)
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

    def _on_double_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.symbol_activated.emit(self.model.quote_at(source.row()).symbol)

    def _apply_colors(self) -> None:
        colors = market_colors(self.palette())
        self.model.set_colors(colors)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
        super().changeEvent(event)

