"""How pages are stored: originals compressed with a dictionary the library learns, text kept once."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from desktop.library import Library, packing
from desktop.library.originals import dictionaries, original_bytes
from tests.desktop.library.helpers import make_page, write_pages
from tests.paths import FIXTURES


def _dictionary_ids(lib: Library) -> set[int]:
    """The dictionary of every stored original: 0 for zstd without one, -1 for zlib."""
    blobs = [bytes(d) for (d,) in lib.db.execute("SELECT data FROM originals")]
    return {packing.frame_dictionary(b) if b.startswith(packing.ZSTD_MAGIC) else -1 for b in blobs}


def test_a_dictionary_is_learnt_once_there_are_enough_pages(tmp_path: Path, lib: Library) -> None:
    paths = write_pages(tmp_path / "pages", 64)
    results = lib.import_paths(paths)
    assert {r.status for r in results} == {"imported"}
    known = dictionaries(lib.db)
    assert len(known) == 1
    assert _dictionary_ids(lib) == set(known)  # the pages stored before it were rewritten with it
    for path, result in zip(paths, results, strict=True):
        assert original_bytes(lib.db, result.page_id) == path.read_bytes()


def test_a_dictionary_makes_originals_smaller(tmp_path: Path, lib_path: Path) -> None:
    paths = write_pages(tmp_path / "pages", 80, size_kb=40)
    plain = sum(len(packing.Packer().pack(p.read_bytes())) for p in paths[64:])
    with Library(lib_path) as lib:
        lib.import_paths(paths)
        stored = sum(len(bytes(d)) for (d,) in lib.db.execute("SELECT data FROM originals WHERE page_id > 64"))
    assert stored < plain * 0.95


def test_too_few_pages_teach_no_dictionary(lib: Library) -> None:
    for index in range(20):
        lib.import_page(make_page(index), f"<html>{index}</html>".encode(), f"{index}.html")
    assert dictionaries(lib.db) == {}
    assert original_bytes(lib.db, 3) == b"<html>2</html>"


def test_stored_text_is_not_kept_twice(lib: Library) -> None:
    lib.import_page(make_page(1, body=("One paragraph about cement.",) * 40), b"<html>1</html>", "1.html")
    columns = set(lib.db["pages"].columns_dict)
    assert not {"body", "paragraphs", "related"} & columns
    (data,) = lib.db.execute("SELECT data FROM texts").fetchone()
    assert len(data) < len("One paragraph about cement." * 40) / 4
    assert lib.article(1).paragraphs == ("One paragraph about cement.",) * 40


def test_damaged_original_is_reported_by_reparse(lib: Library) -> None:
    lib.import_page(make_page(1), b"<html>1</html>", "1.html")
    lib.db.execute("UPDATE originals SET data = ?", [packing.ZSTD_MAGIC + b"broken"])
    (result,) = lib.reparse()
    assert result.status == "failed" and "damaged" in result.message
    with pytest.raises(packing.DamagedData):
        original_bytes(lib.db, 1)


def test_compact_rewrites_what_a_large_library_stored_before_its_dictionary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import library as library_module

    monkeypatch.setattr(library_module, "AUTO_REPACK_LIMIT", 0)  # as if the library were too large to wait for
    target = tmp_path / "library.db"
    shutil.copyfile(FIXTURES / "library-v2.db", target)
    paths = write_pages(tmp_path / "pages", 70)
    with Library(target) as lib:
        assert zlib.decompress(lib.db.execute("SELECT data FROM originals WHERE page_id = 1").fetchone()[0])
        results = [lib.import_file(path) for path in paths]  # one at a time: learnt only after 48 pages
        (wanted,) = dictionaries(lib.db)
        assert len(_dictionary_ids(lib)) > 1
        assert lib.compact() >= 48
        assert _dictionary_ids(lib) - {wanted} <= {0, -1}  # only tiny originals, which it would not make smaller
        assert original_bytes(lib.db, 1) == b"<html>page 0</html>"
        for path, result in zip(paths, results, strict=True):
            assert original_bytes(lib.db, result.page_id) == path.read_bytes()
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_compact_stores_originals_densely_byte_for_byte(tmp_path: Path, lib: Library,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import originals

    paths = write_pages(tmp_path / "pages", 70, size_kb=60)
    results = lib.import_paths(paths)
    stored = lambda: sum(len(bytes(d)) for (d,) in lib.db.execute("SELECT data FROM originals"))  # noqa: E731
    before = stored()
    monkeypatch.setattr(originals, "DENSE_BATCH", 16)  # several transactions
    assert lib.compact() == 70
    assert stored() < before * 0.92
    assert lib.db.execute("SELECT count(*) FROM originals WHERE dense = 0").fetchone()[0] == 0
    for path, result in zip(paths, results, strict=True):
        assert original_bytes(lib.db, result.page_id) == path.read_bytes()
    assert lib.compact() == 0  # done once, not again
    lib.db.execute("INSERT INTO pages_fts (pages_fts) VALUES ('integrity-check')")
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [h.id for h in lib.search("report 7")] and lib.page_ids(wanted=None)


def test_an_interrupted_compact_leaves_every_page_readable(tmp_path: Path, lib: Library,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import originals

    paths = write_pages(tmp_path / "pages", 64, size_kb=30)
    results = lib.import_paths(paths)
    monkeypatch.setattr(originals, "DENSE_BATCH", 16)
    real = originals._repacked
    calls = 0

    def failing(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls > 20:
            raise OSError("the disk went away")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(originals, "_repacked", failing)
    with pytest.raises(Exception, match="disk went away"):
        lib.compact()
    assert lib.db.execute("SELECT count(*) FROM originals WHERE dense = 1").fetchone()[0] == 16  # one batch
    for path, result in zip(paths, results, strict=True):
        assert original_bytes(lib.db, result.page_id) == path.read_bytes()
    monkeypatch.setattr(originals, "_repacked", real)
    assert lib.compact() == 48  # the rest, and only the rest
    assert lib.db.execute("SELECT count(*) FROM originals WHERE dense = 0").fetchone()[0] == 0
