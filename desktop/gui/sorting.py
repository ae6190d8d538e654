"""Sorting and columns from the keyboard: View ▸ Sort Quotes By / Sort Pages By / Page List Columns, kept ticked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar

from desktop.gui.menus import WindowActions
from desktop.gui.models.quote_model import AS_OF, CHANGE, HIGH, LOW, OPEN, PREVIOUS, PRICE, VOLUME
from desktop.gui.panes.page_list import PageListPane
from desktop.gui.panes.quote_grid import QuotePane

# these start with the highest (newest, most traded); the rest A→Z, losers first
DESCENDING_FIRST = {PRICE, CHANGE, AS_OF, OPEN, HIGH, LOW, PREVIOUS, VOLUME}


def _flipped(order: Qt.SortOrder) -> Qt.SortOrder:
    return Qt.SortOrder.AscendingOrder if order == Qt.SortOrder.DescendingOrder else Qt.SortOrder.DescendingOrder


class Sorting:
    """Sorts the grid on screen and the page list as a header click would, and keeps the menus' ticks true."""

    def __init__(self, pages: PageListPane, grid: Callable[[], QuotePane], status: QStatusBar) -> None:
        self._pages, self._grid, self._status = pages, grid, status
        self._actions: WindowActions | None = None

    def attach(self, actions: WindowActions) -> None:
        self._actions = actions
        self.sync()

    def quotes_by(self, field: int) -> None:
        """Sort the grid on screen by ``field``; the column already sorted by is reversed."""
        grid = self._grid()
        column = grid.model.column_of(field)
        if column < 0:
            self._status.showMessage("This grid has no such column.", 4000)
            return
        current, order = grid.model.sort_state()
        first = Qt.SortOrder.DescendingOrder if field in DESCENDING_FIRST else Qt.SortOrder.AscendingOrder
        grid.sort_by(column, _flipped(order) if current == column else first)
        self.sync()

    def pages_by(self, column: int) -> None:
        current, order = self._pages.model.sort_state()
        self._pages.sort_by(column, _flipped(order) if current == column else Qt.SortOrder.DescendingOrder)
        self.sync()

    def toggle_page_column(self, column: int) -> None:
        view = self._pages.view
        view.setColumnHidden(column, not view.isColumnHidden(column))
        self.sync()

    def sync(self) -> None:
        """Tick the columns the grid on screen and the page list are sorted by, and the list's shown columns."""
        if self._actions is None:
            return
        grid = self._grid()
        column, _order = grid.model.sort_state()
        for field, action in self._actions.quote_sorts.items():
            action.setEnabled(grid.model.column_of(field) >= 0)
            action.setChecked(grid.model.column_of(field) == column)
        page_column, _order = self._pages.model.sort_state()
        for column, action in self._actions.page_sorts.items():
            action.setChecked(column == page_column)
        for column, action in self._actions.page_columns.items():
            action.setChecked(not self._pages.view.isColumnHidden(column))
