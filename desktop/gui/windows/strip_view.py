"""The ticker strip over time: which symbols entered or left it between saved snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.gui.models.table_model import ListTableModel
from desktop.library.compare import StripChange
from desktop.library.formatting import datetime_text

HEADERS = ("Quotes as of", "Page", "Entered the strip", "Left the strip")


class StripChangeModel(ListTableModel):
    headers = HEADERS

    def __init__(self, changes: Sequence[StripChange], parent: Any = None) -> None:
        super().__init__(changes, parent)
        self.changes = self.items

    def cell(self, change: StripChange, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            datetime_text(change.as_of),
            change.title or f"page {change.page_id}",
            ", ".join(change.entered) or "—",
            ", ".join(change.left) or "—",
        )[column]


class StripChangesDialog(QDialog):
    """Newest change first; double-click a row to open that page."""

    page_requested = Signal(int)

    def __init__(self, changes: Sequence[StripChange], snapshots: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stripDialog")
        self.setWindowTitle("Ticker strip over time")
        self.model = StripChangeModel(list(reversed(changes)), self)
        summary = QLabel(
            f"{len(changes)} change(s) of the ticker strip across the latest {snapshots} snapshots."
            if changes else f"The ticker strip kept the same symbols across the latest {snapshots} snapshots."
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        self.view.doubleClicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view, 1)
        self.resize(760, 420)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.page_requested.emit(self.model.changes[index.row()].page_id)
