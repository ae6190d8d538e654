"""Smaller input quirks: label rows inside a strip, odd starts of HTML files, stray NULs, lazy images."""

from __future__ import annotations

import parsing
from parsing.extract.quotes import find_quotes
from parsing.sources.encoding import decode
from tests.parsing.pages import html_page, png


def test_label_row_between_stocks_and_indices_keeps_the_indices():
    lines = [
        "AAA 10.00 Increased By ▲ 1.00 (11.11%)",
        "Indices",
        "Index",
        "Value",
        "Change",
        "KSE100 114,909 Decreased By -3882.2 (-3.27%)",
    ]
    found = find_quotes(lines)
    assert [quote.symbol for quote in found.quotes] == ["AAA", "KSE100"]
    assert {lines[0], lines[-1]} <= found.used


def _story() -> str:
    return html_page("<article><h1>Odd start</h1><p>" + "A sentence of the story. " * 4 + "</p></article>")


def test_html_after_much_whitespace_and_a_long_comment_is_html():
    data = (" " * 300 + "\n<!-- " + "x" * 3000 + " -->\n" + _story()).encode()
    page = parsing.parse_bytes(data, "page.txt")
    assert page.format == "html" and page.title == "Odd start"


def test_a_stray_nul_in_html_is_tolerated():
    data = _story().replace("<h1>", "<h1>\x00", 1).encode()
    page = parsing.parse_bytes(data, "page.html")
    assert page.format == "html" and len(page.paragraphs) == 1


def test_lazy_image_source_wins_over_the_placeholder(tmp_path):
    placeholder = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    body = (
        f'<article><h1>Lazy image</h1><img src="{placeholder}" data-src="page_files/photo.png">'
        "<p>" + "A sentence of the story. " * 4 + "</p></article>"
    )
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "photo.png").write_bytes(png())
    (tmp_path / "page.html").write_text(html_page(body), "utf-8")
    page = parsing.parse_file(tmp_path / "page.html")
    assert [image.data for image in page.images] == [png()]


def test_encoding_names_are_spelled_one_way():
    data = ("اسٹاک مارکیٹ میں تیزی، سرمایہ کاروں کی دلچسپی " * 40).encode("utf-16-le")
    text, codec = decode(data)
    assert codec == "utf-16-le" and text.startswith("اسٹاک")
