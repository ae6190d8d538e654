"""Small helpers for the quote tests: text lines to quotes by symbol, and HTML markup to quotes."""

from __future__ import annotations

import parsing
from parsing.extract.quotes import find_quotes
from parsing.html.layout import copy_lines
from parsing.model import Quote


def quotes_of(text: str) -> dict[str, Quote]:
    """The quotes of a text copy, by symbol."""
    return {quote.symbol: quote for quote in find_quotes(copy_lines(text)).quotes}


def html_quotes(markup: str) -> list[Quote]:
    """The quotes of an HTML page (a fragment is put in a page first), read as any saved page is."""
    page = markup if markup.lstrip().startswith("<html") else f"<!DOCTYPE html><html><body>{markup}</body></html>"
    return list(parsing.parse_bytes(page.encode("utf-8"), "page.html").quotes)
