"""The main window: library list, quote grid with chart, article panel; import by drop, menu or command line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from html import escape
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from desktop import app_version
from desktop.gui import dialogs, messages
from desktop.gui.background import Background
from desktop.gui.drop_area import DropOverlay, EmptyState, can_import, dropped_content, local_paths
from desktop.gui.import_controller import ImportController
from desktop.gui.models.page_model import PUBLISHED
from desktop.gui.models.quote_model import PERCENT
from desktop.gui.panes.article_panel import ArticleView
from desktop.gui.panes.market_view import MarketPane
from desktop.gui.panes.page_list import PageListPane
from desktop.gui.panes.quote_grid import QuotePane
from desktop.gui.reader_state import ReaderActions
from desktop.gui.settings import Settings
from desktop.gui.windows.compare_view import CompareDialog
from desktop.gui.windows.history_view import SymbolHistoryDialog
from desktop.gui.windows.strip_view import StripChangesDialog
from desktop.library import Library
from desktop.library.compare import StripChange, strip_timeline
from desktop.library.export import write_comparison, write_quotes
from desktop.library.formatting import moment_key
from desktop.library.mentions import mentioned_symbols
from desktop.library.records import ImportResult, PageData, QuoteRow
from resources import resource_path

APP_TITLE = "Market Reader"
T = TypeVar("T")


class MainWindow(QMainWindow):
    """Library list | quote grid and chart | article, with import by drop, menu or command line."""

    import_finished = Signal(object)  # list[ImportResult], once the library list has been asked to reload

    def __init__(self, library_path: Path, settings: Settings | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.library_path = Path(library_path)
        self.library = Library(self.library_path)  # this thread's connection, for reading
        self.settings = settings or Settings()
        self.pool = pool or QThreadPool.globalInstance()
        self.background = Background(self.pool, self._show_problem, self)
        self._current_page: int | None = None
        self._closed = False
        self._build_panes()
        self.reader = ReaderActions(self, self.pages, self.background, self.library_path, self._show_problem)
        self.reader.watch_scrolling(self.article.verticalScrollBar())
        self.article_column.addWidget(self.reader.note)
        self.article_column.setSizes([640, 120])  # the note stays small until dragged larger
        self.imports = ImportController(self.library_path, self.background, self.statusBar(), self)
        self.imports.finished.connect(self._on_import_finished)
        self.imports.failed.connect(self._on_import_failed)
        self._build_menus()
        self.setAcceptDrops(True)
        self.overlay = DropOverlay(self)
        self.resize(1360, 820)
        self._restore_state()
        self.pages.reload(select_page=self.settings.last_page())

    # --- construction ----------------------------------------------------------------------------
    def _build_panes(self) -> None:
        self.pages = PageListPane(self.library_path, self.background, reader=self.library)
        self.pages.page_selected.connect(self.show_page)
        self.pages.pages_loaded.connect(self._update_empty_state)
        self.quotes = QuotePane()
        self.quotes.sort_changed.connect(self._remember_quote_sort)
        self.quotes.symbol_activated.connect(self.show_history)
        self.market = MarketPane()
        self.market.grid.symbol_activated.connect(self.show_history)
        self.market.strip_button.clicked.connect(self.show_strip_changes)
        self.market.range_changed.connect(self.refresh_market)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("centreTabs")
        self.tabs.addTab(self.quotes, "Page")
        self.tabs.addTab(self.market, "Market")
        self.tabs.currentChanged.connect(self._refresh_market_if_shown)
        self.article = ArticleView()
        self.article.zoom_changed.connect(self.settings.set_article_zoom)
        self.article.symbol_clicked.connect(self.show_history)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.article_column = QSplitter(Qt.Orientation.Vertical)  # the article, and the page's note below it
        self.article_column.setObjectName("articleColumn")
        self.article_column.addWidget(self.article)
        for widget in (self.pages, self.tabs, self.article_column):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([400, 520, 480])
        self.empty = EmptyState()
        self.empty.sample_requested.connect(self.import_sample)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        menu.addAction(self._action("&Open…", self.open_files, QKeySequence.StandardKey.Open))
        menu.addAction(self._action("Import &Folder…", self.open_folder, "Ctrl+Shift+O"))
        menu.addAction(self._action("Import &Sample Page", self.import_sample))
        menu.addSeparator()
        menu.addAction(self._action("&Export Quotes…", self.export_quotes, "Ctrl+E"))
        menu.addAction(self._action("Export &Chart…", self.export_chart))
        menu.addAction(self.reader.export)
        menu.addSeparator()
        menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        menu = self.menuBar().addMenu("&Edit")
        menu.addAction(self._action("&Find in Library", self.focus_search, QKeySequence.StandardKey.Find))
        menu.addAction(self._action("&Delete Page…", self.delete_selected_pages, QKeySequence.StandardKey.Delete))
        menu.addSeparator()
        for action in (self.reader.toggle_read, self.reader.toggle_star, self.reader.edit_tags, self.reader.manage_tags):
            menu.addAction(action)
        menu = self.menuBar().addMenu("&View")
        menu.addAction(self._action("Biggest &Losers First", self.show_biggest_losers, "Ctrl+L"))
        menu.addAction(self._action("&Market View", self.show_market, "Ctrl+M"))
        menu.addAction(self._action("&Compare Selected Pages", self.compare_selected_pages, "Ctrl+D"))
        menu.addSeparator()
        zoom_in = self._action("Zoom &In", self.article.zoom_in, QKeySequence.StandardKey.ZoomIn)
        zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        menu.addAction(zoom_in)
        menu.addAction(self._action("Zoom &Out", self.article.zoom_out, QKeySequence.StandardKey.ZoomOut))
        menu.addAction(self._action("&Actual Size", self.article.reset_zoom, "Ctrl+0"))
        menu = self.menuBar().addMenu("&Help")
        menu.addAction(self._action("&About Market Reader", self.show_about))

    # --- showing a page ----------------------------------------------------------------------------
    def show_page(self, page_id: int | None) -> None:
        """Fill the grid, chart and article with one page (None clears them)."""
        if self._closed:
            return  # a late answer from a worker after the window closed
        self._current_page = page_id
        self.reader.page_opened(page_id)
        article = self.library.article(page_id) if page_id is not None else None
        if article is None:
            self.quotes.set_quotes([])
            self.article.show_placeholder(messages.NO_ARTICLE)
            self.setWindowTitle(APP_TITLE)
            return
        page = article.page
        quotes = self.library.quotes(page.id)
        symbols = [q.symbol for q in quotes]
        self.quotes.set_quotes(quotes, page.quotes_as_of, page.as_of_estimated)
        self.quotes.model.set_mentioned(mentioned_symbols(article.paragraphs, symbols))
        self.article.set_article(article, symbols)
        self.setWindowTitle(f"{page.title or page.file_name} — {APP_TITLE}")
        self.settings.set_last_page(page.id)

    def current_page_id(self) -> int | None:
        return self._current_page

    def current_grid(self) -> QuotePane:
        return self.market.grid if self.tabs.currentWidget() is self.market else self.quotes

    def show_biggest_losers(self) -> None:
        self.current_grid().show_biggest_losers()

    # --- market view, history, compare -------------------------------------------------------------
    def _remember_quote_sort(self, column: int, order: int) -> None:
        self.settings.set_sort("quotes", column, order)

    def show_market(self) -> None:
        self.tabs.setCurrentWidget(self.market)

    def _refresh_market_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.market:
            self.refresh_market()

    def refresh_market(self) -> None:
        """Load the latest quote of every symbol, off the GUI thread."""
        self._run_in_library(partial(_latest_quotes, *self.market.date_range()), self._on_market_loaded)

    def _on_market_loaded(self, quotes: list[QuoteRow]) -> None:
        if not self._closed:
            self.market.set_quotes(quotes)

    def _run_in_library(
        self, function: Callable[[Library], T], done: Callable[[T], None],
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``function`` on a pool thread with its own connection; the answer comes back to ``done``."""
        self.background.run_in_library(self.library_path, function, done, failed)

    def _show_problem(self, message: str) -> None:
        if not self._closed:
            self.statusBar().showMessage(message, 8000)

    def show_history(self, symbol: str) -> None:
        """Open the history of ``symbol`` in its own window once the library has answered."""
        self._run_in_library(partial(_history, symbol), self._open_history)

    def _open_history(self, answer: tuple[str, list[QuoteRow]]) -> None:
        if self._closed:
            return
        symbol, rows = answer
        dialog = SymbolHistoryDialog(symbol, rows, self)
        dialog.page_requested.connect(self.open_page)
        dialog.export_table_requested.connect(self.export_quote_rows)
        dialog.export_chart_requested.connect(self.export_widget_png)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.show()

    def show_strip_changes(self) -> None:
        """List how the ticker strip's membership changed across the latest snapshots."""
        self._run_in_library(_strip_timeline, self._open_strip_changes)

    def _open_strip_changes(self, answer: tuple[list[StripChange], int]) -> None:
        if self._closed:
            return
        dialog = StripChangesDialog(*answer, parent=self)
        dialog.page_requested.connect(self.open_page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.strip_dialog = dialog
        dialog.show()

    def open_page(self, page_id: int) -> None:
        """Bring page ``page_id`` up in the window (clearing a search that hides it)."""
        self.tabs.setCurrentWidget(self.quotes)
        if not self.pages.select_page(page_id):
            self.pages.show_everything()
            self.pages.reload(select_page=page_id)

    def compare_selected_pages(self) -> None:
        pages = self.pages.selected_pages()
        if len(pages) != 2:
            self.statusBar().showMessage("Select two pages in the list to compare them.", 6000)
            return
        first, second = sorted(pages, key=lambda p: moment_key(p.quotes_as_of))
        dialog = CompareDialog(
            first, self.library.quotes(first.id), second, self.library.quotes(second.id), self
        )
        dialog.export_requested.connect(self.export_comparison)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.compare_dialog = dialog
        dialog.show()

    def _update_empty_state(self) -> None:
        has_pages = self.pages.model.rowCount() > 0 or self.pages.page_filter().active()
        self.stack.setCurrentWidget(self.splitter if has_pages else self.empty)

    def focus_search(self) -> None:
        self.stack.setCurrentWidget(self.splitter)
        self.pages.search_box.setFocus()
        self.pages.search_box.selectAll()

    # --- importing ---------------------------------------------------------------------------------
    def open_files(self) -> None:
        paths = dialogs.ask_open_paths(self)
        if paths:
            self.import_paths(paths)

    def open_folder(self) -> None:
        folder = dialogs.ask_folder(self)
        if folder:
            self.import_paths([folder])

    def import_sample(self) -> None:
        samples = sorted(resource_path("samples").glob("*.htm*"))
        if samples:
            self.import_paths(samples[:1])
        else:
            self.statusBar().showMessage("The sample page is missing from this installation.", 8000)

    def receive_paths(self, paths: list[str]) -> None:
        """Files handed over by a second launch: come forward and import them."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: Sequence[Path], dropped: Sequence[PageData] = ()) -> None:
        """Import files, folders and dropped content in the background; queued behind a running import."""
        self.imports.start(paths, dropped)

    def cancel_import(self) -> None:
        self.imports.cancel()

    def importing(self) -> bool:
        return self.imports.busy()

    def last_import_results(self) -> list[ImportResult]:
        return self.imports.results()

    def show_failures(self) -> None:
        self.imports.show_failures()

    def _on_import_finished(self, results: list[ImportResult]) -> None:
        """Show the newest imported page (clearing a search that would hide it)."""
        imported = [r.page_id for r in results if r.status == "imported" and r.page_id is not None]
        newest = max(imported) if imported else None
        if newest is not None and self.pages.search_box.text():
            self.pages.search_box.clear()
        self.pages.reload(select_page=newest)
        self._refresh_market_if_shown()
        self.import_finished.emit(list(results))

    def _on_import_failed(self, message: str) -> None:
        dialogs.show_error(self, "Import stopped", message)

    # --- drag and drop -----------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if can_import(event.mimeData()):
            event.acceptProposedAction()
            self.overlay.setGeometry(self.rect())
            self.overlay.raise_()
            self.overlay.show()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.overlay.hide()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.overlay.hide()
        mime = event.mimeData()
        paths = local_paths(mime)
        content = None if paths else dropped_content(mime)
        if paths or content:
            event.acceptProposedAction()
            self.import_paths(paths, [content] if content else [])

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.overlay.setGeometry(self.rect())
        super().resizeEvent(event)

    # --- other commands ------------------------------------------------------------------------------
    def delete_selected_pages(self) -> None:
        pages = self.pages.selected_pages()
        if not pages or not dialogs.confirm_delete(self, [p.title or p.file_name for p in pages]):
            return
        self._run_in_library(partial(_delete_pages, [p.id for p in pages]), self._on_deleted, self._on_delete_failed)

    def _on_deleted(self, _result: object) -> None:
        if not self._closed:
            self.pages.reload()
            self._refresh_market_if_shown()

    def _on_delete_failed(self, message: str) -> None:
        if not self._closed:
            dialogs.show_error(self, "Could not delete", message)

    def export_quotes(self) -> None:
        """Write the grid on screen (page or market) as CSV or JSON, with provenance on every row."""
        self.export_quote_rows(self.current_grid().model.visible_quotes())

    def export_quote_rows(self, quotes: Sequence[QuoteRow]) -> None:
        if not quotes:
            self.statusBar().showMessage("There are no quotes to export.", 5000)
            return
        target = dialogs.ask_save_path(self, "Export quotes", "quotes.csv", messages.EXPORT_FILTER)
        if target is None:
            return
        pages = {page_id: self.library.page(page_id) for page_id in {q.page_id for q in quotes}}
        self._write_export(target, partial(write_quotes, target, quotes, pages), f"{len(quotes)} quotes")

    def export_comparison(self, dialog: CompareDialog) -> None:
        target = dialogs.ask_save_path(self, "Export comparison", "comparison.csv", messages.EXPORT_FILTER)
        if target is None:
            return
        moves = dialog.model.moves
        write = partial(write_comparison, target, moves, dialog.page_a, dialog.page_b)
        self._write_export(target, write, f"{len(moves)} symbols")

    def export_chart(self) -> None:
        self.export_widget_png(self.current_grid().chart)

    def export_widget_png(self, widget: QWidget) -> None:
        target = dialogs.ask_save_path(self, "Export chart", "chart.png", "PNG images (*.png)")
        if target is None:
            return
        if not widget.grab().save(str(target), "PNG"):
            dialogs.show_error(self, "Export failed", f"{target}: the image could not be written.")
            return
        self.statusBar().showMessage(f"Chart saved to {target}", 8000)

    def _write_export(self, target: Path, write: Callable[[], None], what: str) -> None:
        try:
            write()
        except OSError as exc:
            dialogs.show_error(self, "Export failed", f"{target}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(f"Exported {what} to {target}", 8000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Market Reader",
            f"<b>Market Reader</b> {escape(app_version())}<br>Saved stock-market news pages, read offline.<br>"
            f"Library: {escape(str(self.library_path))}",
        )

    # --- state -------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        for name, splitter in (("main", self.splitter), ("quotes", self.quotes.splitter),
                               ("article", self.article_column)):
            state = self.settings.splitter(name)
            if state is not None:
                splitter.restoreState(state)
        column, order = self.settings.sort("quotes", (self.quotes.model.column_of(PERCENT), 0))
        self.quotes.sort_by(column, Qt.SortOrder(order))
        column, order = self.settings.sort("pages", (PUBLISHED, 1))
        self.pages.sort_by(column, Qt.SortOrder(order))
        self.article.set_zoom(self.settings.article_zoom())

    def save_state(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter("main", self.splitter.saveState())
        self.settings.set_splitter("quotes", self.quotes.splitter.saveState())
        self.settings.set_splitter("article", self.article_column.saveState())
        column, order = self.pages.model.sort_state()
        self.settings.set_sort("pages", column, order.value)
        column, order = self.quotes.model.sort_state()
        self.settings.set_sort("quotes", column, order.value)
        self.settings.set_article_zoom(self.article.zoom())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.note.save()  # a note typed just before closing is kept
        self.background.stop()
        self.save_state()
        self._closed = True
        self.pool.waitForDone(5000)
        self.library.close()
        super().closeEvent(event)


def _latest_quotes(since: str | None, until: str | None, library: Library) -> list[QuoteRow]:
    return library.latest_quotes(since=since, until=until)


def _history(symbol: str, library: Library) -> tuple[str, list[QuoteRow]]:
    return symbol, library.history(symbol)


def _delete_pages(page_ids: list[int], library: Library) -> list[bool]:
    return [library.delete_page(page_id) for page_id in page_ids]


STRIP_SNAPSHOTS = 100  # how far back "Strip changes" looks


def _strip_timeline(library: Library) -> tuple[list[StripChange], int]:
    pages = library.pages(sort="quotes_as_of", descending=True)[:STRIP_SNAPSHOTS]
    pages = [p for p in reversed(pages) if p.quote_count]
    snapshots = [(p.id, p.quotes_as_of, p.title, library.quotes(p.id)) for p in pages]
    return strip_timeline(snapshots), len(snapshots)
