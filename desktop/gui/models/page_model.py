"""Table model of the library's pages: the order comes from SQL, the rows a screenful at a time.

The model holds the ids of every page listed, in order (100,000 ints are cheap), and asks ``fetch`` for
the rows of a block of ids when the view first shows one. Sorting is the library's: a header click
asks for a new order (``sort_requested``) and the list is replaced when it comes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from desktop.gui.models.roles import PageRole
from desktop.library.formatting import date_text, datetime_text, plain_rich_text, short_as_of_text
from desktop.library.listing import ListedPage
from desktop.library.records import PageRow
from desktop.library.state import PageState

AnyIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Sequence[int]], Mapping[int, ListedPage]]

TITLE, SECTION, PUBLISHED, QUOTES, AS_OF = range(5)
HEADERS = ("Title", "Section", "Published", "Quotes", "Saved")
SORT_NAMES = {TITLE: "title", SECTION: "section", PUBLISHED: "published", QUOTES: "quote_count",
              AS_OF: "quotes_as_of"}
BLOCK = 200  # rows fetched together when the view reaches a row not yet read
MAX_CACHED = 20 * BLOCK
STAR = "★"


class PageListModel(QAbstractTableModel):
    """The pages listed, in the library's order; rows read from the library as they come into view."""

    sort_requested = Signal()  # the sort changed: the owner fetches the new order and calls set_listing

    def __init__(self, fetch: Fetch | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._rows_by_id: dict[int, int] | None = None
        self._cache: dict[int, ListedPage] = {}
        self._sort: tuple[int, Qt.SortOrder] = (PUBLISHED, Qt.SortOrder.DescendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- content -----------------------------------------------------------------------------------
    def set_listing(self, ids: Sequence[int], rows: Mapping[int, ListedPage] | None = None) -> None:
        """Show ``ids`` in this order; ``rows`` are those already read (the first screen)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows_by_id = None
        self._cache = dict(rows or {})
        self.endResetModel()

    def set_pages(self, pages: Sequence[PageRow], states: Mapping[int, PageState] | None = None) -> None:
        """Show ``pages`` as given (all rows known; used where there is no library to read from)."""
        known = states or {}
        self.set_listing([p.id for p in pages], {p.id: ListedPage(p, known.get(p.id, PageState())) for p in pages})

    def page_ids(self) -> list[int]:
        return list(self._ids)

    def listed_at(self, row: int) -> ListedPage | None:
        if not 0 <= row < len(self._ids):
            return None
        page_id = self._ids[row]
        listed = self._cache.get(page_id)
        if listed is None:
            self._read_block(row)
            listed = self._cache.get(page_id)
        return listed

    def page_at(self, row: int) -> PageRow | None:
        listed = self.listed_at(row)
        return listed.row if listed is not None else None

    def row_of(self, page_id: int) -> int:
        if self._rows_by_id is None:
            self._rows_by_id = {pid: row for row, pid in enumerate(self._ids)}
        return self._rows_by_id.get(page_id, -1)

    def refresh(self, page_ids: Sequence[int]) -> None:
        """Read these pages again (their state changed) and repaint their rows."""
        shown = [pid for pid in page_ids if self.row_of(pid) >= 0]
        if not shown or self._fetch is None:
            return
        fresh = self._fetch(shown)
        self._cache.update(fresh)
        for pid in shown:
            row = self.row_of(pid)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _read_block(self, row: int) -> None:
        if self._fetch is None:
            return
        start = row - row % BLOCK
        wanted = [pid for pid in self._ids[start:start + BLOCK] if pid not in self._cache]
        if len(self._cache) > MAX_CACHED:
            self._cache.clear()
        self._cache.update(self._fetch(wanted))

    # --- sorting -----------------------------------------------------------------------------------
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def sort_order(self) -> tuple[str, bool]:
        """The library's name for the sort column, and whether it runs descending."""
        column, order = self._sort
        return SORT_NAMES[column], order == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS) or (column, order) == self._sort:
            return
        self._sort = (column, order)
        self.sort_requested.emit()

    # --- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(HEADERS):
            return None
        if role == PageRole.PAGE_ID:
            return self._ids[index.row()]
        listed = self.listed_at(index.row())
        if listed is None:
            return None
        page, state = listed
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(page, state, column)
        if role == Qt.ItemDataRole.FontRole:
            return None if state.read else self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_rich_text(_tooltip(page, state))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PageRole.PAGE:
            return page
        if role == PageRole.STATE:
            return state
        return None


def _display(page: PageRow, state: PageState, column: int) -> str:
    if column == TITLE:
        title = page.title or page.file_name
        return f"{STAR} {title}" if state.starred else title
    if column == SECTION:
        return page.section or ""
    if column == PUBLISHED:
        return date_text(page.published)
    if column == QUOTES:
        return f"{page.quote_count:,}"
    return short_as_of_text(page.quotes_as_of, page.as_of_estimated)


def _tooltip(page: PageRow, state: PageState) -> str:
    lines = [page.title or page.file_name, f"File: {page.file_name} ({page.format})"]
    if page.source_url:
        lines.append(page.source_url)
    if page.as_of_estimated:
        lines.append(f"Saved: not recorded in the file; its date is {datetime_text(page.quotes_as_of)}")
    else:
        lines.append(f"Saved {datetime_text(page.quotes_as_of)} (recorded in the file)")
    status = ["read" if state.read else "unread"] + (["starred"] if state.starred else [])
    if state.reading_minutes:
        status.append(f"{state.reading_minutes} min read")
    lines.append(", ".join(status).capitalize())
    if state.tags:
        lines.append("Tags: " + ", ".join(state.tags))
    if state.note:
        note = state.note if len(state.note) <= 200 else state.note[:199] + "…"
        lines.append(f"Note: {note}")
    return "\n".join(lines)
