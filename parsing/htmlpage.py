"""HTML (one selectolax parse) to a Page: metadata, ticker from the rendered text, the article region."""

from __future__ import annotations

import html as htmllib
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing import images
from parsing.article import Article, build_article, clean_title, iso_date
from parsing.layout import Line, region_lines, text_lines
from parsing.model import Format, Image, Page, Quote
from parsing.quotes import MAX_SPLIT_LINES, find_quotes, strict_strip
from parsing.shape import check_shape
from parsing.sitenames import BOILERPLATE_TAGS, BOILERPLATE_WORDS, DROPPED_TAGS, MODIFIER_CLASS
from parsing.textcopy import prose_before

MIN_PARAGRAPH_CHARS = 25
MAX_LINE_CHARS = 20_000  # no paragraph is longer; keeps later passes cheap on hostile pages
MAX_ARTICLE_LINES = 20_000
MAX_REGION_CHARS = 4_000_000

_SAVED_FROM = re.compile(r"<!-- ?saved from url=\(\d{1,5}\)\s?([^\s>]{1,2000}) ?-->", re.I)
_QUOTE_WORD = re.compile(r"Increased By|Decreased By|No Change")
_BLOCK_BOUNDARY = re.compile(r"<(?:div|li|tr|p|br|ul|ol|section|table)\b")
_SITE_HEADING = re.compile(r"logo|brand|masthead|site-?(?:header|title|name)", re.I)
_LD_DATE = re.compile(r'"datePublished"\s{0,5}:\s{0,5}"([^"]{4,40})"')

_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url")

Resolver = images.Resolver


def parse_html(
    data: bytes, encoding: str, resolve: Resolver | None = None, fmt: Format = "html",
    source_url: str | None = None, saved: str | None = None,
) -> Page:
    """Parse UTF-8 page bytes.

    ``source_url`` and ``saved`` come from a container (MHTML headers) and win over the page's own.
    """
    check_shape(data)
    tree = LexborHTMLParser(data, scripting=True)
    meta = _metadata(tree, data)
    tree.strip_tags(list(DROPPED_TAGS))
    body = tree.body
    quotes, art = _quotes_and_article(body, meta)
    return Page(
        title=art.title or meta["title"],
        section=art.section or meta["section"],
        published=art.published or meta["published"],
        saved=saved,
        byline=art.byline,
        source_url=source_url or meta["source_url"],
        summary=art.summary,
        quotes=tuple(quotes),
        paragraphs=tuple(art.paragraphs),
        related=tuple(art.related),
        images=_images(art, resolve),
        format=fmt,
        encoding=encoding,
    )


def _quotes_and_article(body: LexborNode | None, meta: dict) -> tuple[list[Quote], Article]:
    best = _article_region(body) if body is not None else None
    region = _widen(best) if best is not None else None
    if body is not None and best is not None and region is not None:
        article_lines = region_lines(_region_markup(region, best)[:MAX_REGION_CHARS])
        quotes = body_quotes(body, {line.text for line in article_lines})
        h1 = region.css_first("h1")
        hint = " ".join(h1.text().split()) if h1 is not None else None
        return quotes, build_article(article_lines, hint or meta["title"], html=True)
    lines = text_lines(body.html or "" if body is not None else "")[:MAX_ARTICLE_LINES * 2]
    quotes, start, end = find_quotes(lines)
    if prose_before(lines, start):
        quotes = []  # quote-like lines after prose are article text
    rest = lines[:MAX_ARTICLE_LINES] if not quotes else (lines[:start] + lines[end:])[:MAX_ARTICLE_LINES]
    return quotes, build_article([Line(t[:MAX_LINE_CHARS]) for t in rest], meta["title"])


def body_quotes(body: LexborNode, article: set[str]) -> list[Quote]:
    """The ticker, serializing the body's children one by one only until the strip is found."""
    children = list(body.iter())
    n = 0
    while n < len(children):
        n += 1
        if _QUOTE_WORD.search(children[n - 1].text() or "") is None:
            continue  # text() is much cheaper than serializing
        quotes, open_end = _item_quotes(children[n - 1], article)
        markup = ""
        if not quotes:
            markup = children[n - 1].html or ""
            quotes, open_end = ticker_quotes(markup, article)
        while open_end and n < len(children) and _starts_with_quote(children[n]):
            markup = (markup or children[n - 1].html or "") + (children[n].html or "")  # the strip goes on
            n += 1
            quotes, open_end = ticker_quotes(markup, article)
        if quotes:
            return quotes
    return []


def _item_quotes(container: LexborNode, article: set[str]) -> tuple[list[Quote], bool]:
    """Fast path for the usual strip, one element per quote: read each item's text without a layout pass.

    Gives up (empty list) unless every item that holds a quote word reads as quotes.
    """
    node, kids = container, []
    for _ in range(12):
        kids = list(node.iter())
        if len(kids) != 1:
            break
        node = kids[0]
    if not 2 <= len(kids) <= 2_000:
        return [], False
    # The grammar allows whitespace runs inside; the separator keeps block pieces of an item apart.
    lines = [(kid.text(separator=" ") or "").strip() for kid in kids]
    quotes = strict_strip(lines, article)
    return quotes, bool(quotes) and _QUOTE_WORD.search(lines[-1]) is not None


def _starts_with_quote(node: LexborNode) -> bool:
    """Whether the element's first 300 characters of text hold a quote word."""
    head = ""
    for index, child in enumerate(node.traverse(include_text=True)):
        if child.is_text_node:
            head += child.text_content or ""
            if len(head.strip()) >= 300:
                break
        if index > 200:
            break
    return _QUOTE_WORD.search(head.lstrip()[:300]) is not None


def ticker_quotes(markup: str, article: set[str]) -> tuple[list[Quote], bool]:
    """Quotes from the rendered text, laid out only around the strip (the first run of quote lines).

    Also says whether the strip runs to the very end of ``markup`` (it may go on after it).
    """
    word = _QUOTE_WORD.search(markup)
    size = 12_288
    while word is not None:
        begin = word.start()
        for _ in range(MAX_SPLIT_LINES):  # the symbol and price may sit in blocks of their own before the word
            begin = _line_start(markup, begin)
        stop = word.start() + size
        lines = text_lines(markup[begin:stop])
        quotes, _first, end = find_quotes(lines, article)
        if quotes and end == len(lines) and stop < len(markup):
            size *= 4  # the strip runs on past this window: lay out more of it
            continue
        if quotes or stop >= len(markup):
            return quotes, bool(quotes) and end == len(lines)
        word = _QUOTE_WORD.search(markup, stop)
    return [], False


def _line_start(markup: str, pos: int) -> int:
    """A block tag at or before ``pos`` (where a rendered line starts), close to it."""
    for back in (1_500, 12_000):
        last = None
        for last in _BLOCK_BOUNDARY.finditer(markup, max(0, pos - back), pos):  # noqa: B007
            pass
        if last is not None:
            return last.start()
    return 0


def _metadata(tree: LexborHTMLParser, data: bytes) -> dict:
    fields: dict[str, str] = {}
    head = tree.head
    for node in head.css("meta, link") if head is not None else ():
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or ("rel:" + (attrs.get("rel") or ""))
        value = attrs.get("content") or attrs.get("href")
        if key and value and value.strip() and key.lower() not in fields:
            fields[key.lower()] = value.strip()
    title_node = tree.css_first("title")
    saved_from = _SAVED_FROM.search(data[:4096].decode("utf-8", "replace"))
    published = fields.get("article:published_time") or fields.get("publish-date") or _ld_date(tree)
    return {
        "title": clean_title(fields.get("og:title") or (title_node.text() if title_node else None)),
        "section": fields.get("article:section"),
        "published": iso_date(published) if published else _time_date(tree),
        "source_url": (htmllib.unescape(saved_from.group(1)) if saved_from else None)
        or fields.get("rel:canonical") or fields.get("og:url"),
    }


def _ld_date(tree: LexborHTMLParser) -> str | None:
    for node in tree.css('script[type="application/ld+json"]')[:10]:
        match = _LD_DATE.search(node.text() or "")
        if match:
            return match.group(1)
    return None


def _time_date(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("time[datetime]")
    return iso_date(node.attributes.get("datetime")) if node is not None else None


def _article_region(body: LexborNode) -> LexborNode | None:
    """The element holding the largest cluster of paragraph text (the caller widens it).

    Candidates inside navigation, sidebars, share bars and the like are passed over.
    """
    by_parent: dict[int, list] = {}
    for p in body.css("p"):
        size = len(p.text(strip=True))
        parent = p.parent if size >= MIN_PARAGRAPH_CHARS else None
        if parent is not None:
            entry = by_parent.setdefault(parent.mem_id, [parent, 0])
            entry[1] += size
    scores = {key: [node, size] for key, (node, size) in by_parent.items()}
    for parent, size in by_parent.values():
        grand = parent.parent
        if grand is not None:
            entry = scores.setdefault(grand.mem_id, [grand, 0])
            entry[1] += size / 2
    ranked = sorted(scores.values(), key=lambda e: e[1], reverse=True)
    for node, _score in ranked[:12]:
        if not _in_boilerplate(node):
            return node
    return None


def _in_boilerplate(node: LexborNode | None) -> bool:
    steps = 0
    while node is not None and steps < 30 and node.tag not in ("body", "html"):
        if node.tag in BOILERPLATE_TAGS:
            return True
        attrs = node.attributes
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".split()
        marks = " ".join(mark for mark in marks if not MODIFIER_CLASS.search(mark))
        if marks and BOILERPLATE_WORDS.search(marks):
            return True
        if node.tag in ("article", "main"):
            return False  # the story's own container: what wraps it says nothing about its text
        node, steps = node.parent, steps + 1
    return False


def _region_markup(region: LexborNode, best: LexborNode) -> str:
    """The region's markup; when it was widened to reach the <h1>, cut after the story's own container.

    What follows the parent of the paragraphs' element in a wider region is another column (a sidebar
    beside the story under a shared headline), not the story.
    """
    markup = region.html or ""
    parent = best.parent
    if region.tag == "article" or parent is None or parent.mem_id == region.mem_id or best.mem_id == region.mem_id:
        return markup
    inner = parent.html or ""
    at = markup.find(inner) if inner else -1
    return markup if at < 0 else markup[: at + len(inner)]


def _widen(node: LexborNode) -> LexborNode:
    current = node
    for _ in range(4):
        if current.tag == "article" or _story_heading(current):
            return current
        parent = current.parent
        if parent is None or parent.tag in ("body", "html"):
            break
        current = parent
    return node


def _story_heading(node: LexborNode) -> bool:
    """Whether the element holds an <h1> that is not the site's logo or masthead."""
    for h1 in node.css("h1")[:3]:
        anchor, steps, site = h1, 0, False
        while anchor is not None and steps < 8 and not site:
            attrs = anchor.attributes
            marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
            site = anchor.tag == "nav" or _SITE_HEADING.search(marks) is not None
            if anchor.mem_id == node.mem_id:
                break
            anchor, steps = anchor.parent, steps + 1
        if not site:
            return True
    return False


def _image_source(attrs: dict[str, str]) -> str:
    """The image's address: a lazy-loading attribute wins over an empty or inline placeholder src."""
    src = (attrs.get("src") or "").strip()
    if not src or src.startswith("data:"):
        for key in _LAZY_SOURCES:
            lazy = (attrs.get(key) or "").strip()
            if lazy:
                return lazy
    return src


def _images(art: Article, resolve: Resolver | None) -> tuple[Image, ...]:
    found: list[Image] = []
    for line, after, caption in art.images:
        if len(found) >= images.MAX_IMAGES:
            break
        src = _image_source(line.attrs)
        src = htmllib.unescape(src) if "&" in src else src
        data = images.from_data_uri(src) if src.startswith("data:") else (resolve(src) if resolve else None)
        ok = images.checked(data)
        if ok is None:
            continue
        media, payload = ok
        source = "inline" if src.startswith("data:") else src[:2000]
        found.append(Image(f"img-{len(found)}", media, payload, caption or line.text or None, source, after))
    return tuple(found)

