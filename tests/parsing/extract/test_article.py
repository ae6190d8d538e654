"""Article parts from HTML: widget headings, captions outside <figure>, which date is the published one."""

from __future__ import annotations

import base64

import pytest

import parsing
from tests.parsing.pages import html_page, png

STORY = [f"Story paragraph {n} describes the budget debate in parliament in some detail today." for n in range(4)]
CAPTION = "Finance minister speaking in the National Assembly in Islamabad on Monday. Photo: APP"


def _parse(article: str) -> parsing.Page:
    return parsing.parse_bytes(html_page(f"<article>{article}</article>").encode(), "page.html")


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_widget_headings_are_not_paragraphs_but_subheadings_are():
    article = (
        f"<h1>Budget debate continues</h1>{_paragraphs(STORY[:2])}"
        '<div class="related-stories"><h4>Also Read</h4><ul><li><a href="/1">IMF approves second review of '
        "Pakistan programme</a></li></ul></div>"
        f"<h2>What the opposition said</h2>{_paragraphs(STORY[2:])}"
        '<div class="more"><h3>More from Markets</h3><ul><li><a href="/9">Rupee gains 10 paisa against the '
        "dollar today</a></li></ul></div>"
    )
    page = _parse(article)
    assert list(page.paragraphs) == [*STORY[:2], "What the opposition said", *STORY[2:]]
    assert page.related == ("IMF approves second review of Pakistan programme",)


@pytest.mark.parametrize(
    "caption",
    [
        f'<p class="caption">{CAPTION}</p>',
        f'<div class="media__caption">{CAPTION}</div>',
        f"<span>{CAPTION}</span>",
    ],
)
def test_captions_outside_figure_belong_to_their_image(caption):
    src = "data:image/png;base64," + base64.b64encode(png()).decode()
    article = f'<h1>Budget debate continues</h1><div class="media"><img src="{src}">{caption}</div>{_paragraphs(STORY)}'
    page = _parse(article)
    assert list(page.paragraphs) == STORY
    assert [image.caption for image in page.images] == [CAPTION]


def test_published_line_wins_over_an_earlier_updated_line():
    article = (
        "<h1>Budget debate continues</h1><div>Updated 14 Jan, 2025</div><div>Published 13 Jan, 2025</div>"
        + _paragraphs(STORY)
    )
    assert _parse(article).published == "2025-01-13"
