"""A text Document (select-all and copy from a browser) to a Page."""

from __future__ import annotations

from parsing.extract.quotes import find_quotes, quotes_after_prose
from parsing.extract.textcopy import build_article, date_line
from parsing.html.layout import Line
from parsing.limits import MAX_LINE_CHARS
from parsing.model import Document, Page


def parse_text(document: Document) -> Page:
    """Quotes are the first run of ticker lines; the article is read from the lines after it."""
    text = document.text or ""
    lines = [" ".join(line[:MAX_LINE_CHARS].split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    quotes, start, end = find_quotes(lines)
    if quotes_after_prose(lines, start) or any(date_line(line) for line in lines[: max(start, 0)]):
        quotes, end = [], -1  # the "ticker" sits inside the article: numbers in the story are not quotes
    rest = lines[end:] if end > 0 else lines
    art = build_article([Line(text) for text in rest])
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
