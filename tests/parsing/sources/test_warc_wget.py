"""WARCs as `wget --warc-file` writes them: WARC/1.0, addresses in angle brackets, warcinfo, request and metadata
records around each response, the HTTP payload as received (chunked, compressed), redirects and dedup revisits."""

from __future__ import annotations

import gzip
import zlib

import parsing
from parsing.sources import http
from tests.parsing.sources import warcgen
from tests.parsing.sources.saved import IMAGES, form

URL = "http://127.0.0.1:8765/news/1/rupee"


def wget_record(kind: str, uri: str, block: bytes, headers: str = "") -> bytes:
    """A record as wget 1.21 writes it: WARC/1.0 and the target address in angle brackets."""
    return warcgen.record(kind, f"<{uri}>", block, "2026-11-30T17:31:11Z", headers).replace(b"WARC/1.1", b"WARC/1.0", 1)


def chunked(body: bytes, size: int = 700) -> bytes:
    pieces = [body[at : at + size] for at in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def wget_warc(response: bytes, uri: str = URL) -> list[bytes]:
    """The records of one fetch: warcinfo, request, response, then the log as metadata."""
    request = b"GET /news/1/rupee HTTP/1.1\r\nHost: 127.0.0.1:8765\r\nAccept-Encoding: gzip\r\n\r\n"
    return [
        wget_record("warcinfo", "", b"software: Wget/1.21.3 (linux-gnu)\r\nformat: WARC File Format 1.0\r\n",
                    "Content-Type: application/warc-fields\r\n").replace(b"WARC-Target-URI: <>\r\n", b""),
        wget_record("request", uri, request, "Content-Type: application/http;msgtype=request\r\n"),
        wget_record("response", uri, response, "Content-Type: application/http;msgtype=response\r\n"),
        wget_record("metadata", "metadata://gnu.org/software/wget/warc/wget.log", b"Opening WARC file.\n",
                    "Content-Type: text/plain\r\n"),
    ]


def only_page(data: bytes) -> parsing.Page:
    [part] = parsing.read_parts(data, "crawl.warc.gz")
    return parsing.parse_part(part)


def test_chunked_and_gzip_encoded_payload_in_a_wget_warc():
    body = chunked(gzip.compress(warcgen.PAGE))
    records = wget_warc(warcgen.http(body, headers="Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"))
    for data in (b"".join(records), warcgen.gz(*records), gzip.compress(b"".join(records))):  # .warc, per record, whole
        page = only_page(data)
        assert page.title == "Rupee steady" and page.source_url == URL  # no angle brackets left
        assert page.saved == "2026-11-30T17:31:11+00:00" and len(page.paragraphs) == 2


def test_deflate_with_and_without_its_zlib_wrapper():
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    for body in (zlib.compress(warcgen.PAGE), squeeze.compress(warcgen.PAGE) + squeeze.flush()):
        response = warcgen.http(body, headers="Content-Encoding: deflate\r\n")
        assert only_page(b"".join(wget_warc(response))).title == "Rupee steady"


def test_charset_only_in_the_pages_meta():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "<title>Caf\u00e9 \u201cnews\u201d</title></head><body><article><p>The caf\u00e9 owners said "
            "\u201cprices rose\u201d as the rupee fell against the dollar in interbank trade.</p></article></body></html>")
    response = warcgen.http(page.encode("cp1252"), "text/html")
    assert only_page(b"".join(wget_warc(response))).title == "Caf\u00e9 \u201cnews\u201d"


def test_a_redirect_before_the_page_is_not_a_page():
    moved = warcgen.http(b"<html><body>Moved <a href='/news/1/rupee'>here</a></body></html>",
                         status="301 Moved Permanently", headers=f"Location: {URL}\r\n")
    data = b"".join(wget_warc(moved, "http://127.0.0.1:8765/r") + wget_warc(warcgen.http(warcgen.PAGE)))
    assert only_page(data).source_url == URL


def test_a_revisit_whose_capture_is_in_another_file_says_so():
    revisit = wget_record("revisit", URL, warcgen.http(b""),
                          "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n"
                          "WARC-Payload-Digest: sha1:WLIZLLWOGSHMF3SLQOD77ZSB6KSRDR7A\r\n")
    other = wget_record("response", "http://127.0.0.1:8765/other", warcgen.http(warcgen.PAGE))
    [unchanged, read] = parsing.read_parts(warcgen.gz(revisit, other), "dedup.warc.gz")
    assert unchanged.document is None and "earlier capture, which is not in this file" in (unchanged.problem or "")
    assert read.document is not None


def test_a_body_stored_decoded_under_its_content_encoding_header_is_read():
    for coding in ("br", "gzip", "zstd"):
        response = warcgen.http(warcgen.PAGE, headers=f"Content-Encoding: {coding}\r\n")
        assert only_page(b"".join(wget_warc(response))).title == "Rupee steady"


def test_a_brotli_body_names_its_coding():
    response = warcgen.http(b"\x1b\x8f\x03\xf8\x25\x09\x00", headers="Content-Encoding: br\r\n")
    [part] = parsing.read_parts(b"".join(wget_warc(response)))
    assert part.document is None and "\u201cbr\u201d (Brotli)" in (part.problem or "")
    assert http.coding_problem({"content-encoding": "gzip"}).startswith("it is damaged")


def test_real_wget_warc_with_a_redirect_an_image_and_a_dedup_revisit():
    first, dedup = form("warc/br-long-wget.warc.gz"), form("warc/br-long-wget-dedup.warc.gz")
    [page] = [parsing.parse_part(part) for part in parsing.read_parts(first)]
    assert page.source_url == "http://www.brecorder.com/news/40300000/budget-arithmetic-tests-investors"
    assert page.title is not None and page.title.startswith("Budget arithmetic") and len(page.quotes) == 6
    assert [image.data for image in page.images] == [IMAGES["br-long"].read_bytes()]
    [alone] = parsing.read_parts(dedup)
    assert alone.document is None and "not in this file" in (alone.problem or "")
    again = [parsing.parse_part(part) for part in parsing.read_parts(first + dedup)]  # the crawl's files joined
    assert [p.paragraphs for p in again] == [page.paragraphs] * 2


def test_a_response_without_a_content_type_is_a_page_when_its_content_is_html():
    untyped = [wget_record("response", f"{URL}/{n}", b"HTTP/1.1 200 OK\r\nServer: old\r\n\r\n" + body)
               for n, body in enumerate((warcgen.PAGE, warcgen.PNG, b"plain words, not markup"))]
    assert [part.name for part in parsing.read_parts(b"".join(untyped))] == ["1"]
