"""The library list: every saved page, a full-text search box and the count of pages shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
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
from desktop.gui.models.page_model import AS_OF, PUBLISHED, QUOTES, SECTION, TITLE, PageListModel
from desktop.gui.models.table_model import prepare_row_view
from desktop.library import Library
from desktop.library.records import PageRow

SEARCH_DELAY_MS = 200


class PageListPane(QWidget):
    """Lists pages; a search runs off the GUI thread after typing pauses, and stale answers are dropped."""

    page_selected = Signal(object)  # page id (int) or None
    page_opened = Signal(int)  # Enter or a double-click on a page: read it
    pages_loaded = Signal()

    def __init__(self, library_path: Path, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library_path = library_path
        self._background = background
        self._generation = 0
        self._wanted_page: int | None = None
        self._shown: int | None = None  # the page last announced by page_selected
        self.model = PageListModel(self)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search articles")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAcceptDrops(False)  # a dropped file imports (the window takes it), not types its URL
        self.count_label = QLabel()
        self.count_label.setObjectName("pageCount")
        self.view = self._make_view()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def _make_view(self) -> QTableView:
        view = prepare_row_view(QTableView(), self.model, "pageList")
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = view.fontMetrics()
        widths = {SECTION: metrics.horizontalAdvance("Markets") + 24, PUBLISHED: metrics.horizontalAdvance("30 Sep 2025") + 28,
                  QUOTES: metrics.horizontalAdvance("Quotes") + 24,
                  AS_OF: metrics.horizontalAdvance("30 Sep 2025 12:00 (est.)") + 16}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, width)
        header.setSortIndicator(*self.model.sort_state())
        header.moveSection(header.visualIndex(AS_OF), header.visualIndex(QUOTES))  # Title | Saved | Quotes
        for column in (SECTION, PUBLISHED):
            view.setColumnHidden(column, True)  # in the tooltip and the article; View ▸ Page List Columns shows them
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._prepare_keyboard(view)
        return view

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
    def reload(self, select_page: int | None = None) -> None:
        """Ask the library for the pages (matching the search, if any), off the GUI thread."""
        self._timer.stop()
        self._generation += 1
        self._wanted_page = select_page  # None: keep whatever is current when the answer arrives
        generation, text = self._generation, self.search_box.text()[:200].strip()
        self._background.run_in_library(
            self._library_path, lambda library: library_pages(library, text),
            lambda pages: self._on_loaded(generation, pages), lambda message: self._on_failed(generation, message),
        )

    def _on_loaded(self, generation: int, pages: list[PageRow]) -> None:
        if generation != self._generation:
            return  # an older search answered late
        wanted = self._wanted_page if self._wanted_page is not None else self.current_page_id()
        self.model.set_pages(pages)
        searching = bool(self.search_box.text().strip())
        noun = "page" if len(pages) == 1 else "pages"
        self.count_label.setText(f"{len(pages):,} {noun}" + (" match" if searching else ""))
        row = self.model.row_of(wanted) if wanted is not None else -1
        self._shown = None  # the rows are new: announce the page again even if it is the same
        if row >= 0:
            self.select_row(row)
        else:
            self.page_selected.emit(None)
        self.pages_loaded.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
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


def library_pages(library: Library, search: str) -> list[PageRow]:
    """The pages to list: all of them, or those matching ``search``."""
    return library.pages(search=search or None)
