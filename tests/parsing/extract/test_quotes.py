"""The line-based ticker grammar, the strip rules and the consistency flags."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from parsing.extract.quotes import find_quotes, parse_quote_line


def test_stock_line_with_glyph():
    q = parse_quote_line("AIRLINK 165.36 Decreased By ▼ -10.19 (-5.8%)")
    assert (q.symbol, q.price, q.change, q.percent, q.direction, q.kind, q.flag) == (
        "AIRLINK", 165.36, -10.19, -5.8, "down", "stock", None)


def test_increase_has_no_sign():
    q = parse_quote_line("FFC 897.10 Increased By ▲ 50.59 (5.98%)")
    assert q.direction == "up" and q.change == 50.59 and q.flag is None


def test_no_change_is_unchanged_whatever_the_glyph():
    q = parse_quote_line("SILK 1.15 No Change ▼ 0.00 (0%)")
    assert q.direction == "unchanged" and q.change == 0 and q.flag is None


def test_index_has_no_glyph_and_thousands_separators():
    q = parse_quote_line("KSE100 114,909 Decreased By -3882.2 (-3.27%)")
    assert (q.price, q.change, q.percent, q.kind, q.flag) == (114909.0, -3882.2, -3.27, "index", None)


def test_index_with_glyph_and_two_decimal_change():
    q = parse_quote_line("BR100 4,097 Decreased By ▼ -67.58 (-1.62%)")
    assert q.kind == "index" and q.change == -67.58 and q.flag is None


def test_rounded_index_percent_is_tolerated():
    assert parse_quote_line("BR100 12,314 Decreased By -512.5 (-4%)").flag is None


def test_other_psx_indices_are_indices():
    for name in ("KMI30", "KMIALLSHR", "ALLSHR", "PSXDIV20", "NBPPGI"):
        assert parse_quote_line(f"{name} 50,000 Increased By 100.0 (0.2%)").kind == "index"


def test_wrong_percent_is_flagged_not_dropped():
    q = parse_quote_line("OGDC 213.07 Decreased By ▼ -13.70 (-9.99%)")
    assert q is not None and "percent" in q.flag


def test_word_and_sign_disagree_is_flagged():
    q = parse_quote_line("OGDC 213.07 Increased By ▲ -13.70 (-6.04%)")
    assert q.direction == "up" and q.flag


def test_glyph_disagrees_is_flagged():
    assert "arrow" in parse_quote_line("OGDC 213.07 Decreased By ▲ -13.70 (-6.04%)").flag


def test_no_change_with_a_change_is_flagged():
    assert parse_quote_line("SILK 1.15 No Change ▼ 0.05 (4.5%)").flag


def test_extra_spaces_and_nbsp_are_accepted():
    assert parse_quote_line("KEL\xa0 4.19  Decreased By\t▼ -0.25 (-5.63 %)").symbol == "KEL"


def test_prose_is_not_a_quote():
    assert parse_quote_line("The KSE100 index fell 3,882 points, or 3.27%, on Monday.") is None


def test_strip_is_first_run_and_repeats_keep_each_symbol_once():
    strip = ["AAA 10.00 Increased By ▲ 1.00 (11.11%)", "BBB 20.00 Decreased By ▼ -1.00 (-4.76%)"]
    lines = ["Home", *strip, *strip, "World", "Title here", "x", "y", "z", "w", "CCC 5.00 No Change ▼ 0.00 (0%)"]
    quotes, start, end = find_quotes(lines)
    assert [q.symbol for q in quotes] == ["AAA", "BBB"] and (start, end) == (1, 5)


def test_single_quote_line_page():
    quotes, _start, _end = find_quotes(["KSE100 114,909 Decreased By -3882.2 (-3.27%)", "Some article text."])
    assert len(quotes) == 1


def test_no_ticker():
    assert find_quotes(["Just a title", "A paragraph."]) == ([], -1, -1)


def test_five_megabyte_digit_line_is_linear():
    line = "1234567890 " * 500_000
    assert find_quotes([line, "AAA " + line[:1000]]) == ([], -1, -1)
    assert parse_quote_line("AAA " + line) is None


@given(
    symbol=st.from_regex(r"[A-Z][A-Z0-9]{0,8}", fullmatch=True),
    prev=st.integers(min_value=100, max_value=99_999_99),
    change=st.integers(min_value=-5_000, max_value=5_000),
)
def test_generated_stock_lines_parse_back(symbol, prev, change):
    assume(prev + change >= 1)
    prev_r, change_r = prev / 100, change / 100
    price = round(prev_r + change_r, 2)
    percent = round(change_r / prev_r * 100, 2)
    word, glyph = ("Increased By", "▲") if change > 0 else ("Decreased By", "▼") if change < 0 else ("No Change", "▼")
    line = f"{symbol} {price:.2f} {word} {glyph} {change_r:.2f} ({percent:g}%)"
    q = parse_quote_line(line)
    assert q is not None, line
    assert (q.symbol, q.price, q.change, q.percent) == (symbol, price, change_r, float(f"{percent:g}"))
    assert q.flag is None, (line, q.flag)


@given(prev=st.integers(min_value=1_000, max_value=300_000), tenths=st.integers(min_value=-99_999, max_value=99_999))
def test_generated_index_lines_parse_back(prev, tenths):
    change = tenths / 10
    assume(abs(change) < prev * 0.5)
    price = prev + change
    percent = round(change / prev * 100, 2)
    word = "Increased By" if change > 0 else "Decreased By" if change < 0 else "No Change"
    line = f"KSE100 {round(price):,} {word} {change:.1f} ({percent:g}%)"
    q = parse_quote_line(line)
    assert q is not None and q.kind == "index", line
    assert (q.price, q.change, q.percent) == (float(round(price)), float(f"{change:.1f}"), float(f"{percent:g}"))
    assert q.flag is None, (line, q.flag)


def test_inline_strip_on_one_line():
    line = "AAA 10.00 Increased By ▲ 1.00 (11.11%) BBB 20.00 Decreased By ▼ -1.00 (-4.76%) KSE100 114,909 Decreased By -3882.2 (-3.27%)"
    quotes, _start, _end = find_quotes([line])
    assert [q.symbol for q in quotes] == ["AAA", "BBB", "KSE100"]


def test_line_with_a_quote_and_prose_is_not_a_strip():
    line = "AAA 10.00 Increased By ▲ 1.00 (11.11%) said the report on Monday"
    assert find_quotes([line]) == ([], -1, -1)
