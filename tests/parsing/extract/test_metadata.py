"""Metadata read before the strip, and which source wins for author, date, section and the site's names."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsing.extract.metadata import HeadMeta, meta_author, meta_date, meta_section, read_head, url_date


def _head(head: str, body: str = "", prefix: str = "") -> HeadMeta:
    html = f"{prefix}<html><head>{head}</head><body>{body}</body></html>"
    return read_head(LexborHTMLParser(html), html.encode())


def test_meta_tags_by_property_name_and_itemprop():
    meta = _head('<meta property="og:title" content="A &amp; B"><meta name="author" content="Jane  Doe">'
                 '<meta itemprop="datePublished" content="2025-01-13">')
    assert meta.first(("og:title",)) == "A & B"
    assert (meta_author(meta), meta_date(meta)) == ("Jane Doe", "2025-01-13")


def test_published_time_wins_over_json_ld_and_other_dates():
    meta = _head('<meta name="date" content="2024-05-05"><meta property="article:published_time" content="2025-01-13">'
                 '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-02-01"}</script>')
    assert meta_date(meta) == "2025-01-13"


def test_json_ld_authors_of_an_article_win_over_meta_author():
    meta = _head('<meta name="author" content="The Ledger Staff">'
                 '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": "Jane Doe"}]}</script>')
    assert meta_author(meta) == "Jane Doe"


def test_section_from_meta_or_json_ld_but_not_a_long_one():
    assert meta_section(_head('<meta property="article:section" content="Markets">')) == "Markets"
    assert meta_section(_head(f'<meta property="article:section" content="{"x" * 80}">')) is None


def test_source_url_from_saved_from_comment_then_canonical():
    saved = _head('<link rel="canonical" href="https://b.example/1">',
                  prefix="<!-- saved from url=(0021)https://a.example/1 -->")
    assert saved.source_url == "https://a.example/1"
    assert _head('<link rel="canonical" href="https://b.example/1">').source_url == "https://b.example/1"


def test_site_names_from_meta_json_ld_and_host():
    meta = _head('<meta property="og:site_name" content="The Ledger"><link rel="canonical" href="https://www.ledger.co.uk/a">')
    assert meta.site_names()[:2] == ["The Ledger", "ledger"]


@pytest.mark.parametrize(("url", "date"), [
    ("https://example.pk/2024/03/11/circular-debt-climbs/", "2024-03-11"),
    ("https://example.pk/business/2024/3/9", "2024-03-09"),
    ("https://example.pk/news/2024-03-11-budget", "2024-03-11"),
    ("https://example.pk/2024/13/11/slug", None),  # no thirteenth month
    ("https://example.pk/2024/03/11123", None),  # a story's number, not a day
    ("https://example.pk/news/40290103/oil-gains", None),
    (None, None),
])
def test_date_in_the_address(url, date):
    assert url_date(HeadMeta(source_url=url)) == date


def test_microdata_headline_is_the_first_element_holding_text():
    body = ('<meta itemprop="headline" content="From a meta"><span itemprop="headline">  </span>'
            '<h1 itemprop="headline">Cement  makers\nlead gains</h1><h2 itemprop="headline">Later</h2>')
    assert _head("<title>Markets | The Ledger</title>", body).microdata_headline == "Cement makers lead gains"


def test_page_with_microdata_headline_only_takes_its_title_from_it():
    from parsing import parse_bytes

    page = ('<html><head><title>The Ledger</title></head><body><div itemscope>'
            '<span itemprop="headline">Cement makers lead gains as index climbs</span>'
            f'<div>{"<p>Cement makers led the market higher on Tuesday as investors bought into the sector. </p>" * 4}'
            '</div></div></body></html>')
    assert parse_bytes(page.encode(), "page.html").title == "Cement makers lead gains as index climbs"


def test_a_title_meta_comes_before_microdata():
    from parsing import parse_bytes

    page = ('<html><head><meta property="og:title" content="Index climbs on cement buying">'
            '<title>The Ledger</title></head><body><span itemprop="headline">Another headline altogether</span>'
            f'{"<p>Cement makers led the market higher on Tuesday as investors bought into the sector. </p>" * 4}'
            '</body></html>')
    assert parse_bytes(page.encode(), "page.html").title == "Index climbs on cement buying"
