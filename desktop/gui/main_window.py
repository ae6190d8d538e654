"""The main window: library list, quote grid with chart, article panel; import by drop, menu or command line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from html import escape
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragLeaveEvent, QDropEvent, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from desktop import app_version
from desktop.gui import dialogs, messages, side_windows, window_state
from desktop.gui.appearance import ThemeSwitch
from desktop.gui.background import Background
from desktop.gui.densify import Densifier
from desktop.gui.drop_area import DropOverlay, EmptyState, can_import, dropped_content, local_paths
from desktop.gui.exports import Exporter
from desktop.gui.focus import FocusRing, PaneCycle
from desktop.gui.import_controller import ImportController
from desktop.gui.menus import build_menus
from desktop.gui.panes.article_panel import ArticlePane, ArticleView
from desktop.gui.panes.market_view import MarketPane
from desktop.gui.panes.page_list import PageListPane
from desktop.gui.panes.quote_grid import QuotePane
from desktop.gui.printing import preview_article, print_article
from desktop.gui.reader_state import ReaderActions
from desktop.gui.settings import Settings
from desktop.gui.sorting import Sorting
from desktop.gui.theme import ThemeChoice
from desktop.gui.windows.compare_view import CompareDialog
from desktop.gui.windows.history_view import SymbolHistoryDialog
from desktop.gui.windows.strip_view import StripChangesDialog
from desktop.library import Library
from desktop.library.formatting import isolated
from desktop.library.mentions import mentioned_symbols
from desktop.library.records import ImportResult, PageData, PageRow, QuoteRow
from resources import resource_path

APP_TITLE = "Market Reader"
T = TypeVar("T")


class MainWindow(QMainWindow):
    """Library list | quote grid and chart | article, with import by drop, menu or command line."""

    import_finished = Signal(object)  # list[ImportResult], once the library list has been asked to reload
    history_dialog: SymbolHistoryDialog  # the windows opened last (for tests and scripts)
    strip_dialog: StripChangesDialog
    compare_dialog: CompareDialog
    print_preview: QPrintPreviewDialog
    shortcuts_dialog: QDialog
    article: ArticleView
    article_column: QSplitter
    empty: EmptyState

    def __init__(self, library_path: Path, settings: Settings | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.library_path = Path(library_path)
        self.library = Library(self.library_path, read_only_fallback=True)  # this thread's connection, for reading
        self.read_only = self.library.read_only
        self.settings = settings or Settings()
        self.pool = pool or QThreadPool.globalInstance()
        self.background = Background(self.pool, self._show_problem, self)
        self._current_page: PageRow | None = None
        self._closed = False
        self._placed = False
        self._build_panes()
        self.reader = ReaderActions(self, self.pages, self.background, self.library_path, self._show_problem)
        self.reader.watch_scrolling(self.article.verticalScrollBar())
        self.article_column.addWidget(self.reader.note)
        self.article_column.setSizes([640, 120])  # the note stays small until dragged larger
        self.imports = ImportController(self.library_path, self.background, self.statusBar(), self)
        self.imports.finished.connect(self._on_import_finished)
        self.imports.failed.connect(self._on_import_failed)
        # new originals compressed densely while idle (a read-only library is never written)
        self.densifier = None if self.read_only else Densifier(self.library_path, self.background, self)
        self.exporter = Exporter(self, self.settings, self.statusBar())
        self.themes = ThemeSwitch(self)
        self.sorting = Sorting(self.pages, self.current_grid, self.statusBar())
        self.actions_ = build_menus(self)
        self.sorting.attach(self.actions_)
        self._wire_keyboard()
        self.setAcceptDrops(True)
        self.overlay = DropOverlay(self)
        self._mark_read_only()
        window_state.restore_state(self)
        self.set_theme(self.settings.theme())
        self.sorting.sync()
        self.pages.reload(select_page=self.settings.last_page(), or_first=True)  # never three empty panes
        self._update_title()
        self._focus_sample_button()  # the list takes the focus once pages show

    # --- construction ----------------------------------------------------------------------------
    def _build_panes(self) -> None:
        self.pages = PageListPane(self.library_path, self.background, reader=self.library)
        self.pages.page_selected.connect(self.show_page)
        self.pages.page_opened.connect(lambda _page_id: self.focus_article())
        self.pages.pages_loaded.connect(self._update_empty_state)
        self.pages.view.horizontalHeader().sortIndicatorChanged.connect(lambda _c, _o: self.sorting.sync())
        self.quotes = QuotePane()
        self.quotes.sort_changed.connect(self._on_quote_sort_changed)
        self.quotes.symbol_activated.connect(self.show_history)
        self.market = MarketPane()
        self.market.grid.symbol_activated.connect(self.show_history)
        self.market.grid.sort_changed.connect(lambda _c, _o: self.sorting.sync())
        for model in (self.quotes.model, self.market.grid.model):  # a quote table's columns come and go
            model.modelReset.connect(lambda: self.sorting.sync())
        self.market.strip_button.clicked.connect(self.show_strip_changes)
        self.market.range_changed.connect(self.refresh_market)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("centreTabs")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its tab bar takes Tab's stop, once, in the chain
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.tabs.addTab(self.quotes, "&Page")
        self.tabs.addTab(self.market, "Mar&ket")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.article_pane = ArticlePane()
        self.article = self.article_pane.view
        self.article.zoom_changed.connect(self.settings.set_article_zoom)
        self.article.symbol_clicked.connect(self.show_history)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)  # a pane dragged to nothing would vanish from Tab and F6
        self.article_column = QSplitter(Qt.Orientation.Vertical)  # the article, and the page's note below it
        self.article_column.setObjectName("articleColumn")
        self.article_column.setChildrenCollapsible(False)
        self.article_column.addWidget(self.article_pane)
        for widget in (self.pages, self.tabs, self.article_column):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([400, 530, 400])  # shares of the width: the market grid needs six columns
        self.empty = EmptyState()
        self.empty.sample_requested.connect(self.import_sample)
        self.empty.open_requested.connect(self.open_files)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

    def _wire_keyboard(self) -> None:
        """Tab walks search → filters → list → tabs → (the Market tab's buttons and days) → filter → grid → chart →
        article → note; F6 jumps pane to pane; the focused pane wears a ring."""
        self.pane_cycle = PaneCycle(self._panes)
        bar, market = self.pages.filters, self.market
        chain: list[QWidget] = [self.pages.search_box, bar.unread, bar.starred, bar.tag, bar.section, bar.dated,
                                bar.since, bar.until, self.pages.view, self.tabs.tabBar(), self.quotes.filter_box,
                                self.quotes.view, self.quotes.chart, market.losers_button, market.gainers_button,
                                market.strip_button, market.range_box, market.since_edit, market.until_edit,
                                market.grid.filter_box, market.grid.view, market.grid.chart, self.article,
                                self.reader.note.text]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.focus_rings = [FocusRing(w) for w in (self.pages.view, self.quotes.view, self.quotes.chart,
                                                    self.market.grid.view, self.market.grid.chart, self.article,
                                                    self.reader.note.text)]

    def _panes(self) -> list[QWidget]:
        grid = self.current_grid()
        return [self.pages.view, grid.view, grid.chart, self.article, self.reader.note.text]

    def _mark_read_only(self) -> None:
        """A library on read-only storage: say so, and turn off what would write to it (with the reason)."""
        if not self.read_only:
            return
        for action in self.actions_.imports + self.actions_.writes:
            action.setEnabled(False)
            action.setToolTip(messages.READ_ONLY_TIP)
        for button in (self.empty.sample_button, self.empty.open_button):
            button.setEnabled(False)
            button.setToolTip(messages.READ_ONLY_TIP)
        self.reader.note.text.setReadOnly(True)
        self.reader.note.text.setToolTip(messages.READ_ONLY_TIP)
        badge = QLabel("Read-only library")
        badge.setObjectName("readOnlyBadge")
        badge.setToolTip(messages.READ_ONLY_TIP)
        self.statusBar().addPermanentWidget(badge)

    # --- showing a page ----------------------------------------------------------------------------
    def show_page(self, page_id: int | None) -> None:
        """Fill the grid, chart and article with one page (None clears them)."""
        if self._closed:
            return  # a late answer from a worker after the window closed
        self._remember_reading_position()
        self.reader.page_opened(page_id)
        article = self.library.article(page_id) if page_id is not None else None
        if article is None:
            self._current_page = None
            self.quotes.clear(messages.NO_PAGE if page_id is None else messages.NO_QUOTES)
            self.article.show_placeholder(messages.NO_ARTICLE)
            self._update_title()
            return
        page = article.page
        self._current_page = page
        quotes = self.library.quotes(page.id)
        symbols = [q.symbol for q in quotes]
        self.quotes.set_quotes(quotes, page.quotes_as_of, page.as_of_estimated)
        self.quotes.model.set_mentioned(mentioned_symbols(article.paragraphs, symbols))
        with self.reader.placing_article():
            self.article.set_article(article, symbols)
            self.article.restore_position(self.settings.reading_positions().get(page.content_hash, 0))
        self._update_title()
        self.settings.set_last_page(page.id)

    def _remember_reading_position(self) -> None:
        if self._current_page is not None and self.article.article() is not None:
            self.settings.set_reading_position(self._current_page.content_hash, self.article.reading_position())

    def _update_title(self) -> None:
        page = self._current_page
        title = f"{isolated(page.title or page.file_name)} — {APP_TITLE}" if page is not None else APP_TITLE
        self.setWindowTitle(title + (" (read-only library)" if self.read_only else ""))

    def current_page_id(self) -> int | None:
        return self._current_page.id if self._current_page is not None else None

    def current_grid(self) -> QuotePane:
        return self.market.grid if self.tabs.currentWidget() is self.market else self.quotes

    def show_biggest_losers(self) -> None:
        self.current_grid().show_biggest_losers()

    # --- keyboard ----------------------------------------------------------------------------------
    def cycle_panes(self, step: int) -> None:
        self.pane_cycle.move(step)

    def focus_article(self) -> None:
        self.article.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.stack.setCurrentWidget(self.splitter)
        self.pages.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pages.search_box.selectAll()

    def focus_symbol_filter(self) -> None:
        box = self.current_grid().filter_box
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    def find_in_article(self) -> None:
        self.article_pane.find_bar.open_bar()

    def find_step(self, forward: bool) -> None:
        self.article_pane.find_bar.step(forward)

    def _on_quote_sort_changed(self, column: int, order: int) -> None:
        self.settings.set_sort("quotes", column, order)
        self.sorting.sync()

    def show_current_history(self) -> None:
        if not self.current_grid().activate_current():
            self.statusBar().showMessage("Select a symbol in the grid to see its history.", 5000)

    def set_theme(self, choice: ThemeChoice) -> None:
        self.themes.apply(choice)
        self.settings.set_theme(choice)
        for name, action in self.actions_.themes.items():
            action.setChecked(name == choice)

    # --- market view, history, compare -------------------------------------------------------------
    def show_market(self) -> None:
        self.tabs.setCurrentWidget(self.market)

    def _on_tab_changed(self) -> None:
        self.sorting.sync()
        if self.tabs.currentWidget() is self.market:
            self.refresh_market()

    def refresh_market(self) -> None:
        """Load the latest quote of every symbol, off the GUI thread."""
        self._run_in_library(partial(side_windows.latest_quotes, *self.market.date_range()), self._on_market_loaded)

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
        self._run_in_library(partial(side_windows.history, symbol),
                             lambda answer: side_windows.open_history(self, *answer) if not self._closed else None)

    def show_strip_changes(self) -> None:
        """List how the ticker strip's membership changed across the latest snapshots."""
        self._run_in_library(side_windows.strip_timeline,
                             lambda answer: side_windows.open_strip_changes(self, *answer) if not self._closed else None)

    def open_page(self, page_id: int) -> None:
        """Bring page ``page_id`` up in the window (clearing a search that hides it)."""
        self.tabs.setCurrentWidget(self.quotes)
        if not self.pages.select_page(page_id):
            self.pages.show_everything()
            self.pages.reload(select_page=page_id)
        self.activateWindow()

    def compare_selected_pages(self) -> None:
        side_windows.open_comparison(self)

    def _update_empty_state(self) -> None:
        has_pages = self.pages.model.rowCount() > 0 or self.pages.page_filter().active()
        shown = self.splitter if has_pages else self.empty
        if shown is not self.stack.currentWidget():
            self.stack.setCurrentWidget(shown)
            if has_pages:
                self.pages.view.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows move in the list
            else:
                self._focus_sample_button()

    def _focus_sample_button(self) -> None:
        """Space imports the sample at once, so the button shows that it has the focus.

        The style frames a focused button only after the keyboard has moved the focus in the window, and Qt
        forgets that when the window is activated: the window says so again then (see changeEvent).
        """
        self.empty.sample_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        self.empty.sample_button.update()

    # --- importing ---------------------------------------------------------------------------------
    def open_files(self) -> None:
        """File ▸ Open…, starting where the last one chose from (at first the downloads folder)."""
        paths = dialogs.ask_open_paths(self, self.settings.import_folder() or dialogs.downloads_folder())
        if paths:
            self.settings.set_import_folder(paths[0].parent)
            self.import_paths(paths)

    def open_folder(self) -> None:
        folder = dialogs.ask_folder(self, self.settings.import_folder() or dialogs.downloads_folder())
        if folder:
            self.settings.set_import_folder(folder.parent)
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
        if self.read_only:
            self.statusBar().showMessage(f"Nothing imported. {messages.READ_ONLY_TIP}", 10000)
            return
        self.imports.start(paths, dropped)

    def cancel_import(self) -> None:
        self.imports.cancel()

    def importing(self) -> bool:
        return self.imports.busy()

    def last_import_results(self) -> list[ImportResult]:
        return self.imports.results()

    def show_import_details(self) -> None:
        self.imports.show_details()

    def _on_import_finished(self, results: list[ImportResult]) -> None:
        """Show the best page of those just imported (clearing a search that would hide it)."""
        best = self.imports.best_page()
        if best is not None and self.pages.page_filter().active():
            self.pages.show_everything()
        self.pages.reload(select_page=best)
        if self.tabs.currentWidget() is self.market:
            self.refresh_market()
        if self.densifier is not None:
            self.densifier.add(r.page_id for r in results if r.status == "imported" and r.page_id is not None)
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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            QTimer.singleShot(0, self._show_sample_focus)  # after Qt gives the focus back, which forgets it
            if not self._closed and not self.importing():
                self.pages.reload_if_changed()  # pages imported from a terminal meanwhile are listed

    def _show_sample_focus(self) -> None:
        if self.stack.currentWidget() is self.empty and self.empty.sample_button.hasFocus():
            self._focus_sample_button()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:  # the window manager's frame is known only now: keep the title bar on screen
            self._placed = True
            QTimer.singleShot(0, lambda: window_state.bring_on_screen(self))

    # --- other commands ------------------------------------------------------------------------------
    def delete_selected_pages(self) -> None:
        pages = self.pages.selected_pages()
        if self.read_only:
            self.statusBar().showMessage(messages.READ_ONLY_TIP, 8000)
            return
        if not pages or not dialogs.confirm_delete(self, [p.title or p.file_name for p in pages]):
            return
        ids = [p.id for p in pages]
        after = self.pages.page_after_removing(ids)  # the list moves on to the next page, as a mail list does
        self._run_in_library(partial(side_windows.delete_pages, ids), lambda _result: self._on_deleted(after),
                             self._on_delete_failed)

    def _on_deleted(self, next_page: int | None) -> None:
        if not self._closed:
            self.pages.reload(select_page=next_page)
            if self.tabs.currentWidget() is self.market:
                self.refresh_market()

    def _on_delete_failed(self, message: str) -> None:
        if not self._closed:
            dialogs.show_error(self, "Could not delete", message)

    def export_quotes(self) -> None:
        """Write the grid on screen (page or market) as CSV or JSON, with provenance on every row."""
        self.export_quote_rows(self.current_grid().model.visible_quotes())

    def export_quote_rows(self, quotes: Sequence[QuoteRow]) -> None:
        self.exporter.quotes(self.library, quotes)

    def export_comparison(self, dialog: CompareDialog) -> None:
        self.exporter.comparison(dialog.model.moves, dialog.page_a, dialog.page_b)

    def export_chart(self) -> None:
        grid = self.current_grid()
        if not grid.model.rowCount():
            self.statusBar().showMessage("There is no chart to export: " + (grid.empty_text() or "no quotes."), 6000)
            return
        self.exporter.save_image(grid.chart.image())

    def print_article(self) -> None:
        if self.article.article() is None:
            self.statusBar().showMessage("Select a page to print its article.", 5000)
            return
        print_article(self, self.article)

    def preview_print(self) -> None:
        if self.article.article() is None:
            self.statusBar().showMessage("Select a page to print its article.", 5000)
            return
        self.print_preview = preview_article(self, self.article)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Market Reader",
            f"<b>Market Reader</b> {escape(app_version())}<br>Saved stock-market news pages, read offline.<br>"
            f"Library: {escape(str(self.library_path))}" + (" (read-only)" if self.read_only else ""),
        )

    # --- state -------------------------------------------------------------------------------------
    def save_state(self) -> None:
        self._remember_reading_position()
        window_state.save_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.note.save()  # a note typed just before closing is kept
        if self.densifier is not None:
            self.densifier.stop()
        self.background.stop()
        self.save_state()
        self._closed = True
        self.pool.waitForDone(5000)
        self.library.close()
        super().closeEvent(event)
