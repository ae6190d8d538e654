"""WARC files: every page, its images from other records, revisits, HTTP codings, and damaged or hostile files."""

from __future__ import annotations

import gzip

import pytest

import parsing
from parsing.sources import http
from parsing.sources import warc as warc_module
from parsing.sources.warc import read_warc, warc_date
from tests.parsing.sources import warcgen
from tests.parsing.sources.saved import IMAGES, LONG_URL, SAMPLE_URL, STORY_URL, by_message, form, pages_of


def test_each_page_of_a_warc_in_file_order():
    pages = pages_of("warc/br-pages.warc.gz")
    assert [p.source_url for p in pages] == [LONG_URL, SAMPLE_URL, STORY_URL]
    assert [p.saved for p in pages] == ["2025-06-14T10:02:03+00:00", "2025-03-11T12:45:10+00:00",
                                        "2024-02-02T08:30:00+00:00"]
    assert [p.format for p in pages] == ["warc"] * 3
    assert [i.data for i in pages[0].images] == [IMAGES["br-long"].read_bytes()]  # by absolute address
    assert [i.data for i in pages[2].images] == [IMAGES["br-story"].read_bytes()]  # by relative path


def test_parts_are_named_by_their_number():
    assert [part.name for part in read_warc(form("warc/br-pages.warc.gz"))] == ["1", "2", "3"]


def test_uncompressed_warc_reads_the_same():
    [plain] = pages_of("warc/br-long.warc")
    assert plain == pages_of("warc/br-pages.warc.gz")[0]


def test_charset_from_http_headers_chunked_and_gzip_encoded():
    [page] = pages_of("warc/br-story-raw-http.warc.gz")
    assert page.encoding == "cp1252"  # named only in the HTTP header: the page's own meta was taken out
    assert [image.caption for image in page.images] == ["Gold bars — 24 carat — at a jeweller’s café shop in Karachi."]


def test_a_revisit_is_a_second_snapshot_with_its_own_date():
    first, second = pages_of("warc/br-sample-revisit.warc.gz")
    assert (first.saved, second.saved) == ("2025-03-11T12:45:10+00:00", "2025-03-12T09:00:00+00:00")
    assert first.quotes == second.quotes and len(first.quotes) == 34


def test_a_page_in_a_resource_record():
    data = warcgen.record("resource", "https://www.brecorder.com/news/2", warcgen.PAGE,
                          headers="Content-Type: text/html\r\n")
    [page] = map(parsing.parse_part, parsing.read_parts(data))
    assert page.title == "Rupee steady" and page.source_url == "https://www.brecorder.com/news/2"


def test_the_capture_nearest_in_time_gives_the_image():
    older = warcgen.record("response", "https://www.brecorder.com/img/chart.png",
                           warcgen.http(warcgen.PNG + b"old", "image/png"), "2020-01-01T00:00:00Z")
    [page] = map(parsing.parse_part, parsing.read_parts(older + warcgen.page_warc()))
    assert [i.data for i in page.images] == [warcgen.PNG]


def test_a_frame_is_not_a_page():
    frame = "https://ads.example/frame"
    request = warcgen.record("request", frame, b"GET /frame HTTP/1.1\r\nSec-Fetch-Dest: iframe\r\n\r\n")
    framed = warcgen.record("response", frame, warcgen.http(b"<html><body><p>An advert.</p></body></html>"))
    assert [p.name for p in parsing.read_parts(warcgen.page_warc() + request + framed)] == ["1"]


def test_a_body_in_a_coding_the_standard_library_cannot_undo_is_one_failed_page():
    brotli = warcgen.record("response", "https://www.brecorder.com/news/3",
                            warcgen.http(b"\x1b\x00\x00", headers="Content-Encoding: br\r\n"))
    good, bad = parsing.read_parts(warcgen.page_warc() + brotli)
    assert good.document is not None and bad.document is None and "cannot be read" in (bad.problem or "")


def test_http_helpers():
    got = http.response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
    assert (got.status, got.body) == (200, b"abc")
    got = http.response(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gzip.compress(b"x" * 2000), cap=1000)
    assert got.body is None  # more than the cap once inflated
    assert warc_date("2025-06-14T10:02:03.123456Z") == "2025-06-14T10:02:03+00:00"


def test_damage_after_the_last_record_is_a_note():
    [page] = map(parsing.parse_part, parsing.read_parts(warcgen.page_warc() + b"\x00garbage" * 60))
    assert any("not a WARC record" in note for note in page.notes)


@pytest.mark.parametrize(("data", "message"), ids=by_message, argvalues=[
    (warcgen.gz(*[warcgen.record("response", f"https://x/{i}", warcgen.http(warcgen.PAGE)) for i in range(4)])[:700],
     "cut short"),
    (warcgen.page_warc().replace(b"Content-Length: ", b"Content-Length: 9", 1), "cut short"),
    (b"WARC/1.1\r\nWARC-Type: response\r\nX-Long: " + b"x" * 2_000_000, "longer than 64 KB"),
    (warcgen.gz(warcgen.record("response", "https://x/img", warcgen.http(warcgen.PNG, "image/png"))),
     "holds no web page"),
    (b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nabc", "no valid Content-Length"),
])
def test_damaged_warcs_are_named(data, message):
    with pytest.raises(parsing.ParseError, match=message):
        parsing.read_parts(data)


def test_a_gzip_bomb_is_refused_without_inflating_it_all():
    bomb = warcgen.inflating(100 * 2**20)  # 100 MB of zeros in about 100 KB: over the 64 MB least budget
    assert len(bomb) < 2**20
    with pytest.raises(parsing.ParseError, match="zip bomb"):
        parsing.read_parts(bomb)


def test_the_number_of_records_is_capped(monkeypatch):
    monkeypatch.setattr(warc_module, "MAX_WARC_RECORDS", 50)
    records = [warcgen.record("metadata", f"https://x/{i}", b"m") for i in range(51)]
    with pytest.raises(parsing.ParseError, match="more than 50 records"):
        parsing.read_parts(warcgen.page_warc() + b"".join(records))


def test_a_sites_error_page_answered_with_200_fails_alone():
    """A crawl that met a soft 404 (an error page sent as a success) keeps its other pages."""
    soft = b"<html><head><title>Page not found - Business Recorder</title></head><body><h1>Not found</h1></body></html>"
    data = warcgen.gz(warcgen.record("response", "https://www.brecorder.com/news/9", warcgen.http(soft)),
                      warcgen.page_warc())
    parts = parsing.read_parts(data)
    assert [(part.name, part.document is None) for part in parts] == [("1", True), ("2", False)]
    assert "site's error page" in (parts[0].problem or "")
