"""Charsets: BOM, declared charset, strict UTF-8, detection; UTF-16 with and without BOM; Urdu."""

from __future__ import annotations

import codecs

import pytest

import parsing
from parsing.sources.encoding import decode, repair_crlf_utf16le
from tests.parsing.pages import html_page
from tests.paths import FIXTURES

CURLY = "Café “quoted” – €5 — naïve ‘single’"
URDU = "کراچی: پاکستان اسٹاک ایکسچینج میں تیزی"


def _article(text: str) -> str:
    return f"<article><h1>Headline of the page</h1><p>{text} and the rest of the first paragraph.</p></article>"


@pytest.mark.parametrize(
    ("charset", "codec", "prefix"),
    [
        ("utf-8", "utf-8", b""),
        (None, "utf-8", b""),
        ("utf-8", "utf-8", codecs.BOM_UTF8),
        ("windows-1252", "cp1252", b""),
        ("iso-8859-1", "cp1252", b""),
        (None, "cp1252", b""),
        ("utf-8", "cp1252", b""),  # a page that lies about its charset
    ],
)
def test_latin_pages_keep_curly_quotes(charset, codec, prefix):
    data = prefix + html_page(_article(CURLY) * 3, charset=charset).encode(codec)
    page = parsing.parse_bytes(data, "p.html")
    assert page.paragraphs[0].startswith(CURLY)


def test_windows_1252_reports_its_codec():
    page = parsing.parse_bytes(html_page(_article(CURLY), charset="windows-1252").encode("cp1252"))
    assert page.encoding == "cp1252"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_pages(codec):
    text = html_page(_article(URDU + " " + CURLY), charset=None)
    data = text.encode(codec)
    page = parsing.parse_bytes(data, "p.html")
    assert page.paragraphs[0].startswith(URDU) and page.title == "Headline of the page"


def test_urdu_utf8_fixture_without_meta():
    page = parsing.parse_file(FIXTURES / "br-urdu-utf8.html")
    assert page.title == "اسٹاک مارکیٹ میں تیزی" and len(page.paragraphs) == 2
    assert page.paragraphs[0].startswith("کراچی:") and [q.symbol for q in page.quotes] == ["KSE100"]


def test_urdu_windows_1256_is_detected():
    urdu = URDU.replace("ی", "ي")  # windows-1256 has the Arabic yeh only
    text, codec = decode(("<p>" + urdu + "</p>").encode("cp1256") * 5, sniff_meta=False)
    assert urdu in text and codec == "cp1256"


def test_urdu_text_copy_in_utf16():
    data = codecs.BOM_UTF16_LE + f"{URDU} کی خبر\n\nPublished January 13, 2025\n\n{URDU}۔\n".encode("utf-16-le")
    page = parsing.parse_bytes(data, "copy.txt")
    assert page.format == "text" and page.published == "2025-01-13" and page.paragraphs == (f"{URDU}۔",)


def test_chromium_crlf_damage_is_repaired():
    original = f"<p>{URDU}</p>\n<p>line two ਊ Ċ</p>\n".encode("utf-16-le")
    damaged = original.replace(b"\n", b"\r\n")
    assert repair_crlf_utf16le(damaged) == original
    undamaged = "a\r\nb".encode("utf-16-le")
    assert repair_crlf_utf16le(undamaged) == undamaged


def test_undeclared_windows_1252_reads_right_everywhere():
    paragraphs = "".join(
        f"<p>Plain ascii paragraph number {n} with enough words to count as a sentence here.</p>" for n in range(4)
    )
    body = (
        "<article><span>Économie</span><h1>Ascii title</h1><div>By José Müller</div>"
        f"<div>Published January 13, 2025</div>{paragraphs}</article>"
    )
    page = parsing.parse_bytes(html_page(body, charset=None).encode("cp1252"), "p.html")
    assert page.encoding == "cp1252"
    assert page.section == "Économie"
    assert page.byline is not None and "José Müller" in page.byline


def test_utf8_page_with_one_damaged_byte_stays_utf8():
    text = "Économie, café and “quotes” in a UTF-8 page that reads right. " * 3
    data = html_page(f"<article><h1>Title</h1><p>{text}</p><p>\xff</p></article>", charset=None).encode()
    data = data.replace("ÿ".encode(), b"\xff")
    page = parsing.parse_bytes(data, "p.html")
    assert page.encoding == "utf-8"
    assert page.paragraphs[0].startswith("Économie, café")


def test_utf8_validation_across_chunk_edges():
    from parsing.sources.html import _valid_utf8

    accent = "é".encode()
    assert _valid_utf8(b"x" * 16_383 + accent + b"y")
    assert _valid_utf8(accent * 20_000)
    assert not _valid_utf8(b"x" * 16_383 + accent[:1])
    assert not _valid_utf8(b"x" * 16_383 + accent[:1] + b"x" * 16_384)
    assert not _valid_utf8(accent * 20_000 + b"\xff")


@pytest.mark.parametrize(("data", "codec"), [
    (b"\xfe\xff" + html_page(_article(CURLY), charset=None).encode("utf-16-be"), "utf-16"),
    (html_page(_article(CURLY), charset="unicode").encode("utf-16"), "utf-16"),  # Internet Explorer's "Unicode"
    (b"\xef\xbb\xbf" + html_page(_article(CURLY), charset="windows-1252").encode("utf-8"), "utf-8-sig"),  # BOM wins
    (html_page(_article(CURLY), charset=None).replace("<head>", "<head><style>/* " + "x" * 5000 + " */</style>"
     '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', 1).encode("cp1252"),
     "cp1252"),  # declared only after the first kilobytes
])
def test_byte_order_marks_and_declarations_as_browsers_read_them(data, codec):
    page = parsing.parse_bytes(data, "p.html")
    assert page.paragraphs[0].startswith(CURLY) and page.encoding == codec
