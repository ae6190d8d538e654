"""Table model of the library's pages; sorts itself (the list can hold tens of thousands of pages)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.gui.models.roles import PageRole
from desktop.library.formatting import as_of_text, date_text, datetime_text, moment_key, plain_rich_text
from desktop.library.records import PageRow

AnyIndex = QModelIndex | QPersistentModelIndex

TITLE, SECTION, PUBLISHED, QUOTES, AS_OF = range(5)
HEADERS = ("Title", "Section", "Published", "Quotes", "Saved")


def _sort_key(page: PageRow, column: int) -> Any:
    if column == TITLE:
        return (page.title or "").casefold()
    if column == SECTION:
        return (page.section or "").casefold()
    if column == PUBLISHED:
        return page.published or ""
    if column == QUOTES:
        return page.quote_count
    return moment_key(page.quotes_as_of)


class PageListModel(QAbstractTableModel):
    """Every page shown in the library list, in the order the user chose."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pages: list[PageRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (PUBLISHED, Qt.SortOrder.DescendingOrder)

    def set_pages(self, pages: Sequence[PageRow]) -> None:
        self.beginResetModel()
        self._pages = self._sorted(list(pages), *self._sort)
        self.endResetModel()

    def page_at(self, row: int) -> PageRow | None:
        return self._pages[row] if 0 <= row < len(self._pages) else None

    def row_of(self, page_id: int) -> int:
        for row, page in enumerate(self._pages):
            if page.id == page_id:
                return row
        return -1

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pages)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._pages) or index.column() >= len(HEADERS):
            return None
        page = self._pages[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(page, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_rich_text(_tooltip(page))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PageRole.SORT_KEY:
            return _sort_key(page, column)
        if role == PageRole.PAGE_ID:
            return page.id
        if role == PageRole.PAGE:
            return page
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._pages[i.row()].id for i in old]
        self._sort = (column, order)
        self._pages = self._sorted(self._pages, column, order)
        rows = {page.id: row for row, page in enumerate(self._pages)}
        self.changePersistentIndexList(old, [self.index(rows[i], p.column()) for i, p in zip(ids, old, strict=True)])
        self.layoutChanged.emit()

    @staticmethod
    def _sorted(pages: list[PageRow], column: int, order: Qt.SortOrder) -> list[PageRow]:
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(pages, key=lambda p: (_sort_key(p, column), p.id), reverse=descending)


def _display(page: PageRow, column: int) -> str:
    if column == TITLE:
        return page.title or page.file_name
    if column == SECTION:
        return page.section or ""
    if column == PUBLISHED:
        return date_text(page.published)
    if column == QUOTES:
        return f"{page.quote_count:,}"
    return as_of_text(page.quotes_as_of, page.as_of_estimated)


def _tooltip(page: PageRow) -> str:
    lines = [page.title or page.file_name, f"File: {page.file_name} ({page.format})"]
    if page.source_url:
        lines.append(page.source_url)
    if page.as_of_estimated:
        lines.append(f"Saved: not recorded in the file; its date is {datetime_text(page.quotes_as_of)}")
    else:
        lines.append(f"Saved {datetime_text(page.quotes_as_of)} (recorded in the file)")
    return "\n".join(lines)
