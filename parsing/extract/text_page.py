"""A text Document (select-all and copy from a browser) to a Page.

The ticker's lines are found first; the article builder then reads every line and passes over the ticker's
(``build_text_article``'s ``skip``), so a story may start right after the ticker and no quote line becomes
a paragraph or the title.
"""

from __future__ import annotations

from parsing.extract.dates import dateline
from parsing.extract.quotes import find_quotes, quotes_after_prose
from parsing.extract.textcopy import build_text_article
from parsing.limits import MAX_LINE_CHARS
from parsing.model import Document, Page


def parse_text(document: Document) -> Page:
    """Quotes are the first run of ticker lines; the article is read from the other lines."""
    text = document.text or ""
    lines = [" ".join(line[:MAX_LINE_CHARS].split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    quotes, start, end = find_quotes(lines)
    if quotes_after_prose(lines, start) or any(dateline(line) for line in lines[: max(start, 0)]):
        quotes, start, end = [], -1, -1  # the "ticker" sits inside the article: numbers in the story are not quotes
    art = build_text_article(lines, set(lines[start:end]) if quotes else ())
    return Page(
        title=art.title,
        section=art.section,
        published=art.published,
        saved=document.saved,
        byline=art.byline,
        source_url=document.source_url,
        summary=art.summary,
        quotes=tuple(quotes),
        paragraphs=tuple(art.paragraphs),
        related=tuple(art.related),
        format=document.format,
        encoding=document.encoding,
    )
