"""Flat, escaped HTML for the article panel, built from the stored article alone (never the page's own markup)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from desktop.library.formatting import date_text
from desktop.library.mentions import mention_pattern, split_mentions
from desktop.library.records import StoredArticle
from desktop.library.state import count_words, reading_minutes

SYMBOL_SCHEME = "symbol"  # links to a symbol's history
IMAGE_SCHEME = "mr-img"  # our own names; the panel resolves them from memory, never from disk or network
MIN_REPEAT = 20  # a summary this long that opens the first paragraph is not shown twice
MAX_TEXT = 2_000_000  # characters of body text given to the panel; past this the article is cut with a note


def image_url(name: str) -> str:
    return f"{IMAGE_SCHEME}:{name}"


def _comparable(text: str) -> str:
    return " ".join(text.casefold().split())


def shown_summary(article: StoredArticle) -> str | None:
    """The summary to show above the story, or None when it only repeats the story's opening (a page's
    description is often its first paragraph cut short with an ellipsis)."""
    summary = (article.summary or "").strip()
    if not summary or not article.paragraphs:
        return summary or None
    head = _comparable(re.sub(r"[.…\s]+$", "", summary))  # without the ellipsis that cut it short
    first = _comparable(article.paragraphs[0])
    return None if len(head) >= MIN_REPEAT and first.startswith(head) else summary


def article_html(
    article: StoredArticle, image_widths: dict[str, int] | None = None, symbols: Iterable[str] = (),
    image_src: Callable[[str], str] = image_url,
) -> str:
    """The whole article as flat blocks: no tables, no nesting deeper than a list, every text escaped.

    Mentions of ``symbols`` (and their company names) become ``symbol:`` links the panel handles itself.
    ``image_src`` gives each image's address (exports embed the bytes or name a file in the package);
    the markup is well-formed XML as well as HTML, so an EPUB chapter can hold it as it is.
    """
    widths = image_widths or {}
    mentions = mention_pattern(symbols)
    page = article.page
    parts = [_header(article)]
    summary = shown_summary(article)
    if summary:
        parts.append(f'<p class="summary"><i>{escape(summary)}</i></p>')
    images_after: dict[int, list[str]] = {}
    for image in article.images:
        block = _image_block(image_src(image.name), image.caption, widths.get(image.name))
        images_after.setdefault(image.after_paragraph, []).append(block)
    used = 0
    for number, paragraph in enumerate(article.paragraphs):
        parts.extend(images_after.pop(number, []))
        if used + len(paragraph) > MAX_TEXT:
            parts.append("<p><i>The rest of this article is too long to show.</i></p>")
            break
        used += len(paragraph)
        parts.append(f"<p>{_linked(paragraph, mentions)}</p>")
    for blocks in images_after.values():
        parts.extend(blocks)
    if not article.paragraphs and not page.title:
        parts.append('<p class="note">This page has quotes but no article.</p>')
    if article.related:
        items = "".join(f"<li>{escape(title)}</li>" for title in article.related)
        parts.append(f"<h3>Related stories</h3><ul>{items}</ul>")
    return "\n".join(parts)


def _linked(text: str, mentions: tuple[re.Pattern[str], dict[str, str]] | None) -> str:
    return "".join(
        f'<a href="{SYMBOL_SCHEME}:{escape(symbol, quote=True)}">{escape(piece)}</a>' if symbol else escape(piece)
        for piece, symbol in split_mentions(text, mentions)
    )


def _header(article: StoredArticle) -> str:
    page = article.page
    lines = []
    if page.section:
        lines.append(f'<p class="section"><b>{escape(page.section.upper())}</b></p>')
    # a page without a title is named by its file, as in the list, the window title and the exports
    lines.append(f"<h1>{escape(page.title or page.file_name or 'Untitled page')}</h1>")
    minutes = reading_minutes(count_words(article.paragraphs))  # the same figure as the list's tooltip
    read = f"{minutes} min read" if minutes else ""
    meta = [escape(m) for m in (date_text(page.published), read, article.byline) if m]
    if page.source_url and page.source_url.lower().startswith(("http://", "https://")):
        meta.append(f'<a href="{escape(page.source_url, quote=True)}">Open original page</a>')
    if meta:
        lines.append(f'<p class="meta">{" · ".join(meta)}</p>')
    return "\n".join(lines)


def _image_block(src: str, caption: str | None, width: int | None) -> str:
    size = f' width="{width}"' if width else ""
    alt = escape(caption or "", quote=True)
    block = f'<p class="image" align="center"><img src="{escape(src, quote=True)}" alt="{alt}"{size} /></p>'
    if caption:
        block += f'<p class="caption" align="center"><small>{escape(caption)}</small></p>'
    return block
