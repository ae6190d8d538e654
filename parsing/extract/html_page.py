"""An HTML Document to a Page (one lexbor parse): metadata, the ticker, the article and its images.

The head's metadata (JSON-LD included) is read before script and style are stripped; the article extractor
then walks the body once. ``extract_article`` passes over the lines named in its ``skip`` argument: the
quote lines of the ticker, so that no strip or quote table becomes a paragraph or the title.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing.extract.article import Article, extract_article
from parsing.extract.metadata import HeadMeta, read_head
from parsing.extract.ticker import body_quotes
from parsing.html import images
from parsing.html.shape import check_shape
from parsing.model import Document, Image, Page, Quote, Resolver
from parsing.sites.vocabulary import DROPPED_TAGS


def parse_html(document: Document) -> Page:
    """The Page in an HTML document; the container's source URL and saved time win over the page's own."""
    data = document.markup or b""
    check_shape(data)
    tree = LexborHTMLParser(data, scripting=True)
    meta = read_head(tree, data[:4096])
    tree.strip_tags(list(DROPPED_TAGS))
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


def _quotes_and_article(body: LexborNode | None, meta: HeadMeta) -> tuple[list[Quote], Article]:
    """The ticker's quotes and the article; sentences of the story are never read as quotes.

    A page with a ticker and no story region, whose article would be its loose lines of text, is a page of
    quotes: it has no paragraphs.
    """
    art = extract_article(body, meta)
    if body is None:
        return [], art
    quotes = body_quotes(body, {*art.paragraphs, art.title or ""})
    if quotes and art.source == "lines":
        art.paragraphs = []
    return quotes, art


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
