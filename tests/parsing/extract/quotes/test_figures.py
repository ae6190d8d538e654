"""Printed numbers: signs (Unicode minus too), parentheses, percent signs, thousands separators, decimals."""

from __future__ import annotations

import pytest

from parsing.extract.quotes.figures import cell_hints, change_and_percent, parse_number, scaled_number
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
    ("+Rs1.20", 1.20, "+", 2, False),
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


@pytest.mark.parametrize(("text", "value"), [("1.25M", 1_250_000), ("850.3K", 850_300), ("2.1bn", 2_100_000_000),
                                             ("3.4 mln", 3_400_000), ("12k", 12_000), ("2.85M", 2_850_000)])
def test_short_counts(text, value):
    assert scaled_number(text).value == value


@pytest.mark.parametrize("text", ["1.25", "1.25X", "M", "-1.2M", "1.2 MB", "1.2%"])
def test_not_short_counts(text):
    assert scaled_number(text) is None


def test_change_and_percent_in_one_cell():
    change, percent = change_and_percent("\u22121.05 (\u22120.33%)")
    assert (change.value, change.signed, percent.value, percent.percent) == (-1.05, "-", -0.33, True)
    assert change_and_percent("1.05 (0.33)") is None and change_and_percent("1.05") is None
