"""A library the window cannot open as named: the user is asked (Create / Choose another / Quit), never left with
nothing on screen, and a mistyped path creates nothing until they say so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.gui.library_location import library_problem, settle_library
from desktop.library import Library


def never_choose(_start: Path) -> Path | None:
    raise AssertionError("the file chooser was not expected")


def test_a_named_library_that_does_not_exist_is_not_created_without_asking(tmp_path):
    typo = tmp_path / "Librray" / "library.db"
    asked = []

    def ask(problem):
        asked.append(problem)
        return "quit"

    assert settle_library(typo, True, ask, never_choose) is None
    assert "There is no library at" in asked[0].message and asked[0].can_create
    assert "does not exist either" in asked[0].message
    assert not typo.parent.exists()  # nothing was created behind the user's back


def test_create_makes_the_folder_and_an_empty_library(tmp_path):
    path = tmp_path / "new" / "library.db"
    assert settle_library(path, True, lambda _problem: "create", never_choose) == path
    with Library(path) as library:
        assert library.page_count() == 0


def test_the_default_library_is_created_quietly_on_first_start(tmp_path):
    path = tmp_path / "data" / "market-reader" / "library.db"
    assert library_problem(path, ask_before_creating=False) is None
    assert path.exists()


def test_a_folder_that_cannot_be_created_offers_another_library(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    path = blocker / "sub" / "library.db"
    chosen = tmp_path / "elsewhere.db"
    problems = []

    def ask(problem):
        problems.append(problem)
        return "choose"

    assert settle_library(path, False, ask, lambda _start: chosen) == chosen
    assert "cannot be created" in problems[0].message and not problems[0].can_create
    assert chosen.exists()


def test_a_file_that_is_not_a_library_is_explained(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    problem = library_problem(path, ask_before_creating=True)
    assert problem is not None and "not a Market Reader library" in problem.message
    assert not problem.can_create
    assert path.read_bytes().startswith(b"these are my notes")  # untouched


def test_a_folder_named_as_the_library_is_explained(tmp_path):
    problem = library_problem(tmp_path, ask_before_creating=True)
    assert problem is not None and "is a folder" in problem.message


def test_run_window_shows_a_dialog_and_quits_cleanly_when_told(qtbot, tmp_path, monkeypatch):
    from desktop.gui import app, dialogs

    seen = []
    monkeypatch.setattr(dialogs, "ask_library_action", lambda problem: seen.append(problem) or "quit")
    typo = tmp_path / "Libary" / "library.db"
    assert app.run_window(typo, [], ask_before_creating=True) == 1
    assert seen and seen[0].path == typo
    assert not typo.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="needs file permissions to apply")
def test_a_read_only_library_opens_and_the_window_marks_it(qtbot, tmp_path):
    _read_only_window(qtbot, tmp_path)


def test_a_read_only_library_disables_import_with_the_reason(qtbot, tmp_path, monkeypatch):
    """Read-only storage simulated by the library reporting it (root ignores file modes)."""
    from desktop.library import library as library_module

    original = library_module.Library.__init__

    def read_only_init(self, path, read_only_fallback=False):
        original(self, path, read_only_fallback)
        self.read_only = read_only_fallback

    Library(tmp_path / "library.db").close()
    monkeypatch.setattr(library_module.Library, "__init__", read_only_init)
    _read_only_window(qtbot, tmp_path, simulated=True)


def _read_only_window(qtbot, tmp_path, simulated: bool = False) -> None:
    from PySide6.QtWidgets import QLabel

    from desktop.app import create_main_window
    from desktop.gui import messages

    path = tmp_path / "library.db"
    if not simulated:
        Library(path).close()
        path.chmod(0o444)
        tmp_path.chmod(0o555)
    try:
        window = create_main_window(path)
        qtbot.addWidget(window)
        window.show()
        assert window.read_only
        assert window.densifier is None  # nothing compressed in the background either
        assert "read-only" in window.windowTitle()
        assert window.findChild(QLabel, "readOnlyBadge") is not None
        for action in window.actions_.imports:
            assert not action.isEnabled() and action.toolTip() == messages.READ_ONLY_TIP
        assert not window.empty.sample_button.isEnabled()
        window.import_paths([tmp_path / "anything.html"])
        assert not window.importing()
        assert "Nothing imported" in window.statusBar().currentMessage()
    finally:
        if not simulated:
            tmp_path.chmod(0o755)
