"""Printed numbers: signs (Unicode minus too), parentheses, percent signs, thousands separators, decimals."""

from __future__ import annotations

import pytest

from parsing.extract.quotes.figures import cell_hints, parse_number
from parsing.html.layout import MARK_DOWN


@pytest.mark.parametrize(("text", "value", "signed", "decimals", "percent"), [
    ("-3.64%", -3.64, "-", 2, True),
    ("(0.21%)", 0.21, "", 2, True),
    ("1,085.4", 1085.4, "", 1, False),
    ("\u22120.45", -0.45, "-", 2, False),
    ("+1,049.30", 1049.30, "+", 2, False),
    ("31,848,250", 31848250, "", 0, False),
    ("145.20 PKR", 145.20, "", 2, False),  # a cell may name the currency after its number or before it
    ("Rs. 1,085.40", 1085.40, "", 2, False),
    ("Rs145.2", 145.2, "", 1, False),
    ("-1.20 Rs.", -1.20, "-", 2, False),
])
def test_numbers(text, value, signed, decimals, percent):
    num = parse_number(text)
    assert (num.value, num.signed, num.decimals, num.percent) == (value, signed, decimals, percent)


@pytest.mark.parametrize("text", ["(1.0", "1,23", "1.2.3", "12a", "", "%", "145.20 USD", "PKR", "Rs. 1.0 PKR 2"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_cell_hints_take_glyphs_and_marks_out():
    text, hints = cell_hints(f"{MARK_DOWN}▼ 12.5")
    assert text.strip() == "12.5" and hints == [("class", "down"), ("glyph", "down")]
