"""Strips: the Business Recorder line, glyph and sign-only strips, one field per line, lone lines, prose."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from parsing.extract.quotes import find_quotes, parse_quote_line
from parsing.html.layout import copy_lines
from parsing.sites.vocabulary import FIELD_LABELS, NOT_PSX_SYMBOLS
from tests.parsing.extract.quotes.helpers import html_quotes, quotes_of


def test_stock_line_with_glyph():
    q = parse_quote_line("AIRLINK 165.36 Decreased By ▼ -10.19 (-5.8%)")
    assert (q.symbol, q.price, q.change, q.percent, q.direction, q.kind, q.flag) == (
        "AIRLINK", 165.36, -10.19, -5.8, "down", "stock", None)


def test_increase_has_no_sign():
    q = parse_quote_line("FFC 897.10 Increased By ▲ 50.59 (5.98%)")
    assert q.direction == "up" and q.change == 50.59 and q.flag is None


def test_index_has_no_glyph_and_thousands_separators():
    q = parse_quote_line("KSE100 114,909 Decreased By -3882.2 (-3.27%)")
    assert (q.price, q.change, q.percent, q.kind, q.flag) == (114909.0, -3882.2, -3.27, "index", None)


def test_rounded_index_percent_is_tolerated():
    assert parse_quote_line("BR100 12,314 Decreased By -512.5 (-4%)").flag is None


@pytest.mark.parametrize("name", ["KMI30", "KMIALLSHR", "ALLSHR", "PSXDIV20", "NBPPGI", "KSE-100", "BR30"])
def test_psx_indices_are_indices(name):
    assert parse_quote_line(f"{name} 50,000 Increased By 100.0 (0.2%)").kind == "index"


def test_extra_spaces_and_nbsp_are_accepted():
    assert quotes_of("KEL\xa0 4.19  Decreased By ▼ -0.25 (-5.63 %)")["KEL"].percent == -5.63


def test_business_recorder_item_split_over_lines():
    got = quotes_of("HUBC 120.50 Increased By ▲ 1.05 (0.88%)\nOGDC 213.07\nDecreased By\n▼ -13.70\n(-6.04%)")
    assert (got["HUBC"].change, got["HUBC"].direction, got["HUBC"].flag) == (1.05, "up", None)
    assert (got["OGDC"].change, got["OGDC"].percent, got["OGDC"].direction) == (-13.70, -6.04, "down")


def test_inline_strip_on_one_line_and_items_touching():
    line = ("AAA 10.00 Increased By ▲ 1.00 (11.11%)BBB 20.00 Decreased By ▼ -1.00 (-4.76%) "
            "KSE100 114,909 Decreased By -3882.2 (-3.27%)")
    assert [q.symbol for q in find_quotes([line]).quotes] == ["AAA", "BBB", "KSE100"]


def test_sign_only_strip_with_unicode_minus_and_pipes():
    got = quotes_of("HUBC 120.50 +1.20 +1.01% | OGDC 213.07 \u22121.45 \u22120.68% | KSE100 118,427.35 +1,049.30 +0.89%")
    assert got["OGDC"].change == -1.45 and got["OGDC"].percent == -0.68
    assert got["KSE100"].kind == "index" and got["KSE100"].price == 118427.35


def test_hidden_labels_glued_to_their_values():
    got = quotes_of("MEBL\nPrice4.74 Up by Change+0.14 Percent change+3.04%\nFFC\nPrice33.86 Down by0.67 -1.94%")
    assert got["MEBL"].change == 0.14 and got["FFC"].change == -0.67


def test_one_field_per_line_cards_with_hidden_labels():
    got = quotes_of("MEBL\nPrice\n4.74\nUp by\nChange\n+0.14\nPercent change\n+3.04%\nFFC\n33.86\nDown by\n-1.67\n-4.70%")
    assert got["MEBL"].percent == 3.04 and got["FFC"].direction == "down"


def test_table_cells_without_header_are_a_strip():
    got = quotes_of("NRL\t24.66\t-0.23\t-0.92%\nDCR\t72.23\t4.63\t6.85%")
    assert got["DCR"].change == 4.63 and got["NRL"].direction == "down"


def test_cells_inside_a_wider_row_are_not_an_item():
    assert quotes_of("NRL\tX\t24.66\t-0.23\t-0.92%\tY\nDCR\tX\t72.23\t4.63\t6.85%\tY") == {}


def test_class_mark_gives_direction_to_a_bare_change():
    got = {q.symbol: q for q in html_quotes('<ul><li class="q q--down"><b>ABC</b> 12.00 0.50 3.85%</li>'
                                           '<li class="q q--up"><b>XYZ</b> 10.50 0.50 5.00%</li></ul>')}
    assert got["ABC"].change == -0.5 and got["ABC"].percent == -3.85 and got["XYZ"].direction == "up"


def test_repeated_strip_keeps_each_symbol_once():
    strip = "AAA 10.00 Increased By ▲ 1.00 (11.11%)\nBBB 20.00 Decreased By ▼ -1.00 (-4.76%)\n"
    assert [q.symbol for q in find_quotes(copy_lines("Home\n" + strip + strip)).quotes] == ["AAA", "BBB"]


def test_label_lines_inside_a_strip_are_bridged():
    lines = ["AAA 10.00 +1.00 +11.11%", "Indices", "BBB 20.00 -1.00 -4.76%", "KSE100 114,909 -3882.2 -3.27%"]
    found = find_quotes(lines)
    assert [q.symbol for q in found.quotes] == ["AAA", "BBB", "KSE100"] and "Indices" not in found.used


def test_single_unmarked_item_is_not_a_strip():
    assert quotes_of("HUBC 120.50 -4.55 -3.64%") == {}


def test_single_stated_line_above_the_story_is_a_quote():
    found = find_quotes(["KSE100 114,909 Decreased By -3882.2 (-3.27%)", "Some article text."])
    assert len(found.quotes) == 1 and "KSE100 114,909 Decreased By -3882.2 (-3.27%)" in found.used


@pytest.mark.parametrize("before", [
    "The index moved sharply during the session as investors reacted to the latest inflation data.",
    "Published January 13, 2025",
])
def test_single_line_inside_the_story_is_story_text(before):
    assert find_quotes(["Stocks slump", before, "OGDC 213.07 Decreased By -13.70 (-6.04%)"]).quotes == ()


def test_field_labels_before_the_symbol():
    # a <dl> per quote: every label and value a line
    lines = ["Stocks to watch", "Symbol", "HBL", "Price", "145.20", "Change", "+1.20", "Change %", "+0.83%",
             "Symbol", "UBL", "Price", "312.45", "Change", "-1.05", "Change %", "-0.33%"]
    got = {q.symbol: q for q in find_quotes(lines).quotes}
    assert (got["HBL"].change, got["UBL"].percent, got["UBL"].direction) == (1.2, -0.33, "down")


def test_a_card_with_the_company_name_under_the_symbol():
    lines = ["AAA", "Alpha Bank Limited", "10.00", "+1.00", "(+11.11%)", "BBB", "Beta Oil & Gas Company Limited",
             "20.00", "-1.00", "(-4.76%)"]
    found = find_quotes(lines)
    assert [(q.symbol, q.change) for q in found.quotes] == [("AAA", 1.0), ("BBB", -1.0)]
    assert "Alpha Bank Limited" in found.used


@pytest.mark.parametrize("lines", [
    ["AAA 10.00", "Alpha Bank Limited", "+1.00", "(+11.11%)"],  # the symbol shares its line
    ["AAA", "Alpha Bank Limited", "Karachi", "10.00", "+1.00", "(+11.11%)"],  # two lines of words
    ["AAA", "the bank said on Monday that its profit rose", "10.00", "+1.00", "(+11.11%)"],  # a sentence
    ["AAA", "shares rose as investors bought", "10.00", "+1.00", "(+11.11%)"],  # a short one
])
def test_only_one_short_name_line_is_passed_over(lines):
    assert find_quotes(lines).quotes == ()


def test_a_lone_signed_card_above_the_story_is_a_quote():
    found = find_quotes(["KSE-100", "118,427.35", "+1,049.30", "+0.89%", "As of 03:30 PM PKT",
                         "The index rose on Monday as investors bought banks and cement stocks."])
    assert [(q.symbol, q.kind, q.change) for q in found.quotes] == [("KSE-100", "index", 1049.3)]


@pytest.mark.parametrize("lines", [
    ["KSE-100", "118,427.35", "1,049.30", "0.89%", "Story"],  # no sign: a card of figures, not said to be a quote
    ["Stocks rise", "The index rose on Monday as investors bought banks and cement stocks.",
     "KSE-100", "118,427.35", "+1,049.30", "+0.89%"],  # inside the story
])
def test_a_lone_card_without_signs_or_inside_the_story_is_not(lines):
    assert find_quotes(lines).quotes == ()


def test_a_currency_before_or_after_the_price_is_read_past():
    got = quotes_of("HBL Rs. 145.20 ▲ 1.20 (0.83%) UBL 312.45 PKR ▼ 1.05 (0.33%) MCB Rs250.10 +Rs0.10 +0.04%")
    assert [(s, q.price, q.change) for s, q in got.items()] == [("HBL", 145.2, 1.2), ("UBL", 312.45, -1.05),
                                                                 ("MCB", 250.1, 0.1)]


def test_symbols_that_spell_a_currency_are_symbols():
    got = quotes_of("RS 10.00 +1.00 +11.11% | PKR 20.00 -1.00 -4.76% | AAA 5.00 PKR +0.50 +11.11%")
    assert [(s, q.price) for s, q in got.items()] == [("RS", 10.0), ("PKR", 20.0), ("AAA", 5.0)]


@pytest.mark.parametrize("sep", [" | ", " / ", ", ", " · "])
def test_a_colon_after_the_symbol_and_separators_between_fields(sep):
    got = quotes_of("\n".join(f"{s}: {p}{sep}{c}{sep}{pc}" for s, p, c, pc in (
        ("KSE-100", "118,427.35", "+1,049.30", "+0.89%"), ("HBL", "145.20", "-1.20", "-0.82%"))))
    assert [(s, q.price, q.change, q.kind) for s, q in got.items()] == [
        ("KSE-100", 118427.35, 1049.3, "index"), ("HBL", 145.2, -1.2, "stock")]


@pytest.mark.parametrize("text", ["Note: 145.20 | +1.20 | +0.83%", "HBL: 145.20 | +1.20 | +0.83% said the desk",
                                  "HBL:145.20 +1.20 +0.83%"])
def test_a_colon_or_bars_make_no_quote_of_prose(text):
    assert quotes_of(f"{text}\n{text}") == {}


def test_a_symbol_of_digits_is_no_strip_item():
    assert list(quotes_of("786 12.13 -0.21 -1.70% | HBL 145.20 +1.20 +0.83% | UBL 312.45 -1.05 -0.33%")) == [
        "HBL", "UBL"]


def test_exchange_rates_are_not_quotes():
    got = quotes_of("USD/PKR 280.15 +0.05 +0.02% | HUBC 120.50 +1.20 +1.01% | EUR/PKR 301.20 -0.40 -0.13%")
    assert list(got) == ["HUBC"]


def test_line_with_a_quote_and_prose_is_not_a_strip():
    assert find_quotes(["AAA 10.00 Increased By ▲ 1.00 (11.11%) said the report on Monday"]).quotes == ()


@pytest.mark.parametrize("line", [
    "the KSE-100 gained 1,049.3 points (0.93%) to close at 118,427.35",
    "WorldCall Telecom was the volume leader with a volume of 12,237,000 and price per share of 42.09 (1.08).",
    "KSE-100: 118,427.35 points, up 1,049.30 (+0.89%)",
    "HUBC closed at 120.50, down 4.55 or 3.64%",
    "USD/PKR 280.15 (+0.05)",
    "The KSE100 index fell 3,882 points, or 3.27%, on Monday.",
])
def test_prose_gives_no_quotes(line):
    assert quotes_of(f"{line}\n{line}") == {}


def test_five_megabyte_digit_line_is_linear():
    line = "1234567890 " * 500_000
    assert find_quotes([line, "AAA " + line[:1000]]).quotes == ()


# --- generated strips ------------------------------------------------------------------------------------------

WORDS = {"UP", "DOWN", "UNCH", "LAST", "RATE", "CLOSE", "PRICE", "CHANGE", "CHG", "VOL", "LTP", "SCRIP", "SYMBOL",
         "CURRENT", "VOLUME", "PERCENT"}
LABELS = ("LAST", "RATE", "CLOSE", "PRICE", "CHANGE", "CHG", "VOL", "LTP", "SCRIP", "SYMBOL", "CURRENT", "PERCENT",
          "PTS")


def is_symbol(text: str) -> bool:
    """A drawn name that can be a listed symbol: not a field word or a card's field label ("PTS" is read past as
    one), not a label glued to digits ("Price3.66" reads as the label and a number), not a currency, coin or
    commodity (those are read and then left out on purpose)."""
    return (text not in WORDS and text.lower() not in FIELD_LABELS and not text.startswith(LABELS)
            and text not in NOT_PSX_SYMBOLS)


symbols = st.from_regex(r"[A-Z][A-Z0-9]{1,6}", fullmatch=True).filter(is_symbol)
cents = st.integers(min_value=100, max_value=2_000_000)


def quote_numbers(prev: int, move: int) -> tuple[float, float, float]:
    change = max(-prev + 1, min(move, prev // 10))
    price = prev + change
    return price / 100, change / 100, round(change / prev * 100, 2)


def fmt(value: float, plus: bool, minus: str, commas: bool = True) -> str:
    text = f"{abs(value):,.2f}" if commas else f"{abs(value):.2f}"
    return (minus if value < 0 else "+" if plus and value > 0 else "") + text


@st.composite
def strip_items(draw):
    """Items of one strip (each a list of its printed fields) and the numbers they were made from."""
    n = draw(st.integers(min_value=2, max_value=8))
    syms = draw(st.lists(symbols, min_size=n, max_size=n, unique=True))
    style = draw(st.sampled_from(["word", "glyph", "sign"]))
    minus = draw(st.sampled_from(["-", "\u2212", "\u2013"]))
    parens = draw(st.booleans())
    items, truth = [], {}
    for sym in syms:
        price, change, percent = quote_numbers(draw(cents), draw(st.integers(-50_000, 50_000)))
        up = change > 0
        word = {"word": ("Increased By" if up else "Decreased By" if change else "No Change"),
                "glyph": "▲" if up else "▼" if change else "●", "sign": ""}[style]
        pc = f"{fmt(percent, style == 'sign' or not up, minus, False)}%"
        fields = [sym, fmt(price, False, minus), word, fmt(change, style == "sign", minus), f"({pc})" if parens else pc]
        items.append([field for field in fields if field])
        truth[sym] = (price, change, percent)
    return items, truth


@st.composite
def strips(draw):
    items, truth = draw(strip_items())
    between = "\n" if draw(st.booleans()) else " "  # one field per line, or an item per line
    sep = draw(st.sampled_from([" | ", " · ", " • ", "\n", "   ", " ; ", "\xa0\xa0"]))
    return sep.join(between.join(fields) for fields in items), truth


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strips())
def test_generated_strip_parses_back(case):
    text, truth = case
    got = {q.symbol: (q.price, q.change, q.percent) for q in find_quotes(copy_lines(text)).quotes}
    assert got == truth


@st.composite
def strip_markup(draw):
    """A strip in random HTML: items as list items, spans, divs or paragraphs, fields in nested elements."""
    items, truth = draw(strip_items())
    item_tag = draw(st.sampled_from(["li", "span", "div", "p"]))
    field_tag = draw(st.sampled_from(["span", "b", "div"]))
    gap = draw(st.sampled_from(["", " ", "<span class='sep'> | </span>"]))
    inner = gap.join(
        f"<{item_tag} class='tick'>" + " ".join(f"<{field_tag}>{field}</{field_tag}>" for field in fields)
        + f"</{item_tag}>" for fields in items)
    wrap = draw(st.sampled_from(["<ul>{}</ul>", "<div class='ticker'>{}</div>", "<marquee>{}</marquee>"]))
    return f"<html><body><nav><a href='/'>Home</a></nav>{wrap.format(inner)}<p>Story text.</p></body></html>", truth


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strip_markup())
def test_generated_strip_markup_parses_back(case):
    markup, truth = case
    assert {q.symbol: (q.price, q.change, q.percent) for q in html_quotes(markup)} == truth


@given(
    symbol=st.from_regex(r"[A-Z][A-Z0-9]{0,8}", fullmatch=True).filter(is_symbol),
    prev=st.integers(min_value=100, max_value=99_999_99),
    change=st.integers(min_value=-5_000, max_value=5_000),
)
def test_generated_business_recorder_lines_parse_back(symbol, prev, change):
    assume(prev + change >= 1)
    prev_r, change_r = prev / 100, change / 100
    price = round(prev_r + change_r, 2)
    percent = round(change_r / prev_r * 100, 2)
    word, glyph = ("Increased By", "▲") if change > 0 else ("Decreased By", "▼") if change < 0 else ("No Change", "▼")
    q = parse_quote_line(f"{symbol} {price:.2f} {word} {glyph} {change_r:.2f} ({percent:g}%)")
    assert q is not None
    assert (q.symbol, q.price, q.change, q.percent, q.flag) == (symbol, price, change_r, float(f"{percent:g}"), None)


ORDINARY = ["the", "index", "gained", "points", "to", "at", "shares", "of", "rose", "fell", "said", "while", "and",
            "in", "session", "per", "share", "Rs", "KARACHI:", "traders"]
words = st.sampled_from([*ORDINARY, "KSE-100", "HUBC", "OGDC", "up", "down", "by", "volume", "PSX", "close",
                         "Increased", "Decreased By", "percent", "BR100", "|", "▲", "▼", "(", ")"])
numbers = st.builds(
    lambda n, d, s, p, b: f"{'(' if b else ''}{s}{n:,}{'.' + str(d) if d else ''}{'%' if p else ''}{')' if b else ''}",
    st.integers(0, 10**6), st.integers(0, 99), st.sampled_from(["", "+", "-", "\u2212"]), st.booleans(),
    st.booleans())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(words, numbers), min_size=6, max_size=40), min_size=1, max_size=8))
def test_prose_with_numbers_gives_no_quotes(paragraphs):
    """A line with one ordinary word in it is prose, whatever numbers and quote words it also holds."""
    assume(all(any(word in ORDINARY for word in words) for words in paragraphs))
    lines = [" ".join(words) for words in paragraphs]
    assert find_quotes(lines).quotes == ()
    markup = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in lines) + "</article></body></html>"
    assert html_quotes(markup) == []


def test_an_index_named_with_a_space_before_its_number():
    got = quotes_of("KSE 100 118,427.35 ▲ 1,049.30 (0.89%) | HBL 145.20 ▲ 1.20 (0.83%)")
    assert (got["KSE 100"].price, got["KSE 100"].change, got["KSE 100"].kind) == (118_427.35, 1_049.30, "index")
    assert got["HBL"].price == 145.20


def test_a_symbol_and_a_number_that_name_no_index_stay_apart():
    assert "HBL 145" not in quotes_of("HBL 145 146.20 +1.00 +0.69% | UBL 230.50 -2.10 -0.90%")


@pytest.mark.parametrize(("shown", "volume"), [("Vol: 1.25M", 1_250_000), ("Vol 850.3K", 850_300),
                                               ("Volume: 1,250,000", 1_250_000), ("2.1bn", 2_100_000_000)])
def test_a_volume_after_the_percent(shown, volume):
    got = quotes_of(f"HBL 145.20 +1.20 (+0.83%) {shown} • UBL 230.50 -2.10 (-0.90%) {shown}")
    assert got["HBL"].volume == got["UBL"].volume == volume and got["UBL"].change == -2.10


def test_a_plain_number_after_the_percent_is_no_volume_without_a_label():
    got = quotes_of("145.20 HBL +1.20 (+0.83%) 230.50 UBL -2.10 (-0.90%)")
    assert got["HBL"].volume is None and got["UBL"].price == 230.50


def test_accounting_negatives_and_trailing_minus_signs_in_a_strip():
    got = quotes_of("UBL 230.50 (2.10) (0.90%) | HBL 145.20 1.20 0.83% | MCB 210.00 2.00- 0.94%-")
    assert [(q.change, q.percent, q.flag) for q in got.values()] == [(-2.10, -0.90, None), (1.20, 0.83, None),
                                                                     (-2.00, -0.94, None)]


def test_rows_of_figures_no_quote_has_are_no_strip():
    results = "EBITDA\t4,512.30\t5,120.80\t13.49%\nPAT\t2,110.40\t1,800.20\t-14.70%\nEPS\t4.12\t5.01\t21.60%\n"
    payouts = "LUCK\t41.20\t15.00\t36.41%\nHBL\t12.60\t4.50\t35.71%\nMARI\t95.40\t38.00\t39.83%\n"
    assert quotes_of(results) == {} and quotes_of(payouts) == {}


def test_a_strip_with_a_few_wrong_percents_is_still_read_and_flagged():
    got = quotes_of("HBL 145.20 +1.20 +0.93% | UBL 230.50 -2.10 -0.90% | MCB 210.00 +2.00 +0.96%")
    assert len(got) == 3 and got["HBL"].flag and got["UBL"].flag is None


def test_a_note_after_the_symbol_is_read_past():
    got = quotes_of("HBL (XD) 145.20 +1.20 (+0.83%) | UBL(XB) 230.50 -2.10 (-0.90%) | MCB (NC) 210.00 +2.00 (+0.96%)")
    assert list(got) == ["HBL", "UBL", "MCB"]


def test_a_ticker_laid_out_as_one_row_of_item_cells():
    line = "HBL 145.20 ▲ 1.20 (0.83%)\tSLGL (XD) 18.19 ▼ 0.66 (3.76%)\tKSE100 118,427 ▲ 1,049.3 (0.89%)"
    got = quotes_of(line)
    assert [(q.symbol, q.change) for q in got.values()] == [("HBL", 1.20), ("SLGL", -0.66), ("KSE100", 1_049.3)]


def test_a_row_of_cells_that_are_not_each_an_item_is_no_ticker():
    assert quotes_of("HBL 145.20\t▲ 1.20 (0.83%)\tUBL 230.50\t▼ 2.10 (0.90%)") == {}


def test_the_word_index_after_an_index_name_is_read_past():
    got = quotes_of("KSE-100 Index 118,427.35 +1,049.30 (+0.89%)\nKMI-30 Index 178,000.00 -1,200.00 (-0.67%)")
    assert [(q.symbol, q.kind, q.change) for q in got.values()] == [("KSE-100", "index", 1_049.30),
                                                                    ("KMI-30", "index", -1_200.00)]


@pytest.mark.parametrize("name", ["All Share", "All Share Index", "All-Share", "ALLSHR"])
def test_the_all_share_index_named_in_words(name):
    got = quotes_of(f"{name} 73,000.00 +300.00 (+0.41%) | HBL 145.20 +1.20 (+0.83%)")
    assert got["ALLSHR"].kind == "index" and got["ALLSHR"].change == 300.00


@pytest.mark.parametrize("sep", [" ", " | ", "\n"])
def test_an_arrow_after_the_percent_is_that_items(sep):
    got = quotes_of(sep.join(["HBL 145.20 1.20 (0.83%) ▲", "UBL 230.50 2.10 (0.90%) ▼", "MCB 210.00 2.00 (0.96%) ▲"]))
    assert [(q.change, q.flag) for q in got.values()] == [(1.20, None), (-2.10, None), (2.00, None)]


def test_an_arrow_before_the_next_symbol_is_the_next_items_in_a_strip_that_leads_with_arrows():
    got = quotes_of("▲ HBL 145.20 1.20 (0.83%) ▼ UBL 230.50 2.10 (0.90%) ▲ MCB 210.00 2.00 (0.96%)")
    assert [(q.change, q.flag) for q in got.values()] == [(1.20, None), (-2.10, None), (2.00, None)]


def test_a_whole_number_in_a_headerless_rows_last_cell_is_its_volume():
    got = quotes_of("HBL\t145.20\t+1.20\t+0.83%\t1,234,567\nUBL\t230.50\t-2.10\t-0.90%\t98,000\n")
    assert (got["HBL"].volume, got["UBL"].volume) == (1_234_567, 98_000)


def test_a_decimal_in_a_headerless_rows_last_cell_is_no_volume():
    assert quotes_of("HBL\t145.20\t+1.20\t+0.83%\t146.50\nUBL\t230.50\t-2.10\t-0.90%\t231.00\n") == {}


def test_labelled_fields_after_the_percent():
    got = quotes_of("HBL 145.20 +1.20 (+0.83%) High 146.00 Low 144.10 Vol 1.2M | UBL 230.50 -2.10 (-0.90%) LDCP: 232.60 "
                    "Open: 232.00 Turnover: 98,000")
    hbl, ubl = got["HBL"], got["UBL"]
    assert (hbl.high, hbl.low, hbl.volume, hbl.open) == (146.00, 144.10, 1_200_000, None)
    assert (ubl.previous_close, ubl.open, ubl.volume, ubl.high) == (232.60, 232.00, 98_000, None)


def test_a_label_naming_no_field_ends_the_item_before_it():
    got = quotes_of("HBL 145.20 +1.20 (+0.83%) Price 146.00\nUBL 230.50 -2.10 (-0.90%)\nMCB 210.00 +2.00 (+0.96%)")
    assert got["HBL"].high is None and set(got) == {"HBL", "UBL", "MCB"}


def test_a_placeholder_item_priced_zero_gives_no_quote():
    got = quotes_of("HBL 145.20 +1.20 (+0.83%) | SYMBOL 0.00 +0.00 (+0.00%) | UBL 230.50 -2.10 (-0.90%)")
    assert list(got) == ["HBL", "UBL"]


def test_a_number_touching_the_percents_parenthesis():
    got = quotes_of("HBL 145.20 +1.20(+0.83%) | UBL 230.50 -2.10(-0.90%)")
    assert [(q.symbol, q.price, q.change, q.percent) for q in got.values()] == [
        ("HBL", 145.20, 1.20, 0.83), ("UBL", 230.50, -2.10, -0.90)]
