"""A text Document (select-all and copy from a browser) to a Page.

The quote finder reads the copy's lines (cells of a table row are tab-separated); the article builder then reads
every line and passes over those whose text is in ``FoundQuotes.used``, so a story may start right after the
ticker and no quote table or strip line becomes a paragraph or the title (the contract is described in
``html_page``).
"""

from __future__ import annotations

from parsing.extract.article import Article
from parsing.extract.article.assemble import is_sentence
from parsing.extract.quotes import find_quotes, plain_line
from parsing.extract.textcopy import build_text_article
from parsing.html.layout import copy_lines
from parsing.limits import MAX_LINE_CHARS
from parsing.model import Document, Page

MAX_HEADING_WORDS = 8


def parse_text(document: Document) -> Page:
    """Quotes from every strip and quote table; the article from the lines they did not use."""
    lines = copy_lines(document.text or "")
    found = find_quotes(lines)
    plain: list[str] = []
    rows: list[int] = []  # lines with cells apart: a table's rows
    for line in lines:
        text = plain_line(line[:MAX_LINE_CHARS])
        if text:
            if "\t" in line.strip():
                rows.append(len(plain))
            plain.append(text)
    art = build_text_article(plain, found.used, rows)
    if art.paragraphs and found.is_market_page(art.paragraphs):
        _as_market_page(art, [text for text in plain if text not in found.used])
    return Page(
        title=art.title,
        section=art.section,
        published=art.published,
        saved=document.saved,
        byline=art.byline,
        source_url=document.source_url,
        summary=art.summary,
        quotes=found.quotes,
        paragraphs=tuple(art.paragraphs),
        related=tuple(art.related),
        format=document.format,
        encoding=document.encoding,
    )


def _as_market_page(art: Article, lines: list[str]) -> None:
    """A Market Watch page: no article (no paragraphs, no related links); its title is the heading right above
    the sentences that describe it, when there is one."""
    first = lines.index(art.paragraphs[0]) if art.paragraphs[0] in lines else -1
    above = lines[first - 1] if first > 0 else ""
    if above and len(above.split()) <= MAX_HEADING_WORDS and not is_sentence(above):
        art.title, art.section = above, None
    art.paragraphs, art.related = [], []
