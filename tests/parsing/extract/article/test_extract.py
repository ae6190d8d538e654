"""The extractor's entry point: JSON-LD articleBody, the fallbacks of a page with no story, lines to skip."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsing.html.blocks import SkipLines, walk
from tests.parsing.extract.article.helpers import COOKIE, FOOTER, STORY, article_of, ld, page, paras

QUOTE_ROWS = [f"SYM{n} 1{n}0.25 Increased By 1.{n}0 (0.9{n}%)" for n in range(6)]


def test_json_ld_article_body_used_when_the_page_shows_only_a_teaser():
    head = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rates on hold",
               "articleBody": "\n\n".join(STORY)})
    body = f"<article><h1>Rates on hold</h1><p>{STORY[0][:60]}...</p></article>"
    article = article_of(page(body, "Rates on hold - The Ledger", head))
    assert article.paragraphs == STORY and article.source == "json-ld"


def test_json_ld_article_body_of_another_story_is_not_used():
    head = ld({"@type": "NewsArticle", "headline": "Cricket board names new captain", "articleBody": " ".join(FOOTER * 2)})
    article = article_of(page(f"<article><h1>Rates on hold</h1>{paras(STORY[:1])}</article>", "Rates on hold", head))
    assert article.paragraphs == STORY[:1] and article.source == "dom"


def test_cookie_notice_is_never_the_fallback_of_a_page_without_its_story():
    body = f'<div class="cookie-consent">{paras(COOKIE)}</div><div id="app"></div>'
    head = '<meta name="description" content="The central bank kept its policy rate unchanged on Monday.">'
    article = article_of(page(body, "Rates on hold", head))
    assert article.paragraphs == ["The central bank kept its policy rate unchanged on Monday."]
    assert article.source == "description"


def test_page_with_only_short_text_still_gives_it():
    article = article_of(page('<a href="/x"><p>abc</p><p>def</p>ghi</a>'))
    assert article.paragraphs == ["abc", "def", "ghi"] and article.source == "lines"


def test_empty_body_gives_the_description():
    article = article_of(page("", "Rates on hold", '<meta property="og:description" content="Rates stay where they are.">'))
    assert article.paragraphs == ["Rates stay where they are."]


def test_skipped_lines_are_never_paragraphs_or_the_title():
    rows = "".join(f"<tr><td>{row}</td></tr>" for row in QUOTE_ROWS)
    body = f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<table>{rows}</table>{paras(STORY[2:])}</article>"
    assert article_of(page(body)).paragraphs == [*STORY[:2], *QUOTE_ROWS, *STORY[2:]]
    article = article_of(page(body), skip=QUOTE_ROWS)
    assert article.paragraphs == STORY and article.title == "Rates on hold"


def test_a_page_of_quote_tables_has_no_paragraphs():
    rows = "".join(f"<tr><td>{row}</td></tr>" for row in QUOTE_ROWS * 4)
    body = f"<div class='menu-row'><span>Home</span></div><h2>Market watch</h2><table>{rows}</table>"
    assert article_of(page(body), skip=QUOTE_ROWS).paragraphs == []


def test_a_quote_table_is_never_the_story_region():
    rows = "".join(f"<tr><td>{row}</td></tr>" for row in QUOTE_ROWS * 8)
    body = f'<div class="board"><table>{rows}</table></div><div class="story"><h1>Rates on hold</h1>{paras(STORY)}</div>'
    assert article_of(page(body), skip=QUOTE_ROWS).paragraphs == STORY


def test_bytes_and_text_give_the_same_article():
    html = page(f"<article><h1>Rates on hold</h1>{paras(STORY)}</article>", "Rates on hold")
    assert article_of(html) == article_of(html.encode("utf-8"))


def test_deep_nesting_needs_no_recursion():
    depth = 20_000
    assert article_of(page("<div>" * depth + paras(STORY) + "</div>" * depth)).paragraphs == STORY


def test_deep_inline_nesting():
    assert article_of(page("<p>" + "<b>" * 100_000 + STORY[0] + "</b>" * 100_000 + "</p>")).paragraphs == STORY[:1]


def test_broken_json_ld_and_odd_attributes_do_not_fail():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    body = f'<article class="" id=""><h1 hidden="">Rates</h1><img><p>{STORY[0]}</p></article>'
    assert article_of(page(body, "Rates", head)).paragraphs == STORY[:1]


def test_a_skipped_line_is_known_without_the_hidden_label_the_walk_leaves_out():
    item = '<li>AIRLINK 504.80 <span class="sr-only">Increased By</span> ▲ 1.05 (0.21%)</li>'
    body = f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<ul>{item}</ul>{paras(STORY[2:])}</article>"
    article = article_of(page(body), skip=["AIRLINK 504.80 Increased By ▲ 1.05 (0.21%)"])
    assert article.paragraphs == STORY


def test_a_quote_table_is_read_in_one_go_and_never_the_story():
    rows = "".join(f"<tr><td>{row}</td></tr>" for row in QUOTE_ROWS)
    body = f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<table>{rows}</table>{paras(STORY[2:])}</article>"
    tree = LexborHTMLParser(page(body))
    assert tree.body is not None
    table = walk(tree.body, SkipLines(QUOTE_ROWS))
    assert [block.kind for block in table.blocks if block.kind in ("table", "tr", "td")] == ["table"]
    assert article_of(page(body), skip=QUOTE_ROWS).paragraphs == STORY
