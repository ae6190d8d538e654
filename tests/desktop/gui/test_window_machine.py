"""The real main window driven by a hypothesis state machine: drops of good and hostile files, selection, search
with any text, sorting, filtering, tabs, history, compare, delete, zoom, resize, themes, find, a cancelled import,
close and reopen. After every step: nothing raised, Qt printed no warning, the list shows what the library holds,
and the library passes SQLite's and FTS5's integrity checks."""

from __future__ import annotations

import itertools
import sqlite3
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.gui import dialogs
from desktop.gui.main_window import MainWindow
from desktop.gui.menus import PAGE_SORTS, QUOTE_SORTS
from desktop.library import Library
from tests.paths import SAMPLE_PAGE
from tests.textpages import text_page

HARMLESS_QT_MESSAGES = (  # the same list as qt_log_ignore in pyproject.toml: the offscreen platform's notes
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)
WORDS = ("cement", "banks", "oil", "fertiliser", "rupee", "textile", "کراچی", "KSE-100", "C++", "3,882")
SYMBOLS = ("OGDC", "PPL", "TRG", "HBL", "LUCK", "ENGRO", "MARI", "SYS")
HOSTILE = {
    "empty.html": b"",
    "picture.html": b"\x89PNG\r\n\x1a\n" + bytes(300),
    "cut.mhtml": b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/html",
    "deep.html": b"<html><body>" + b"<div>" * 20_000 + b"Stocks</body></html>",
    "digits.txt": b"1234567890" * 100_000,
    "nul.txt": b"OGDC 213.07 Increased By \x00 13.70 (6.87%)\n\x00\x00Title\n\nA paragraph.",
    "urdu.html": "<html><body><h1>کراچی اسٹاک</h1><p>تیزی رہی اور حصص بڑھے۔</p></body></html>".encode(),
    "latin1.html": "<html><body><h1>Caf\xe9 stocks</h1><p>R\xe9sum\xe9 of the session.</p></body></html>".encode("latin-1"),
}
names = itertools.count()


def wait_idle(qtbot, window: MainWindow) -> None:
    """Until imports, library calls and the list's loading have answered."""
    qtbot.waitUntil(lambda: not window.importing() and not window.background.busy(), timeout=30_000)
    QApplication.processEvents()


def check_library(path: Path) -> int:
    """SQLite's and FTS5's integrity checks pass; returns the page count."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.execute("INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)")
        return connection.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "readonly" in str(error).lower():  # the FTS check writes nothing, but a read-only handle refuses it
            connection.close()
            connection = sqlite3.connect(path)
            connection.execute("INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)")
            return connection.execute("SELECT count(*) FROM pages").fetchone()[0]
        raise
    finally:
        connection.close()


def make_machine(qtbot, root: Path, errors: list[str], messages: list[str]) -> type[RuleBasedStateMachine]:
    class WindowMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.folder = root / f"run{next(names)}"
            self.folder.mkdir()
            self.library_path = self.folder / "library.db"
            self.window = self._open()
            self.seen_messages = len(messages)

        def _open(self) -> MainWindow:
            window = MainWindow(self.library_path)
            window.resize(1100, 700)
            window.show()
            wait_idle(qtbot, window)
            return window

        def _drop(self, paths: list[Path], mime: QMimeData | None = None) -> None:
            if mime is None:
                mime = QMimeData()
                mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
            event = QDropEvent(QPointF(40, 40), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier)
            self.window.dropEvent(event)
            wait_idle(qtbot, self.window)

        @initialize()
        def start(self) -> None:
            wait_idle(qtbot, self.window)

        # --- importing ---------------------------------------------------------------------------------
        @rule(count=st.integers(1, 3), word=st.sampled_from(WORDS), symbols=st.lists(st.sampled_from(SYMBOLS), max_size=5))
        def drop_good_pages(self, count: int, word: str, symbols: list[str]) -> None:
            paths = []
            for n in range(count):
                path = self.folder / f"page{next(names)}.txt"
                quotes = [(s, 100.0 + i, 1.5 - i, 1.2 - i) for i, s in enumerate(dict.fromkeys(symbols))] or None
                path.write_text(text_page(f"Stocks move on {word} news {n}", body_word=word, quotes=quotes), "utf-8")
                paths.append(path)
            self._drop(paths)

        @rule(name=st.sampled_from(sorted(HOSTILE)))
        def drop_hostile_file(self, name: str) -> None:
            path = self.folder / f"{next(names)}-{name}"
            path.write_bytes(HOSTILE[name])
            self._drop([path])

        @rule()
        def drop_the_sample_and_a_folder(self) -> None:
            folder = self.folder / f"mixed{next(names)}"
            folder.mkdir()
            (folder / "note.txt").write_text(text_page("A page inside a dropped folder"), "utf-8")
            (folder / "image.png").write_bytes(HOSTILE["picture.html"])
            self._drop([SAMPLE_PAGE, folder])

        @rule(text=st.text(max_size=300))
        def drop_selected_text(self, text: str) -> None:
            mime = QMimeData()
            mime.setText(text)
            self._drop([], mime)

        @rule()
        def cancel_an_import(self) -> None:
            paths = []
            for n in range(30):
                path = self.folder / f"bulk{next(names)}.txt"
                path.write_text(text_page(f"Bulk page {n} of a cancelled import"), "utf-8")
                paths.append(path)
            self.window.import_paths(paths)
            self.window.cancel_import()
            wait_idle(qtbot, self.window)

        # --- looking around --------------------------------------------------------------------------
        @precondition(lambda self: self.window.pages.model.rowCount() > 0)
        @rule(data=st.data())
        def select_a_page(self, data: st.DataObject) -> None:
            row = data.draw(st.integers(0, self.window.pages.model.rowCount() - 1))
            self.window.pages.select_row(row)
            page = self.window.pages.model.page_at(row)
            assert page is not None and self.window.current_page_id() == page.id

        @rule(text=st.one_of(st.sampled_from(WORDS + ("Stocks", "news 1", "")), st.text(max_size=60)))
        def search(self, text: str) -> None:
            self.window.pages.search_box.setText(text)
            self.window.pages.reload()
            wait_idle(qtbot, self.window)

        @rule(field=st.sampled_from(QUOTE_SORTS))
        def sort_quotes(self, field: int) -> None:
            self.window.sorting.quotes_by(field)

        @rule(column=st.sampled_from(PAGE_SORTS))
        def sort_pages(self, column: int) -> None:
            self.window.sorting.pages_by(column)

        @rule(text=st.text(max_size=50))
        def filter_symbols(self, text: str) -> None:
            grid = self.window.current_grid()
            grid.filter_box.setText(text)
            assert grid.model.rowCount() > 0 or grid.empty_text()

        @rule()
        def switch_tab(self) -> None:
            tabs = self.window.tabs
            tabs.setCurrentIndex(1 - tabs.currentIndex())
            wait_idle(qtbot, self.window)

        @precondition(lambda self: self.window.current_grid().model.rowCount() > 0)
        @rule(data=st.data())
        def open_history(self, data: st.DataObject) -> None:
            grid = self.window.current_grid()
            row = data.draw(st.integers(0, grid.model.rowCount() - 1))
            self.window.show_history(grid.model.quote_at(row).symbol)
            wait_idle(qtbot, self.window)
            dialog = self.window.history_dialog
            dialog.grab()
            dialog.close()

        @precondition(lambda self: self.window.pages.model.rowCount() >= 2)
        @rule()
        def compare_two_pages(self) -> None:
            self.window.pages.select_row(0)
            selection = self.window.pages.view.selectionModel()
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(self.window.pages.model.index(1, 0), flags)
            self.window.compare_selected_pages()
            self.window.compare_dialog.close()

        @precondition(lambda self: self.window.pages.model.rowCount() > 0)
        @rule()
        def delete_the_selected_page(self) -> None:
            self.window.delete_selected_pages()
            wait_idle(qtbot, self.window)

        @rule(steps=st.integers(-8, 14))
        def zoom(self, steps: int) -> None:
            self.window.article.set_zoom(steps)

        @rule(width=st.integers(200, 2600), height=st.integers(150, 1700))
        def resize(self, width: int, height: int) -> None:
            self.window.resize(QSize(width, height))
            QApplication.processEvents()

        @rule(theme=st.sampled_from(["system", "light", "dark"]))
        def theme(self, theme: str) -> None:
            self.window.set_theme(theme)  # type: ignore[arg-type]
            QApplication.processEvents()

        @rule(text=st.text(max_size=40))
        def find_in_article(self, text: str) -> None:
            self.window.find_in_article()
            self.window.article_pane.find_bar.box.setText(text)
            self.window.find_step(True)

        @rule()
        def close_and_reopen(self) -> None:
            self.window.close()
            self.window.deleteLater()
            QApplication.processEvents()
            self.window = self._open()

        # --- after every step --------------------------------------------------------------------------
        @invariant()
        def nothing_went_wrong(self) -> None:
            wait_idle(qtbot, self.window)
            assert errors == [], errors
            new = [m for m in messages[self.seen_messages:] if not m.startswith(HARMLESS_QT_MESSAGES)]
            assert new == [], new
            self.seen_messages = len(messages)

        @invariant()
        def the_list_shows_what_the_library_holds(self) -> None:
            total = check_library(self.library_path)
            search = self.window.pages.search_box.text()[:200].strip()
            with Library(self.library_path) as library:
                expected = len(library.pages(search=search)) if search else total
            assert self.window.pages.model.rowCount() == expected
            assert self.window.pages.count_label.text().startswith(f"{expected:,} ")

        def teardown(self) -> None:
            self.window.close()
            self.window.deleteLater()
            QApplication.processEvents()

    return WindowMachine


def test_the_window_survives_whatever_a_user_does(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    errors: list[str] = []
    messages: list[str] = []

    def hook(kind, value, tb):
        errors.append(f"{kind.__name__}: {value}")

    def on_message(kind, _context, text):
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg:
            messages.append(text)

    monkeypatch.setattr(sys, "excepthook", hook)
    monkeypatch.setattr(dialogs, "confirm_delete", lambda *_args: True)
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, text: errors.append(f"dialog {title}: {text}"))
    previous = qInstallMessageHandler(on_message)
    try:
        machine = make_machine(qtbot, tmp_path, errors, messages)
        run_state_machine_as_test(machine, settings=settings(
            max_examples=15, stateful_step_count=20, deadline=None, database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ))
    finally:
        qInstallMessageHandler(previous)

