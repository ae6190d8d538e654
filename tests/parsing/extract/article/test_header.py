"""Byline, date and section: from the metadata, else from what the body shows near the title."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsing.extract.article.header import MAX_SMALL_TEXT, _small_text, clean_byline, skipped_chars
from parsing.html.blocks import MAX_FURNITURE_TEXT, walk
from tests.parsing.extract.article.helpers import FOOTER, STORY, article_of, ld, page, paras


def _story(head: str = "", above: str = "") -> str:
    return page(f"<article><h1>Rates on hold</h1>{above}{paras(STORY)}</article>", "Rates on hold", head)


@pytest.mark.parametrize(("head", "above"), [
    ('<meta name="author" content="Jane Doe">', ""),
    (ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}}), ""),
    (ld({"@type": "NewsArticle", "author": "Jane Doe"}), ""),
    ("", '<a rel="author" href="/authors/jane">Jane Doe</a>'),
    ("", '<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>'),
    ("", '<div class="article__byline">By Jane Doe</div>'),
    ("", "<p>By Jane Doe</p>"),
    ("", '<div class="story__byline">Jane Doe <span>Published January 13, 2025</span></div>'),
    ("", "<div>Jane Doe 13 Jan, 2025</div>"),
    ("", '<div class="post-info">Posted by <a href="/u/5">Jane Doe</a> on January 13, 2025</div>'),
    ("", '<div class="post-meta">By Jane Doe · 13 Jan, 2025</div>'),
    ("", '<div class="story-meta"><span class="author-name">Jane Doe</span> <span>Jan 13, 2025</span></div>'),
])
def test_byline_from_each_source(head, above):
    article = article_of(_story(head, above))
    assert article.byline == "Jane Doe"
    assert article.paragraphs == STORY


def test_json_ld_graph_gives_headline_authors_and_date():
    head = ld({"@graph": [{"@type": "WebSite", "name": "The Ledger"},
                          {"@type": ["NewsArticle"], "headline": "Rates on hold", "datePublished": "2025-01-13T09:00",
                           "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}]}]})
    article = article_of(page(f"<div>{paras(STORY)}</div>", "", head))
    assert (article.title, article.byline, article.published) == ("Rates on hold", "Jane Doe, John Roe", "2025-01-13")


def test_meta_author_that_is_a_web_address_is_not_a_byline():
    assert article_of(_story('<meta property="article:author" content="https://facebook.com/ledger">')).byline is None


def test_a_subheading_that_starts_with_by_is_not_a_byline():
    body = f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<h2>By the numbers</h2>{paras(STORY[2:])}</article>"
    article = article_of(page(body))
    assert article.byline is None and article.paragraphs == [*STORY[:2], "By the numbers", *STORY[2:]]


@pytest.mark.parametrize(("text", "name"), [
    ("By Jane Doe", "Jane Doe"),
    ("Lucas Nolan22 Dec 2016", "Lucas Nolan"),
    ("Tech Industry by Steven Musil", "Steven Musil"),
    ("Jane Doe | Published March 11, 2025", "Jane Doe"),
    ("Posted by Jane Doe on March 11, 2025", "Jane Doe"),
    ("Share", None),
])
def test_clean_byline(text, name):
    assert clean_byline(text) == name


@pytest.mark.parametrize(("head", "above"), [
    ('<meta property="article:published_time" content="2025-01-13T10:00:00+05:00">', ""),
    (ld({"@type": "NewsArticle", "datePublished": "2025-01-13"}), ""),
    ("", '<time datetime="2025-01-13T10:00">Monday</time>'),
    ("", "<div>Published January 13, 2025</div>"),
    ("", '<div class="date">13 January 2025</div>'),
    ("", '<div class="entry-meta"><time datetime="2025-01-13T10:00">Monday</time></div>'),
    ("", '<div class="article-meta">By Jane Doe · 13 Jan, 2025</div>'),
])
def test_date_from_each_source(head, above):
    assert article_of(_story(head, above)).published == "2025-01-13"


def test_published_line_wins_over_an_earlier_updated_line():
    above = "<div>Updated 14 Jan, 2025</div><div>Published 13 Jan, 2025</div>"
    assert article_of(_story("", above)).published == "2025-01-13"


def test_section_from_meta_or_the_label_above_the_title():
    assert article_of(_story('<meta property="article:section" content="Markets">')).section == "Markets"
    body = f'<article><div class="kicker"><a href="/m">Markets</a></div><h1>Rates on hold</h1>{paras(STORY)}</article>'
    assert article_of(page(body)).section == "Markets"


def test_a_date_above_the_title_is_not_the_section():
    body = f"<article><div>13 Jan, 2025</div><h1>Rates on hold</h1>{paras(STORY)}</article>"
    article = article_of(page(body))
    assert article.section is None and article.published == "2025-01-13"


def test_a_metadata_bar_below_the_story_start_is_not_read():
    below = f"<article><h1>Rates on hold</h1>{paras(STORY)}<div class='post-meta'>By John Roe 14 Jan, 2025</div></article>"
    article = article_of(page(below, "Rates on hold"))
    assert (article.byline, article.published) == (None, None)


def test_a_byline_box_of_several_lines_gives_the_name_alone():
    box = ('<div class="byline-block"><div class="contributor-name">By Jane Doe</div><div>Business reporter</div>'
           "</div>")
    assert article_of(_story("", box)).byline == "Jane Doe"


def test_a_date_alone_in_a_metadata_bar_dates_the_story_and_the_name_beside_it_signs_it():
    bar = '<div class="post-meta"><div><a href="/@jane">Jane Doe</a></div><div>Jan 13, 2025</div></div>'
    article = article_of(_story("", bar))
    assert (article.byline, article.published) == ("Jane Doe", "2025-01-13")


@pytest.mark.parametrize("name", ["Monitoring Desk", "Sattar Khan", "Sunil Gupta"])
def test_names_that_start_like_a_weekday(name):
    assert clean_byline(f"By {name}") == name
    assert article_of(_story("", f"<p>By {name}</p>")).byline == name


def test_a_name_alone_beside_the_date_line_is_the_byline():
    above = '<div class="source">Our Correspondent</div><div class="when">March 21, 2025</div>'
    assert article_of(_story("", above)).byline == "Our Correspondent"
    assert article_of(_story("", '<div class="source">Markets Today</div>')).byline is None


@pytest.mark.parametrize("line", ["Tariq Butt | Tuesday, 18 March 2025", "Tariq Butt, Tue 18 Mar 2025"])
def test_a_name_then_a_weekday_and_date(line):
    article = article_of(_story("", f"<div>{line}</div>"))
    assert (article.byline, article.published) == ("Tariq Butt", "2025-03-18")


def test_a_weekday_before_the_date_is_never_the_byline():
    article = article_of(_story("", "<div>Monday, November 10, 2025</div>"))
    assert (article.byline, article.published) == (None, "2025-11-10")


def test_in_a_byline_box_the_by_line_wins_over_a_topic_above_it():
    box = ('<div class="authorInfo"><h6><a href="/topics/economy">Economy</a></h6><ul><li itemprop="author">'
           "by <a href='/p/jane'>Jane Doe</a> January 13, 2025 5:03 PM PST</li></ul></div>")
    assert article_of(_story("", box)).byline == "Jane Doe"


def test_a_name_before_a_follow_button_beside_the_date_signs_the_story():
    above = "<div><span>Jane Doe</span> · <a href='/f'>Follow</a></div><div>5 min read · Jun 3, 2025</div>"
    article = article_of(_story("", above))
    assert (article.byline, article.published) == ("Jane Doe", "2025-06-03")


@pytest.mark.parametrize(("text", "name"), [
    ("From Reuters", "Reuters"),
    ("From Our Correspondent", "Our Correspondent"),
    ("From the editors", "From the editors"),  # no name follows: the line is kept as it is
])
def test_clean_byline_of_a_wire(text, name):
    assert clean_byline(text) == name


def test_a_time_element_wins_over_the_date_of_the_top_bar():
    body = ('<div class="top-bar"><span class="top-bar__date">Wednesday, March 13, 2024</span></div>'
            '<nav><ul><li><a href="/">Home</a></li><li><a href="/b">Business</a></li><li><a href="/w">World</a></li>'
            '<li><a href="/s">Sport</a></li></ul></nav>'
            f'<h1>Rates on hold</h1><div class="meta"><time datetime="2024-03-12T17:40:00+05:00">2 hours ago'
            f'</time></div><div class="text">{paras(STORY)}</div>')
    assert article_of(page(body)).published == "2024-03-12"


def test_an_h2_headline_cuts_the_section_left_in_the_title():
    head = '<meta property="og:site_name" content="Ledger.pk">'
    body = f'<div class="story"><h2><a href="/n/1">Rates on hold</a></h2><div class="text">{paras(STORY)}</div></div>'
    assert article_of(page(body, title="Rates on hold - Business - Ledger.pk", head=head)).title == "Rates on hold"
    # without a site's name to cut, the <title> stays whole
    assert article_of(page(body, title="Rates on hold | Business")).title == "Rates on hold | Business"


def test_skipped_furniture_counts_no_more_characters_than_its_text_holds():
    """A skipped element's block is a lower bound of its text's length as the header reads it (spaced apart
    differently, cut at another length): a bar check may rely on it instead of reading the text again."""
    links = "".join(f'<a href="/s/{n}">\n  Story   number {n}\u00a0today </a>\n' for n in range(40))
    body = (f'<div class="ticker">{links}</div><nav><ul>{paras([f"<a>Section {n}</a>" for n in range(90)], "li")}'
            f'</ul></nav><article><h1>Rates on hold</h1>{paras(STORY)}</article>'
            f'<footer>{"".join(f"<span>{text}</span>" for text in FOOTER)}</footer>')
    table = walk(LexborHTMLParser(page(body)).body)
    assert len(table.skipped) == 3 and MAX_FURNITURE_TEXT <= MAX_SMALL_TEXT
    for index in table.skipped:
        assert 300 < skipped_chars(table, index) <= len(_small_text(table, index))
