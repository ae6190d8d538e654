"""Every saved form is told by its content, whatever the file is called; other files are named for what they are."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

import parsing
from parsing.sources.detect import sniff
from tests.parsing.sources.pdfgen import picture_pdf
from tests.parsing.sources.saved import by_message, form


@pytest.mark.parametrize(("rel", "kind"), [
    ("pdf/br-long.pdf", "pdf"),
    ("pdf/encrypted-user-password.pdf", "pdf"),
    ("webarchive/br-long.webarchive", "webarchive"),
    ("webarchive/br-long-xml.webarchive", "webarchive"),
    ("warc/br-pages.warc.gz", "warc"),
    ("warc/br-long.warc", "warc"),
    ("warc/br-pages.wacz", "zip"),
    ("zip/several-pages.zip", "zip"),
    ("singlefile/br-long.singlefile.html", "html"),
    ("singlefile/br-story.singlefile-selfextracting.html", "html"),
    ("complete/en/br-long.html", "html"),
])
def test_form_is_told_by_content(rel, kind):
    assert sniff(form(rel)) == kind


def test_the_name_changes_nothing():
    data = form("warc/br-pages.warc.gz")
    assert sniff(data, "notes.txt") == sniff(data, "page.html") == "warc"
    pages = [p.source_url for p in map(parsing.parse_part, parsing.read_parts(data, "page.html"))]
    assert len(pages) == 3


def test_junk_before_the_pdf_header_is_allowed_when_the_file_ends_like_a_pdf():
    assert sniff(b"\r\n junk \r\n" + picture_pdf()) == "pdf"
    assert sniff(b"<p>How to read a %PDF-1.7 file</p>") == "html"


@pytest.mark.parametrize(("data", "what"), ids=by_message, argvalues=[
    (b"\x89PNG\r\n\x1a\n" + bytes(40), "a PNG image"),
    (gzip.compress(b"just some text", mtime=0), "a gzip-compressed file"),
    (b"SQLite format 3\x00" + bytes(100), "an SQLite database"),
    (b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(200), "macOS's hidden record"),
    (b"filedesc://crawl.arc 0.0.0.0 20250614100203 text/plain 76\n1 0 Internet Archive\n", "an ARC file"),
    (gzip.compress(b"filedesc://crawl.arc 0.0.0.0 20250614100203 text/plain 76\n"), "an ARC file"),
    (b"[InternetShortcut]\r\nURL=https://www.brecorder.com/news/1/rupee\r\n", "a saved link to https://www.brecorder"),
    (b"[Desktop Entry]\nName=Rupee\nType=Link\nURL=https://www.brecorder.com/news/1/rupee\n", "a saved link to"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_other_files_are_not_pages(data, what):
    with pytest.raises(parsing.NotAPage, match=what):
        sniff(data)


def test_an_office_document_is_named_by_the_zip_reader():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(parsing.NotAPage, match="Office document"):
        parsing.read_parts(out.getvalue(), "report.docx")


def test_empty_file_is_a_parse_error_not_another_kind_of_file():
    with pytest.raises(parsing.ParseError, match="empty") as raised:
        sniff(b"  \n")
    assert not isinstance(raised.value, parsing.NotAPage)


def test_identify_reads_only_the_start():
    assert parsing.identify(form("warc/br-pages.warc.gz")[:4096]) == "warc"
    assert parsing.identify(form("pdf/br-story.pdf")[:100]) == "pdf"
