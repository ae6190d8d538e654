"""The main window's remembered state: where it sits (always on a screen), splitters, sort orders, text size, theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from desktop.gui.geometry import FRAME_ALLOWANCE, content_for_frame, first_geometry, fit_frame
from desktop.gui.models.page_model import AS_OF as SAVED
from desktop.gui.models.quote_model import PERCENT

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow


def _screen_for_new_window() -> QScreen | None:
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def work_areas() -> list[QRect]:
    """Each screen's available area (without panels), in device-independent pixels."""
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def place_window(window: QWidget, geometry: object) -> None:
    """Restore the remembered geometry, or give a first window a size that fits its screen; either way on screen."""
    restored = geometry is not None and window.restoreGeometry(geometry)  # type: ignore[arg-type]
    if not restored:
        screen = _screen_for_new_window()
        if screen is not None:
            window.setGeometry(first_geometry(screen.availableGeometry()))
    bring_on_screen(window)


def bring_on_screen(window: QWidget) -> None:
    """Move (and if need be shrink) the window so that its frame, title bar included, lies on one screen."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    content, frame = window.geometry(), window.frameGeometry()
    if frame == content:  # not shown yet, or no window manager: assume a usual frame
        frame = content.marginsAdded(FRAME_ALLOWANCE)
    fitted = fit_frame(frame, work_areas())
    if fitted != frame:
        window.setGeometry(content_for_frame(fitted, frame, content))


def restore_state(window: MainWindow) -> None:
    settings = window.settings
    place_window(window, settings.geometry())
    for name, splitter in (("main", window.splitter), ("quotes", window.quotes.splitter),
                           ("article", window.article_column)):
        state = settings.splitter(name)
        if state is not None:
            splitter.restoreState(state)
    column, order = settings.sort("quotes", (window.quotes.model.column_of(PERCENT), 0))
    window.quotes.sort_by(column, Qt.SortOrder(order))
    column, order = settings.sort("pages", (SAVED, 1))  # the newest save first
    window.pages.sort_by(column, Qt.SortOrder(order))
    hidden = settings.hidden_page_columns()
    if hidden is not None:
        for column in range(window.pages.model.columnCount()):
            window.pages.view.setColumnHidden(column, column in hidden)
    window.article.set_zoom(settings.article_zoom())


def save_state(window: MainWindow) -> None:
    settings = window.settings
    settings.set_geometry(window.saveGeometry())
    settings.set_splitter("main", window.splitter.saveState())
    settings.set_splitter("quotes", window.quotes.splitter.saveState())
    settings.set_splitter("article", window.article_column.saveState())
    column, order = window.pages.model.sort_state()
    settings.set_sort("pages", column, order.value)
    column, order = window.quotes.model.sort_state()
    settings.set_sort("quotes", column, order.value)
    settings.set_article_zoom(window.article.zoom())
    view = window.pages.view
    settings.set_hidden_page_columns([c for c in range(window.pages.model.columnCount()) if view.isColumnHidden(c)])
    settings.sync()
