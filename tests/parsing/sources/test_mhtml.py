"""MHTML: QP HTML part, base64 images, capture date, damage, part limits, Chromium's UTF-16 parts."""

from __future__ import annotations

import pytest

import parsing
from parsing import ParseError
from tests.parsing.pages import JPEG, PARAGRAPHS, TICKER_LINES, article_body, html_page, png, span_ticker
from tests.paths import FIXTURES

URDU = "کراچی: پاکستان اسٹاک ایکسچینج میں تیزی"
LOCATION = "https://www.brecorder.com/news/1/a"


def _page(image: str = "https://img.brecorder.com/photo.jpg", extra: str = "") -> bytes:
    body = span_ticker(TICKER_LINES) + article_body(title=f"Urdu and “curly” headline {extra}", image=image)
    return html_page(body + f"<p>{URDU} — and more words in this paragraph.</p>").encode("utf-8")


def test_chrome_style_mhtml():
    data = pages_mhtml()
    page = parsing.parse_bytes(data, "saved.mhtml")
    assert page.format == "mhtml" and page.encoding == "utf-8"
    assert page.title == "Urdu and “curly” headline" and len(page.quotes) == 4
    assert page.paragraphs[: len(PARAGRAPHS)] == tuple(PARAGRAPHS)
    assert page.saved == "2026-11-27T10:15:30+05:00" and page.source_url == LOCATION
    assert len(page.images) == 1 and page.images[0].data == JPEG and page.images[0].media_type == "image/jpeg"
    assert page.images[0].caption == "The bank in Karachi."


def pages_mhtml(**kwargs: object) -> bytes:
    from tests.parsing.pages import mhtml

    parts = kwargs.pop("parts", [("image/jpeg", "https://img.brecorder.com/photo.jpg", JPEG)])
    return mhtml(kwargs.pop("html", _page()), parts, **kwargs)


def test_mhtml_named_html_is_recognised():
    assert parsing.parse_bytes(pages_mhtml(), "saved.html").format == "mhtml"


def test_base64_html_part_and_relative_image():
    data = pages_mhtml(html=_page(image="photo.png"), parts=[("image/png", "https://www.brecorder.com/news/1/photo.png", png())],
                       encoding="base64")
    page = parsing.parse_bytes(data, "x.mht")
    assert len(page.images) == 1 and page.images[0].media_type == "image/png"


def test_image_part_with_wrong_bytes_is_dropped():
    data = pages_mhtml(parts=[("image/jpeg", "https://img.brecorder.com/photo.jpg", b"<html>not a jpeg</html>")])
    assert parsing.parse_bytes(data, "x.mhtml").images == ()


def test_part_names_are_never_paths():
    data = pages_mhtml(html=_page(image="../../etc/passwd"), parts=[("image/png", "../../etc/passwd", png())])
    page = parsing.parse_bytes(data, "x.mhtml")
    assert [i.data for i in page.images] == [png()]  # the part's own bytes, nothing from the disk


def test_truncated_mhtml_is_cut_short():
    data = pages_mhtml()
    for cut in (len(data) // 2, len(data) - 40):
        with pytest.raises(ParseError, match="cut short"):
            parsing.parse_bytes(data[:cut], "x.mhtml")


def test_mhtml_without_html_part():
    from tests.parsing.pages import mhtml

    data = mhtml(b"x", []).replace(b"Content-Type: text/html", b"Content-Type: text/plain")
    with pytest.raises(ParseError, match="no HTML"):
        parsing.parse_bytes(data, "x.mhtml")


def test_too_many_parts_are_refused():
    data = pages_mhtml(parts=[("image/png", f"https://x/{n}.png", b"x") for n in range(5_100)])
    with pytest.raises(ParseError, match="parts"):
        parsing.parse_bytes(data, "x.mhtml")


def test_deeply_nested_multipart_is_an_error_not_a_crash():
    head = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b0\"\r\n\r\n"
    body = b"".join(f"--b{n}\r\nContent-Type: multipart/related; boundary=\"b{n + 1}\"\r\n\r\n".encode() for n in range(1_200))
    with pytest.raises(ParseError):
        parsing.parse_bytes(head + body, "x.mhtml")


def test_missing_or_bad_date_gives_no_saved_time():
    data = pages_mhtml(date="not a date")
    assert parsing.parse_bytes(data, "x.mhtml").saved is None


def test_chromium_utf16_part_with_crlf_damage():
    html = html_page(f"<article><h1>Headline</h1>\n<p>{URDU} ਊ and more text here.</p>\n</article>\n", charset=None)
    damaged = html.encode("utf-16-le").replace(b"\n", b"\r\n")
    data = pages_mhtml(html=damaged, parts=[], encoding="binary")
    page = parsing.parse_bytes(data, "x.mhtml")
    assert page.paragraphs == (f"{URDU} ਊ and more text here.",) and page.encoding == "utf-16-le"


def test_real_chromium_mhtml_of_the_sample_page():
    page = parsing.parse_file(FIXTURES / "chromium" / "br-sample.mhtml")
    assert page.format == "mhtml" and len(page.quotes) == 34 and len(page.paragraphs) == 8
    assert page.title == "Stocks close higher as fertiliser and banks lead gains"
    assert page.saved == "2026-11-27T03:19:09+00:00" and page.related and len(page.images) == 1


def test_real_chromium_utf16_mhtml_with_crlf_damage():
    page = parsing.parse_file(FIXTURES / "chromium" / "br-urdu-utf16.mhtml")
    assert page.encoding == "utf-16-le" and page.title == "اسٹاک مارکیٹ میں تیزی"
    assert page.paragraphs[0].startswith("کراچی:") and [q.symbol for q in page.quotes] == ["KSE100"]


def test_minus_zero_zone_is_read_as_utc():
    assert parsing.parse_bytes(pages_mhtml(date="Fri, 27 Nov 2026 10:15:30 -0000"), "x.mhtml").saved == (
        "2026-11-27T10:15:30+00:00")


def test_mhtml_cut_inside_or_right_after_its_headers_is_cut_short():
    data = pages_mhtml()
    blank = data.index(b"\r\n\r\n")
    for cut in (10, 60, blank - 5, blank + 4, blank + 8):
        with pytest.raises(ParseError, match="cut short"):
            parsing.parse_bytes(data[:cut], "x.html")


def test_mhtml_with_long_top_headers_is_read_as_mhtml():
    from tests.parsing.pages import mhtml

    html = html_page("<article><h1>Long headers</h1><p>" + "A sentence of the story. " * 4 + "</p></article>")
    folded = "\r\n ".join(["=?utf-8?Q?" + "=D8=A7" * 12 + "?="] * 30)
    data = mhtml(html.encode()).replace(b"Subject: =?utf-8?Q?Test?=", b"Subject: " + folded.encode())
    assert parsing.parse_bytes(data, "x.html").format == "mhtml"
    location = "https://www.brecorder.com/news/1?" + "x" * 2100
    page = parsing.parse_bytes(mhtml(html.encode(), location=location), "x.html")
    assert page.format == "mhtml" and page.source_url == location
