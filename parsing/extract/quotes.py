"""The ticker strip: one line-based quote finder for every format, and the consistency check."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from parsing.model import Direction, Kind, Quote
from parsing.sites.brecorder import is_index

MAX_QUOTE_LINE = 300  # longer lines are never tried against the grammar
MAX_QUOTES_PER_LINE = 200
MAX_GAP = 3  # non-quote lines allowed inside one strip (empty cells, other statistics)
MAX_LABEL_GAP = 5  # column labels ("Indices", "Value", "Change") allowed in a row inside one strip
MAX_SPLIT_LINES = 5  # lines one quote may be broken over
PROSE_WORDS = 12  # a line this long is a sentence of prose, never part of a ticker

_NUM = r"\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,4})?|\d{1,12}(?:\.\d{1,4})?"
# Whitespace runs are bounded, so the pattern stays linear; item text can be matched without normalizing.
_QUOTE_LINE = re.compile(
    r"\s{0,60}(?P<symbol>[A-Z][A-Z0-9]{0,11}(?:[-.&][A-Z0-9]{1,6})?)\s{1,60}"
    rf"(?P<price>{_NUM})\s{{1,60}}"
    r"(?:(?P<glyph0>[▲▼△▽↑↓])\s{0,60})?"
    r"(?P<word>Increased\s{1,4}By|Decreased\s{1,4}By|No\s{1,4}Change)"
    r"(?:\s{0,60}(?P<glyph>[▲▼△▽↑↓]))?\s{0,60}"
    rf"(?P<change>[+-]?(?:{_NUM}))\s{{1,60}}"
    rf"\((?P<percent>[+-]?(?:{_NUM}))\s{{0,4}}%\)\s{{0,60}}"
)
_WORD_DIRECTION: dict[str, Direction] = {"I": "up", "D": "down", "N": "unchanged"}
_GLYPH_DIRECTION: dict[str, Direction] = {"▲": "up", "△": "up", "↑": "up", "▼": "down", "▽": "down", "↓": "down"}
_SPLIT_START = re.compile(rf"[A-Z][A-Z0-9]{{0,11}}(?:[-.&][A-Z0-9]{{1,6}})?(?: (?:{_NUM}))?")
_ITEM_END = re.compile(r"%\)\s*")  # where one inline item ends, with or without a space after it
_LABEL = re.compile(r"[A-Za-z][A-Za-z&%/().' -]{0,29}")  # a short heading line without digits
_SPACES = re.compile(r"[ \t\xa0\u2009\u202f]+")


def find_quotes(lines: Sequence[str], article: Collection[str] = ()) -> tuple[list[Quote], int, int]:
    """Quotes of the first run of ticker lines, each symbol once; also the run's first and end line index.

    The lines are stripped, with whitespace runs collapsed to one space. Returns ``([], -1, -1)`` when
    the lines hold no ticker. Lines in ``article`` (the article's own text) are never quotes.
    """
    quotes: dict[str, Quote] = {}
    start = end = -1
    gap = labels = 0
    skip_to = 0
    for n, line in enumerate(lines):
        if n < skip_to:
            continue
        found = () if line in article else _quotes_in_line(line)
        if not found and _SPLIT_START.fullmatch(line):
            found, used = _joined_quote(lines, n, article)
            skip_to = n + used
        if not found:
            if start >= 0:
                labels += 1
                gap += _LABEL.fullmatch(line) is None
                if gap > MAX_GAP or labels > MAX_LABEL_GAP:
                    break
            continue
        if start < 0:
            start = n
        gap = labels = 0
        end = n + 1
        for quote in found:
            quotes.setdefault(quote.symbol, quote)
    return list(quotes.values()), start, end


def quotes_after_prose(lines: Sequence[str], start: int) -> bool:
    """Whether a line of prose comes before line ``start`` (so quote-like lines there are article text)."""
    return any(len(line.split()) >= PROSE_WORDS for line in lines[:max(start, 0)])


def strict_strip(lines: Sequence[str], article: Collection[str] = ()) -> list[Quote]:
    """Quotes when every line that carries a quote word reads as quotes (others are labels); else []."""
    quotes: dict[str, Quote] = {}
    for line in lines:
        found = () if line in article else _quotes_in_line(line)
        if not found:
            if "By" in line or "Change" in line:
                return []
            continue
        for quote in found:
            quotes.setdefault(quote.symbol, quote)
    return list(quotes.values())


def _joined_quote(lines: Sequence[str], n: int, article: Collection[str]) -> tuple[tuple[Quote, ...], int]:
    """A quote a browser broke over up to four lines (a label or arrow laid out as a block)."""
    text = lines[n]
    for k in range(n + 1, min(n + MAX_SPLIT_LINES, len(lines))):
        if lines[k] in article or len(lines[k]) > 60:
            break
        text = f"{text} {lines[k]}"
        quote = _parse_normalized(text)
        if quote is not None:
            return (quote,), k + 1 - n
    return (), 1


def _quotes_in_line(line: str) -> tuple[Quote, ...]:
    """One quote, or several when a strip of inline items renders as one line (every part must be a quote)."""
    quote = _parse_normalized(line)
    if quote is not None:
        return (quote,)
    if len(line) > MAX_QUOTE_LINE * MAX_QUOTES_PER_LINE or "%)" not in line:
        return ()
    parts = _ITEM_END.split(line)
    if not parts[-1].strip():
        parts.pop()  # the line ends with a quote
    found = []
    for n, part in enumerate(parts):
        quote = _parse_normalized(part + "%)" if n < len(parts) - 1 or line.rstrip().endswith("%)") else part)
        if quote is None:
            return ()
        found.append(quote)
    return tuple(found)


def parse_quote_line(line: str) -> Quote | None:
    """One ticker line (``SYMBOL PRICE Decreased By ▼ -CHANGE (-PERCENT%)``) as a Quote, else None."""
    if len(line) > MAX_QUOTE_LINE:
        return None
    return _parse_normalized(_SPACES.sub(" ", line).strip())


def _parse_normalized(text: str) -> Quote | None:
    if len(text) > MAX_QUOTE_LINE or ("By" not in text and "Change" not in text):
        return None
    match = _QUOTE_LINE.fullmatch(text)
    if match is None:
        return None
    symbol, price_text, glyph0, word, glyph, change_text, percent_text = match.groups()
    price = float(price_text.replace(",", "")) if "," in price_text else float(price_text)
    change = float(change_text.replace(",", "")) if "," in change_text else float(change_text)
    percent = float(percent_text.replace(",", "")) if "," in percent_text else float(percent_text)
    direction = _WORD_DIRECTION[word[0]]
    kind: Kind = "index" if is_index(symbol) else "stock"
    glyph = glyph or glyph0
    if _plainly_consistent(price, change, percent, direction, glyph):
        return Quote(symbol, price, change, percent, direction, kind, None)
    flag = _check(price, change, percent, (price_text, change_text, percent_text), direction, glyph)
    return Quote(symbol, price, change, percent, direction, kind, flag)


def _plainly_consistent(price: float, change: float, percent: float, direction: Direction, glyph: str | None) -> bool:
    """The common case, decided quickly: signs agree and the percent is right within any rounding."""
    if direction == "up":
        if change <= 0 or percent < 0:
            return False
    elif direction != "down" or change >= 0 or percent > 0:
        return False
    if glyph is not None and _GLYPH_DIRECTION.get(glyph) != direction:
        return False
    prev = price - change
    return prev > 0 and abs(change / prev * 100 - percent) <= 0.011


def _half_unit(text: str) -> float:
    """Half of the last shown digit's value: the rounding a printed number may carry."""
    if "." not in text:
        return 0.5
    return 0.5 * 10.0 ** -len(text.rsplit(".", 1)[1])


def _check(
    price: float, change: float, percent: float, texts: tuple[str, str, str], direction: Direction,
    glyph: str | None,
) -> str | None:
    reason = _direction_problem(direction, glyph, change, percent)
    if reason:
        return reason
    prev = price - change
    if prev <= 0:
        return "the previous close (price minus change) is not positive"
    expected = change / prev * 100
    if abs(expected - percent) <= 0.011:
        return None  # the common case, inside any rounding
    price_text, change_text, percent_text = texts
    slope_change = 100 * price / (prev * prev)
    slope_price = 100 * abs(change) / (prev * prev)
    tolerance = (
        _half_unit(percent_text) + slope_change * _half_unit(change_text)
        + slope_price * _half_unit(price_text) + 0.011
    )
    if abs(expected - percent) > tolerance:
        return f"the percent ({percent_text}%) does not match price and change ({expected:.2f}%)"
    return None


def _direction_problem(direction: Direction, glyph: str | None, change: float, percent: float) -> str | None:
    if direction == "unchanged":
        if change != 0 or percent != 0:
            return "marked No Change but the change is not zero"
        return None
    sign: Direction = "up" if change > 0 else "down" if change < 0 else "unchanged"
    if sign != direction:
        return f"the change ({change:g}) disagrees with the word ({'up' if direction == 'up' else 'down'})"
    if glyph and _GLYPH_DIRECTION.get(glyph) != direction:
        return "the arrow disagrees with the word"
    if percent != 0 and (percent > 0) != (change > 0):
        return "the percent's sign disagrees with the change"
    return None
