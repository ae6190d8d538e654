"""The title: og:title or JSON-LD headline, the story's <h1>, or <title>, without the site's name."""

from __future__ import annotations

import pytest

from tests.parsing.extract.article.helpers import STORY, article_of, ld, page, paras


@pytest.mark.parametrize(("title", "head", "h1"), [
    ("Rates on hold - The Ledger", '<meta property="og:site_name" content="The Ledger">', ""),
    ("Rates on hold | The Ledger", "", "<h1>Rates on hold</h1>"),
    ("The Ledger | Rates on hold", '<meta property="og:site_name" content="The Ledger">', ""),
    ("Rates on hold – Ledger", '<link rel="canonical" href="https://www.ledger.com/news/1">', ""),
    ("x", '<meta property="og:title" content="Rates on hold - The Ledger">'
          '<meta property="og:site_name" content="The Ledger">', ""),
    ("Rates on hold - Business Recorder", "", ""),
])
def test_title_without_the_sites_name(title, head, h1):
    assert article_of(page(f"<article>{h1}{paras(STORY)}</article>", title, head)).title == "Rates on hold"


def test_title_keeps_a_colon_and_a_dash_that_are_part_of_it():
    article = article_of(page(f"<article>{paras(STORY)}</article>", "Budget 2025: What changes - a guide"))
    assert article.title == "Budget 2025: What changes - a guide"


def test_story_h1_wins_over_a_shortened_og_title_but_a_logo_h1_does_not():
    og = '<meta property="og:title" content="Rates on hold">'
    article = article_of(page(f"<article><h1>Rates on hold, bank says</h1>{paras(STORY)}</article>", "", og))
    assert article.title == "Rates on hold, bank says"
    logo = f'<header><h1 class="logo">The Ledger</h1></header><div class="story">{paras(STORY)}</div>'
    assert article_of(page(logo, "", og)).title == "Rates on hold"


def test_og_title_wins_over_an_h1_that_differs_only_in_its_quote_marks():
    og = '<meta property="og:title" content="\'Budget\' passes">'
    assert article_of(page(f"<article><h1>‘Budget’ passes</h1>{paras(STORY)}</article>", "", og)).title == "'Budget' passes"


def test_h1_wins_over_a_bare_title_tag_that_names_the_same_subject():
    body = ('<div id="nav"><a href="/">Home</a> <a href="/about">About us and everything else here</a></div>'
            '<div class="post"><h1>Growing tomatoes on a balcony</h1>'
            "<p>Tomatoes need at least six hours of sun a day, so pick the brightest corner you have.</p>"
            "<p>Use a pot of at least twenty litres and water deeply twice a week in summer.</p></div>"
            '<div class="sidebar"><p>Subscribe to our newsletter for weekly gardening tips and offers.</p></div>')
    article = article_of(page(body, "Tomatoes | My Garden"))
    assert article.title == "Growing tomatoes on a balcony"
    assert len(article.paragraphs) == 2 and "newsletter" not in " ".join(article.paragraphs)


def test_json_ld_headline_that_disagrees_with_the_page_is_not_the_title():
    head = ld({"@type": "NewsArticle", "headline": "A description of the whole site and what it offers"})
    assert article_of(page(f"<article>{paras(STORY)}</article>", "Rates on hold", head)).title == "Rates on hold"


def test_a_placeholder_title_tag_gives_way_to_the_story_heading():
    assert article_of(page(f"<article><h1>Rates on hold</h1>{paras(STORY)}</article>", "x")).title == "Rates on hold"
