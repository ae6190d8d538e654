"""Strips and tables in less usual shapes: fields in another order, items printed twice, figures in other digits
or with invisible characters, accounting negatives, space-grouped thousands, and codes that are no PSX symbol."""

from __future__ import annotations

import pytest

from parsing.extract.quotes import find_quotes
from parsing.html.layout import copy_lines
from parsing.html.quote_lines import has_figure
from tests.parsing.extract.quotes.helpers import html_quotes, quotes_of


def _fields(text: str) -> dict[str, tuple[float, float, float, str]]:
    return {s: (q.price, q.change, q.percent, q.direction) for s, q in quotes_of(text).items() if q.flag is None}


def test_change_and_percent_before_the_price():
    got = _fields("HBL +1.20 (+0.83%) 145.20\nUBL -1.05 (-0.33%) 312.45\nMCB 0.00 (0.00%) 250.10\n")
    assert got == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down"),
                   "MCB": (250.1, 0.0, 0.0, "unchanged")}


def test_percent_before_the_change_on_one_line():
    got = _fields("HBL 145.20 +0.83% +1.20 | UBL 312.45 -0.33% -1.05 | LUCK 1,012.40 +1.21% +12.10")
    assert got == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down"),
                   "LUCK": (1012.4, 12.1, 1.21, "up")}


def test_price_before_the_symbol():
    got = _fields("145.20 HBL +1.20 (+0.83%)\n312.45 UBL -1.05 (-0.33%)\n")
    assert got == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down")}
    assert set(_fields("145.20 HBL +1.20 (+0.83%) 312.45 UBL -1.05 (-0.33%)")) == {"HBL", "UBL"}


@pytest.mark.parametrize("line", [
    "HBL +1.20 (+0.93%) 145.20",  # a percent that does not fit: another order is only read when all agree
    "HBL 145.20 +0.93% +1.20",
    "145.20 HBL +1.20 (+0.93%)",
    "HBL 12 3.5% 14",  # three numbers of something else
])
def test_another_order_is_read_only_when_the_numbers_agree(line):
    assert quotes_of(f"{line}\n{line.replace('HBL', 'UBL')}\n") == {}


def test_the_usual_order_still_flags_what_disagrees():
    got = quotes_of("HBL 145.20 +1.20 +0.93%\nUBL 312.45 -1.05 -0.33%\n")
    assert got["HBL"].flag and got["UBL"].flag is None


def test_an_item_printed_again_is_one_quote_and_flagged_when_its_numbers_differ():
    loop = "HBL 145.20 +1.20 (+0.83%) UBL 312.45 -1.05 (-0.33%) "
    got = find_quotes(copy_lines(loop + loop)).quotes
    assert [(q.symbol, q.flag) for q in got] == [("HBL", None), ("UBL", None)]
    later = loop + "HBL 145.25 +1.25 (+0.87%) UBL 312.45 -1.05 (-0.33%)"
    got = {q.symbol: q for q in find_quotes(copy_lines(later)).quotes}
    assert got["HBL"].price == 145.2 and "145.25" in (got["HBL"].flag or "") and got["UBL"].flag is None


def test_eastern_arabic_indic_digits_read_as_digits():
    got = _fields("OGDC ۱۷٫۴۴ -۰٫۵۹ -۳٫۲۷%\nTHALL ۹۶۱٫۱۲ +۸٫۷۰ +۰٫۹۱%\nHBL ١٤٥٫٢٠ +١٫٢٠ +٠٫٨٣٪\n")
    assert got == {"OGDC": (17.44, -0.59, -3.27, "down"), "THALL": (961.12, 8.7, 0.91, "up"),
                   "HBL": (145.2, 1.2, 0.83, "up")}


def test_a_quote_in_eastern_digits_uses_its_line_as_printed():
    lines = ["OGDC ۱۷٫۴۴ -۰٫۵۹ -۳٫۲۷%", "THALL ۹۶۱٫۱۲ +۸٫۷۰ +۰٫۹۱%"]
    assert set(lines) <= find_quotes(lines).used


def test_eastern_digits_make_a_figure_for_the_html_walk():
    assert has_figure("۱۷٫۴۴") and has_figure("۳٪") and not has_figure("۱۷ ۴۴")
    got = html_quotes('<ul><li>OGDC ۱۷٫۴۴ -۰٫۵۹ -۳٫۲۷%</li><li>THALL ۹۶۱٫۱۲ +۸٫۷۰ +۰٫۹۱%</li>'
                      '<li>HBL ۱۴۵٫۲۰ +۱٫۲۰ +۰٫۸۳%</li></ul>')
    assert [q.symbol for q in got] == ["OGDC", "THALL", "HBL"]


@pytest.mark.parametrize("invisible", ["\u200d", "\u200c", "\u2060", "\ufeff"])
def test_zero_width_characters_inside_figures_are_passed_over(invisible):
    got = _fields(f"CHCC 1,{invisible}485.58 -4.48 -0.30{invisible}% | HBL 145.20 +1.20 +0.83{invisible}%")
    assert got == {"CHCC": (1485.58, -4.48, -0.3, "down"), "HBL": (145.2, 1.2, 0.83, "up")}


def test_a_zero_width_space_is_a_space_but_after_a_thousands_comma():
    """The layout reads it as a break between words, as a browser does (a strip may separate its items by it);
    after a comma between digits it is passed over."""
    got = _fields("HBL 145.20 +1.20 +0.83\u200b%\u200bUBL 312.45 -1.05 -0.33\u200b% CHCC 1,\u200b485.58 -4.48 -0.30%")
    assert got == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down"),
                   "CHCC": (1485.58, -4.48, -0.3, "down")}
    got = html_quotes("<ul><li>HBL 145.20 +1.20 +0.83%</li><li>UBL 312.45 -1.05 -0.33%</li>"
                      "<li>CHCC 1,\u200b485.58 -4.48 -0.30%</li></ul>")
    assert [(q.symbol, q.price) for q in got] == [("HBL", 145.2), ("UBL", 312.45), ("CHCC", 1485.58)]


@pytest.mark.parametrize("space", ["\u2009", "\u202f"])
def test_a_thin_space_after_a_thousands_comma_is_passed_over(space):
    got = _fields(f"GHNL 1,{space}017.11 -28.62 -2.74% | HBL 145.20 +1.20 +0.83%")
    assert got == {"GHNL": (1017.11, -28.62, -2.74, "down"), "HBL": (145.2, 1.2, 0.83, "up")}


def test_accounting_negatives_in_a_change_column():
    got = _fields("Symbol\tClose\tChange\tChange (%)\nNATF\t1,265.65\t(68.29)\t(5.12)\nAHL\t122.35\t2.56\t2.14\n"
                  "FFL\t184.45\t(9.73)\t(5.01%)\n")
    assert got == {"NATF": (1265.65, -68.29, -5.12, "down"), "AHL": (122.35, 2.56, 2.14, "up"),
                   "FFL": (184.45, -9.73, -5.01, "down")}


def test_a_percent_in_parentheses_alone_is_no_loss():
    got = _fields("Symbol\tPrice\tChange\t%\nHBL\t145.20\t1.20\t(0.83%)\nUBL\t312.45\t-1.05\t(-0.33%)\n")
    assert got == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down")}


@pytest.mark.parametrize("space", [" ", "\u2009", "\u202f", "\u00a0"])
def test_thousands_set_apart_by_a_space_in_a_cell(space):
    got = quotes_of(f"Symbol\tClose\tChange\tChange (%)\tVolume\nNATF\t1{space}265.65\t-68.29\t-5.12\t1{space}250{space}000\n")
    assert (got["NATF"].price, got["NATF"].volume, got["NATF"].flag) == (1265.65, 1_250_000, None)


@pytest.mark.parametrize("mark", ["-", "0", "N/A", "0.00", ""])
def test_an_unchanged_row_may_print_no_percent(mark):
    got = quotes_of(f"Symbol\tClose\tChange\tChange (%)\nPAKRI\t21.40\t0.00\t{mark}\nHBL\t145.20\t+1.20\t+0.83\n")
    assert (got["PAKRI"].change, got["PAKRI"].percent, got["PAKRI"].direction) == (0.0, 0.0, "unchanged")
    assert "HBL" in got


@pytest.mark.parametrize("code", ["BTC", "ETH", "USD", "GOLD"])
def test_coins_currencies_and_commodities_are_no_psx_quotes(code):
    strip = f"{code} 97,250.12 +1,230.50 (+1.28%) | HBL 145.20 +1.20 (+0.83%) | UBL 312.45 -1.05 (-0.33%)"
    found = find_quotes([strip])
    assert [q.symbol for q in found.quotes] == ["HBL", "UBL"] and strip in found.used


@pytest.mark.parametrize("separator", ["•", "·", "    ", " • ", "\u00a0\u00a0\u00a0"])
def test_items_separated_only_by_a_bullet_or_spaces(separator):
    strip = separator.join(["HBL 145.20 +1.20 +0.83%", "UBL 312.45 -1.05 -0.33%", "MCB 250.10 +0.10 +0.04%"])
    assert list(_fields(strip)) == ["HBL", "UBL", "MCB"]


def test_an_item_on_two_lines_with_empty_lines_between():
    assert list(_fields("HBL\n\n145.20 +1.20 (+0.83%)\n\nUBL\n\n312.45 -1.05 (-0.33%)\n\nMCB\n\n250.10 +0.10 (+0.04%)")) == [
        "HBL", "UBL", "MCB"]


@pytest.mark.parametrize("text", [
    # a company's name is no symbol: the grid is keyed by symbol, and a name cannot be told from a heading
    "Oil & Gas Development Co 214.90 +1.20 (+0.56%)\nHabib Bank Limited 145.20 +1.20 (+0.83%)\n"
    "United Bank Ltd 312.45 -1.05 (-0.33%)",
    "HUB POWER 120.50 +1.20 +1.01%\nLUCKY CEMENT 1,012.40 +12.10 +1.21%\nFAUJI FERT 350.00 -3.50 -0.99%",
    # "pc" and "per cent" are how prose writes a percent
    "HBL 145.20 +1.20 (+0.83 pc) | UBL 312.45 -1.05 (-0.33 pc) | MCB 250.10 +0.10 (+0.04 pc)",
    "HBL 145.20 +1.20 (+0.83 per cent) | UBL 312.45 -1.05 (-0.33 per cent)",
])
def test_names_and_prose_percents_give_no_quote(text):
    assert quotes_of(text) == {}


def test_an_item_printed_again_rounded_otherwise_is_no_repeat_to_flag():
    strips = ("KSE100 118,427 +1,049.3 (+0.89%) | HBL 145.20 +1.20 (+0.83%) | UBL 312.45 -1.05 (-0.33%)\n"
              "KSE100 118,427.35 +1,049.30 (+0.89%) | HBL 145.20 +1.20 (+0.83%) | UBL 312.45 -1.05 (-0.33%)\n")
    got = find_quotes(copy_lines(strips)).quotes
    assert [(q.symbol, q.price, q.flag) for q in got] == [("KSE100", 118427.0, None), ("HBL", 145.2, None),
                                                          ("UBL", 312.45, None)]


@pytest.mark.parametrize("mark", ["-", "--", "—", "N/A"])
def test_a_change_printed_as_a_dash_beside_a_price_is_no_change_and_the_table_goes_on(mark):
    got = quotes_of(f"Symbol\tClose\tChange\tChange (%)\nHBL\t145.20\t+1.20\t+0.83\nPAKRI\t21.40\t{mark}\t{mark}\n"
                    "UBL\t312.45\t-1.05\t-0.33\n")
    assert (got["PAKRI"].price, got["PAKRI"].change, got["PAKRI"].percent, got["PAKRI"].direction) == (
        21.4, 0.0, 0.0, "unchanged")
    assert "UBL" in got and quotes_of(f"Symbol\tClose\tChange\nHBL\t-\t{mark}\nUBL\t312.45\t-1.05\n").keys() == {"UBL"}


def test_a_strip_without_a_change_gives_no_quote():
    assert quotes_of("HBL +0.83% 145.20 | UBL -0.33% 312.45 | MCB +0.04% 250.10") == {}


@pytest.mark.parametrize("strip", [
    "HBL: 145.20 (+1.20 / +0.83%) | UBL: 312.45 (-1.05 / -0.33%) | MCB: 250.10 (+0.10 / +0.04%)",
    "HBL 145.20 +1.20/+0.83% | UBL 312.45 -1.05/-0.33% | MCB 250.10 +0.10/+0.04%",
    "HBL 145.20 (+1.20 +0.83%) UBL 312.45 (-1.05 -0.33%) MCB 250.10 (+0.10 +0.04%)",
])
def test_change_and_percent_in_one_pair_of_parentheses_or_joined_by_a_slash(strip):
    assert _fields(strip) == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down"),
                              "MCB": (250.1, 0.1, 0.04, "up")}


def test_index_points_marked_pts():
    got = _fields("KSE100 118,427.35 +1,049.30 pts (+0.89%) | KMI30 175,640.22 -412.06 pts (-0.23%)")
    assert got == {"KSE100": (118427.35, 1049.3, 0.89, "up"), "KMI30": (175640.22, -412.06, -0.23, "down")}


@pytest.mark.parametrize("company", ["Company", "Stock"])
def test_a_company_column_beside_a_symbol_column_is_text(company):
    for head, row in ((f"{company}\tSymbol", "Habib Bank Limited\tHBL"), (f"Symbol\t{company}", "HBL\tHabib Bank Limited")):
        got = quotes_of(f"{head}\tPrice\tChange\t%\n{row}\t145.20\t+1.20\t+0.83%\n")
        assert (got["HBL"].price, got["HBL"].change, got["HBL"].percent) == (145.2, 1.2, 0.83)
    assert set(quotes_of(f"{company}\tPrice\tChange\t%\nHBL\t145.20\t+1.20\t+0.83%\n")) == {"HBL"}  # alone: symbols


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c", "\u2066", "\u202a", "\u00ad"])
def test_direction_marks_and_soft_hyphens_around_figures_are_passed_over(mark):
    got = _fields(f"HBL {mark}145.20{mark} {mark}+1.20 +0.83%{mark} | UBL {mark}312.45 {mark}-1.05{mark} -0.33%")
    assert got == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down")}


@pytest.mark.parametrize(("cell", "symbol"), [
    ("HBL (XD)", "HBL"), ("HBL XD", "HBL"), ("Habib Bank (HBL)", "HBL"), ("1. HBL", "HBL"), ("12) HBL", "HBL"),
])
def test_a_symbol_cell_with_a_note_or_a_rank(cell, symbol):
    got = quotes_of(f"Symbol\tPrice\tChange\t%\n{cell}\t145.20\t+1.20\t+0.83%\nUBL\t312.45\t-1.05\t-0.33%\n")
    assert set(got) == {symbol, "UBL"} and got[symbol].price == 145.2


def _jsx(items: list[tuple[str, str, str, str]], paren: str = "({})") -> str:
    return "<ul>" + "".join(f"<li><span>{a}</span><span>{b}</span><span>{c}</span><span>{paren.format(d)}</span></li>"
                            for a, b, c, d in items) + "</ul>"


_ITEMS = [("HBL", "145.20", "+1.20", "+0.83%"), ("UBL", "312.45", "-1.05", "-0.33%"), ("KSE100", "118,427.35",
                                                                                    "+1,049.30", "+0.89%")]


@pytest.mark.parametrize("paren", ["({})", "<span>(</span><span>{}</span><span>)</span>", "{}"])
def test_fields_in_elements_with_nothing_between_them(paren):
    got = html_quotes(_jsx(_ITEMS, paren))
    assert [(q.symbol, q.price, q.change, q.percent) for q in got] == [
        ("HBL", 145.2, 1.2, 0.83), ("UBL", 312.45, -1.05, -0.33), ("KSE100", 118427.35, 1049.3, 0.89)]


def test_glued_text_is_not_split_by_the_finder():
    assert quotes_of("\n".join(a + b + c + d for a, b, c, d in _ITEMS)) == {}  # a copy that glued them: unread


def test_a_parenthesis_alone_on_a_line_around_a_percent():
    got = _fields("HBL\n145.20\n+1.20\n(\n+0.83%\n)\nUBL\n312.45\n-1.05\n(\n-0.33%\n)\n")
    assert got == {"HBL": (145.2, 1.2, 0.83, "up"), "UBL": (312.45, -1.05, -0.33, "down")}
