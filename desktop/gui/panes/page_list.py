"""The library list: every saved page, a full-text search box and the count of pages shown."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.background import Background
from desktop.gui.focus import IntoList
from desktop.gui.models.page_model import AS_OF, BLOCK, PUBLISHED, QUOTES, SECTION, TITLE, PageListModel
from desktop.gui.models.table_model import prepare_row_view
from desktop.gui.panes.column_room import StretchRoom
from desktop.gui.panes.page_filters import FilterBar
from desktop.library import Library, LibraryError
from desktop.library.listing import ListedPage, PageFilter
from desktop.library.records import PageRow

log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 200
NO_MATCH = "No pages match. Clear the search or the filters to see every page."


class PageListPane(QWidget):
    """Lists pages; a search runs off the GUI thread after typing pauses, and stale answers are dropped."""

    page_selected = Signal(object)  # page id (int) or None
    page_opened = Signal(int)  # Enter or a double-click on a page: read it
    pages_loaded = Signal()

    def __init__(self, library_path: Path, background: Background, parent: QWidget | None = None,
                 reader: Library | None = None) -> None:
        super().__init__(parent)
        self._library_path = library_path
        self._background = background
        self._reader = reader  # this thread's connection, for the rows that scroll into view
        self._owns_reader = False
        self._generation = 0
        self._wanted_page: int | None = None
        self._or_first = False
        self._shown: int | None = None  # the page last announced by page_selected
        self._focus_when_loaded = False  # Enter ran the search: the list takes the focus if it finds pages
        self._mark: tuple[int, int] | None = None  # the library's pages_mark when the list was last loaded
        self._loading = False  # a reload has been asked for and not answered yet
        self._read_problem: str | None = None  # the last error met reading rows, said below the list
        self.model = PageListModel(self._read_rows, self)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search articles")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAcceptDrops(False)  # a dropped file imports (the window takes it), not types its URL
        self.filters = FilterBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("pageCount")
        self.view = self._make_view()
        self.no_match = self._no_match_note(self.view)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        # a new sort order is fetched once control returns to the event loop (an explicit reload first wins)
        self._sort_timer = QTimer(self, singleShot=True, interval=0)
        self._sort_timer.timeout.connect(self.reload)
        self.model.sort_requested.connect(self._sort_timer.start)
        self.filters.changed.connect(self._sort_timer.start)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        IntoList(self.search_box, self.view, self._search_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def _make_view(self) -> QTableView:
        view = prepare_row_view(QTableView(), self.model, "pageList")
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        bold = view.font()
        bold.setBold(True)  # unread pages are bold
        metrics = QFontMetrics(bold)
        widths = {SECTION: metrics.horizontalAdvance("Markets") + 24, PUBLISHED: metrics.horizontalAdvance("30 Sep 2025") + 28,
                  QUOTES: metrics.horizontalAdvance("Quotes") + 24,
                  AS_OF: metrics.horizontalAdvance("30 Sep 12:00 (est.)") + 16}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, width)
        header.setSortIndicator(*self.model.sort_state())
        header.moveSection(header.visualIndex(AS_OF), header.visualIndex(QUOTES))  # Title | Saved | Quotes
        for column in (SECTION, PUBLISHED):
            view.setColumnHidden(column, True)  # in the tooltip and the article; View ▸ Page List Columns shows them
        # a narrow list keeps room for the titles: the dates give way (counts are never cut)
        self.title_room = StretchRoom(view, TITLE, {column: widths[column] for column in (AS_OF, PUBLISHED, SECTION)})
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._prepare_keyboard(view)
        return view

    @staticmethod
    def _no_match_note(view: QTableView) -> QLabel:
        """Said in the empty list when the search and filters leave no page (an empty list says nothing)."""
        note = QLabel(NO_MATCH)
        note.setObjectName("noMatch")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(view.viewport())
        layout.setContentsMargins(12, 24, 12, 12)
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
        note.hide()
        return note

    # --- keyboard --------------------------------------------------------------------------------
    def _prepare_keyboard(self, view: QTableView) -> None:
        """Tab leaves the list (arrows move in it); Enter opens the page; the page shown is a selected row."""
        view.setTabKeyNavigation(False)
        view.activated.connect(self._on_activated)
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _on_activated(self, index: QModelIndex) -> None:
        page = self.model.page_at(index.row()) if index.isValid() else None
        if page is not None:
            self.page_opened.emit(page.id)

    def _row_is_selected(self, row: int) -> bool:
        return self.view.selectionModel().isRowSelected(row, QModelIndex())

    def _on_selection_changed(self) -> None:
        """A row selected under the keyboard cursor (Ctrl+Space after Ctrl+arrows) becomes the page shown."""
        current = self.view.selectionModel().currentIndex()
        if current.isValid() and self._row_is_selected(current.row()):
            self._show_row(current.row())

    # --- loading ---------------------------------------------------------------------------------
    def page_filter(self) -> PageFilter:
        """What the list shows: the search box's words and the filters above the list, all at once."""
        return self.filters.apply(self.search_box.text()[:200].strip() or None)

    def show_everything(self) -> None:
        """Clear the search and the filters (the list reloads)."""
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        self.search_box.clear()

    def _search_now(self) -> bool:
        """Run a search still waiting for typing to pause (True), so Enter shows its first page at once."""
        if not self._timer.isActive():
            return False
        self.reload(or_first=True)
        self._focus_when_loaded = True
        return True

    def reload(self, select_page: int | None = None, or_first: bool = False) -> None:
        """Ask the library for the order of the pages to list and their first screen, off the GUI thread.

        ``or_first``: when neither ``select_page`` nor the current page is listed, show the first page (at start).
        """
        self._timer.stop()
        self._sort_timer.stop()
        self._generation += 1
        self._loading = True
        self._wanted_page = select_page  # None: keep whatever is current when the answer arrives
        self._or_first = or_first
        generation, wanted = self._generation, self.page_filter()
        sort, descending = self.model.sort_order()
        self._background.run_in_library(
            self._library_path, lambda library: load_listing(library, sort, descending, wanted),
            lambda listing: self._on_loaded(generation, listing),
            lambda message: self._on_failed(generation, message),
        )

    def reload_if_changed(self) -> bool:
        """Reload when pages were imported or deleted since the list was loaded (by ``market-reader import`` in a
        terminal, say, while the window was in the background); True when it does."""
        if self._mark is None or self._loading or self._timer.isActive() or self._sort_timer.isActive():
            return False  # a listing is on its way (the first, or one asked for): it will be up to date
        try:
            if self._reader is None:
                self._reader, self._owns_reader = Library(self._library_path), True
            mark = self._reader.pages_mark()
        except LibraryError as error:
            log.warning("the library could not be checked for new pages: %s", error.message)
            return False
        if mark == self._mark:
            return False
        self._mark = mark  # asked once: the reload brings the list up to it
        self.reload()
        return True

    def _read_rows(self, ids: Sequence[int]) -> Mapping[int, ListedPage]:
        """Rows scrolled into view, read on this thread (a block of ids by primary key: about a millisecond)."""
        try:
            if self._reader is None:
                self._reader, self._owns_reader = Library(self._library_path), True
            return self._reader.listed_pages(ids)
        except LibraryError as error:
            if error.message != self._read_problem:  # said once, not on every row painted
                self._read_problem = error.message
                log.warning("page list rows could not be read: %s", error.message)
                self.count_label.setText(f"The list could not be read. {error.message}")
            return {}

    def close_reader(self) -> None:
        """Close the connection this pane opened for itself (not one it was given)."""
        if self._owns_reader and self._reader is not None:
            self._reader.close()
        self._reader, self._owns_reader = None, False

    def _on_loaded(self, generation: int, listing: Listing) -> None:
        if generation != self._generation:
            return  # an older search answered late
        self._loading = False
        self._read_problem = None
        wanted = self._wanted_page if self._wanted_page is not None else self.current_page_id()
        self._mark = listing.mark
        self.model.set_listing(listing.ids, listing.first)
        self.no_match.setVisible(not listing.ids and self.page_filter().active())
        self.filters.set_choices(listing.tags, listing.sections)
        self.count_label.setText(count_text(listing.counts, self.page_filter()))
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row < 0 and self._or_first and listing.ids:
            row = 0
        self._or_first = False
        self._shown = None  # the rows are new: announce the page again even if it is the same
        if row >= 0:
            self.select_row(row)
        else:
            self.page_selected.emit(None)
        if self._focus_when_loaded and listing.ids and self.search_box.hasFocus():
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
        self._focus_when_loaded = False
        self.pages_loaded.emit()

    def refresh_state(self, page_ids: Sequence[int]) -> None:
        """Pages whose reader state changed: repaint their rows, count again and offer the tags now in use (the
        list keeps its order, so a page just read stays in view under the Unread filter until the next reload)."""
        self.model.refresh(page_ids)
        generation, wanted = self._generation, self.page_filter()
        self._background.run_in_library(
            self._library_path,
            lambda library: (library.filter_counts(wanted), [t.name for t in library.tags()], library.sections()),
            lambda answer: self._on_counted(generation, *answer),
        )

    def _on_counted(self, generation: int, counts: dict[str, int], tags: list[str], sections: list[str]) -> None:
        if generation == self._generation:
            self.count_label.setText(count_text(counts, self.page_filter()))
            self.filters.set_choices(tags, sections)  # a tag just given can be filtered by at once

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._loading = False
            self.count_label.setText(message)

    # --- selection -------------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def select_page(self, page_id: int) -> bool:
        row = self.model.row_of(page_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def current_page_id(self) -> int | None:
        page = self.model.page_at(self.view.selectionModel().currentIndex().row())
        return page.id if page else None

    def selected_pages(self) -> list[PageRow]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [p for p in (self.model.page_at(r) for r in rows) if p is not None]

    def page_after_removing(self, page_ids: Sequence[int]) -> int | None:
        """The page to show once ``page_ids`` leave the list: the next one below them, else the one above."""
        gone = set(page_ids)
        rows = [row for row in (self.model.row_of(pid) for pid in gone) if row >= 0]
        if not rows:
            return None
        ids = self.model.page_ids()
        below = (pid for pid in ids[max(rows) + 1:] if pid not in gone)
        above = (pid for pid in reversed(ids[:min(rows)]) if pid not in gone)
        return next(below, next(above, None))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._row_is_selected(current.row()):
            return  # the cursor moved without selecting (Ctrl+arrows): the page shown stays
        self._show_row(current.row() if current.isValid() else -1)

    def _show_row(self, row: int) -> None:
        page = self.model.page_at(row)
        page_id = page.id if page else None
        if page_id != self._shown or page_id is None:
            self._shown = page_id
            self.page_selected.emit(page_id)

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self.view.sortByColumn(column, order)


@dataclass(frozen=True)
class Listing:
    """The answer to a reload: every id in order, the first screen's rows, and the counts."""

    ids: list[int]
    first: dict[int, ListedPage]
    counts: dict[str, int]
    tags: list[str]
    sections: list[str]
    mark: tuple[int, int]  # the library's pages_mark at the time


def load_listing(library: Library, sort: str, descending: bool, wanted: PageFilter) -> Listing:
    """The pages to list in their order, with the rows of the first screen (run on a pool thread)."""
    ids, counts = library.page_listing(sort, descending, wanted)
    return Listing(ids, library.listed_pages(ids[:BLOCK]), counts, [t.name for t in library.tags()],
                   library.sections(), library.pages_mark())


def count_text(counts: Mapping[str, int], wanted: PageFilter) -> str:
    """"1,204 pages · 12 unread", or "3 pages match" when something narrows the list."""
    total, unread = counts.get("pages", 0), counts.get("unread", 0)
    text = f"{total:,} {'page' if total == 1 else 'pages'}" + (" match" if wanted.active() else "")
    return text + (f" · {unread:,} unread" if unread else "")
