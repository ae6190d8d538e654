"""Numbers whose cell separators were lost (inline-block cells in a text copy), split by the columns' decimals.

``4,990.475,133.434,989.625,128.27137.8031,848,250`` under Open High Low Close Change Turnover, with two
decimals for prices, reads as 4,990.47 | 5,133.43 | 4,989.62 | 5,128.27 | 137.80 | 31,848,250: each number
ends after its decimals, a whole number where its thousands groups end. Given the decimals of each column the
split is fixed; a few choices are tried, most likely first, and one is kept only when the rows it splits are
consistent (low ≤ open, close ≤ high, close − change positive, a printed percent right).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from parsing.extract.quotes.figures import Num, parse_number
from parsing.model import Quote

MAX_GLUED_ROWS = 200  # 64 decimal choices at most: the split stays bounded
_INT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})*|[1-9]\d{3,7}")
_GROUPED_INT = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_STARTS = "+-\u22120123456789"
_PRICE_LIKE = ("price", "prev", "open", "high", "low")

Consistent = Callable[[str, list[Num]], "Quote | None"]  # a row's quote when its split cells agree, else None


def split_rows(rows: Sequence[tuple[str, str]], roles: Sequence[str], consistent: Consistent) -> list[Quote]:
    """The quotes of glued rows ((name, digits) pairs) under one choice of column decimals for the whole table.

    The first choice, most likely first, that splits every row consistently wins, else the one that splits the
    most rows; rows that choice cannot split consistently are left out (a wrong split is never kept).
    """
    rows = rows[:MAX_GLUED_ROWS]
    best: list[Quote] = []
    for decimals in decimal_choices(roles) if rows else ():
        quotes = []
        for name, text in rows:
            cells = split_with(text, decimals)
            quote = consistent(name, cells) if cells is not None else None
            if quote is not None:
                quotes.append(quote)
        if len(quotes) > len(best):
            best = quotes
            if len(best) == len(rows):
                break
    return best


def decimal_choices(roles: Sequence[str]) -> list[tuple[int, ...]]:
    """Decimals per column to try, most likely first: prices alike, the change like prices, volumes whole."""
    choices: list[tuple[int, ...]] = []
    for price in (2, 1, 3, 4):
        for change in dict.fromkeys((price, 2, 1, 3, 4)):
            for percent in dict.fromkeys((2, price, 1, 3)) if "percent" in roles else (2,):
                choice = tuple(price if role in _PRICE_LIKE else change if role == "change" else percent
                               if role == "percent" else 0 for role in roles)
                if choice not in choices:
                    choices.append(choice)
    return choices


def split_with(text: str, decimals: Sequence[int]) -> list[Num] | None:
    """``text`` as one number per column, each with the given decimals (0: a whole number with separators)."""
    nums: list[Num] = []
    pos, last = 0, len(decimals) - 1
    for column, places in enumerate(decimals):
        end = len(text) if column == last else _end(text, pos, places)
        if end is None:
            return None
        num = parse_number(text[pos:end])
        if num is None or num.decimals != places or _INT.fullmatch(num.text.split(".")[0]) is None:
            return None
        nums.append(num)
        pos = end
    return nums


def _end(text: str, pos: int, places: int) -> int | None:
    """Where a number with ``places`` decimals starting at ``pos`` ends; the next number must start there."""
    start = pos + 1 if text[pos:pos + 1] in ("+", "-", "\u2212") else pos
    if places == 0:
        match = _GROUPED_INT.match(text, start)
        end = match.end() if match is not None else None
    else:
        dot = text.find(".", start)
        end = dot + 1 + places if dot > start and text[dot + 1:dot + 1 + places].isdigit() else None
        if end is not None and text[end:end + 1] == "%":
            end += 1
    if end is None or end >= len(text) or text[end] not in _STARTS:
        return None
    return end
