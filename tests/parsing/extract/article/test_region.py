"""Which container holds the story: the failure classes seen on real news pages, one small page each."""

from __future__ import annotations

from parsing.extract.article.region import is_notice
from parsing.html.blocks import Block
from tests.parsing.extract.article.helpers import COOKIE, FOOTER, STORY, article_of, page, paras


def test_cookie_notice_is_not_the_article():
    body = (f'<div id="onetrust-consent-sdk"><div class="ot-banner">{paras(COOKIE)}</div></div>'
            f'<main><h1>Rates on hold</h1><div class="story">{paras(STORY[:2])}</div></main>')
    assert article_of(page(body)).paragraphs == STORY[:2]


def test_consent_dialog_that_hides_the_page_does_not_hide_the_story():
    body = (f'<div role="dialog" class="consent-modal">{paras(COOKIE)}</div>'
            f'<div id="page" aria-hidden="true"><article><h1>Rates on hold</h1>{paras(STORY)}</article></div>')
    assert article_of(page(body)).paragraphs == STORY


def test_text_in_divs_keeps_every_paragraph():
    body = (f'<article><h1>Rates on hold</h1><div class="article-text">{paras(STORY, "div")}</div></article>'
            '<div class="more"><p>Short teaser of another story that is long enough to count.</p></div>')
    assert article_of(page(body)).paragraphs == STORY


def test_first_paragraph_in_a_p_and_the_rest_in_divs_are_all_kept():
    body = (f'<div class="story-body"><h1>Rates on hold</h1><p>{STORY[0]}</p>{paras(STORY[1:], "div")}</div>'
            '<div class="sidebar"><p>Gold price per tola rises for the third day in a row in Karachi.</p></div>')
    assert article_of(page(body)).paragraphs == STORY


def test_notice_known_only_by_its_text_is_not_the_article():
    offer = ("You have reached your limit of free articles. Subscribe now for unlimited digital access to the "
             "Ledger, or sign in to continue reading if you are already a subscriber.")
    body = f'<div class="story"><h1>Rates on hold</h1><p>{STORY[0]}</p></div><div class="piano-offer"><p>{offer}</p></div>'
    assert article_of(page(body)).paragraphs == STORY[:1]
    assert article_of(page(f'<div class="offer"><p>{offer}</p></div>', "Rates on hold")).paragraphs == []


def test_page_wrapped_in_one_form_still_gives_its_story():
    body = f'<form id="aspnetForm" action="/x"><div id="content"><h1>Rates on hold</h1>{paras(STORY)}</div></form>'
    assert article_of(page(body)).paragraphs == STORY


def test_site_footer_is_not_the_article():
    body = (f'<div class="post"><h1>Rates on hold</h1>{paras(STORY[:1])}</div>'
            f'<footer class="site-footer">{paras(FOOTER)}</footer>')
    assert article_of(page(body)).paragraphs == STORY[:1]


def test_footer_by_id_is_not_the_article():
    body = (f'<div class="post"><h1>Rates on hold</h1>{paras(STORY[:1], "div")}</div>'
            f'<div id="global-footer">{paras(FOOTER)}</div>')
    assert article_of(page(body)).paragraphs == STORY[:1]


def test_subscriber_notice_is_not_the_article():
    notice = [
        "This article is for subscribers only. Subscribe today to get unlimited access to our journalism, "
        "exclusive newsletters, the daily crossword and the digital edition of the newspaper on any device.",
        "Already a subscriber? Log in to continue reading. Questions about your subscription? Call our customer "
        "service team on weekdays between nine and five, or write to us at any time.",
    ]
    body = (f'<article><h1>Rates on hold</h1><div class="body">{paras(STORY[:1])}</div>'
            f'<div class="paywall-subscribe">{paras(notice)}</div></article>')
    assert article_of(page(body)).paragraphs == STORY[:1]


def test_share_bar_aside_and_comments_stay_out():
    body = ('<article><h1>Rates on hold</h1><div class="share-bar"><a href="#f">Facebook</a> <a href="#t">X</a></div>'
            f'{paras(STORY)}<section class="comments"><h3>Comments</h3><p>What a great article, I really enjoyed '
            'reading it and will share it with my friends.</p></section></article>'
            '<aside><h3>Most popular</h3><p>Gold price per tola rises for the third day in a row in Karachi.</p></aside>')
    assert article_of(page(body)).paragraphs == STORY


def test_link_teaser_cards_beside_the_story_stay_out():
    cards = "".join(f'<div class="card"><h3><a href="/s{n}">Other story number {n} title</a></h3>'
                    f"<p>Teaser text of other story number {n}, which is not part of this one.</p></div>"
                    for n in range(6))
    body = f'<div class="wrap"><article><h1>Rates on hold</h1>{paras(STORY)}</article>{cards}</div>'
    assert article_of(page(body)).paragraphs == STORY


def test_one_teaser_card_in_a_column_beside_the_story_stays_out():
    side = ('<div class="col-4"><h4>Editor\'s Picks</h4><div class="card"><h5><a href="/a">Rupee gains</a></h5>'
            "<p>The rupee gained 10 paisa against the US dollar in the inter-bank market on Tuesday.</p></div></div>")
    body = f'<div class="row"><div class="col-8"><h1>Rates on hold</h1>{paras(STORY[:2])}</div>{side}</div>'
    assert article_of(page(body)).paragraphs == STORY[:2]


def test_a_headings_permalink_does_not_make_it_a_teaser():
    sections = "".join(f'<h2><a href="#s{n}">Part {n} of the guide</a></h2>{paras(STORY[n:n + 1])}' for n in range(4))
    body = f'<div class="doc"><h1>The guide</h1>{sections}</div><div class="nav"><a href="/x">Next page</a></div>'
    article = article_of(page(body))
    assert article.paragraphs == [text for n in range(4) for text in (f"Part {n} of the guide", STORY[n])]


def test_header_of_the_story_is_not_furniture():
    body = (f'<main><article><header><h1 class="entry-title">Tax measures announced</h1></header>'
            f'<div class="entry-content">{paras(STORY)}</div></article></main>')
    article = article_of(page(body, "Tax measures - The Site"))
    assert article.title == "Tax measures announced" and article.paragraphs == STORY


NOTICE_LINES = [
    "We use cookies to give you the best experience.",
    "This website uses cookies.",
    "Accept all cookies",
    "Read our cookie policy",
    "Manage your privacy preferences",
    "Subscribe today",
    "Subscribers only",
    "Already a subscriber?",
    "Subscribe to continue reading.",
    "Unlimited digital access",
    "Log in to continue",
    "Signin to read",
    "Create a free account",
    "Register to read",
    "You’ve reached your limit",
    "2 free articles remaining",
    "Sign up for our weekly markets newsletter",
]


def test_every_form_of_a_notice_line_is_known():
    """The cheap substring test that runs before the notice pattern lets every form of the pattern through."""
    assert all(is_notice(Block(line, "p", 0, 0, 0)) for line in NOTICE_LINES)
    assert not is_notice(Block("The design of the signal was logged by the accounting office.", "p", 0, 0, 0))


def test_a_key_points_box_above_the_story_is_part_of_it():
    points = ["Policy rate held at 12 percent", "Next meeting in six weeks"]
    body = ('<article><h1>Rates on hold</h1><div class="key-points"><h3>Key points</h3><ul>'
            + "".join(f"<li>{p}</li>" for p in points) + f'</ul></div><div class="content">{paras(STORY)}</div>'
            "</article>")
    assert article_of(page(body)).paragraphs == ["Key points", *points, *STORY]
