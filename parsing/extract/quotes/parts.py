"""What a strip item may hold around its symbol and three numbers: an index's name in words or with a space
(``All Share``, ``KSE 100``), arrows after its percent, fields after their labels (``Vol: 1.25M``, ``High 146.00``),
and whether its numbers could be a quote's at all.
"""

from __future__ import annotations

from parsing.extract.quotes.check import resolve
from parsing.extract.quotes.figures import GLYPH_DIRECTION, Hint, Num, parse_number, scaled_number
from parsing.extract.quotes.tokens import COUNT, GAP, GLYPH, LABEL, NUM, SEP, Tok
from parsing.sites.brecorder import INDEX_TITLES, is_index
from parsing.sites.vocabulary import QUOTE_HEADERS

PLAUSIBLE_SHARE, PLAUSIBLE_POINTS = 0.25, 0.1  # how far a percent may be from its quote's and still be one
_AFTER_ROLES = frozenset({"open", "high", "low", "prev", "volume"})  # fields an item may print after its percent


def plausible(numbers: tuple[Num, Num, Num], hints: list[Hint]) -> bool:
    """Whether the item's numbers could be a quote, whatever their rounding or the base their percent was taken
    on: the price less the change is positive and the percent is within a quarter of change / previous close.
    Rows of other figures mostly are not (``EPS 4.12 5.01 21.60%``, ``LUCK 41.20 15.00 36.41%``)."""
    price, change, percent = numbers
    got = resolve(change, percent, hints)
    base = price.value - got.change
    if base <= 0:
        return False
    wanted = got.change / base * 100
    return abs(wanted - (got.percent or 0.0)) <= max(PLAUSIBLE_SHARE * abs(wanted), PLAUSIBLE_POINTS)


def trailing_glyphs(toks: list[Tok], j: int, leading: bool, hints: list[Hint]) -> int:
    """Past the arrows right after an item's percent on its line, collecting what they state, when they are the
    item's: at the end of the line or before a separator, or in a strip that draws no arrow before its symbols."""
    k = j
    while k < len(toks) and toks[k].kind == GLYPH and toks[k].line == toks[j - 1].line:
        k += 1
    if k == j or (leading and not (toks[k - 1].last or (k < len(toks) and toks[k].kind in (SEP, GAP)))):
        return j
    hints += [("glyph", GLYPH_DIRECTION[tok.text]) for tok in toks[j:k]]
    return k


def fields_after(toks: list[Tok], j: int) -> tuple[dict[str, float], int]:
    """Fields printed after an item's percent, each after its label ("Vol: 1.25M", "High 146.00 Low 144.10",
    "LDCP: 144.00"), and a volume without one (a count printed short, "1.25M", or a whole number in a table row's
    last cell); (the fields by role, the index after them)."""
    fields: dict[str, float] = {}
    while True:
        k, role = j, None
        while k < len(toks) and toks[k].kind == LABEL:
            role = QUOTE_HEADERS.get(" ".join(toks[k].text.lower().rstrip(" :").split()))
            k += 1
        if k >= len(toks) or (k > j and role not in _AFTER_ROLES) or (k == j and fields):
            return fields, j
        tok = toks[k]
        # (a table row's last cell: "HBL<tab>145.20<tab>+1.20<tab>+0.83%<tab>1,234,567", a whole number)
        cell = k == j and tok.tabbed and tok.last and tok.line == toks[j - 1].line and "." not in tok.text
        if tok.kind == COUNT and role in (None, "volume"):
            num, role = scaled_number(tok.text), "volume"
        elif tok.kind == NUM and (k > j or cell):
            num, role = parse_number(tok.text), role or "volume"
        else:
            return fields, j
        if num is None or num.signed or num.percent or "(" in tok.text or role in fields:
            return fields, j
        fields[role or "volume"] = num.value
        j = k + 1


def symbol_of(text: str) -> str:
    """A symbol token's symbol: an index named in words ("All Share", "KMI All-Share") by its code."""
    return INDEX_TITLES.get(text.lower().replace("-", " "), text) if " " in text or text[:2] == "Al" else text


def index_number(symbol: str, number: str) -> str | None:
    """An index named with a space before its number ("KSE 100", "KMI 30"): the name, else None."""
    if not number.isdigit() or len(number) > 3 or len(symbol) > 5 or not is_index(symbol + number):
        return None
    return f"{symbol} {number}"
