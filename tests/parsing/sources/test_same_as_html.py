"""Every saved form of a page reads as the page's HTML form does: title, date, quotes, paragraphs, images."""

from __future__ import annotations

import pytest

from tests.parsing.sources.saved import content, html_form, pages_of

# (fixture, page number inside it, the page it holds, the save time the form records)
FORMS = [
    ("complete/en/br-long.html", 0, "br-long", None),
    ("complete/en-title/Gold price rises Rs1,200 per tola - Business Recorder.html", 0, "br-story", None),
    ("webarchive/br-long.webarchive", 0, "br-long", None),
    ("webarchive/br-long-xml.webarchive", 0, "br-long", None),
    ("webarchive/br-sample.webarchive", 0, "br-sample", None),
    ("webarchive/br-story.webarchive", 0, "br-story", None),
    ("webarchive/br-urdu.webarchive", 0, "br-urdu", None),
    ("singlefile/br-long.singlefile.html", 0, "br-long", "2026-11-30T19:24:11+05:00"),
    ("singlefile/br-sample.singlefile.html", 0, "br-sample", "2026-11-30T19:24:19+05:00"),
    ("singlefile/br-story.singlefile.html", 0, "br-story", "2026-11-30T19:24:24+05:00"),
    ("singlefile/br-urdu.singlefile.html", 0, "br-urdu", "2026-11-30T19:24:30+05:00"),
    ("singlefile/br-story.singlefile-selfextracting.html", 0, "br-story", "2026-11-30T14:27:45+00:00"),
    ("savepagewe/br-long.savepagewe.html", 0, "br-long", "2025-06-14T15:02:03+05:00"),
    ("savepagewe/br-story.savepagewe.html", 0, "br-story", "2024-02-02T13:30:00+05:00"),
    ("warc/br-pages.warc.gz", 0, "br-long", "2025-06-14T10:02:03+00:00"),
    ("warc/br-pages.warc.gz", 1, "br-sample", "2025-03-11T12:45:10+00:00"),
    ("warc/br-pages.warc.gz", 2, "br-story", "2024-02-02T08:30:00+00:00"),
    ("warc/br-long.warc", 0, "br-long", "2025-06-14T10:02:03+00:00"),
    ("warc/br-sample-revisit.warc.gz", 1, "br-sample", "2025-03-12T09:00:00+00:00"),
    ("warc/br-pages.wacz", 0, "br-long", "2025-06-14T10:02:03+00:00"),
    ("warc/br-pages.wacz", 2, "br-story", "2024-02-02T08:30:00+00:00"),
    ("warc/br-pages-detected.wacz", 1, "br-sample", "2025-03-11T12:45:10+00:00"),
    ("zip/br-long-complete.zip", 0, "br-long", None),
    ("zip/gold-title-complete.zip", 0, "br-story", None),
    ("zip/several-pages.zip", 0, "br-sample", "2026-11-30T19:24:19+05:00"),
    ("zip/several-pages.zip", 1, "br-sample", "2026-11-27T03:19:09+00:00"),
    ("zip/several-pages.zip", 2, "br-story", None),
    ("zip/several-pages.zip", 3, "br-long", None),
]


@pytest.mark.parametrize(("rel", "number", "name", "saved"), FORMS, ids=[f"{f[0]}#{f[1] + 1}" for f in FORMS])
def test_reads_as_the_html_form(rel, number, name, saved):
    page = pages_of(rel)[number]
    assert content(page) == content(html_form(name))
    assert page.saved == saved


@pytest.mark.parametrize(("rel", "name"), [("pdf/br-sample.pdf", "br-sample"), ("pdf/br-story.pdf", "br-story")])
def test_a_printed_page_has_the_same_article(rel, name):
    """A PDF keeps no images and (for now) no glyph-only quotes; its article is the page's."""
    [page] = pages_of(rel)
    served = html_form(name)
    assert (page.title, page.section, page.published, page.byline) == (served.title, served.section,
                                                                       served.published, served.byline)
    assert page.paragraphs == served.paragraphs
