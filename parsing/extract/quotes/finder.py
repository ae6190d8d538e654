"""The quote finder: tables first, strips on the other lines, each symbol once (a table row wins).

What it returns is the contract with the article side: the quotes, and the text of every line they were read
from (``FoundQuotes.used``), so that no quote table or strip line ever becomes a paragraph or the title.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from parsing.extract.quotes.strips import strip_quotes
from parsing.extract.quotes.tables import Table, find_tables
from parsing.html.layout import MARKS
from parsing.model import Quote
from parsing.sites.vocabulary import NOT_PSX_SYMBOLS

MARKET_PAGE_ROWS = 50  # quote-table rows from which a page can be a market page
MARKET_PAGE_RATIO = 4  # ... when its tables hold this many times the text of its paragraphs
_MARK_CHARS = re.compile(f"[{MARKS}]")
# Characters a page may print inside figures that the grammar does not read: invisible ones (zero-width
# characters, the soft hyphen, direction marks, embeddings and isolates, which right-to-left pages put around
# figures), left out; Arabic-Indic and Eastern Arabic-Indic digits with the Arabic decimal, thousands and percent
# signs, read as ASCII digits, ".", "," and "%".
_INVISIBLE = "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
_UNREAD = re.compile(f"[{_INVISIBLE}\u0660-\u066c\u06f0-\u06f9]")
_AS_READ = str.maketrans({
    **dict.fromkeys([0x00AD, 0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x206A), 0xFEFF],
                    None),
    **{0x0660 + n: str(n) for n in range(10)}, **{0x06F0 + n: str(n) for n in range(10)},
    0x066A: "%", 0x066B: ".", 0x066C: ",",
})


@dataclass(frozen=True, slots=True)
class FoundQuotes:
    """The quotes of a page and what they took from it.

    ``used`` holds the text of each line a quote was read from, whitespace collapsed (a table row's text, and
    the text of each of its cells, since some layouts put every cell on a line of its own; a table of other
    rates gives its lines too, though no quote): the article builder passes over lines whose text is in it.
    ``table_rows`` and ``table_chars`` measure the quote tables; ``lines`` holds the indices of those lines,
    and ``unstated`` the indices of strip lines whose direction only a class gave (or nothing did).
    """

    quotes: tuple[Quote, ...] = ()
    used: frozenset[str] = frozenset()
    table_rows: int = 0
    table_chars: int = 0
    unstated: frozenset[int] = frozenset()
    lines: frozenset[int] = frozenset()

    def is_market_page(self, paragraphs: Sequence[str]) -> bool:
        """Whether the quote tables are the page and the few sentences around them only describe them.

        A Market Watch page (hundreds of rows under a line or two about the session) has no article; a market
        report with a sector table, or a story under a ticker strip, keeps its paragraphs.
        """
        if self.table_rows < MARKET_PAGE_ROWS:
            return False
        return self.table_chars >= MARKET_PAGE_RATIO * sum(len(text) for text in paragraphs)


def find_quotes(lines: Sequence[str]) -> FoundQuotes:
    """Every quote in laid-out lines (an HTML layout or a text copy), in page order, each symbol once (a strip
    item printed again with other numbers is flagged: see ``_repeated``).

    Lines are stripped, with cells of a table row joined by a tab and class direction marks where the layout
    put them; ``quote_lines.BREAK`` and ``STORY`` lines stand for parts of a page that were not laid out, and
    no strip or table spans them. Currencies, crypto coins and commodities (``NOT_PSX_SYMBOLS``) are read and
    their lines used, but they give no quote. When a strip and a table both quote a symbol, the table row is
    kept (it carries more fields, and a strip may lag the table); between two tables, the row with more fields.
    Figures in other digits or with zero-width characters inside are read as ``_UNREAD`` says.
    """
    read = _readable(lines)
    tables = find_tables(read)
    table_lines: set[int] = set()
    for table in tables:
        table_lines.update(table.lines)
    strips = strip_quotes(read, table_lines)
    merged: dict[str, Quote] = {}
    for quote in strips.quotes:
        key = _key(quote.symbol)
        first = merged.setdefault(key, quote)
        if first is not quote and not _agree(first, quote):
            merged[key] = _repeated(first, quote)
    from_tables: set[str] = set()
    for table in tables:
        for quote in table.quotes:
            key = _key(quote.symbol)
            old = merged.get(key)
            if old is None or key not in from_tables or quote.extra_fields() > old.extra_fields():
                merged[key] = quote
                from_tables.add(key)
    used_lines = sorted(table_lines | strips.lines)
    return FoundQuotes(
        tuple(quote for key, quote in merged.items() if key not in NOT_PSX_SYMBOLS),
        _used_texts(lines[n] for n in used_lines),
        sum(len(table.quotes) for table in tables),
        sum(_table_chars(lines, table) for table in tables if table.quotes),
        frozenset(strips.unstated),
        frozenset(used_lines),
    )


def _agree(one: Quote, other: Quote) -> bool:
    """Whether two quotes of a symbol give the same figures, but for rounding: each pair within half a unit of
    the last digit of the one printed with fewer decimals (an index printed in whole points in one strip and to
    two decimals in another agrees)."""
    for a, b in ((one.price, other.price), (one.change, other.change), (one.percent, other.percent)):
        if abs(a - b) > 0.5 * 10.0 ** -min(_places(a), _places(b)) + 1e-9:
            return False
    return True


def _places(value: float) -> int:
    """The decimals a value needs (``145.2`` one, ``118427.0`` none), at most six."""
    return next((places for places in range(6) if round(value, places) == value), 6)


def _repeated(first: Quote, again: Quote) -> Quote:
    """A strip quote that the page prints again with other numbers (a scrolling copy refreshed apart, a mobile
    strip lagging): the first stands, flagged with what the other copy says."""
    said = f"the page also prints {again.price:g} {again.change:+g} ({again.percent:+.2f}%)"
    return replace(first, flag=f"{first.flag}; {said}" if first.flag else said)


def _readable(lines: Sequence[str]) -> Sequence[str]:
    """The lines as the grammar reads them (see ``_UNREAD``); the lines themselves when none needs it, the usual
    case, which one scan over all the lines tells. The lines a quote used are reported as printed."""
    if _UNREAD.search("\n".join(lines)) is None:
        return lines
    odd = [n for n, line in enumerate(lines) if not line.isascii() and _UNREAD.search(line) is not None]
    read = list(lines)
    for n in odd:
        read[n] = read[n].translate(_AS_READ)
    return read


def plain_line(text: str) -> str:
    """A line as the article side compares it: class marks removed, cells and spaces collapsed to one space."""
    if _MARK_CHARS.search(text):
        text = _MARK_CHARS.sub("", text)
    return " ".join(text.split())


def _used_texts(lines: Iterable[str]) -> frozenset[str]:
    """Each line's text and each of its cells' texts, as ``plain_line`` gives them (a few passes in C)."""
    text = "\n".join(lines)
    if not text.isascii():
        for mark in MARKS:
            if mark in text:
                text = text.replace(mark, "")
    tabbed = "\t" in text
    texts = set((text.replace("\t", " ") if tabbed else text).split("\n"))
    if tabbed:
        texts.update(text.replace("\n", "\t").split("\t"))
    if "  " in text or (tabbed and ("\t\t" in text or " \t" in text or "\t " in text)):  # empty or spaced cells
        odd = [t for t in texts if "  " in t or t[:1] == " " or t[-1:] == " "]
        texts.difference_update(odd)
        texts.update(plain_line(t) for t in odd)
    texts.discard("")
    return frozenset(texts)


def _table_chars(lines: Sequence[str], table: Table) -> int:
    return sum(len(lines[n]) for n in table.lines)


@functools.lru_cache(maxsize=4_096)
def _key(symbol: str) -> str:
    return symbol.replace("-", "").replace(" ", "").upper()
