"""The history window's table: every snapshot of one symbol, sortable, read a screenful at a time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.gui.models.history_model import Fetch, HistoryTableModel
from desktop.gui.models.quote_model import AS_OF, CHANGE, KIND, PERCENT, PRICE, SYMBOL
from desktop.gui.models.table_model import prepare_row_view
from desktop.gui.panes.quote_grid import QuoteTableView
from desktop.gui.theme import market_colors
from desktop.library.records import QuoteRow
from desktop.library.series import HistorySeries

SAMPLES = {KIND: "Index", PRICE: "114,909.00", CHANGE: "-3,882.20", PERCENT: "▼ -10.00%",
           AS_OF: "30 Sep 2026 12:00 (est.)"}


class HistoryTable(QWidget):
    """A table of snapshots over a HistoryTableModel (no proxy: the model sorts itself with numpy)."""

    def __init__(self, series: HistorySeries, fetch: Fetch | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryTableModel(series, fetch, self)
        self.view = QuoteTableView()
        prepare_row_view(self.view, self.model, "historyTable")
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # rows never measured
        _size_columns(self.view, self.model)
        self.sort_by(self.model.column_of(AS_OF), Qt.SortOrder.AscendingOrder)  # oldest first
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.model.set_colors(market_colors(self.palette()))

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self.view.sortByColumn(column, order)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def select_snapshot(self, index: int) -> None:
        """Select the row showing the series' snapshot ``index``."""
        self.select_row(self.model.row_of_snapshot(index))

    def current_quote(self) -> QuoteRow | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.quote_at(index.row()) if index.isValid() else None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.model.set_colors(market_colors(self.palette()))
        super().changeEvent(event)


def _size_columns(view: QTableView, model: HistoryTableModel) -> None:
    """Widths from the font (never from 100,000 rows); the symbol column takes what is left."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = view.fontMetrics()
    for field, sample in SAMPLES.items():
        column = model.column_of(field)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        room = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + metrics.height())
        view.setColumnWidth(column, room + 16)
    header.setSectionResizeMode(model.column_of(SYMBOL), QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(metrics.horizontalAdvance("WWW"))
