"""A library on storage that cannot be written is still readable; folder problems are worded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop import cli
from desktop.library import Library, LibraryError
from desktop.library import library as library_module
from desktop.library.paths import resolve_library_path
from tests.desktop.library.helpers import make_page, raw_for


@pytest.fixture
def stored(lib_path: Path) -> Path:
    with Library(lib_path) as lib:
        lib.import_page(make_page(1), raw_for(1), "a.html")
    return lib_path


def _refuse(_db: object) -> None:
    """What read-only storage does to the normal open: WAL cannot create its files."""
    raise sqlite3.OperationalError("attempt to write a readonly database")


@pytest.fixture
def unwritable(stored: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stored library that can then no longer be written."""
    monkeypatch.setattr(library_module, "configure", _refuse)
    return stored


def test_read_only_storage_opens_for_reading_only_when_asked(unwritable: Path) -> None:
    stored = unwritable
    with pytest.raises(LibraryError, match="cannot be written"):
        Library(stored)
    with Library(stored, read_only_fallback=True) as lib:
        assert lib.read_only
        assert [p.id for p in lib.pages()] == [1] and lib.search("cement")[0].id == 1
        assert len(lib.quotes(1)) == 7
        with pytest.raises(LibraryError):
            lib.import_page(make_page(2), raw_for(2), "b.html")


def test_immutable_open_when_even_read_only_mode_fails(unwritable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stored = unwritable
    real = library_module.connect_read_only

    def no_shm(path: Path, immutable: bool = False) -> object:
        if not immutable:
            raise sqlite3.OperationalError("unable to open database file")
        return real(path, immutable)

    monkeypatch.setattr(library_module, "connect_read_only", no_shm)
    with Library(stored, read_only_fallback=True) as lib:
        assert lib.page_count() == 1


def test_missing_library_is_not_created_read_only(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_module, "configure", _refuse)
    with pytest.raises(LibraryError, match="cannot be written"):
        Library(lib_path, read_only_fallback=True)


def test_reading_commands_fall_back_and_import_does_not(unwritable: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored = unwritable
    assert cli.run_command(["--library", str(stored), "pages", "--json"]) == 0
    assert '"id": 1' in capsys.readouterr().out
    assert cli.run_command(["--library", str(stored), "search", "cement"]) == 0
    assert cli.run_command(["--library", str(stored), "reparse"]) == 2
    assert "cannot be written" in capsys.readouterr().err


def test_library_folder_that_cannot_be_made_is_worded(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError) as caught:
        resolve_library_path(blocker / "sub" / "library.db")
    assert "folder for the library cannot be created" in caught.value.message
    assert "Errno" not in caught.value.message
