"""Text copies (select-all and copy from a browser) to a Page."""

from __future__ import annotations

from collections.abc import Sequence

from parsing.article import build_article, date_line
from parsing.layout import Line
from parsing.model import Page
from parsing.quotes import find_quotes

PROSE_WORDS = 12
MAX_LINE_CHARS = 20_000  # longer lines are cut: no paragraph is that long, and later passes stay cheap


def prose_before(lines: Sequence[str], start: int) -> bool:
    """Whether a line of prose comes before line ``start`` (so quote-like lines there are article text)."""
    return any(len(line.split()) >= PROSE_WORDS for line in lines[:max(start, 0)])


def parse_text(text: str, encoding: str) -> Page:
    """Quotes are the first run of ticker lines; the article is read from the lines after it."""
    lines = [" ".join(line[:MAX_LINE_CHARS].split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    quotes, start, end = find_quotes(lines)
    if prose_before(lines, start) or any(date_line(line) for line in lines[: max(start, 0)]):
        quotes, end = [], -1  # the "ticker" sits inside the article: numbers in the story are not quotes
    rest = lines[end:] if end > 0 else lines
    art = build_article([Line(text) for text in rest])
    return Page(
        title=art.title,
        section=art.section,
        published=art.published,
        byline=art.byline,
        summary=art.summary,
        quotes=tuple(quotes),
        paragraphs=tuple(art.paragraphs),
        related=tuple(art.related),
        format="text",
        encoding=encoding,
    )
