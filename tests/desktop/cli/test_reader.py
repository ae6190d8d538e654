"""`mark`, `tag`, `note`, `pages --unread/--starred/--tag`, `show --format` and `export-articles`."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.desktop.cli.runner import run
from tests.paths import FIXTURES, ROOT

STATE_KEYS = {"read", "starred", "tags", "note", "reading_minutes"}
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Three pages: one with a picture, one in Urdu, the bundled sample."""
    target = tmp_path / "library.db"
    files = [FIXTURES / "complete" / "br-story.html", FIXTURES / "br-urdu-utf8.html",
             ROOT / "resources" / "samples" / "business-recorder-sample.html"]
    result = run(target, "import", *map(str, files))
    assert result.returncode == 0, result.stderr
    return target


def pages(library: Path, *args: str) -> list[dict[str, object]]:
    result = run(library, "pages", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_pages_json_gains_the_reader_state(library: Path) -> None:
    listed = pages(library)
    assert all(STATE_KEYS <= set(p) for p in listed)
    assert {(p["read"], p["starred"], tuple(p["tags"]), p["note"]) for p in listed} == {(False, False, (), None)}
    assert all(isinstance(p["reading_minutes"], int) and p["reading_minutes"] >= 1 for p in listed)


def test_mark_tag_and_note_then_filter(library: Path) -> None:
    assert run(library, "mark", "1", "3", "--read").stdout.strip() == "2 pages marked read"
    assert run(library, "mark", "2", "--star").returncode == 0
    assert run(library, "tag", "1", "2", "gold", "Urdu news").stdout.strip() == "4 tags added"
    assert run(library, "note", "2", "Translate this one").returncode == 0
    assert [p["id"] for p in pages(library, "--unread")] == [2]
    assert [p["id"] for p in pages(library, "--starred")] == [2]
    assert sorted(p["id"] for p in pages(library, "--tag", "URDU NEWS")) == [1, 2]
    assert [p["id"] for p in pages(library, "--tag", "gold", "--unread")] == [2]
    second = next(p for p in pages(library) if p["id"] == 2)
    assert second["tags"] == ["gold", "Urdu news"] and second["note"] == "Translate this one"
    assert run(library, "tag", "1", "gold", "--remove").stdout.strip() == "1 tag removed"
    assert run(library, "tag", "--rename", "urdu news", "Urdu").stdout.strip() == "tag renamed on 2 pages"
    assert run(library, "tag", "--list").stdout.split() == ["1", "gold", "2", "Urdu"]
    assert run(library, "note", "2", "").stdout.strip() == "note removed"
    assert run(library, "mark", "2", "--unstar").returncode == 0
    assert pages(library, "--starred") == []


def test_state_survives_a_reparse_and_a_reimport(library: Path) -> None:
    for args in (("mark", "1", "--read"), ("mark", "1", "--star"), ("tag", "1", "kept"), ("note", "1", "a note")):
        assert run(library, *args).returncode == 0
    assert run(library, "reparse").returncode == 0
    assert run(library, "import", str(FIXTURES / "complete" / "br-story.html")).returncode == 0  # a duplicate
    first = next(p for p in pages(library) if p["id"] == 1)
    assert (first["read"], first["starred"], first["tags"], first["note"]) == (True, True, ["kept"], "a note")


@pytest.mark.parametrize("args", [("mark", "1", "99", "--read"), ("tag", "98", "x"), ("note", "97", "text"),
                                  ("show", "96", "--format", "html"),
                                  ("export-articles", "1", "95", "--format", "markdown", "-o", "x.md")])
def test_an_unknown_id_is_a_message_and_status_1(library: Path, args: tuple[str, ...]) -> None:
    before = pages(library)
    result = run(library, *args)
    assert result.returncode == 1 and "no page" in result.stderr and result.stderr.count("\n") == 1
    assert pages(library) == before


def test_bad_tag_names_are_refused(library: Path) -> None:
    result = run(library, "tag", "1", "   ")
    assert result.returncode == 1 and "tag" in result.stderr
    assert run(library, "tag", "--rename", "none", "x").returncode == 1


def test_show_markdown_and_self_contained_html(library: Path) -> None:
    markdown = run(library, "show", "1", "--format", "markdown").stdout
    assert markdown.startswith("# Gold price rises") and "*[Image:" in markdown
    record = next(r for r in json.loads(run(library, "pages", "--json").stdout) if r["id"] == 1)
    saved = next(line for line in markdown.splitlines() if line.startswith("- **Saved:**"))
    assert saved.endswith("(est.)") == record["as_of_estimated"]  # as the window marks a time it estimated
    html = run(library, "show", "1", "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "data:image/png;base64," in html
    assert "<script" not in html.lower() and "http://" not in html.split("<body>")[1].split("Open original")[0]


def test_export_articles_markdown_html_pdf(library: Path, tmp_path: Path, qapp) -> None:
    # qapp: PDF export uses Qt; in the test process the QApplication must come first (the command
    # alone starts an offscreen QGuiApplication, which would keep pytest-qt from making its own)
    for fmt, check in (("markdown", lambda b: b.startswith(b"# ")), ("html", lambda b: b"data:image/png" in b),
                       ("pdf", lambda b: b.startswith(b"%PDF") and b"%%EOF" in b[-64:])):
        target = tmp_path / f"out.{fmt}"
        result = run(library, "export-articles", "1", "2", "3", "--format", fmt, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert check(target.read_bytes()), fmt


def test_epub_is_a_valid_epub3_package(library: Path, tmp_path: Path) -> None:
    target = tmp_path / "articles.epub"
    assert run(library, "export-articles", "3", "1", "2", "--format", "epub", "-o", str(target)).returncode == 0
    with zipfile.ZipFile(target) as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert book.read("mimetype") == b"application/epub+zip"
        container = ElementTree.fromstring(book.read("META-INF/container.xml"))
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        opf_path = rootfile.get("full-path")
        package = ElementTree.fromstring(book.read(opf_path))
        ns = {"opf": "http://www.idpf.org/2007/opf"}
        assert package.get("version") == "3.0"
        manifest = {i.get("id"): i for i in package.findall(".//opf:item", ns)}
        spine = [r.get("idref") for r in package.findall(".//opf:itemref", ns)]
        chapters = [manifest[i].get("href") for i in spine if i != "title"]
        assert chapters == ["chapter-1.xhtml", "chapter-2.xhtml", "chapter-3.xhtml"]
        nav = book.read("OEBPS/nav.xhtml").decode()
        assert all(f'href="{c}"' in nav for c in chapters)
        assert "Stocks close higher" in book.read("OEBPS/chapter-1.xhtml").decode()  # in the order asked
        assert any(i.get("media-type") == "image/png" for i in manifest.values())
        for name in book.namelist():
            if name.endswith((".xhtml", ".opf")):
                ElementTree.fromstring(book.read(name))  # every document is well-formed XML
        title = book.read("OEBPS/title.xhtml").decode()
        assert "11 Mar 2025" in title and "brecorder.com" in title


@pytest.mark.slow
@pytest.mark.skipif(not (EPUBCHECK.exists() and shutil.which("java")), reason="epubcheck (Debian package) is absent")
def test_epub_passes_epubcheck(library: Path, tmp_path: Path) -> None:
    target = tmp_path / "articles.epub"
    assert run(library, "export-articles", "1", "2", "3", "--format", "epub", "-o", str(target)).returncode == 0
    checked = subprocess.run(["java", "-jar", str(EPUBCHECK), str(target)], capture_output=True, text=True,
                             timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No errors or warnings detected" in checked.stdout


def test_urdu_articles_are_declared_right_to_left(library: Path, tmp_path: Path) -> None:
    html = run(library, "show", "2", "--format", "html").stdout
    assert '<html lang="ur" dir="rtl">' in html
    target = tmp_path / "urdu.epub"
    assert run(library, "export-articles", "2", "1", "--format", "epub", "-o", str(target)).returncode == 0
    with zipfile.ZipFile(target) as book:
        assert 'dir="rtl"' in book.read("OEBPS/chapter-1.xhtml").decode()
        assert 'dir="ltr"' in book.read("OEBPS/chapter-2.xhtml").decode()


def test_compact_command_keeps_every_page(library: Path) -> None:
    before = pages(library)
    result = run(library, "compact")
    assert result.returncode == 0 and "originals compressed again" in result.stdout
    assert pages(library) == before
