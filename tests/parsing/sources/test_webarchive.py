"""Safari web archives: the page, its images by address, and damaged or hostile property lists."""

from __future__ import annotations

import plistlib
import struct

import pytest

import parsing
from parsing.sources.webarchive import read_webarchive
from tests.parsing.sources.saved import IMAGES, LONG_URL, by_message, form

PHOTO = "https://www.brecorder.com/images/long-photo.png"


def archive(main: dict[str, object] | None = None, subresources: list[dict[str, object]] | None = None) -> bytes:
    page = {"WebResourceData": b"<html><body><p>Hello there.</p></body></html>", "WebResourceURL": LONG_URL,
            "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": "UTF-8"}
    return plistlib.dumps({"WebMainResource": {**page, **(main or {})}, "WebSubresources": subresources or []},
                          fmt=plistlib.FMT_BINARY)


@pytest.mark.parametrize("rel", ["webarchive/br-long.webarchive", "webarchive/br-long-xml.webarchive"])
def test_page_address_and_images(rel):
    document = read_webarchive(form(rel))
    assert document.format == "webarchive" and document.source_url == LONG_URL
    assert document.saved is None  # Safari records no save time: the library estimates it from the file
    photo = IMAGES["br-long"].read_bytes()
    assert document.resources is not None
    assert document.resources(PHOTO) == photo
    assert document.resources("/images/long-photo.png") == photo  # relative to the page's address
    assert document.resources("https://elsewhere.example/x.png") is None


def test_encoding_name_of_the_archive_is_used():
    page = "<html><body><p>Café prices rose.</p></body></html>".encode("cp1252")
    document = read_webarchive(archive({"WebResourceData": page, "WebResourceTextEncodingName": "windows-1252"}))
    assert "Café".encode() in (document.markup or b"") and document.encoding == "cp1252"


def _deep_nesting(depth: int) -> bytes:
    """A binary property list of ``depth`` arrays, each holding the next (the standard reader recurses)."""
    objects = [b"\xa1" + struct.pack(">I", i + 1) for i in range(depth - 1)] + [b"\xa0"]
    body = b"bplist00"
    offsets = []
    for item in objects:
        offsets.append(len(body))
        body += item
    table = len(body)
    body += b"".join(struct.pack(">I", o) for o in offsets)
    return body + bytes(6) + struct.pack(">BBQQQ", 4, 4, depth, 0, table)


def _lying_trailer() -> bytes:
    good = archive()
    return good[:-24] + struct.pack(">Q", 2**62) + good[-16:]


@pytest.mark.parametrize(("data", "message"), ids=by_message, argvalues=[
    (archive()[:200], "damaged or cut short"),
    (plistlib.dumps(plistlib.loads(archive()), fmt=plistlib.FMT_XML)[:300], "damaged or cut short"),  # XML, cut
    (_lying_trailer(), "damaged or cut short"),
    (archive({"WebResourceMIMEType": "image/png", "WebResourceData": b"\x89PNG\r\n\x1a\n"}), "holds image/png content"),
    (archive({"WebResourceData": "a string, not data"}), "its page is missing"),
    (archive(subresources=[{"WebResourceURL": f"https://x/{i}.png", "WebResourceData": b"x"}
                           for i in range(10_001)]), "more than 10,000 resources"),
    (_deep_nesting(100_000), "nests its contents too deeply"),
])
def test_damaged_archives_are_named(data, message):
    with pytest.raises(parsing.ParseError, match=message):
        parsing.read_parts(data, "page.webarchive")


def test_a_webloc_link_says_where_it_leads():
    with pytest.raises(parsing.NotAPage, match="saved link to https://www.brecorder.com/news/1/rupee"):
        parsing.read_parts(plistlib.dumps({"URL": "https://www.brecorder.com/news/1/rupee"}, fmt=plistlib.FMT_BINARY))


def test_another_property_list_is_not_a_page():
    with pytest.raises(parsing.NotAPage, match="not a Safari web archive"):
        parsing.read_parts(plistlib.dumps({"CFBundleName": "Preview"}, fmt=plistlib.FMT_BINARY))


def test_a_frames_archive_is_not_the_page_but_lends_its_images():
    frame = {"WebMainResource": {"WebResourceData": b"<html><body><p>Advertisement frame.</p></body></html>",
                                 "WebResourceURL": "https://ads.example/frame.html", "WebResourceMIMEType": "text/html"},
             "WebSubresources": [{"WebResourceData": b"\x89PNG\r\n\x1a\nframe", "WebResourceURL": "https://ads.example/a.png"}]}
    page = b'<html><body><p>Rupee steady.</p><iframe src="https://ads.example/frame.html"></iframe></body></html>'
    data = plistlib.dumps({"WebMainResource": {"WebResourceData": page, "WebResourceURL": LONG_URL,
                                               "WebResourceMIMEType": "text/html"},
                           "WebSubframeArchives": [frame]}, fmt=plistlib.FMT_BINARY)
    document = read_webarchive(data)
    assert b"Rupee steady" in (document.markup or b"") and b"Advertisement" not in (document.markup or b"")
    assert document.resources is not None and document.resources("https://ads.example/a.png") == b"\x89PNG\r\n\x1a\nframe"


@pytest.mark.parametrize(("data", "name"), [
    ("<html><body><p>Caf\u00e9 \u201cprices\u201d rose.</p></body></html>".encode("utf-16-le"), "UTF-16"),
    ("<html><body><p>Caf\u00e9 \u201cprices\u201d rose.</p></body></html>".encode("utf-16"), "utf-16"),
    ("<html><body><p>Caf\u00e9 \u201cprices\u201d rose.</p></body></html>".encode("utf-16-le"), None),
    ('<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u201cprices\u201d rose.</p></body></html>'
     .encode("cp1252"), None),
])
def test_utf16_or_unnamed_encodings(data, name):
    main = {"WebResourceData": data, "WebResourceURL": LONG_URL, "WebResourceMIMEType": "text/html"}
    if name is not None:
        main["WebResourceTextEncodingName"] = name
    for fmt in (plistlib.FMT_BINARY, plistlib.FMT_XML):
        page = parsing.parse_bytes(plistlib.dumps({"WebMainResource": main}, fmt=fmt))
        assert page.format == "webarchive" and page.paragraphs == ("Caf\u00e9 \u201cprices\u201d rose.",)
