"""Pages in the shapes publishing systems give them (WordPress, Drupal, React with <div> paragraphs, AMP, a live
blog, a paywall, a consent dialog, a gallery, an opinion piece, a table in the story, an inline "Read more:" list,
a print view, a logo in the <h1>, a page drawn by script, Urdu, a ticker above the story) and in the shapes of
South Asian news sites (a linked <h2> headline, the site's name in the <h1>, an old table layout, a story split
over pages, a press release, a results table, ad slots and a pull quote, a "Key points" summary, dates such as
"11-Mar-24" or only in the address, "From Reuters" and "APP" bylines), as the DOM Chromium built and as its
select-all copy: title, byline, date and paragraphs, and no furniture line as a paragraph."""

from __future__ import annotations

import json

import pytest

import parsing
from tests.paths import FIXTURES

PAGES = FIXTURES / "cms"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
NEVER = set(EXPECTED.pop("_never"))
FIELDS = ("title", "byline", "published", "paragraphs")
# Copies whose structure the line reader cannot yet tell: what goes wrong, for each.
KNOWN = {
    ("cards-inside", "text"): "the teaser cards of an \"Also Read\" box inside the story each have a headline over a "
                              "sentence, as a story has: their sentences are taken for the story's",
    ("wp-gutenberg", "text"): "subheadings and list items read as other stories' headlines; four in a row and an "
                              "embedded post with its date end the story",
    ("press-release", "text"): "the last item of the menu (\"Send a Release\") is a short line over the longer "
                               "headline, as a headline stands over its standfirst: it is taken for the title",
}
CASES = [
    pytest.param(name, form, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[name, form])] if (name, form) in KNOWN
                 else [])
    for name in sorted(EXPECTED) for form in ("html", "text")
    if form == "html" or (PAGES / f"{name}.txt").exists()
]


@pytest.mark.parametrize(("name", "form"), CASES)
def test_cms_page(name, form):
    truth = {**EXPECTED[name]["html"], **(EXPECTED[name]["text"] if form == "text" else {})}
    page = parsing.parse_file(PAGES / f"{name}.{'html' if form == 'html' else 'txt'}")
    got = {"title": page.title, "byline": page.byline, "published": page.published,
           "paragraphs": list(page.paragraphs)}
    assert got == {field: truth[field] for field in FIELDS}
    assert not NEVER & {*page.paragraphs, page.title}


def test_every_page_has_its_fixtures():
    for name in EXPECTED:
        assert (PAGES / f"{name}.html").exists()
    assert len(EXPECTED) >= 44
