"""Printed numbers: their grammar, value, sign and decimals, and the rounding a printed number carries."""

from __future__ import annotations

import re
from typing import NamedTuple

from parsing.html.layout import MARK_DIRECTION, MARKS
from parsing.model import Direction
from parsing.sites.vocabulary import GLYPHS_DOWN, GLYPHS_FLAT, GLYPHS_UP

GLYPH_DIRECTION: dict[str, Direction] = {
    **dict.fromkeys(GLYPHS_UP, "up"), **dict.fromkeys(GLYPHS_DOWN, "down"), **dict.fromkeys(GLYPHS_FLAT, "unchanged"),
}
GLYPHS = GLYPHS_UP + GLYPHS_DOWN + GLYPHS_FLAT
MINUS_SIGNS = "-\u2212\u2013"  # hyphen-minus, MINUS SIGN, and the EN DASH some sites print as a minus

# Digits with thousands separators, or plain digits; up to six decimals. Atomic groups: never backtracks.
BODY = r"(?>\d{1,3}(?:,\d{3})++|\d{1,12}+)(?:\.\d{1,6}+)?"
SIGN = r"[+\-\u2212\u2013]"
# A number as a token: optional parentheses, sign and percent sign; on a line that names the currency, also the
# currency ("Rs. 145.20", "+Rs1.20", "145.20 PKR": written so, never the symbol RS or PKR).
# A minus may also follow the number, as ledgers print a loss ("1.25-", "0.84-%", "0.84%-").
_TRAIL = "[-\u2212]"
NUMBER = rf"\(?{SIGN}?{BODY}{_TRAIL}?(?:\s?%)?{_TRAIL}?\)?"
NUMBER_IN_RUPEES = rf"\(?{SIGN}?(?:Rs\.?\s?)?{BODY}{_TRAIL}?(?:\s?(?:%|PKR))?{_TRAIL}?\)?"
# A cell may name the currency before or after its number, in any case ("RS. 145.20", "145.20 pkr").
_UNIT = r"(?i:Rs\.?|PKR)"
_CELL = re.compile(
    rf"\s*+(?:{_UNIT}\s?)?(?P<lp>\()?(?P<sign>{SIGN})?(?:{_UNIT}\s?)?(?P<body>{BODY})(?P<t1>{_TRAIL})?(?:\s?{_UNIT})?"
    rf"(?P<pct>\s?%)?(?P<t2>{_TRAIL})?(?P<rp>\))?(?:\s?{_UNIT})?\s*+"
)
_HINT_CHARS = re.compile(f"[{MARKS}{GLYPHS}]")
_SCALED = re.compile(rf"\s*+({BODY})\s?([KkMmBb])(?:[Nn]|[Ll][Nn])?\s*+")  # 1.25M, 850.3K, 2.1bn, 3.4 mln
_SCALE = {"K": 1e3, "M": 1e6, "B": 1e9}
# A change cell that also holds the percent: "+1.20 (+0.83%)", "-1.05 / -0.33%".
_CHANGE_PERCENT = re.compile(
    rf"\s*+(?P<sign>{SIGN})?(?P<body>{BODY})\s*+(?:\((?P<psign>{SIGN})?(?P<pbody>{BODY})\s?%\)"
    rf"|[/|]\s*+(?P<qsign>{SIGN})?(?P<qbody>{BODY})\s?%)\s*+"
)

Hint = tuple[str, Direction]  # (where the direction was read: "word", "glyph" or "class"; the direction)


class Num(NamedTuple):
    """A printed number: its value with the sign applied, its digits, and what was printed around it."""

    value: float
    text: str  # the digits as printed, without sign, parentheses or percent sign
    signed: str  # "+", "-", or "" when no sign was printed
    decimals: int
    percent: bool

    @property
    def half_unit(self) -> float:
        """Half the value of the last printed digit: the rounding the number may carry."""
        return 0.5 * 10.0 ** -self.decimals


def parse_number(text: str) -> Num | None:
    """A whole cell or token as a number (``-3.64%``, ``(0.21%)``, ``1,085.4``, ``−0.45``, ``1.25-``), else None."""
    match = _CELL.fullmatch(text)
    if match is None or bool(match["lp"]) != bool(match["rp"]):
        return None
    if match["t1"] or match["t2"]:  # a minus after the number
        if match["sign"] or (match["t1"] and match["t2"]):
            return None
        return make_number("-", match["body"], match["pct"])
    return make_number(match["sign"], match["body"], match["pct"])


def scaled_number(text: str) -> Num | None:
    """A count printed short ("1.25M", "850.3K", "2.1bn"), as a volume column may print it; else None."""
    match = _SCALED.fullmatch(text)
    if match is None:
        return None
    num = make_number(None, match[1], None)
    return num._replace(value=float(round(num.value * _SCALE[match[2].upper()])))


def change_and_percent(text: str) -> tuple[Num, Num] | None:
    """A change cell that also prints the percent ("+1.20 (+0.83%)", "-1.05 / -0.33%"): both numbers, else None."""
    match = _CHANGE_PERCENT.fullmatch(text)
    if match is None:
        return None
    change = make_number(match["sign"], match["body"], None)
    if match["pbody"] is not None:
        return change, make_number(match["psign"], match["pbody"], "%")
    return change, make_number(match["qsign"], match["qbody"], "%")


def make_number(sign: str | None, body: str, percent: str | None) -> Num:
    """A Num from a matched sign, digits and percent sign."""
    value = float(body.replace(",", "")) if "," in body else float(body)
    if sign and sign != "+":
        value, sign = -value, "-"
    dot = body.find(".")
    return Num(value, body, sign or "", 0 if dot < 0 else len(body) - dot - 1, percent is not None)


def signed_float(sign: str | None, body: str) -> float:
    """The value of matched digits with their sign, without building a Num (the fast path of tables)."""
    value = float(body.replace(",", "")) if "," in body else float(body)
    return -value if sign and sign != "+" else value


def cell_hints(text: str) -> tuple[str, list[Hint]]:
    """A cell's text without glyphs and class marks, and the directions they stated."""
    if _HINT_CHARS.search(text) is None:
        return text, []
    hints: list[Hint] = []
    for char in _HINT_CHARS.findall(text):
        hints.append(("class", MARK_DIRECTION[char]) if char in MARK_DIRECTION else ("glyph", GLYPH_DIRECTION[char]))
    return _HINT_CHARS.sub("", text), hints
