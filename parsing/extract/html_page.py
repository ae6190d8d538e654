"""An HTML Document to a Page (one lexbor parse): metadata, the quotes, the article and its images.

The head's metadata (JSON-LD included) is read before script and style are stripped. Then the contract between
the quotes and the article, the same in ``text_page``:
- the quote finder runs first (over the body's parts that hold figures, ``quote_lines``) and gives a
  ``FoundQuotes``;
- the article extractor gets ``FoundQuotes.used``, a frozenset of the texts of every line a quote was read
  from (whitespace collapsed to single spaces, direction marks removed; a table row's text and each of its
  cells'), and passes over every block whose text is in it, so no quote table or strip line becomes a
  paragraph, a related link or the title;
- when ``FoundQuotes.is_market_page(paragraphs)`` says the quote tables are the page (a Market Watch page),
  the page keeps its title and has no paragraphs or related links.
The quote side reads nothing from the article side.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing.extract.article import Article, extract_article
from parsing.extract.metadata import HeadMeta, read_head
from parsing.extract.quotes import FoundQuotes, find_quotes
from parsing.html import images
from parsing.html.layout import MARK_DOWN, MARK_FLAT, MARK_UP, class_mark
from parsing.html.quote_lines import quote_lines
from parsing.html.shape import check_shape
from parsing.model import Document, Image, Page, Quote, Resolver
from parsing.sites.vocabulary import DROPPED_TAGS


def parse_html(document: Document) -> Page:
    """The Page in an HTML document; the container's source URL and saved time win over the page's own."""
    data = document.markup or b""
    check_shape(data)
    tree = LexborHTMLParser(data, scripting=True)
    scripts = tree.tags("script")
    meta = read_head(tree, data[:4096], scripts)
    for script in scripts:  # (as strip_tags would, without another pass over the tree)
        script.decompose(recursive=False)
    _drop_svgs(tree)
    tree.strip_tags([tag for tag in DROPPED_TAGS if tag not in ("script", "svg")])
    quotes, art = _quotes_and_article(tree.body, meta)
    return Page(
        title=art.title,
        section=art.section,
        published=art.published,
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


_MARK_CLASS = {MARK_UP: "up", MARK_DOWN: "down", MARK_FLAT: "flat"}
MAX_USE_CHILDREN = 3  # children of an <svg> looked at for a <use> naming its icon


def _drop_svgs(tree: LexborHTMLParser) -> None:
    """Drop every inline SVG (as ``strip_tags`` would, in the same one pass); one whose class or ``<use>`` names a
    direction (``<svg class="icon-arrow-down">``, ``<use href="#caret-up">``), an arrow drawn with no text, is put
    back as an empty element with a class the layout marks, as an icon font's ``<i class="fa fa-caret-down">``."""
    for svg in tree.tags("svg"):
        mark = class_mark(svg.attributes.get("class") or "")
        if not mark:
            for n, child in enumerate(svg.iter()):
                if n == MAX_USE_CHILDREN:
                    break
                if child.tag == "use":
                    href = child.attributes.get("href") or child.attributes.get("xlink:href") or ""
                    mark = class_mark(href.lstrip("#").replace(".", " "))
                    break
        arrow = LexborHTMLParser(f'<i class="{_MARK_CLASS[mark]}"></i>').css_first("i") if mark else None
        if arrow is not None:
            svg.replace_with(arrow)
        else:
            svg.decompose(recursive=False)


def _quotes_and_article(body: LexborNode | None, meta: HeadMeta) -> tuple[list[Quote], Article]:
    found = _quotes(body) if body is not None else FoundQuotes()
    art = extract_article(body, meta, found.used)
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


def _images(art: Article, resolve: Resolver | None) -> tuple[Image, ...]:
    found: list[Image] = []
    for image in art.images:
        if len(found) >= images.MAX_IMAGES:
            break
        src = image.src
        data = images.from_data_uri(src) if src.startswith("data:") else (resolve(src) if resolve else None)
        ok = images.checked(data)
        if ok is None:
            continue
        media, payload = ok
        source = "inline" if src.startswith("data:") else src[:2000]
        caption = image.caption or image.alt or None
        found.append(Image(f"img-{len(found)}", media, payload, caption, source, image.after_paragraph))
    return tuple(found)
