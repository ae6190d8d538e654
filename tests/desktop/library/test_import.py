"""Importing pages: atomic rows, duplicates, snapshots, quote times, deletion."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.library import Library, importer
from desktop.library.originals import original_bytes
from tests.desktop.library.helpers import make_page, raw_for


def _counts(lib: Library) -> tuple[int, int, int, int]:
    return tuple(lib.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                 for t in ("pages", "quotes", "images", "originals"))


def test_import_page_stores_everything(lib: Library) -> None:
    result = lib.import_page(make_page(1, images=2), raw_for(1), "one.html", path="/x/one.html")
    assert result.status == "imported" and result.page_id == 1
    assert result.path == "/x/one.html"
    assert result.message == "Report number 1 on cement and oil"
    assert _counts(lib) == (1, 7, 2, 1)
    stored = lib.db.execute("SELECT data FROM originals").fetchone()[0]
    assert stored != raw_for(1) and original_bytes(lib.db, 1) == raw_for(1)


def test_article_comes_back_in_order(lib: Library) -> None:
    page = make_page(1, images=3, body=("First.", "Second.", "Third."))
    page_id = lib.import_page(page, raw_for(1), "one.html").page_id
    article = lib.article(page_id)
    assert article is not None
    assert article.paragraphs == ("First.", "Second.", "Third.")
    assert article.related == ("Related story",)
    assert [i.name for i in article.images] == ["img-0", "img-1", "img-2"]
    assert article.images[2].data == page.images[2].data
    assert article.images[1].after_paragraph == 1 and article.images[1].caption == "caption 1"
    assert article.byline == "Staff reporter" and article.summary == "Summary of report 1."
    assert lib.article(999) is None


def test_same_bytes_twice_is_a_duplicate(lib: Library) -> None:
    first = lib.import_page(make_page(1), raw_for(1), "one.html")
    again = lib.import_page(make_page(1), raw_for(1), "copy.html")
    assert again.status == "duplicate"
    assert again.page_id == first.page_id
    assert again.message == "already in library (saved 12 Jan 2025)"
    assert lib.page_count() == 1
    assert _counts(lib) == (1, 7, 1, 1)


def test_same_url_new_content_is_a_second_snapshot(lib: Library) -> None:
    url = "https://www.brecorder.com/news/42"
    lib.import_page(make_page(1, url=url, saved="2025-01-12T10:00:00+05:00"), raw_for(1), "a.html")
    lib.import_page(make_page(2, url=url, saved="2025-01-13T10:00:00+05:00"), raw_for(2), "b.html")
    rows = lib.pages()
    assert [r.source_url for r in rows] == [url, url]
    assert [r.file_name for r in rows] == ["b.html", "a.html"]  # newest first


def test_failure_midway_leaves_nothing(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    original = importer.insert_children

    def half(db: object, page: object, page_id: int, key: str) -> None:
        original(db, page, page_id, key)  # page row, quotes and images written, then a failure
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(importer, "insert_children", half)
    with pytest.raises(RuntimeError):
        lib.import_page(make_page(1), raw_for(1), "one.html")
    assert _counts(lib) == (0, 0, 0, 0)
    assert lib.search("cement") == []
    monkeypatch.setattr(importer, "insert_children", original)
    assert lib.import_page(make_page(1), raw_for(1), "one.html").status == "imported"


def test_quotes_as_of_is_the_saved_time(lib: Library) -> None:
    page_id = lib.import_page(make_page(1, saved="2025-01-12T15:30:00+05:00"), raw_for(1), "a.html").page_id
    row = lib.page(page_id)
    assert row.quotes_as_of == "2025-01-12T15:30:00+05:00" and row.as_of_estimated is False
    assert lib.quotes(page_id)[0].as_of == "2025-01-12T15:30:00+05:00"


def test_quotes_as_of_falls_back_to_mtime_then_import_time(lib: Library) -> None:
    mtime = datetime.fromisoformat("2024-06-01T08:00:00+00:00").timestamp()
    by_mtime = lib.page(lib.import_page(make_page(1, saved=None), raw_for(1), "a.html", mtime).page_id)
    assert by_mtime.as_of_estimated is True
    assert datetime.fromisoformat(by_mtime.quotes_as_of).timestamp() == mtime
    by_now = lib.page(lib.import_page(make_page(2, saved=None), raw_for(2), "b.html").page_id)
    assert by_now.as_of_estimated is True
    assert by_now.quotes_as_of == by_now.imported_at
    assert datetime.fromisoformat(by_now.quotes_as_of).utcoffset() is not None


def test_snapshots_order_across_offsets(lib: Library) -> None:
    # 10:00+05:00 is 05:00 UTC, earlier than 06:00+00:00 although it sorts later as text
    lib.import_page(make_page(1, saved="2025-01-12T10:00:00+05:00"), raw_for(1), "a.html")
    lib.import_page(make_page(2, saved="2025-01-12T06:00:00+00:00"), raw_for(2), "b.html")
    assert [r.file_name for r in lib.pages()] == ["b.html", "a.html"]
    assert [q.page_id for q in lib.history("OGDC")] == [1, 2]


def test_delete_page_removes_all_of_it(lib: Library) -> None:
    page_id = lib.import_page(make_page(1), raw_for(1), "a.html").page_id
    lib.import_page(make_page(2), raw_for(2), "b.html")
    assert lib.delete_page(page_id) is True
    assert lib.delete_page(page_id) is False
    assert _counts(lib) == (1, 7, 1, 1)
    assert [h.id for h in lib.search("report")] == [2]
    assert lib.import_page(make_page(1), raw_for(1), "a.html").status == "imported"


def test_import_file_reports_unreadable_file(lib: Library, tmp_path: Path) -> None:
    result = lib.import_file(tmp_path / "missing.html")
    assert result.status == "failed" and result.page_id is None
    assert result.path == str(tmp_path / "missing.html")
    assert result.message


def test_import_data_failed_parse_is_reported(lib: Library) -> None:
    result = lib.import_data(b"", "dropped.html")
    assert result.status == "failed"
    assert result.message
    assert lib.page_count() == 0


def test_index_stays_consistent_after_deletes(lib: Library) -> None:
    for index in range(5):
        lib.import_page(make_page(index), raw_for(index), f"{index}.html")
    lib.delete_page(2)
    lib.delete_page(4)
    lib.db.execute("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')")
    assert {h.id for h in lib.search("rupee")} == {1, 3, 5}


def test_other_constraint_errors_fail_one_page_only(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    def refuse(*_args: object) -> None:
        raise sqlite3.IntegrityError("NOT NULL constraint failed: quotes.symbol")

    monkeypatch.setattr(importer, "insert_children", refuse)
    result = lib.import_page(make_page(1), raw_for(1), "a.html")
    assert result.status == "failed" and result.page_id is None
    assert "\n" not in result.message and "NOT NULL constraint failed" in result.message
    assert lib.page_count() == 0  # nothing of the page was kept
    monkeypatch.undo()
    assert lib.import_page(make_page(1), raw_for(1), "a.html").status == "imported"
