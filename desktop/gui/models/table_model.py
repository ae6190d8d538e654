"""Shared table pieces: a read-only list model for dialogs, and the set-up every row-selecting view gets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

AnyIndex = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """Rows from a list, columns from ``headers``; subclasses answer ``cell(item, column, role)``."""

    headers: Sequence[str] = ()

    def __init__(self, items: Sequence[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.items = list(items)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items) or index.column() >= len(self.headers):
            return None
        return self.cell(self.items[index.row()], index.column(), role)

    def cell(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError


def prepare_row_view(view: QTableView, model: QAbstractItemModel, name: str) -> QTableView:
    """A sortable table that selects whole rows and shows no row numbers."""
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    plain_titles(view)
    return view


def plain_titles(view: QTableView) -> None:
    """Column titles stay in the regular weight while a row is selected.

    A selected row covers every column, so the header would set every title in bold: the wider titles then
    run under the sort arrow, in columns sized for the regular weight, and the bold says nothing.
    """
    view.horizontalHeader().setHighlightSections(False)
