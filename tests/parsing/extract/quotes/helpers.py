"""Small helpers for the quote tests: text lines to quotes by symbol, and HTML markup to quotes."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsing.extract.html_page import _quotes
from parsing.extract.quotes import find_quotes
from parsing.html.layout import copy_lines
from parsing.model import Quote


def quotes_of(text: str) -> dict[str, Quote]:
    """The quotes of a text copy, by symbol."""
    return {quote.symbol: quote for quote in find_quotes(copy_lines(text)).quotes}


def html_quotes(markup: str) -> list[Quote]:
    """The quotes of an HTML page, read the way parsing does (the body's parts with figures, laid out)."""
    body = LexborHTMLParser(markup).body
    return list(_quotes(body).quotes) if body is not None else []
