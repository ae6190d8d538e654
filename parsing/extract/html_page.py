"""An HTML Document to a Page (one lexbor parse): metadata, the quotes, the article region and its images.

The contract between the quotes and the article, the same in ``text_page``:
- the quote finder runs first (over the body's parts that hold figures, ``quote_lines``) and gives a
  ``FoundQuotes``;
- the article side gets ``FoundQuotes.used``, a frozenset of the texts of every line a quote was read from
  (whitespace collapsed to single spaces, direction marks removed; a table row's text and each of its cells'),
  and passes over every article line whose text is in it, so no quote table or strip line becomes a paragraph,
  a related link or the title;
- when ``FoundQuotes.is_market_page(paragraphs)`` says the quote tables are the page (a Market Watch page),
  the page keeps its title and has no paragraphs or related links.
The quote side reads nothing from the article side.
"""

from __future__ import annotations

import html as htmllib

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing.extract.article import Article, build_article
from parsing.extract.metadata import Metadata, page_metadata
from parsing.extract.quotes import FoundQuotes, find_quotes
from parsing.html import images
from parsing.html.layout import Line, region_lines, text_lines
from parsing.html.quote_lines import quote_lines
from parsing.html.region import article_region, region_markup, widen
from parsing.html.shape import check_shape
from parsing.limits import MAX_LINE_CHARS
from parsing.model import Document, Image, Page, Quote, Resolver
from parsing.sites.vocabulary import DROPPED_TAGS

MAX_ARTICLE_LINES = 20_000
MAX_REGION_CHARS = 4_000_000


def parse_html(document: Document) -> Page:
    """The Page in an HTML document; the container's source URL and saved time win over the page's own."""
    data = document.markup or b""
    check_shape(data)
    tree = LexborHTMLParser(data, scripting=True)
    meta = page_metadata(tree, data)
    tree.strip_tags(list(DROPPED_TAGS))
    quotes, art = _quotes_and_article(tree.body, meta)
    return Page(
        title=art.title or meta.title,
        section=art.section or meta.section,
        published=art.published or meta.published,
        saved=document.saved,
        byline=art.byline,
        source_url=document.source_url or meta.source_url,
        summary=art.summary,
        quotes=tuple(quotes),
        paragraphs=tuple(art.paragraphs),
        related=tuple(art.related),
        images=_images(art, document.resources),
        format=document.format,
        encoding=document.encoding,
    )


def _quotes_and_article(body: LexborNode | None, meta: Metadata) -> tuple[list[Quote], Article]:
    found = _quotes(body) if body is not None else FoundQuotes()
    art = _article(body, meta, found.used)
    if art.paragraphs and found.is_market_page(art.paragraphs):
        art.paragraphs, art.related = [], []  # a Market Watch page: the sentences around its table describe it
    return list(found.quotes), art


def _quotes(body: LexborNode) -> FoundQuotes:
    """The body's quotes. A strip read quickly item by item (see ``quote_lines``) stands only when every item
    gave a quote that its own text (sign, word or arrow) or its own class directs; else the body is read again
    with every part laid out."""
    lines = quote_lines(body)
    found = find_quotes(lines.lines)
    if lines.quick and (lines.quick - found.lines or found.unstated & lines.quick):
        found = find_quotes(quote_lines(body, quick=False).lines)
    return found


def _article(body: LexborNode | None, meta: Metadata, used: frozenset[str]) -> Article:
    """The article, passing over the lines in ``used`` (the lines quotes were read from)."""
    best = article_region(body) if body is not None else None
    region = widen(best) if best is not None else None
    if body is not None and best is not None and region is not None:
        article_lines = region_lines(region_markup(region, best)[:MAX_REGION_CHARS])
        h1 = region.css_first("h1")
        hint = " ".join(h1.text().split()) if h1 is not None else None
        kept = [line for line in article_lines if line.text not in used] if used else article_lines
        return build_article(kept, hint or meta.title, html=True)
    lines = text_lines(body.html or "" if body is not None else "")[:MAX_ARTICLE_LINES * 2]
    rest = [text for text in lines if text not in used][:MAX_ARTICLE_LINES]
    return build_article([Line(text[:MAX_LINE_CHARS]) for text in rest], meta.title)


def _images(art: Article, resolve: Resolver | None) -> tuple[Image, ...]:
    found: list[Image] = []
    for line, after, caption in art.images:
        if len(found) >= images.MAX_IMAGES:
            break
        src = images.image_source(line.attrs)
        src = htmllib.unescape(src) if "&" in src else src
        data = images.from_data_uri(src) if src.startswith("data:") else (resolve(src) if resolve else None)
        ok = images.checked(data)
        if ok is None:
            continue
        media, payload = ok
        source = "inline" if src.startswith("data:") else src[:2000]
        found.append(Image(f"img-{len(found)}", media, payload, caption or line.text or None, source, after))
    return tuple(found)
