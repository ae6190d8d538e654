"""The window from the keyboard alone: import, sort, read, history; Tab and F6 between panes; focus you can see."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import create_main_window
from desktop.gui import dialogs
from desktop.gui.models.quote_model import PRICE, SYMBOL
from tests.paths import SAMPLE_PAGE

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, tmp_path):
    win = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user presses it: to whatever widget has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def focused() -> object:
    return QApplication.focusWidget()


def import_by_keyboard(qtbot, window, monkeypatch, paths) -> None:
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda _parent, _start=None: list(paths))
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        press(qtbot, Key.Key_O, CTRL)  # File ▸ Open…
    qtbot.waitUntil(lambda: window.current_page_id() is not None, timeout=10_000)


def grid_symbols(pane) -> list[str]:
    return [pane.model.quote_at(r).symbol for r in range(pane.model.rowCount())]


def test_import_sort_read_and_history_without_a_mouse(qtbot, window, monkeypatch, write_page):
    other = write_page("other.txt", title="Second page of the walk")
    import_by_keyboard(qtbot, window, monkeypatch, [SAMPLE_PAGE, other])
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    window.pages.view.setFocus()
    assert focused() is window.pages.view

    # the list: arrows move between pages, each shown at once
    first = window.current_page_id()
    press(qtbot, Key.Key_Down if window.pages.view.currentIndex().row() == 0 else Key.Key_Up)
    assert window.current_page_id() not in (None, first)
    press(qtbot, Key.Key_Home)
    sample_row = next(r for r in range(2) if window.pages.model.page_at(r).quote_count > 20)
    while window.pages.view.currentIndex().row() != sample_row:
        press(qtbot, Key.Key_Down)
    assert window.quotes.model.rowCount() > 20

    # sort: F6 reaches the grid; Ctrl+3 sorts by price, highest first, and again lowest first
    press(qtbot, Key.Key_F6)
    assert focused() is window.quotes.view
    press(qtbot, Key.Key_3, CTRL)
    prices = [window.quotes.model.quote_at(r).price for r in range(window.quotes.model.rowCount())]
    assert prices == sorted(prices, reverse=True)
    assert window.actions_.quote_sorts[PRICE].isChecked()
    press(qtbot, Key.Key_3, CTRL)
    prices = [window.quotes.model.quote_at(r).price for r in range(window.quotes.model.rowCount())]
    assert prices == sorted(prices)
    press(qtbot, Key.Key_1, CTRL)
    assert grid_symbols(window.quotes) == sorted(grid_symbols(window.quotes), key=str.lower)
    assert window.actions_.quote_sorts[SYMBOL].isChecked()

    # read: the article takes the focus and the keys scroll it
    press(qtbot, Key.Key_R, CTRL)
    assert focused() is window.article
    window.article.resize(300, 200)
    bar = window.article.verticalScrollBar()
    press(qtbot, Key.Key_PageDown)
    assert bar.value() > 0

    # history: back to the grid, down two rows, Enter opens that symbol's history
    press(qtbot, Key.Key_F6, SHIFT)  # article → chart
    press(qtbot, Key.Key_F6, SHIFT)  # chart → grid
    assert focused() is window.quotes.view
    press(qtbot, Key.Key_Home)
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Down)
    symbol = window.quotes.current_quote().symbol
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None, timeout=5000)
    dialog = window.history_dialog
    assert dialog.windowTitle().startswith(symbol)

    # and from the history, Enter on the first snapshot opens its page in the window
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert focused() is dialog.table.view
    press(qtbot, Key.Key_Home)
    wanted = dialog.table.current_quote().page_id
    window.pages.select_row(1 - window.pages.model.row_of(wanted))
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_id() == wanted, timeout=5000)


def test_tab_leaves_the_list_and_walks_every_pane(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("p.txt", title="Tab walks the panes")])
    window.pages.view.setFocus()
    seen = []
    for _ in range(40):  # the article's links take a Tab each, as in a browser
        press(qtbot, Key.Key_Tab)
        seen.append(focused())
    assert window.pages.view not in seen[:6]  # Tab does not walk cell by cell through the list
    for pane in (window.tabs.tabBar(), window.quotes.filter_box, window.quotes.view, window.quotes.chart,
                 window.article, window.reader.note.text, window.pages.search_box, window.pages.filters.unread):
        assert pane in seen
    assert window.current_page_id() is not None


def test_f6_cycles_list_grid_chart_article_note(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("p.txt", title="F6 walks the panes")])
    window.pages.view.setFocus()
    order = []
    for _ in range(5):
        press(qtbot, Key.Key_F6)
        order.append(focused())
    assert order == [window.quotes.view, window.quotes.chart, window.article, window.reader.note.text,
                     window.pages.view]


def test_the_focused_pane_wears_a_ring(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("p.txt", title="Focus rings show")])
    rings = {ring.parentWidget(): ring for ring in window.focus_rings}
    window.quotes.view.setFocus()
    qtbot.waitUntil(lambda: rings[window.quotes.view].isVisible())
    assert not rings[window.article].isVisible()
    assert rings[window.quotes.view].geometry() == window.quotes.view.rect()
    window.article.setFocus()
    qtbot.waitUntil(lambda: rings[window.article].isVisible())
    assert not rings[window.quotes.view].isVisible()


def test_ctrl_arrows_move_the_cursor_without_changing_the_page(qtbot, window, write_page, monkeypatch):
    pages = [write_page(f"p{i}.txt", title=f"Page number {i} of three") for i in range(3)]
    import_by_keyboard(qtbot, window, monkeypatch, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 3)
    window.pages.select_row(0)
    window.pages.view.setFocus()
    shown = window.current_page_id()
    press(qtbot, Key.Key_Down, CTRL)
    press(qtbot, Key.Key_Tab, CTRL)
    assert window.current_page_id() == shown  # the highlighted row's page stays in view
    press(qtbot, Key.Key_Space, CTRL)  # select the row under the cursor: now it is shown
    assert window.current_page_id() == window.pages.model.page_at(window.pages.view.currentIndex().row()).id
    assert window.current_page_id() != shown


def test_enter_in_the_list_opens_the_page_for_reading(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("p.txt", title="Enter opens the article")])
    window.pages.view.setFocus()
    press(qtbot, Key.Key_Return)
    assert focused() is window.article


def test_chart_arrows_move_the_selection_and_enter_opens_history(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("p.txt", title="Chart from the keyboard")])
    window.quotes.chart.setFocus()
    press(qtbot, Key.Key_Right)
    press(qtbot, Key.Key_Right)
    assert window.quotes.chart.selected_bar() == window.quotes.view.currentIndex().row() >= 1
    symbol = window.quotes.current_quote().symbol
    press(qtbot, Key.Key_Enter)
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None, timeout=5000)
    assert window.history_dialog.windowTitle().startswith(symbol)


def test_every_menu_command_with_a_key_shows_it(qtbot, window):
    shortcuts = {action.text().replace("&", ""): action.shortcut().toString() for action in window.actions_.all}
    assert shortcuts["Next Pane"] == "F6"
    assert shortcuts["Find in Article…"] == "Ctrl+F"
    assert shortcuts["Print Article…"] == "Ctrl+P"
    assert {shortcuts[name] for name in ("Symbol", "Kind", "Price", "Change", "% Change")} == {
        "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"}
    keys = [action.shortcut().toString() for action in window.actions_.all if not action.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), "two commands share a shortcut"


def test_f1_lists_the_shortcuts_with_what_they_do(qtbot, window):
    from PySide6.QtWidgets import QPlainTextEdit

    window.pages.view.setFocus()
    press(qtbot, Key.Key_F1)
    text = window.shortcuts_dialog.findChild(QPlainTextEdit).toPlainText()
    lines = {" ".join(line.split()) for line in text.splitlines()}
    assert "Sort quotes by Price Ctrl+3" in lines
    assert "Sort pages by Saved Alt+2" in lines
    assert "Find in Article… Ctrl+F" in lines
    assert any("F6" in line and "panes" in line for line in lines)
    assert any("search box" in line and "Down or Enter" in line and "Esc" in line for line in lines)


def test_a_new_user_imports_the_sample_with_the_space_bar_and_lands_in_the_list(qtbot, window):
    qtbot.waitUntil(lambda: window.pages.count_label.text() != "")
    assert focused() is window.empty.sample_button
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: window.current_page_id() is not None, timeout=10_000)
    assert focused() is window.pages.view


def test_tab_reaches_every_control_of_the_market_tab_in_reading_order(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("p.txt", title="Tab walks the market")])
    window.show_market()
    market = window.market
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is market)
    market.range_box.setChecked(True)  # the days take a stop only while they count
    window.tabs.tabBar().setFocus()
    seen: list[object] = []
    for _ in range(20):
        press(qtbot, Key.Key_Tab)
        if focused() is not (seen[-1] if seen else None):  # Tab steps through a date's day, month and year
            seen.append(focused())
    expected = [market.losers_button, market.gainers_button, market.strip_button, market.range_box,
                market.since_edit, market.until_edit, market.grid.filter_box, market.grid.view, market.grid.chart]
    assert [w for w in seen if w in expected] == expected


def test_a_quote_tables_columns_sort_from_the_menu(qtbot, tmp_path):
    from desktop.gui.models.quote_model import VOLUME
    from desktop.library import Library
    from tests.paths import FIXTURES

    with Library(tmp_path / "library.db") as library:
        library.import_paths([FIXTURES / "quotes" / "market_watch_strip" / "market_watch_strip.html", SAMPLE_PAGE])
    win = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.pages.model.rowCount() == 2)
    table_row = next(r for r in range(2) if win.pages.model.page_at(r).quote_count > 100)
    win.pages.select_row(table_row)
    qtbot.waitUntil(lambda: win.quotes.model.rowCount() > 100)
    volume = win.actions_.quote_sorts[VOLUME]
    assert volume.isEnabled()
    volume.trigger()
    volumes = [q.volume for q in (win.quotes.model.quote_at(r) for r in range(win.quotes.model.rowCount()))]
    known = [v for v in volumes if v is not None]
    assert known == sorted(known, reverse=True) and volume.isChecked()
    win.pages.select_row(1 - table_row)  # the sample's strip has no volume: the entry is off
    qtbot.waitUntil(lambda: 0 < win.quotes.model.rowCount() < 100)
    assert not volume.isEnabled()


def test_enter_in_the_search_box_goes_to_the_first_result(qtbot, window, write_page, monkeypatch):
    pages = [write_page("a.txt", title="Cement makers lead the day", body_word="cement"),
             write_page("b.txt", title="Banks slip on rate talk", body_word="banking")]
    import_by_keyboard(qtbot, window, monkeypatch, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    press(qtbot, Key.Key_K, CTRL)
    assert focused() is window.pages.search_box
    qtbot.keyClicks(window.pages.search_box, "banking")
    with qtbot.waitSignal(window.pages.pages_loaded, timeout=10_000):
        press(qtbot, Key.Key_Return)  # before the search has run: it runs now
    assert focused() is window.pages.view
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    assert window.pages.model.rowCount() == 1
    assert window.pages.model.page_at(0).title == "Banks slip on rate talk" == window.windowTitle().split(" — ")[0]


def test_enter_on_a_search_that_finds_nothing_keeps_the_focus_in_the_box(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("a.txt", title="Cement makers lead the day")])
    press(qtbot, Key.Key_K, CTRL)
    qtbot.keyClicks(window.pages.search_box, "zzzqqq")
    with qtbot.waitSignal(window.pages.pages_loaded, timeout=10_000):
        press(qtbot, Key.Key_Return)
    assert window.pages.model.rowCount() == 0
    assert focused() is window.pages.search_box  # the words can be changed at once
    press(qtbot, Key.Key_Down)
    assert focused() is window.pages.search_box


def test_down_in_the_search_box_moves_into_the_list(qtbot, window, write_page, monkeypatch):
    pages = [write_page(f"p{i}.txt", title=f"Page number {i} of two") for i in range(2)]
    import_by_keyboard(qtbot, window, monkeypatch, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    shown = window.current_page_id()
    press(qtbot, Key.Key_K, CTRL)
    press(qtbot, Key.Key_Down)
    assert focused() is window.pages.view
    assert window.current_page_id() == shown  # the page chosen stays chosen
    press(qtbot, Key.Key_Down)
    assert window.current_page_id() != shown


def test_escape_empties_the_search_box_and_the_symbol_filter(qtbot, window, write_page, monkeypatch):
    pages = [write_page("a.txt", title="Cement makers lead the day", body_word="cement"),
             write_page("b.txt", title="Banks slip on rate talk", body_word="banking")]
    import_by_keyboard(qtbot, window, monkeypatch, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    press(qtbot, Key.Key_K, CTRL)
    qtbot.keyClicks(window.pages.search_box, "banking")
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 1, timeout=5000)
    press(qtbot, Key.Key_Escape)
    assert window.pages.search_box.text() == ""
    assert focused() is window.pages.search_box
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2, timeout=5000)  # every page again
    press(qtbot, Key.Key_Y, CTRL | SHIFT)
    qtbot.keyClicks(window.quotes.filter_box, "zz")
    press(qtbot, Key.Key_Escape)
    assert window.quotes.filter_box.text() == ""


def test_down_in_the_symbol_filter_moves_into_the_grid(qtbot, window, write_page, monkeypatch):
    import_by_keyboard(qtbot, window, monkeypatch, [write_page("p.txt", title="Filter then arrows")])
    press(qtbot, Key.Key_Y, CTRL | SHIFT)  # Edit ▸ Filter Symbols
    assert focused() is window.quotes.filter_box
    press(qtbot, Key.Key_Down)
    assert focused() is window.quotes.view
    assert window.quotes.view.currentIndex().row() == 0
    assert window.quotes.view.selectionModel().isRowSelected(0)
