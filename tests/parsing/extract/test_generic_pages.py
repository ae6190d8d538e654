"""Pages from other layouts: div-based articles, wrappers with class words, tickers split over blocks."""

from __future__ import annotations

import pytest

import parsing
from tests.parsing.pages import html_page

SENTENCES = [
    f"This is sentence {n} of the main story, which talks about the economy and the budget in detail."
    for n in range(3)
]


def test_number_line_in_a_div_article_is_text_not_a_quote():
    blocks = "".join(f"<div>{text}</div>" for text in SENTENCES)
    body = (
        f'<div class="article-body"><h1>Div story</h1>{blocks}'
        f"<div>OGDC 213.07 Decreased By -13.70 (-6.04%)</div><div>Closing words of the story follow here.</div></div>"
    )
    page = parsing.parse_bytes(html_page(body, title="Div story - Site").encode(), "page.html")
    assert page.quotes == ()
    assert list(page.paragraphs[:3]) == SENTENCES
    assert "OGDC 213.07 Decreased By -13.70 (-6.04%)" in page.paragraphs


def _wordpress(wrapper: str, article_class: str) -> bytes:
    paragraphs = "".join(
        f"<p>Story paragraph {n} explains the new tax measures announced in the budget today.</p>" for n in range(4)
    )
    side = '<aside class="widget-area"><h2>Recent Posts</h2><ul><li><a href="/r">Recent post title</a></li></ul></aside>'
    body = (
        f'<div class="{wrapper}"><main class="site-main"><article class="{article_class}">'
        f'<header><h1 class="entry-title">Tax measures announced</h1></header><div class="entry-content">'
        f"{paragraphs}</div></article></main>{side}</div>"
        '<footer class="site-footer"><div class="widget"><p>Copyright 2025 The Site. All rights reserved by the '
        "owners of the site.</p></div></footer>"
    )
    return html_page(body, title="Tax measures - The Site").encode()


@pytest.mark.parametrize(
    ("wrapper", "article_class"),
    [("site-content has-sidebar", "post"), ("site-content", "post tag-budget tag-tax"), ("content ads-enabled", "post")],
)
def test_class_words_on_a_wrapper_keep_the_article(wrapper, article_class):
    page = parsing.parse_bytes(_wordpress(wrapper, article_class), "page.html")
    assert page.title == "Tax measures announced"
    assert len(page.paragraphs) == 4
    assert all(text.startswith("Story paragraph") for text in page.paragraphs)


TICKER = [
    ("AIRLINK", "165.36", "Decreased By", "▼", "-10.19", "-5.8"),
    ("BOP", "10.39", "Increased By", "▲", "0.62", "6.35"),
    ("KSE100", "114,909", "Decreased By", "", "-3882.2", "-3.27"),
]
SYMBOLS = [item[0] for item in TICKER]


def _ticker_page(strip: str, wrapped: bool) -> bytes:
    story = "".join(f"<p>{text}</p>" for text in SENTENCES)
    body = f'<div class="ticker">{strip}</div><main><h1>Story title here</h1>{story}</main>'
    if wrapped:
        body = f'<div id="wrapper">{body}</div>'
    return html_page(body).encode()


def _block_items() -> str:
    return "".join(
        f'<div class="q"><div>{s}</div><div>{p}</div><div><span class="sr-only">{w}</span></div>'
        f"<div>{g}</div><div>{c} ({pc}%)</div></div>"
        for s, p, w, g, c, pc in TICKER
    )


def _inline_items() -> str:
    return "".join(
        f'<span class="item"><a href="/c/{s}">{s}</a> <span>{p}</span> <span class="sr">{w}</span><i>{g}</i> '
        f"<span>{c}</span> <span>({pc}%)</span></span>"
        for s, p, w, g, c, pc in TICKER
    )


@pytest.mark.parametrize("wrapped", [False, True])
def test_quote_items_made_of_block_pieces_keep_the_first_quote(wrapped):
    page = parsing.parse_bytes(_ticker_page(_block_items(), wrapped), "page.html")
    assert [quote.symbol for quote in page.quotes] == SYMBOLS


@pytest.mark.parametrize("wrapped", [False, True])
def test_inline_items_without_spaces_between_them(wrapped):
    page = parsing.parse_bytes(_ticker_page(_inline_items(), wrapped), "page.html")
    assert [quote.symbol for quote in page.quotes] == SYMBOLS
    assert not [quote for quote in page.quotes if quote.flag]


def test_sidebar_column_beside_the_story_under_one_headline_stays_out():
    story = "".join(f"<p>Story paragraph {n} describes the budget debate in parliament in detail.</p>" for n in range(4))
    more = "<p>Story paragraph after the break keeps describing the budget debate in parliament.</p>"
    side = (
        '<div class="col-md-4"><h4>Editor\'s Picks</h4><div class="card"><h5><a href="/a">Rupee gains</a></h5>'
        "<p>The rupee gained 10 paisa against the US dollar in the inter-bank market on Tuesday.</p></div></div>"
    )
    body = (
        '<div class="container"><h1>Budget debate continues in the Assembly</h1><div>Published January 13, 2025</div>'
        f'<div class="row"><div class="col-md-8"><div class="story">{story}</div><div class="ad-slot"></div>'
        f'<div class="story">{more}</div></div>{side}</div></div>'
    )
    page = parsing.parse_bytes(html_page(body).encode(), "page.html")
    assert page.title == "Budget debate continues in the Assembly"
    assert page.published == "2025-01-13"
    assert len(page.paragraphs) == 5
    assert all(text.startswith("Story paragraph") for text in page.paragraphs)
