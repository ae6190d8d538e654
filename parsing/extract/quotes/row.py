"""One quote-table row: its name (a symbol, an index or a sector), its cells read by column role, its quote.

A change cell in parentheses without a sign is a loss, as accounts print it (``(1.23)``); a cell may set its
thousands apart by a space of any width (``1 265.65``) or group them in lakhs (``1,23,45,678``).
"""

from __future__ import annotations

import functools
import re

from parsing.extract.quotes.check import (
    bare_direction,
    computed_percent,
    numbers_problem,
    range_problem,
    resolve,
)
from parsing.extract.quotes.figures import (
    BODY,
    Hint,
    Num,
    cell_hints,
    change_and_percent,
    make_number,
    parse_number,
    scaled_number,
)
from parsing.extract.quotes.header import Header, Role
from parsing.extract.quotes.tokens import SYMBOL
from parsing.html.layout import MARKS
from parsing.model import Kind, Quote
from parsing.sites.brecorder import INDEX_TITLES, is_index

EMPTY_CELLS = frozenset({"", "-", "--", "n/a", "N/A", "—"})
NO_CHANGE_CELLS = EMPTY_CELLS - {""}  # a change cell printing one of these beside a price: no change
_NO_CHANGE = make_number(None, "0", None)

SECTOR_NAME = r"[A-Za-z][A-Za-z&.,/()' -]{1,80}?[A-Za-z.)]"
SYMBOL_CELL = re.compile(SYMBOL)
_DIGITS_SYMBOL = re.compile(r"[0-9]{3,6}")  # "786": only where a column says it holds symbols
# A symbol cell that also names the company: "HBL Habib Bank Limited", "HBL - Habib Bank", "Habib Bank (HBL)",
# "KSE-100 Index" (the name's words start with a capital).
_NAMED_SYMBOL = re.compile(
    rf"(?P<lead>{SYMBOL})(?:\s*+[-–—:|]\s*+|\s++)[A-Z][A-Za-z&.,'() -]*+|[A-Z][A-Za-z&.,' -]*?\((?P<tail>{SYMBOL})\)"
)
SECTOR_CELL = re.compile(SECTOR_NAME)
_SPACED_INDEX = re.compile(r"([A-Z]{2,5}) ([0-9]{2,3})(?: (?i:index))?")
_FOOTNOTE_MARKS = "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"
_SERIAL = re.compile(r"[0-9]{1,4}[.)]\s++")
# A number whose thousands are set apart by a space, a thin or narrow space or a no-break space ("1 265.65").
_SPACE_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])")
# A number grouped the South Asian way, in lakhs and crores ("1,23,45,678").
_LAKH_GROUPED = re.compile(r"(?<![\d.])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])")
_ACCOUNTING = re.compile(rf"\s*+\((?:Rs\.?\s?)?{BODY}\)\s*+")  # a change in parentheses without a sign


def _joined_groups(match: re.Match[str]) -> str:
    return re.sub(r"\D", "", match.group())


def _odd_number(text: str) -> Num | None:
    """A cell's number with its thousands set apart by a space ("1 265.65") or grouped in lakhs ("1,23,45,678"),
    else None."""
    if _SPACE_GROUPED.search(text):
        return parse_number(_SPACE_GROUPED.sub(_joined_groups, text))
    if "," in text and _LAKH_GROUPED.search(text):
        return parse_number(_LAKH_GROUPED.sub(_joined_groups, text))
    return None


def row_name(text: str, kind: Role) -> str | None:
    """The row's name; a symbol printed in lower case (a page that upper-cases it by CSS) in upper case, and
    the symbol of a cell that also names the company.

    A symbol of digits alone ("786") is read here, in a column whose header names symbols; in a strip a
    token of digits is a number."""
    text = text.strip(MARKS + " ")
    if text[-1:] in _FOOTNOTE_MARKS:
        text = text.rstrip(_FOOTNOTE_MARKS + " ")  # "HBL*", "UBL†", "MCB¹": a mark pointing to a note below
    if kind == "sector":
        return text if SECTOR_CELL.fullmatch(text) else None
    if SYMBOL_CELL.fullmatch(text) or _DIGITS_SYMBOL.fullmatch(text):
        return text
    titled = INDEX_TITLES.get(" ".join(text.lower().split()).removesuffix(" index"))
    if titled is not None:
        return titled  # "All Share Index": an index named in words
    named = _NAMED_SYMBOL.fullmatch(text)
    if named is not None:
        if named["tail"] is not None:
            head = text[:text.rfind("(")].rstrip()
            if SYMBOL_CELL.fullmatch(head):
                return head  # "HBL (XD)": a symbol with a note (ex-dividend), not a name over a symbol
        return named["lead"] or named["tail"]
    serial = _SERIAL.match(text)
    if serial is not None and SYMBOL_CELL.fullmatch(text, serial.end()):
        return text[serial.end():]  # "1. HBL": a rank before the symbol
    spaced = _SPACED_INDEX.fullmatch(text)
    if spaced is not None and is_index(spaced[1] + spaced[2]):
        return f"{spaced[1]} {spaced[2]}"  # "KSE 100", "KSE 100 Index": an index named with a space
    upper = text.upper()
    return upper if text.islower() and SYMBOL_CELL.fullmatch(upper) else None


def build_row(name_text: str, header: Header, cells: list[str]) -> Quote | None:
    """A row's quote from its name and its other cells in column order (None when a cell does not read)."""
    kind = header.roles[header.name]
    name = row_name(name_text, kind)
    if name is None:
        return None
    roles = [role for i, role in enumerate(header.roles) if i != header.name]
    values: dict[Role, Num] = {}
    hints: list[Hint] = []
    sector = None
    if header.sector is not None:
        sector = cells[header.sector - (header.sector > header.name)].strip() or None
    for role, cell in zip(roles, cells, strict=True):
        if role == "text":
            continue
        text, found = cell_hints(cell)
        hints += found
        num = parse_number(text)
        if num is None:
            num = _odd_number(text)
        if num is not None and role == "change" and not num.signed and _ACCOUNTING.fullmatch(text):
            num = num._replace(value=-num.value, signed="-")  # "(1.23)": a loss, in accounting style
        if num is None and role == "volume":
            num = scaled_number(text)
        elif num is None and role == "change" and "percent" not in header.roles:
            both = change_and_percent(text)
            if both is not None:
                num, values["percent"] = both
        if num is None and role == "change" and text.strip() in NO_CHANGE_CELLS:
            num = _NO_CHANGE  # "-" beside a price: it has not moved (or not traded, at the price it last had)
        if num is None:
            if role in ("price", "change") or text.strip() not in EMPTY_CELLS:
                return None
            continue
        values[role] = num
    return row_quote(name, kind, values, hints, sector)


def row_quote(name: str, kind: Role, values: dict[Role, Num], hints: list[Hint], sector: str | None,
           strict: bool = False) -> Quote | None:
    """The quote of one row's numbers; ``strict``: None instead of a flag (a glued split must be consistent)."""
    price, change, percent = values.get("price"), values.get("change"), values.get("percent")
    if price is None or change is None or price.signed or price.percent or change.percent:
        return None
    said = None if hints else bare_direction(price, change, percent, values.get("prev"))
    got = resolve(change, percent, sorted(hints, key=lambda hint: hint[0] != "glyph"), said)
    problems = list(got.problems)
    for problem in (numbers_problem(price, change, percent, values.get("prev"), got.change, got.percent),
                    range_problem(price, values.get("open"), values.get("high"), values.get("low"))):
        if problem:
            problems.append(problem)
    if strict and problems:
        return None
    computed = got.percent is None
    percent_value = got.percent if got.percent is not None else computed_percent(price.value, got.change)
    volume = values.get("volume")
    return Quote(
        name, price.value, got.change, (percent_value or 0.0) + 0.0, got.direction, row_kind(kind, name),
        "; ".join(problems) or None, _value(values, "open"), _value(values, "high"), _value(values, "low"),
        _value(values, "prev"), None if volume is None else int(volume.value), sector, computed,
    )


@functools.lru_cache(maxsize=4096)
def row_kind(role: Role, name: str) -> Kind:
    if role == "sector":
        return "sector"
    return "index" if role == "index" or is_index(name) else "stock"


def _value(values: dict[Role, Num], role: Role) -> float | None:
    num = values.get(role)
    return num.value if num is not None else None
