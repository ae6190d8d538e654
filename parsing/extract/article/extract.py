"""The article of a parsed page: one walk of the body, the story's region, its parts, metadata, fallbacks."""

from __future__ import annotations

import re
from collections.abc import Collection

from selectolax.lexbor import LexborNode

from parsing.extract.article.assemble import assemble
from parsing.extract.article.header import (
    choose_byline,
    choose_date,
    choose_section,
    header_lines,
    header_teaser,
    headings,
    near_headings,
    story_heading,
)
from parsing.extract.article.model import Article
from parsing.extract.article.region import Scored, choose, is_notice, prose_chars
from parsing.extract.article.titles import choose_title
from parsing.extract.lines import line_key
from parsing.extract.metadata import HeadMeta
from parsing.html.blocks import ElementTable, SkipLines, walk
from parsing.html.marks import NOTICE

MIN_BODY_CHARS = 200  # less than this is no story: try JSON-LD, then the page's prose, then the description
MIN_LINKED_BODY = 200
MIN_SHARED = 0.4  # less of the found text in articleBody than this: the page's region is another story
MAX_COMPARED_CHARS = 20_000
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")


def extract_article(root: LexborNode | None, meta: HeadMeta, skip: Collection[str] = ()) -> Article:
    """The story under ``root`` (the page's body, with script, style and the like already stripped).

    Args:
        root: the element to read, usually ``tree.body``; None gives what the metadata says.
        meta: what ``metadata.read_head`` read from the page before the strip (JSON-LD lives in <script>).
        skip: texts of lines that belong to something else, whitespace collapsed (the lines of the quote
            tables and ticker strips that the quote finder used); a block with such a text is never a
            paragraph, the title or part of the story's region, and never comes back through a fallback.
    """
    lines = SkipLines(skip)
    table = walk(root, lines) if root is not None else ElementTable()
    scored = choose(table, lines)
    names = meta.site_names()
    title = choose_title(meta, headings(table, scored), story_heading(table, scored), near_headings(table, scored),
                         names)
    parts = assemble(table, scored, title)
    article = Article(title=title, summary=parts.summary, paragraphs=parts.paragraphs, related=parts.related,
                      images=parts.images)
    _fill_body(article, meta, table, scored, bool(skip))
    header = header_lines(table, scored, title)
    article.summary = article.summary or header_teaser(header, table, scored)
    article.byline = choose_byline(meta, table, scored, parts, header, title)
    article.published = choose_date(meta, table, scored, parts, header)
    article.section = choose_section(meta, table, scored, title)
    article.site_name = names[0] if names else None
    return article


def _chars(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def _fill_body(article: Article, meta: HeadMeta, table: ElementTable, scored: Scored, skip: bool) -> None:
    """Use JSON-LD articleBody when the page gave less than it or something else; a page without a story
    region gives its prose, then (unless the caller named lines to skip) its lines of text, then its
    description."""
    found = _chars(article.paragraphs)
    body = meta.linked.body
    if body and len(body) >= MIN_LINKED_BODY and _consistent(body, meta, table):
        shorter = found < 0.5 * len(body)
        other = found and len(body) >= 0.8 * found and _shared(article.paragraphs, body) < MIN_SHARED
        if shorter or other:
            article.paragraphs = [p for p in _PARAGRAPH_BREAK.split(body) if p]
            article.images = []
            article.source = "json-ld"
            return
    if found >= MIN_BODY_CHARS:
        return
    fallback = _page_prose(table, scored)
    if _chars(fallback) > found:
        article.paragraphs, article.images, article.related = fallback, [], []
        article.source = "prose"
    if not article.paragraphs and not skip:  # (a page of quote tables has no story to fall back to)
        article.paragraphs = _page_prose(table, scored, min_chars=1)
        article.source = "lines"
    if not article.paragraphs:
        description = meta.first(("og:description", "description", "twitter:description"))
        description = description or meta.linked.description
        if description:
            article.paragraphs = [description]
            article.source = "description"


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The text's word 4-grams (the words themselves when there are fewer than four)."""
    words = line_key(text).split()
    if len(words) < 4:
        return {tuple(words)}
    return set(zip(words, words[1:], words[2:], words[3:], strict=False))


def _shared(paragraphs: list[str], body: str) -> float:
    """Share of the found text's word 4-grams that articleBody holds too (is the same story found?)."""
    found = _shingles(" ".join(paragraphs)[:MAX_COMPARED_CHARS])
    return len(found & _shingles(body[: MAX_COMPARED_CHARS * 4])) / len(found) if found else 1.0


def _consistent(body: str, meta: HeadMeta, table: ElementTable) -> bool:
    """Whether articleBody belongs to this page: its headline is the page's, or the page holds its words."""
    headline = line_key(meta.linked.headline or "")
    titles = {line_key(t) for t in (meta.first(("og:title",)), meta.title_tag) if t}
    if headline and any(headline in t or t in headline for t in titles if t):
        return True
    words = line_key(body[:3000]).split()
    if not words:
        return False
    page = set()
    for block in table.blocks:
        page.update(line_key(block.text).split())
    return sum(1 for w in words if w in page) >= 0.8 * len(words)


def _page_prose(table: ElementTable, scored: Scored, min_chars: int = 80) -> list[str]:
    """Last resort: every prose block of the page outside furniture and notices (cookie, consent,
    subscription); with ``min_chars`` 1, every line of text outside them."""
    notice = [False] * len(table)
    for index, marks in enumerate(table.marks):
        up = table.parent[index]
        notice[index] = bool(marks & NOTICE) or (up >= 0 and notice[up])
    paragraphs = []
    for number, block in enumerate(table.blocks):
        if notice[block.elem] or scored.bad_ancestor[block.elem] >= 0 or number in scored.skipped:
            continue
        if block.kind == "h1":
            continue  # the title's line
        if number in scored.bad_blocks and (min_chars > 1 or is_notice(block)):
            continue
        if min_chars <= 1 or (prose_chars(block) >= min_chars and block.links * 4 < len(block.text)):
            paragraphs.append(block.text)
    return paragraphs
