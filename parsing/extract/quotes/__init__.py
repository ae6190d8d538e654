"""Quotes in any markup: quote tables (by their header) and strips of repeated items (by their grammar).

One line-based finder serves every saved form: HTML is laid out into lines with table cells joined by tabs and
the direction a class name states put in as a mark (``parsing.html.layout.cell_lines``); a text copy already
is such lines. ``find_quotes`` returns the quotes with the lines they used; see ``FoundQuotes``.
"""

from __future__ import annotations

from parsing.extract.quotes.finder import FoundQuotes, find_quotes, plain_line
from parsing.model import Quote

__all__ = ["FoundQuotes", "find_quotes", "parse_quote_line", "plain_line"]


def parse_quote_line(line: str) -> Quote | None:
    """The quote of one line read alone (``OGDC 213.07 Decreased By ▼ -13.70 (-6.04%)``), else None."""
    quotes = find_quotes([line]).quotes
    return quotes[0] if len(quotes) == 1 else None
