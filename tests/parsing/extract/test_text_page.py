"""Text copies: the real sample exactly, and the older layout with bylines and a repeated strip."""

from __future__ import annotations

import json

import parsing
from tests.paths import FIXTURES, SAMPLE_PAGE


def test_shared_sample_gives_exactly_the_expected_fields(shared_sample):
    expected = json.loads(shared_sample.with_name("000_41355db6c868b72e.expected.json").read_text("utf-8"))
    page = parsing.parse_file(shared_sample).to_json()
    for key, value in expected.items():
        if key == "quotes":
            got = [{k: q[k] for k in value[0]} for q in page["quotes"]]
            assert got == value
        else:
            assert page[key] == value, key
    assert not [q for q in page["quotes"] if q["flag"]]


def test_shared_sample_furniture_stays_out(shared_sample):
    page = parsing.parse_file(shared_sample)
    assert "Comments" not in page.paragraphs and "200 characters" not in page.paragraphs
    assert not any(p.startswith("Seoul confirms") for p in page.paragraphs)
    assert page.summary not in page.paragraphs and page.format == "text"


def test_older_text_copy_with_byline_and_repeated_strip():
    page = parsing.parse_file(FIXTURES / "br-text-copy-2022.txt")
    assert [q.symbol for q in page.quotes] == ["BR100", "BR30", "KSE100", "KSE30", "HUBC", "KEL"]
    assert page.quotes[0].change == -67.58 and page.quotes[0].kind == "index"
    assert page.quotes[5].direction == "unchanged" and not [q for q in page.quotes if q.flag]
    assert page.title == "Rupee extends losses against US dollar in interbank market"
    assert (page.section, page.published, page.byline) == ("Pakistan", "2022-07-05", "BR Web Desk")
    assert len(page.paragraphs) == 3 and page.related == ("Rupee ends week lower against dollar",)
    assert not any("Open Interest" in p for p in page.paragraphs)


def test_text_without_ticker_has_no_quotes():
    text = "A headline about rain in Lahore\n\nPublished March 1, 2024\n\nIt rained all day in Lahore on Friday.\n"
    page = parsing.parse_bytes(text.encode(), "x.txt")
    assert page.quotes == () and page.paragraphs == ("It rained all day in Lahore on Friday.",)


def test_quote_lines_inside_prose_are_not_a_ticker():
    text = ("A headline about the market today\n\nPublished March 1, 2024\n\n"
            "The index moved sharply during the session as investors reacted to the latest inflation data.\n"
            "KSE100 114,909 Decreased By -3882.2 (-3.27%)\n")
    assert parsing.parse_bytes(text.encode(), "x.txt").quotes == ()


def test_html_named_txt_and_text_named_html():
    html = b"<!DOCTYPE html><html><body><article><h1>A title for the page</h1><p>Body text of the article.</p></article></body></html>"
    assert parsing.parse_bytes(html, "page.txt").format == "html"
    text = b"KSE100 114,909 Decreased By -3882.2 (-3.27%)\nA title line here\n"
    page = parsing.parse_bytes(text, "page.html")
    assert page.format == "text" and len(page.quotes) == 1


def test_browser_inner_text_of_the_sample_page():
    """Chromium lays the screen-reader label out as a block, so each quote spans three lines."""
    text_page = parsing.parse_file(FIXTURES / "chromium" / "br-sample-innertext.txt")
    html_page = parsing.parse_file(SAMPLE_PAGE)
    assert [q.to_json() for q in text_page.quotes] == [q.to_json() for q in html_page.quotes]
    assert len(text_page.quotes) == 34
    assert (text_page.title, text_page.section, text_page.published, text_page.byline) == (
        html_page.title, html_page.section, html_page.published, html_page.byline)
    assert text_page.summary == html_page.summary and text_page.related == html_page.related
    # a text copy cannot tell the image caption from a paragraph; everything else matches
    assert [p for p in text_page.paragraphs if not p.startswith("Brokers follow")] == list(html_page.paragraphs)


def test_text_copy_that_mentions_markup_stays_text():
    text = ("KSE100 114,909 Decreased By -3882.2 (-3.27%)\nA headline about web pages\n\nPublished March 1, 2024\n\n"
            + "Filler line of an ordinary copied page that talks about many things.\n" * 20
            + "Developers wrap every page in <html> and <body> tags, the article said.\n")
    page = parsing.parse_bytes(text.encode(), "copy.html")
    assert page.format == "text" and len(page.quotes) == 1


def test_quote_like_line_after_the_dateline_is_story_text():
    text = "\n".join([
        "Markets",
        "Stocks slump at PSX",
        "Published January 13, 2025",
        "Stocks fell.",
        "OGDC 213.07 Decreased By -13.70 (-6.04%)",
        "The index closed lower on the day as investors sold off energy stocks amid uncertainty.",
    ])
    page = parsing.parse_bytes(text.encode(), "copy.txt")
    assert page.quotes == ()
    assert page.title == "Stocks slump at PSX"
    assert page.published == "2025-01-13"
    assert "OGDC 213.07 Decreased By -13.70 (-6.04%)" in page.paragraphs


def test_generic_copy_takes_the_title_above_the_byline_not_the_skip_link():
    text = "\n".join([
        "Skip to main content",
        "Home",
        "News",
        "Budget 2025: government unveils new tax measures",
        "By Staff Reporter",
        "ISLAMABAD: The government on Monday unveiled a set of new tax measures aimed at raising revenue.",
        "The measures include higher taxes on property and a new levy on retailers, officials said.",
    ])
    page = parsing.parse_bytes(text.encode(), "copy.txt")
    assert page.title == "Budget 2025: government unveils new tax measures"
    assert page.byline == "Staff Reporter"
    assert len(page.paragraphs) == 2


def test_generic_copy_without_byline_takes_the_line_above_the_first_paragraph():
    text = "\n".join([
        "Skip to main content",
        "Menu",
        "Budget 2025: government unveils new tax measures",
        "ISLAMABAD: The government on Monday unveiled a set of new tax measures aimed at raising revenue.",
    ])
    assert parsing.parse_bytes(text.encode(), "copy.txt").title == "Budget 2025: government unveils new tax measures"
