"""Importing every saved form: each page of a container stored on its own, every file of a folder accounted for."""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from desktop.library import Library
from desktop.library.report import failure_lines, import_summary
from tests.desktop.library.helpers import PNG, write_pages
from tests.parsing.sources.pdfgen import picture_pdf
from tests.parsing.sources.saved import FORMS, LONG_URL, SAMPLE_URL, STORY_URL
from tests.paths import FIXTURES

TEXT_COPY = (FIXTURES / "br-text-copy-2022.txt").read_bytes()


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    """A folder as a user might drop it: saved pages in every form, and files that are not pages."""
    folder = tmp_path / "drop"
    shutil.copytree(FORMS / "complete" / "en", folder / "complete")
    for rel in ("warc/br-pages.warc.gz", "zip/several-pages.zip", "pdf/br-story.pdf", "webarchive/br-urdu.webarchive",
                "singlefile/br-story.singlefile.html"):
        shutil.copy(FORMS / rel, folder / Path(rel).name)
    (folder / "scan.pdf").write_bytes(picture_pdf())
    (folder / "photo.png").write_bytes(PNG)
    (folder / "prices.csv").write_text("symbol,price\nOGDC,214.90\n")
    (folder / "backup.gz").write_bytes(gzip.compress(b"not a web archive"))
    office = io.BytesIO()
    with zipfile.ZipFile(office, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    (folder / "prices.xlsx").write_bytes(office.getvalue())
    (folder / "misnamed.html").write_bytes(PNG)  # its name says page: a failure, not a file passed over
    (folder / "._pasted.html").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(4000))
    (folder / "pasted.html").write_bytes(TEXT_COPY)  # a copied page pasted into a file named as a web page
    (folder / "story.html.gz").write_bytes(gzip.compress((FORMS / "complete" / "en" / "br-long.html").read_bytes()
                                                         .replace(b"</article>", b"<p>Compressed copy.</p></article>")))
    return folder


def test_every_file_of_a_folder_is_accounted_for(lib: Library, drop: Path) -> None:
    results = lib.import_paths([drop])
    by_name = {r.path.removeprefix(str(drop) + "/"): r for r in results}
    assert {name for name, r in by_name.items() if r.status == "imported"} == {
        "complete/br-long.html", "br-pages.warc.gz#1", "br-pages.warc.gz#2", "br-pages.warc.gz#3",
        "several-pages.zip#saved/br-sample (SingleFile).html", "several-pages.zip#saved/br-sample.mhtml",
        "several-pages.zip#saved/gold/Gold price rises Rs1,200 per tola - Business Recorder.html",
        "br-story.pdf", "br-urdu.webarchive", "br-story.singlefile.html", "pasted.html", "story.html.gz",
    }
    assert by_name["several-pages.zip#saved/long/br-long.html"].status == "duplicate"  # the same saved page
    assert by_name["scan.pdf"].status == by_name["misnamed.html"].status == "failed"
    assert "probably a scan" in by_name["scan.pdf"].message
    ignored = {name: r.message for name, r in by_name.items() if r.status == "ignored"}
    assert set(ignored) == {"photo.png", "prices.csv", "backup.gz", "prices.xlsx", "._pasted.html"}
    assert "PNG image" in ignored["photo.png"] and "spreadsheet (CSV)" in ignored["prices.csv"]
    assert "gzip" in ignored["backup.gz"] and "Office document" in ignored["prices.xlsx"]
    assert not any("br-long_files" in name for name in by_name)  # the page's own images, not listed
    assert import_summary(results) == "12 imported, 1 already in library, 2 failed, 5 not saved pages"
    assert len(failure_lines(results)) == 7


def test_each_page_of_a_container_is_its_own_snapshot(lib: Library) -> None:
    results = lib.import_paths([FORMS / "warc" / "br-pages.warc.gz"])
    rows = [lib.page(r.page_id) for r in results]
    assert [(row.source_url, row.format, row.as_of_estimated) for row in rows] == [
        (LONG_URL, "warc", False), (SAMPLE_URL, "warc", False), (STORY_URL, "warc", False)]
    assert [row.file_name for row in rows] == ["br-pages.warc.gz#1", "br-pages.warc.gz#2", "br-pages.warc.gz#3"]
    assert [row.quotes_as_of for row in rows] == ["2025-06-14T10:02:03+00:00", "2025-03-11T12:45:10+00:00",
                                                  "2024-02-02T08:30:00+00:00"]
    assert len(lib.article(rows[0].id).images) == 1


def test_a_page_is_known_again_in_another_container(lib: Library) -> None:
    first = lib.import_paths([FORMS / "warc" / "br-pages.warc.gz"])
    again = lib.import_paths([FORMS / "warc" / "br-pages.wacz"])  # the same captures, packed as a WACZ
    assert [r.status for r in again] == ["duplicate"] * 3
    assert [r.page_id for r in again] == [r.page_id for r in first]
    assert lib.page_count() == 3


def test_a_zipped_complete_save_is_the_saved_page(lib: Library) -> None:
    single = lib.import_file(FORMS / "complete" / "en" / "br-long.html")
    zipped = lib.import_file(FORMS / "zip" / "br-long-complete.zip")
    assert single.status == "imported" and zipped.status == "duplicate"


def test_container_pages_read_again_with_their_images(lib: Library) -> None:
    results = lib.import_paths([FORMS / "warc" / "br-pages.warc.gz", FORMS / "zip" / "gold-title-complete.zip"])
    before = {r.page_id: (lib.page(r.page_id), lib.article(r.page_id).images) for r in results}
    lib.db.execute("UPDATE pages SET title = 'stale'")
    again = lib.reparse()
    assert [r.status for r in again] == ["imported"] * 4
    for page_id, (row, images) in before.items():
        assert lib.page(page_id).title == row.title and lib.article(page_id).images == images


def test_what_is_stored_for_a_warc_page_is_the_page_not_the_crawl(lib: Library) -> None:
    results = lib.import_paths([FORMS / "warc" / "br-pages.warc.gz"])
    crawl = gzip.decompress((FORMS / "warc" / "br-pages.warc.gz").read_bytes())
    sizes = [lib.db.execute("SELECT original_size FROM pages WHERE id = ?", [r.page_id]).fetchone()[0]
             for r in results]
    assert sum(sizes) < len(crawl)  # each page with its own image, none with the others'


def test_a_file_named_directly_that_is_not_a_page_fails(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(PNG)
    result = lib.import_file(tmp_path / "photo.png")
    assert result.status == "failed" and "PNG image" in result.message


def test_a_text_file_in_a_folder_is_passed_over_but_read_when_opened_on_its_own(lib: Library, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    note = folder / "notes.md"
    note.write_bytes(TEXT_COPY)
    [passed_over] = lib.import_paths([folder])
    assert passed_over.status == "ignored" and "open this one on its own" in passed_over.message
    opened = lib.import_file(note)
    assert opened.status == "imported" and lib.page(opened.page_id).quote_count > 0


def test_imported_pdf_says_its_ticker_is_partial(lib: Library) -> None:
    result = lib.import_file(FORMS / "pdf" / "br-story.pdf")
    assert result.status == "imported" and "ticker strip that was on screen" in result.message
    assert lib.page(result.page_id).format == "pdf"


def test_worker_processes_read_containers_too(lib: Library, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    write_pages(folder, 16)
    shutil.copy(FORMS / "warc" / "br-pages.warc.gz", folder)
    (folder / "photo.png").write_bytes(PNG)
    results = lib.import_paths([folder], workers=2)
    statuses = {Path(r.path).name: r.status for r in results}
    assert [statuses[f"br-pages.warc.gz#{n}"] for n in (1, 2, 3)] == ["imported"] * 3
    assert statuses["photo.png"] == "ignored" and lib.page_count() == 19


def test_a_file_over_the_size_cap_in_a_folder_is_passed_over_unless_it_is_named_as_a_page(
        lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import reading

    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1000)
    folder = tmp_path / "drop"
    folder.mkdir()
    backup = io.BytesIO()
    with zipfile.ZipFile(backup, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("photos/1.jpg", bytes(2000))
    (folder / "photos.zip").write_bytes(backup.getvalue())
    (folder / "big.html").write_bytes(b"<html><body>" + b"x" * 2000 + b"</body></html>")
    statuses = {Path(r.path).name: (r.status, r.message) for r in lib.import_paths([folder])}
    assert statuses == {"photos.zip": ("ignored", reading.TOO_LARGE), "big.html": ("failed", reading.TOO_LARGE)}


def test_error_pages_redirect_stubs_and_renamed_folders_in_a_drop(lib: Library, tmp_path: Path) -> None:
    """A page saved when it failed to load and a redirect stub fail with what they are, nothing of them stored;
    a Complete save whose folder was renamed imports once, with its photo, and its folder's frame is not a page."""
    folder = tmp_path / "drop"
    shutil.copytree(FORMS / "complete" / "en" / "br-long_files", folder / "photos of the week")
    html = (FORMS / "complete" / "en" / "br-long.html").read_bytes().replace(b"./br-long_files/", b"photos%20of%20the%20week/")
    frame = b'<iframe src="photos of the week/ad.html"></iframe><header'
    (folder / "budget.html").write_bytes(html.replace(b"<header", frame, 1))
    (folder / "photos of the week" / "ad.html").write_text("<html><body><p>Buy gold at the best price in town.</p></body></html>")
    shutil.copy(FORMS / "errors" / "chromium-neterror.html", folder / "Business Recorder.html")
    (folder / "moved.htm").write_text('<meta http-equiv="refresh" content="0; url=https://www.brecorder.com/news/2">')
    results = lib.import_paths([folder])
    by_name = {r.path.removeprefix(str(folder) + "/"): r for r in results}
    assert set(by_name) == {"budget.html", "Business Recorder.html", "moved.htm"}
    assert by_name["budget.html"].status == "imported"
    assert by_name["Business Recorder.html"].status == by_name["moved.htm"].status == "failed"
    assert "ERR_NAME_NOT_RESOLVED" in by_name["Business Recorder.html"].message
    assert "redirect to https://www.brecorder.com/news/2" in by_name["moved.htm"].message
    [page] = lib.pages()
    article = lib.article(page.id)
    assert article is not None
    assert [i.data for i in article.images] == [(FORMS / "complete" / "en" / "br-long_files" / "long-photo.png").read_bytes()]


def test_the_same_page_saved_as_html_and_as_mhtml_is_kept_twice(lib: Library, tmp_path: Path) -> None:
    """Two saves of one page are two snapshots, each with its own original (the MHTML holds the images and its
    capture time, the HTML neither): both are kept, and only the same bytes met again are a duplicate."""
    from tests.paths import SAMPLE_PAGE

    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(SAMPLE_PAGE, folder / "stocks.html")
    shutil.copy(FIXTURES / "chromium" / "br-sample.mhtml", folder / "stocks.mhtml")
    shutil.copy(FIXTURES / "chromium" / "br-sample.mhtml", folder / "stocks (1).mhtml")
    statuses = sorted(r.status for r in lib.import_paths([folder]))
    assert statuses == ["duplicate", "imported", "imported"]
    first, second = lib.pages()
    assert first.title == second.title and first.format != second.format
