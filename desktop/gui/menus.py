"""The main window's menus: every command with its shortcut shown, sorting per column, and the theme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.gui import dialogs
from desktop.gui.models.page_model import AS_OF as SAVED
from desktop.gui.models.page_model import HEADERS as PAGE_HEADERS
from desktop.gui.models.page_model import PUBLISHED, QUOTES, SECTION, TITLE
from desktop.gui.models.quote_model import AS_OF, CHANGE, HEADERS, KIND, PERCENT, PRICE, SYMBOL, TABLE_FIELDS
from desktop.gui.theme import ThemeChoice

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None
QUOTE_SORTS = (SYMBOL, KIND, PRICE, CHANGE, PERCENT, AS_OF)  # Ctrl+1 … Ctrl+6, in this order
PAGE_SORTS = (TITLE, SAVED, QUOTES, PUBLISHED, SECTION)  # Alt+1 … Alt+5: the shown columns first
THEME_NAMES: dict[ThemeChoice, str] = {"system": "&System", "light": "&Light", "dark": "&Dark"}


@dataclass
class WindowActions:
    """Actions the window changes after the menus are built (enabled, checked)."""

    imports: list[QAction] = field(default_factory=list)  # disabled on a read-only library
    writes: list[QAction] = field(default_factory=list)
    quote_sorts: dict[int, QAction] = field(default_factory=dict)  # by field (SYMBOL, …)
    page_sorts: dict[int, QAction] = field(default_factory=dict)  # by column
    page_columns: dict[int, QAction] = field(default_factory=dict)  # shown or hidden, by column
    themes: dict[ThemeChoice, QAction] = field(default_factory=dict)
    all: list[QAction] = field(default_factory=list)


def _action(window: MainWindow, actions: WindowActions, text: str, slot: Callable[[], object],
            shortcut: Shortcut = None, *more: Shortcut) -> QAction:
    action = QAction(text, window)
    keys = [QKeySequence(key) for key in (shortcut, *more) if key is not None]
    if keys:
        action.setShortcuts(keys)
    action.triggered.connect(lambda _checked=False: slot())
    actions.all.append(action)
    return action


def build_menus(window: MainWindow) -> WindowActions:
    actions = WindowActions()
    _file_menu(window, actions, window.menuBar().addMenu("&File"))
    _edit_menu(window, actions, window.menuBar().addMenu("&Edit"))
    _view_menu(window, actions, window.menuBar().addMenu("&View"))
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(_action(window, actions, "&Keyboard Shortcuts", lambda: show_shortcuts(window, actions), "F1"))
    help_menu.addAction(_action(window, actions, "&About Market Reader", window.show_about))
    return actions


def _file_menu(window: MainWindow, actions: WindowActions, menu: QMenu) -> None:
    add = partial(_action, window, actions)
    imports = [
        add("&Open…", window.open_files, QKeySequence.StandardKey.Open),
        add("Import &Folder…", window.open_folder, "Ctrl+Shift+O"),
        add("Import &Sample Page", window.import_sample),
    ]
    actions.imports.extend(imports)
    menu.addActions(imports)
    menu.addSeparator()
    menu.addAction(add("&Export Quotes…", window.export_quotes, "Ctrl+E"))
    menu.addAction(add("Export &Chart…", window.export_chart))
    menu.addAction(window.reader.export)
    actions.all.append(window.reader.export)
    menu.addAction(add("Print Pre&view…", window.preview_print, "Ctrl+Shift+P"))
    menu.addAction(add("&Print Article…", window.print_article, QKeySequence.StandardKey.Print))
    menu.addSeparator()
    menu.addAction(add("&Quit", window.close, QKeySequence.StandardKey.Quit))


def _edit_menu(window: MainWindow, actions: WindowActions, menu: QMenu) -> None:
    add = partial(_action, window, actions)
    menu.addAction(add("&Find in Article…", window.find_in_article, QKeySequence.StandardKey.Find))
    menu.addAction(add("Find &Next", lambda: window.find_step(True), QKeySequence.StandardKey.FindNext))
    menu.addAction(add("Find Pre&vious", lambda: window.find_step(False), QKeySequence.StandardKey.FindPrevious))
    menu.addSeparator()
    menu.addAction(add("&Search Library", window.focus_search, "Ctrl+K", "Ctrl+Shift+F"))
    menu.addAction(add("Filter S&ymbols", window.focus_symbol_filter, "Ctrl+Shift+Y"))
    menu.addSeparator()
    delete = add("&Delete Page…", window.delete_selected_pages, QKeySequence.StandardKey.Delete)
    actions.writes.append(delete)
    menu.addAction(delete)
    menu.addSeparator()
    reader = window.reader
    for action in (reader.toggle_read, reader.toggle_star, reader.edit_tags, reader.manage_tags):
        menu.addAction(action)
        actions.all.append(action)
    actions.writes.extend([reader.toggle_read, reader.toggle_star, reader.edit_tags, reader.manage_tags])


def _view_menu(window: MainWindow, actions: WindowActions, menu: QMenu) -> None:
    add = partial(_action, window, actions)
    menu.addAction(add("Next &Pane", lambda: window.cycle_panes(1), "F6"))
    menu.addAction(add("Pre&vious Pane", lambda: window.cycle_panes(-1), "Shift+F6"))
    menu.addAction(add("&Read Article", window.focus_article, "Ctrl+R"))
    menu.addSeparator()
    _sort_menus(window, actions, menu)
    menu.addAction(add("Biggest &Losers First", window.show_biggest_losers, "Ctrl+L"))
    menu.addSeparator()
    menu.addAction(add("&Market View", window.show_market, "Ctrl+M"))
    menu.addAction(add("Symbol &History", window.show_current_history, "Ctrl+H"))
    menu.addAction(add("&Compare Selected Pages", window.compare_selected_pages, "Ctrl+D"))
    menu.addSeparator()
    _theme_menu(window, actions, menu.addMenu("&Theme"))
    menu.addAction(add("Zoom &In", window.article.zoom_in, QKeySequence.StandardKey.ZoomIn, "Ctrl+="))
    menu.addAction(add("Zoom &Out", window.article.zoom_out, QKeySequence.StandardKey.ZoomOut))
    menu.addAction(add("&Actual Size", window.article.reset_zoom, "Ctrl+0"))


def _sort_menus(window: MainWindow, actions: WindowActions, menu: QMenu) -> None:
    """One checkable entry per column; choosing the column already sorted by reverses its order."""
    quotes = menu.addMenu("Sort &Quotes By")
    group = QActionGroup(window)
    # the columns every grid has, Ctrl+1 … Ctrl+6; then those a quote table adds (on when the grid shows them)
    shortcuts = [f"Ctrl+{number}" for number in range(1, len(QUOTE_SORTS) + 1)] + [None] * len(TABLE_FIELDS)
    for column, shortcut in zip((*QUOTE_SORTS, *TABLE_FIELDS), shortcuts, strict=True):
        if column == TABLE_FIELDS[0]:
            quotes.addSeparator()
        action = _action(window, actions, HEADERS[column].replace("%", "&%"), partial(window.sorting.quotes_by, column),
                         shortcut)
        action.setProperty("context", "Sort quotes by")
        action.setCheckable(True)
        group.addAction(action)
        quotes.addAction(action)
        actions.quote_sorts[column] = action
    columns = menu.addMenu("Page List &Columns")
    for column in (PUBLISHED, SAVED, QUOTES, SECTION):
        action = _action(window, actions, PAGE_HEADERS[column], partial(window.sorting.toggle_page_column, column))
        action.setCheckable(True)
        columns.addAction(action)
        actions.page_columns[column] = action
    pages = menu.addMenu("Sort &Pages By")
    group = QActionGroup(window)
    for number, column in enumerate(PAGE_SORTS, start=1):
        action = _action(window, actions, PAGE_HEADERS[column], partial(window.sorting.pages_by, column), f"Alt+{number}")
        action.setProperty("context", "Sort pages by")
        action.setCheckable(True)
        group.addAction(action)
        pages.addAction(action)
        actions.page_sorts[column] = action


def _theme_menu(window: MainWindow, actions: WindowActions, menu: QMenu) -> None:
    group = QActionGroup(window)
    for choice, name in THEME_NAMES.items():
        action = _action(window, actions, name, partial(window.set_theme, choice))
        action.setCheckable(True)
        group.addAction(action)
        menu.addAction(action)
        actions.themes[choice] = action


KEYS_IN_PANES = (
    "In the lists and grids: arrow keys move, Enter opens (a page to read, a symbol's history).",
    "In the search box and the symbol filter: Down or Enter goes to the list or grid below, Esc empties it.",
    "In the chart: Left/Right move between bars, Enter opens the symbol's history.",
    "Tab and Shift+Tab move between controls; F6 and Shift+F6 between panes.",
    "In the find bar: Enter and Shift+Enter go to the next and previous match, Esc closes it.",
)


def show_shortcuts(window: MainWindow, actions: WindowActions) -> None:
    """Help ▸ Keyboard Shortcuts: every command's keys in a window that can be read with the app."""
    keys = shortcut_lines(actions.all)
    width = max(len(name) for name, _keys in keys) + 2
    lines = [f"{name.ljust(width)}{combo}" for name, combo in keys] + ["", *KEYS_IN_PANES]
    window.shortcuts_dialog = dialogs.show_report(window, "Keyboard shortcuts", "\n".join(lines), columns=True)


def shortcut_lines(actions: list[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for every action that has a shortcut, in menu order."""
    lines = []
    for action in actions:
        keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
        if keys:
            name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            context = action.property("context")
            lines.append((f"{context} {name}" if context else name, keys))
    return lines
