"""A saved page gzip-compressed on its own is read; other compressed files and tar archives are named."""

from __future__ import annotations

import gzip
import io
import tarfile
import zlib

import pytest

import parsing
from tests.paths import FIXTURES

PAGE = (b"<!doctype html><html><head><title>Rupee steady</title></head><body><article><h1>Rupee steady</h1>"
        b"<p>KARACHI: The rupee held steady against the dollar in interbank trading on Monday.</p></article></body>"
        b"</html>")


def test_a_compressed_html_page_reads_as_the_page():
    page = parsing.parse_bytes(gzip.compress(PAGE), "story.html.gz")
    assert (page.title, page.format) == ("Rupee steady", "html")
    [part] = parsing.read_parts(gzip.compress(PAGE))
    assert part.original() == PAGE  # the page is kept as it reads, not compressed twice


def test_a_compressed_mhtml_keeps_its_form():
    page = parsing.parse_bytes(gzip.compress((FIXTURES / "chromium" / "br-sample.mhtml").read_bytes()))
    assert page.format == "mhtml" and page.quotes


def test_compressed_text_and_tar_archives_are_named():
    with pytest.raises(parsing.NotAPage, match="gzip-compressed file"):
        parsing.read_parts(gzip.compress(b"A log of the night's jobs.\n" * 40))
    with pytest.raises(parsing.NotAPage, match="gzip-compressed file"):
        parsing.read_parts(gzip.compress(gzip.compress(PAGE)))
    folder = io.BytesIO()
    with tarfile.open(fileobj=folder, mode="w") as tar:
        info = tarfile.TarInfo("saved/story.html")
        info.size = len(PAGE)
        tar.addfile(info, io.BytesIO(PAGE))
    for data in (folder.getvalue(), gzip.compress(folder.getvalue())):
        with pytest.raises(parsing.NotAPage, match="tar archive"):
            parsing.read_parts(data)


def test_a_gzip_bomb_or_a_cut_file_is_refused():
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = squeeze.compress(PAGE + b" " * (8 << 20)) + squeeze.flush()
    with pytest.raises(parsing.ParseError, match="zip bomb"):
        parsing.read_parts(bomb)
    with pytest.raises(parsing.ParseError, match="cut short"):
        parsing.read_parts(gzip.compress(PAGE * 50)[:-40])
