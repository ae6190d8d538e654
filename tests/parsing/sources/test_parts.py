"""What is kept of a page found in a container reads back as that page, and is small."""

from __future__ import annotations

import pytest

import parsing
from tests.parsing.sources import warcgen
from tests.parsing.sources.saved import form

CONTAINERS = ["warc/br-pages.warc.gz", "warc/br-long.warc", "warc/br-sample-revisit.warc.gz",
              "warc/br-story-raw-http.warc.gz", "warc/br-pages.wacz", "zip/several-pages.zip",
              "zip/br-long-complete.zip", "singlefile/br-story.singlefile-selfextracting.html"]


@pytest.mark.parametrize("rel", CONTAINERS)
def test_each_kept_page_reads_back_as_itself(rel):
    for part in parsing.read_parts(form(rel), rel):
        page = parsing.parse_part(part)
        kept = part.original()
        again = parsing.parse_bytes(kept, f"{rel}#{part.name}")
        assert again == page, part.name
        assert parsing.read_parts(kept)[0].own == part.own  # the same page, known by the same bytes


def test_a_warc_page_keeps_its_own_record_and_its_images_only():
    crawl = warcgen.page_warc("https://x/one") + warcgen.page_warc("https://x/two", "2025-06-15T10:00:00Z")
    first, second = parsing.read_parts(crawl)
    parsing.parse_part(first)
    kept = first.original()
    assert kept.startswith(first.own) and b"https://x/two" not in kept and b"chart.png" in kept
    assert len(kept) < len(crawl)


def test_a_page_met_again_in_another_container_has_the_same_own_bytes():
    from_warc = parsing.read_parts(form("warc/br-pages.warc.gz"))
    from_wacz = parsing.read_parts(form("warc/br-pages.wacz"))
    assert [p.own for p in from_warc] == [p.own for p in from_wacz]
    single = form("complete/en/br-long.html")
    [zipped] = parsing.read_parts(form("zip/br-long-complete.zip"))
    assert zipped.own == single  # a zipped Complete save is the saved page itself
