"""Pages from other layouts: div-based articles, wrappers with class words, tickers split over blocks."""

from __future__ import annotations

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
