"""Bad input: every unreadable file is a ParseError with a sentence for the user, never a hang or crash."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parsing
from parsing import Page, ParseError
from tests.parsing.pages import JPEG, png


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (png(), "PNG image"),
        (JPEG, "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (_zip(), "zip"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "program"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_non_pages_are_named(data, words):
    with pytest.raises(ParseError, match=words):
        parsing.parse_bytes(data, "page.html")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ParseError, match="does not exist"):
        parsing.parse_file(tmp_path / "nope.html")
    with pytest.raises(ParseError, match="folder"):
        parsing.parse_file(tmp_path)


def test_fifty_megabyte_html_is_refused_quickly():
    data = b"<html><body>" + b"<p>" + b"word " * 10_000_000 + b"</p></body></html>"
    with pytest.raises(ParseError, match="too large"):
        parsing.parse_bytes(data, "big.html")


@pytest.mark.parametrize("tag", [b"div", b"section", b"blockquote", b"ul"])
def test_hundred_thousand_deep_nesting_is_refused(tag):
    data = b"<html><body>" + b"<" + tag + b">" * 0 + (b"<" + tag + b">") * 100_000 + b"x" + (b"</" + tag + b">") * 100_000
    with pytest.raises(ParseError, match="nests"):
        parsing.parse_bytes(data, "deep.html")


def test_deep_inline_nesting_parses():
    data = b"<html><body><p>" + b"<b>" * 100_000 + b"deep text" + b"</b>" * 100_000 + b"</p></body></html>"
    assert isinstance(parsing.parse_bytes(data, "deep.html"), Page)


def test_digit_line_of_five_megabytes():
    data = b"1234567890 " * 500_000
    page = parsing.parse_bytes(data, "digits.txt")
    assert page.quotes == ()
    html = b"<html><body><div>" + data + b"</div></body></html>"
    assert parsing.parse_bytes(html, "digits.html").quotes == ()


def test_unclosed_comment_and_garbage_markup():
    for data in (b"<html><!-- never closed <p>text", b"<<<>>></a></b><p <p <p>", b"<html>" + b"<" * 10_000):
        assert isinstance(parsing.parse_bytes(data, "x.html"), Page)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4_000), st.sampled_from(["x.html", "x.mhtml", "x.txt", ""]))
def test_any_bytes_give_a_page_or_a_parse_error(data, name):
    try:
        assert isinstance(parsing.parse_bytes(data, name), Page)
    except ParseError as exc:
        assert exc.message and exc.message[0].isupper()


PREFIXES = [b"<html><body>", b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n",
            b"\xef\xbb\xbf", b"\xff\xfe", b"KSE100 114,909 Decreased By "]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PREFIXES), st.binary(max_size=2_000))
def test_plausible_starts_with_garbage_give_a_page_or_a_parse_error(prefix, tail):
    try:
        assert isinstance(parsing.parse_bytes(prefix + tail, "x.html"), Page)
    except ParseError as exc:
        assert exc.message


_DEEP_DISGUISED = {
    "comment": b"<div><!--</div>-->",
    "script": b"<div><script></div></script>",
    "style": b"<div><style></div></style>",
    "quoted attribute": b"<div title='</div>'>",
    "unquoted attribute": b"<div title=a\"</div>",
    "other end tag": b"<div></section>",
    "optgroup": b"<optgroup>",
    "ruby text outside ruby": b"<rt>",
    "ruby base outside ruby": b"<rb>",
    "title in svg": b"<svg><title><div>",
}


@pytest.mark.parametrize("name", sorted(_DEEP_DISGUISED))
def test_disguised_deep_nesting_is_refused(name):
    count = 100_000 if name != "title in svg" else 1
    head = _DEEP_DISGUISED[name] * count
    tail = b"<div>" * 100_000 if name == "title in svg" else b""
    data = b"<html><body>" + head + tail + b"x"
    with pytest.raises(ParseError, match="nests"):
        parsing.parse_bytes(data, "deep.html")


def test_empty_comment_does_not_hide_deep_nesting():
    data = b"<html><body><!-->" + b"<div>" * 100_000 + b"x"
    with pytest.raises(ParseError, match="nests"):
        parsing.parse_bytes(data, "deep.html")


@pytest.mark.parametrize(
    "unit",
    [
        b"<div><!--<div>--></div>",
        b"<div><script>var s = '<div>';</script></div>",
        b"<div title='<div>'>x</div>",
        b"<ruby>a<rt>b</ruby>",
        b"<select><optgroup label=a><option>b</select>",
    ],
)
def test_many_shallow_elements_parse(unit):
    data = b"<html><body><p>Shallow page with many small elements.</p>" + unit * 20_000 + b"</body></html>"
    assert isinstance(parsing.parse_bytes(data, "wide.html"), Page)
