"""JSON-LD: the article object among graphs and lists, its authors, and broken scripts skipped."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from parsing.html.jsonld import is_linked_data, load_scripts, read_linked_data


def _scripts(*objects: object, raw: str = "") -> list[object]:
    tags = "".join(f'<script type="application/ld+json">{json.dumps(o)}</script>' for o in objects)
    tree = LexborHTMLParser(f"<html><head>{tags}{raw}</head><body></body></html>")
    return load_scripts(node for node in tree.css("script") if is_linked_data(node))


def test_the_article_whose_headline_matches_the_title_is_chosen():
    scripts = _scripts({"@type": "NewsArticle", "headline": "Other story"},
                       {"@graph": [{"@type": "NewsArticle", "headline": "Rates on hold", "articleBody": "Body.",
                                    "author": [{"name": "Jane Doe"}, "John Roe", "https://x.com/a"]},
                                   {"@type": "Organization", "name": "The Ledger"}]})
    data = read_linked_data(scripts, "Rates on hold - The Ledger")
    assert (data.headline, data.body, data.authors) == ("Rates on hold", "Body.", ["Jane Doe", "John Roe"])
    assert data.is_article and "The Ledger" in data.site_names


def test_broken_and_commented_scripts():
    scripts = _scripts(raw='<script type="application/ld+json">{"@type": </script>'
                           '<script type="application/ld+json"><!-- {"@type": "Article", "headline": "A"} --></script>')
    assert read_linked_data(scripts).headline == "A"


def test_a_web_page_alone_is_not_an_article():
    data = read_linked_data(_scripts({"@type": "WebPage", "name": "Home"}))
    assert not data.is_article and data.name == "Home"


def test_deeply_nested_json_is_bounded():
    nested: object = {"@type": "NewsArticle", "headline": "Deep"}
    for _ in range(5_000):
        nested = {"@graph": [nested]}
    assert read_linked_data([nested]).headline is None  # past the step budget: not found, no recursion error
