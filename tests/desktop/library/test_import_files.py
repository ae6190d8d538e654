"""Importing saved files through the parser: real pages, companion images, hostile files, reparse."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.library import Library
from tests.benchmarks.pagegen import br_article_html, expected_for
from tests.desktop.library.helpers import PNG, write_hostile, write_pages


def test_real_sample_text_copy(lib: Library, shared_sample: Path) -> None:
    result = lib.import_file(shared_sample)
    assert result.status == "imported", result.message
    row = lib.page(result.page_id)
    assert row.title.startswith("Volodymyr Zelenskiy says")
    assert row.format == "text" and row.published == "2025-01-13" and row.quote_count == 34
    assert row.as_of_estimated  # a text copy records no save time: the file's mtime stands in
    assert [q.symbol for q in lib.quotes(result.page_id)][-1] == "KSE30"
    assert [h.id for h in lib.search("Zelenskiy North Korean")] == [result.page_id]
    again = lib.import_file(shared_sample)
    assert again.status == "duplicate" and again.message.startswith("already in library (saved ")


def test_generated_page_matches_its_truth(lib: Library, tmp_path: Path) -> None:
    [path] = write_pages(tmp_path, 1, start=5)
    result = lib.import_file(path)
    truth = expected_for(5)
    article = lib.article(result.page_id)
    assert (result.status, result.path, result.message) == ("imported", str(path), truth["title"])
    assert article.page.source_url == truth["source_url"]
    assert list(article.paragraphs) == truth["paragraphs"]
    assert article.page.quote_count == truth["quotes"]


def test_webpage_complete_images_are_stored(lib: Library, tmp_path: Path) -> None:
    html = br_article_html(3, size_kb=8).decode()
    cut = html.index("<p>", html.index("<main"))
    html = html[:cut] + '<figure><img src="story_files/pic.png"><figcaption>A chart</figcaption></figure>' + html[cut:]
    (tmp_path / "story.html").write_text(html)
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "pic.png").write_bytes(PNG)
    result = lib.import_file(tmp_path / "story.html")
    [image] = lib.article(result.page_id).images
    assert (image.media_type, image.data, image.caption) == ("image/png", PNG, "A chart")


def test_good_and_hostile_files_together(lib: Library, tmp_path: Path) -> None:
    good = write_pages(tmp_path / "drop", 5)
    bad = write_hostile(tmp_path / "drop")
    seen: list[tuple[int, int]] = []
    results = lib.import_paths([tmp_path / "drop"], progress=lambda done, total, _name: seen.append((done, total)))
    by_path = {r.path: r for r in results}
    assert len(results) == 9 and seen[-1] == (9, 9)
    for path in good:
        assert by_path[str(path)].status == "imported"
    for path in bad.values():
        result = by_path[str(path)]
        assert result.status == "failed" and result.page_id is None and result.message
    assert lib.page_count() == 5


def test_import_paths_can_be_cancelled(lib: Library, tmp_path: Path) -> None:
    write_pages(tmp_path, 4)
    results = lib.import_paths([tmp_path], cancelled=lambda: lib.page_count() >= 2)
    assert len(results) == 2 and lib.page_count() == 2


def test_import_data_from_a_browser_drop(lib: Library) -> None:
    data = br_article_html(9, size_kb=8)
    result = lib.import_data(data, "dropped.html")
    assert result.status == "imported" and result.path == "dropped.html"
    assert lib.page(result.page_id).file_name == "dropped.html"
    assert lib.import_data(data, "again.html").status == "duplicate"


def test_mtime_becomes_the_estimated_quote_time(lib: Library, tmp_path: Path) -> None:
    [path] = write_pages(tmp_path, 1)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    row = lib.page(lib.import_file(path).page_id)
    assert row.as_of_estimated and row.saved is None
    assert row.quotes_as_of.startswith("2023-11-14")


def test_reparse_rebuilds_from_the_stored_original(lib: Library, tmp_path: Path) -> None:
    paths = write_pages(tmp_path, 2)
    ids = [lib.import_file(p).page_id for p in paths]
    for p in paths:
        p.unlink()  # the library no longer needs the files
    lib.db.execute("UPDATE pages SET title = 'stale', parser_version = 0 WHERE id = ?", [ids[0]])
    lib.db.execute("DELETE FROM quotes WHERE page_id = ?", [ids[0]])
    as_of = lib.page(ids[0]).quotes_as_of
    results = lib.reparse(outdated_only=True)
    assert [(r.status, r.page_id) for r in results] == [("imported", ids[0])]
    row = lib.page(ids[0])
    assert row.title == expected_for(0)["title"] and row.quotes_as_of == as_of
    assert len(lib.quotes(ids[0])) == expected_for(0)["quotes"]
    assert [h.id for h in lib.search("stale")] == []
    assert len(lib.reparse()) == 2
    assert lib.page_count() == 2


def test_worker_processes_give_the_same_results(lib: Library, tmp_path: Path) -> None:
    good = write_pages(tmp_path / "drop", 20)
    bad = write_hostile(tmp_path / "drop")
    lib.import_file(good[3])
    results = lib.import_paths([tmp_path / "drop"], workers=2)
    by_path = {r.path: r for r in results}
    assert len(results) == 24
    assert by_path[str(good[3])].status == "duplicate"
    assert all(by_path[str(p)].status == "imported" for p in good if p != good[3])
    assert all(by_path[str(p)].status == "failed" and by_path[str(p)].message for p in bad.values())
    assert lib.page_count() == 20
    cancelled = lib.import_paths([tmp_path / "drop"], workers=2, cancelled=lambda: True)
    assert cancelled == []


def test_a_dying_worker_costs_one_file_not_the_batch(lib: Library, tmp_path: Path) -> None:
    import multiprocessing
    import signal

    from desktop.library.pool import BROKEN_MESSAGE, read_in_pool
    from desktop.library.reading import Prepared

    paths = write_pages(tmp_path / "drop", 80, size_kb=60)  # enough work that the kill lands mid-batch
    outcomes = read_in_pool(paths, lib.path, 2, fallback=lambda _path, _in_folder: pytest.fail("fell back"))
    [first] = next(outcomes)
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)
    rest = [outcome for [outcome] in outcomes]  # one outcome per file: these are one-page files
    assert first.path == str(paths[0])
    assert [o.path for o in [first, *rest]] == [str(p) for p in paths]  # one outcome per file, in order
    broken = [o for o in rest if getattr(o, "message", None) == BROKEN_MESSAGE]
    assert len(broken) <= 1
    assert sum(isinstance(o, Prepared) for o in [first, *rest]) >= len(paths) - 1


def test_reparse_keeps_images_from_the_files_folder(lib: Library, tmp_path: Path) -> None:
    [path] = write_pages(tmp_path, 1, image=True)
    page_id = lib.import_file(path).page_id
    assert len(lib.article(page_id).images) == 1
    [result] = lib.reparse()
    assert result.status == "imported"
    [image] = lib.article(page_id).images  # the original bytes alone hold no image: the stored one stays
    assert image.data.startswith(PNG)
    lib.db.execute("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')")
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_reparse_of_a_page_deleted_meanwhile(lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import reparse

    [path] = write_pages(tmp_path, 1)
    page_id = lib.import_file(path).page_id
    real_parse = reparse.parse_guarded

    def parse_then_delete(read: object, shown: str) -> object:
        page = real_parse(read, shown)  # type: ignore[arg-type]
        lib.delete_page(page_id)  # another window deletes the page while it is being parsed
        return page

    monkeypatch.setattr(reparse, "parse_guarded", parse_then_delete)
    [result] = lib.reparse()
    assert result.status == "failed" and "deleted" in result.message
    assert lib.page_count() == 0 and lib.db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
