"""WACZ files: the pages their pages list names (or every HTML response), read from the WARCs inside."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

import parsing
from tests.parsing.sources import warcgen
from tests.parsing.sources.saved import LONG_URL, SAMPLE_URL, STORY_URL, form, pages_of


def wacz(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:  # WACZ keeps its WARCs uncompressed
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_listed_pages_and_the_fallback_agree():
    listed = pages_of("warc/br-pages.wacz")
    detected = pages_of("warc/br-pages-detected.wacz")  # made without a pages/pages.jsonl
    assert [p.source_url for p in listed] == [p.source_url for p in detected] == [LONG_URL, SAMPLE_URL, STORY_URL]
    assert listed == detected and all(p.format == "warc" for p in listed)


def test_only_the_listed_pages_are_read():
    data = wacz({
        "archive/data.warc": warcgen.page_warc("https://x/one") + warcgen.page_warc("https://x/two"),
        "pages/pages.jsonl": b'{"format": "json-pages-1.0"}\n{"url": "https://x/two", "ts": "2025-06-14T10:02:03Z"}\n'
                             b'{"url": "https://x/missing"}\nnot json\n',
        "datapackage.json": json.dumps({"profile": "data-package"}).encode(),
    })
    parts = parsing.read_parts(data, "crawl.wacz")
    assert [p.document.source_url for p in parts if p.document] == ["https://x/two"]
    assert any("https://x/missing" in note for note in parts[0].document.notes)


def test_a_data_package_without_web_archive_data_is_not_a_page():
    with pytest.raises(parsing.NotAPage, match="holds no saved page"):
        parsing.read_parts(wacz({"datapackage.json": b"{}", "pages/pages.jsonl": b""}))


def test_a_wacz_inside_a_zip_is_read():
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("exports/crawl.wacz", form("warc/br-pages.wacz"))
    parts = parsing.read_parts(outer.getvalue(), "exports.zip")
    assert [p.name for p in parts] == ["exports/crawl.wacz#1", "exports/crawl.wacz#2", "exports/crawl.wacz#3"]


PAGES_HEADER = b'{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}\n'


def test_a_pages_file_with_only_its_header_reads_every_page():
    data = wacz({"archive/data.warc": warcgen.page_warc("https://x/one") + warcgen.page_warc("https://x/two"),
                 "pages/pages.jsonl": PAGES_HEADER})
    assert [p.document.source_url for p in parsing.read_parts(data) if p.document] == ["https://x/one", "https://x/two"]


def test_listed_addresses_match_without_fragment_or_final_slash():
    data = wacz({"archive/data.warc": warcgen.page_warc("https://x/") + warcgen.page_warc("https://x/two"),
                 "pages/pages.jsonl": PAGES_HEADER + b'{"url": "https://x", "title": "Home"}\n'
                                                     b'{"url": "https://x/two#comments"}\n'})
    assert [p.document.source_url for p in parsing.read_parts(data) if p.document] == ["https://x/", "https://x/two"]


def test_when_no_listed_page_is_held_every_page_is_read_with_a_note():
    data = wacz({"archive/data.warc": warcgen.page_warc("https://x/one"),
                 "pages/pages.jsonl": PAGES_HEADER + b'{"url": "https://elsewhere/page"}\n'})
    [part] = parsing.read_parts(data)
    assert part.document is not None and part.document.source_url == "https://x/one"
    assert any("None of the pages" in note for note in part.document.notes)


def test_a_listed_time_as_a_warc_timestamp_picks_the_nearest_capture():
    captures = (warcgen.page_warc("https://x/p", "2025-06-14T10:02:03Z")
                + warcgen.page_warc("https://x/p", "2025-06-20T08:00:00Z"))
    data = wacz({"archive/data.warc": captures,
                 "pages/pages.jsonl": PAGES_HEADER + b'{"url": "https://x/p", "ts": "20250620080000"}\n'})
    [part] = parsing.read_parts(data)
    assert part.document is not None and part.document.saved == "2025-06-20T08:00:00+00:00"
