"""Opening libraries: creation, WAL, migrations by user_version, and files that must be refused."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.library import Library, LibraryError
from desktop.library.schema import SCHEMA_VERSION
from tests.desktop.library.helpers import make_page, raw_for


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_library_is_created_in_wal_with_version(lib_path: Path) -> None:
    with Library(lib_path) as lib:
        assert lib.path == lib_path
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.db.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {"pages", "quotes", "images", "originals", "pages_fts"} <= set(lib.db.table_names())
    assert lib_path.exists()


def test_reopening_keeps_the_pages(lib_path: Path) -> None:
    with Library(lib_path) as lib:
        lib.import_page(make_page(1), raw_for(1), "a.html")
    with Library(lib_path) as lib:
        assert lib.page_count() == 1
        assert lib.search("cement")[0].id == 1


def test_newer_library_is_refused_and_untouched(lib_path: Path) -> None:
    with Library(lib_path) as lib:
        lib.import_page(make_page(1), raw_for(1), "a.html")
    conn = sqlite3.connect(lib_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before, mtime = _digest(lib_path), lib_path.stat().st_mtime_ns
    with pytest.raises(LibraryError) as caught:
        Library(lib_path)
    assert "newer Market Reader" in caught.value.message
    assert str(SCHEMA_VERSION + 1) in caught.value.message
    assert _digest(lib_path) == before and lib_path.stat().st_mtime_ns == mtime
    conn = sqlite3.connect(lib_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 200)
    before = _digest(path)
    with pytest.raises(LibraryError) as caught:
        Library(path)
    assert "not a Market Reader library" in caught.value.message
    assert _digest(path) == before


def test_other_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Market Reader library"):
        Library(path)


def test_folder_as_library_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError):
        Library(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions to apply")
def test_read_only_new_library_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(LibraryError):
            Library(folder / "library.db")
    finally:
        folder.chmod(0o700)


def test_old_library_is_migrated_in_place(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import schema

    calls: list[int] = []

    def add_remarks(db: object) -> None:
        calls.append(1)
        db.execute("ALTER TABLE pages ADD COLUMN remark TEXT")  # type: ignore[attr-defined]

    with Library(lib_path) as lib:
        lib.import_page(make_page(1), raw_for(1), "a.html")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_remarks])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    from desktop.library import library as library_module

    monkeypatch.setattr(library_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert "remark" in lib.db["pages"].columns_dict
        assert lib.page_count() == 1
    with Library(lib_path):
        pass
    assert calls == [1]


def test_database_failures_become_library_errors(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import queries

    def failing(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with Library(lib_path) as lib:
        monkeypatch.setattr(queries, "latest_quotes", failing)
        with pytest.raises(LibraryError, match="disk is full"):
            lib.latest_quotes()


def test_locked_library_reports_busy(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import transaction

    monkeypatch.setattr(transaction, "BUSY_TIMEOUT_MS", 50)
    with Library(lib_path) as lib:
        blocker = sqlite3.connect(lib_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with Library(lib_path) as second:
                second.db.execute("PRAGMA busy_timeout = 50")
                with pytest.raises(LibraryError, match="busy in another program"):
                    second.import_page(make_page(1), raw_for(1), "a.html")
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert lib.import_page(make_page(1), raw_for(1), "a.html").status == "imported"
