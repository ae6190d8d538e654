"""Small inline pages for the article extractor's tests, and the extractor run on them as html_page runs it."""

from __future__ import annotations

import json
from collections.abc import Collection

from selectolax.lexbor import LexborHTMLParser

from parsing.extract.article import Article, extract_article
from parsing.extract.metadata import read_head
from parsing.sites.vocabulary import DROPPED_TAGS

STORY = [
    "KARACHI: The central bank kept its policy rate unchanged on Monday, citing a steady decline in inflation.",
    "Analysts said the decision was widely expected after consumer prices rose 4.1 percent in the last month.",
    "The rupee closed at 278.50 against the dollar in the interbank market, little changed from Friday.",
    "Traders expect the bank to start cutting rates in the second half of the year if prices keep falling.",
]
COOKIE = [
    "We use cookies and similar technologies to recognise your repeat visits and preferences, to measure the "
    "effectiveness of campaigns and to improve our websites. For settings and more information about cookies, "
    "view our Cookie Policy. By clicking I accept on this banner or using our site, you consent to the use of cookies.",
    "Our partners may also use cookies to show you advertising that is relevant to your interests, and to measure "
    "how well that advertising works. You can change your choices at any time from the privacy settings page.",
]
FOOTER = [
    "The Daily Ledger is published by Ledger Media Group, a company registered in England and Wales, and is "
    "regulated by the Independent Press Standards Organisation. All rights reserved; no part of this site may be "
    "reproduced without the written permission of the publisher.",
    "Ledger Media Group also publishes regional weeklies, a monthly business magazine and several newsletters for "
    "readers across the country, and runs events for small businesses, investors and the wider community.",
]


def page(body: str, title: str = "", head: str = "") -> str:
    title_tag = f"<title>{title}</title>" if title else ""
    return f"<!DOCTYPE html><html><head>{title_tag}{head}</head><body>{body}</body></html>"


def paras(texts: list[str], tag: str = "p") -> str:
    return "".join(f"<{tag}>{text}</{tag}>" for text in texts)


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def article_of(html: str | bytes, skip: Collection[str] = ()) -> Article:
    """The article of a page, read the way parse_html reads it: metadata first, then the strip, then the walk."""
    tree = LexborHTMLParser(html)
    meta = read_head(tree, html[:4096])
    tree.strip_tags(list(DROPPED_TAGS))
    return extract_article(tree.body, meta, skip)
