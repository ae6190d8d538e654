"""The ticker strip over time: which symbols entered or left it between saved snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.gui.messages import plural
from desktop.gui.models.table_model import ListTableModel, plain_titles
from desktop.library.compare import StripChange
from desktop.library.formatting import as_of_text

HEADERS = ("Quotes as of", "Page", "Entered the strip", "Left the strip")


class StripChangeModel(ListTableModel):
    headers = HEADERS

    def __init__(self, changes: Sequence[StripChange], parent: Any = None,
                 estimated: frozenset[int] = frozenset()) -> None:
        super().__init__(changes, parent)
        self.changes = self.items
        self.estimated = estimated  # pages whose time is the file's date, not a recorded save time

    def cell(self, change: StripChange, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            as_of_text(change.as_of, change.page_id in self.estimated),
            change.title or f"page {change.page_id}",
            ", ".join(change.entered) or "—",
            ", ".join(change.left) or "—",
        )[column]


class StripChangesDialog(QDialog):
    """Newest change first; Enter or a double-click on a row opens that page."""

    page_requested = Signal(int)

    def __init__(self, changes: Sequence[StripChange], snapshots: int, parent: QWidget | None = None,
                 estimated: frozenset[int] = frozenset()) -> None:
        super().__init__(parent)
        self.setObjectName("stripDialog")
        self.setWindowTitle("Ticker strip over time")
        self.model = StripChangeModel(list(reversed(changes)), self, estimated)
        across = f"across the latest {plural(snapshots, 'snapshot')}"
        summary = QLabel(
            f"{plural(len(changes), 'change')} of the ticker strip {across}."
            if changes else f"The ticker strip kept the same symbols {across}."
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        plain_titles(self.view)
        self.view.setTabKeyNavigation(False)
        self.view.activated.connect(self._on_activated)  # Enter or a double-click
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view, 1)
        self.resize(760, 420)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.page_requested.emit(self.model.changes[index.row()].page_id)
