"""Opening a library: several processes at once on a fresh file, and foreign files left untouched."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from desktop.library import Library, LibraryError

PROCESSES = 4
ROUNDS = 12


def _open_each(folder: str, barrier: multiprocessing.synchronize.Barrier, errors: multiprocessing.Queue) -> None:
    """Open ROUNDS fresh libraries, each at the same moment as the other processes."""
    for index in range(ROUNDS):
        barrier.wait(timeout=60)
        try:
            with Library(Path(folder) / f"lib{index}.db") as library:
                library.page_count()
        except LibraryError as error:
            errors.put(error.message)
    errors.put(None)


def test_processes_opening_a_fresh_library_at_once_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, errors = context.Barrier(PROCESSES), context.Queue()
    workers = [context.Process(target=_open_each, args=(str(tmp_path), barrier, errors)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    messages, finished = [], 0
    while finished < PROCESSES:
        message = errors.get(timeout=120)
        if message is None:
            finished += 1
        else:
            messages.append(message)
    for worker in workers:
        worker.join(timeout=60)
    assert messages == []
    for index in range(ROUNDS):
        with Library(tmp_path / f"lib{index}.db") as library:
            assert library.page_count() == 0


def test_foreign_file_with_a_version_is_refused_byte_for_byte_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before, mtime = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    with pytest.raises(LibraryError, match="not a Market Reader library"):
        Library(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def _delete_last_then_import(library: Library, index: int) -> tuple[int, int]:
    from tests.desktop.library.helpers import make_page, raw_for

    last = max(r.id for r in library.pages())
    assert library.delete_page(last)
    return last, library.import_page(make_page(index), raw_for(index), f"p{index}.html").page_id


def test_page_ids_are_never_used_again(lib: Library) -> None:
    from tests.desktop.library.helpers import make_page, raw_for

    for index in range(3):
        lib.import_page(make_page(index), raw_for(index), f"p{index}.html")
    deleted, new_id = _delete_last_then_import(lib, 10)
    assert new_id > deleted


def test_version_1_library_migrates_in_place_and_keeps_its_pages(
    lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.library import library as library_module
    from desktop.library import schema
    from tests.desktop.library.helpers import make_page, raw_for

    def version_1_with_todays_quote_columns(db: object) -> None:
        schema._create_v1(db)  # type: ignore[arg-type]
        schema._quote_table_fields(db)  # type: ignore[arg-type]  # so that today's importer can fill it

    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", [version_1_with_todays_quote_columns])
        patch.setattr(schema, "SCHEMA_VERSION", 1)
        patch.setattr(library_module, "SCHEMA_VERSION", 1)
        with Library(lib_path) as old:
            ids = [old.import_page(make_page(i), raw_for(i), f"p{i}.html").page_id for i in range(3)]
            assert old.delete_page(ids[-1])
            assert old.db.execute("PRAGMA user_version").fetchone()[0] == 1
            assert "AUTOINCREMENT" not in old.db.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'pages'").fetchone()[0]
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 3
        assert "AUTOINCREMENT" in lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'pages'").fetchone()[0]
        assert [r.id for r in lib.pages(sort="title", descending=False)] == ids[:2]
        assert len(lib.quotes(ids[0])) == 7 and len(lib.article(ids[1]).images) == 1
        assert [h.id for h in lib.search("report 1")] == [ids[1]]
        lib.db.execute("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')")
        assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        new_id = lib.import_page(make_page(20), raw_for(20), "p20.html").page_id
        assert new_id > ids[1]  # an id deleted before the upgrade left no trace to avoid
        deleted, newer = _delete_last_then_import(lib, 21)
        assert newer > deleted
        assert lib.delete_page(ids[0]) and lib.search("report 0") == []
