"""Pages the plainer-markup rules were not written for: coloured text and headings, preformatted blocks, times
and ranks, tables turned on their side, note rows and two-row layouts that hold no quotes. Each must give no
quote it does not print, and keep the quotes it does."""

from __future__ import annotations

import pytest

from parsing.extract.quotes.check import bare_direction, numbers_problem
from parsing.extract.quotes.figures import parse_number
from tests.parsing.extract.quotes.helpers import html_quotes, quotes_of

_ROWS = ("<tr><td>HBL</td><td>145.20</td><td>1.20</td><td>0.83</td></tr>"
         "<tr><td>UBL</td><td>230.50</td><td>2.10</td><td>0.92</td></tr></table>")


def _table(*rows: list[str]) -> str:
    return "<table>" + "".join("<tr><td>" + "</td><td>".join(row) + "</td></tr>" for row in rows) + "</table>"


def _num(text: str):
    num = parse_number(text)
    assert num is not None
    return num


@pytest.mark.parametrize("head", [
    '<tr style="color:red"><th>Symbol</th><th>Price</th><th>Change</th><th>%</th></tr>',
    '<tr><th style="color:#c00">Symbol</th><th style="color:#c00">Price</th><th>Change</th><th>%</th></tr>',
    "<tr><th><font color=green>Symbol</font></th><th><font color=green>Price</font></th><th>Change</th><th>%</th>"
    "</tr>",
    '<tr class="red"><th>Symbol</th><th>Price</th><th>Change</th><th>%</th></tr>',
])
def test_a_header_coloured_red_or_green_still_heads_its_table(head):
    got = {quote.symbol: quote for quote in html_quotes(f"<table>{head}{_ROWS}")}
    assert set(got) == {"HBL", "UBL"}
    assert (got["HBL"].change, got["HBL"].direction) == (1.20, "up")


_BY_PERIOD = [["Close", "41,452", "78,445", "115,126"], ["Change", "1,100", "37,000", "36,700"],
              ["%", "2.7", "89.2", "46.8"]]


@pytest.mark.parametrize("periods", [
    ["FY23", "FY24", "FY25"], ["2023", "2024", "2025"], ["Q1", "Q2", "Q3"], ["JAN", "FEB", "MAR"],
    ["WTD", "MTD", "YTD"], ["MON", "TUE", "WED"], ["1QFY25", "1HFY25", "9MFY25"], ["CY23", "CY24", "CY25"],
])
@pytest.mark.parametrize("corner", ["Index", "Symbol"])
def test_a_table_of_figures_by_period_turned_on_its_side_gives_no_quote(corner, periods):
    assert html_quotes(_table([corner, *periods], *_BY_PERIOD)) == []


def test_an_index_summary_turned_on_its_side_is_still_read():
    page = _table(["Index", "KSE100", "KMI30", "ALLSHR"], ["Current", "117,586.90", "180,000.10", "75,000.20"],
                  ["Change", "1,049.30", "500.10", "300.20"], ["% Change", "0.90", "0.28", "0.40"])
    assert [quote.symbol for quote in html_quotes(page)] == ["KSE100", "KMI30", "ALLSHR"]


@pytest.mark.parametrize("rows", [
    # sectors of the economy side by side
    [["Sector", "Agriculture", "Industry", "Services"], ["Current", "23.5", "19.1", "57.4"],
     ["Change", "1.2", "0.5", "0.7"], ["%", "5.4", "2.7", "1.2"]],
    # no percent row: nothing to check a price and change against
    [["Company", "TFC1", "TFC2", "SUKUK"], ["Rate", "100.50", "99.80", "101.20"], ["Change", "0.50", "0.20", "1.20"]],
    # percents that do not follow from price and change
    [["Symbol", "PTI", "PMLN", "PPP"], ["Points", "120", "98", "87"], ["Change", "12", "8", "7"],
     ["%", "43.3", "34.2", "22.5"]],
])
def test_a_table_on_its_side_must_print_agreeing_percents_of_named_quotes(rows):
    assert html_quotes(_table(*rows)) == []


def test_a_name_row_over_a_row_of_years_gives_no_quote():
    text = "Symbol\tPrice\tChange\t%\nHBL\tHabib Bank Limited\n\t2024\t2023\t2022\n"
    assert quotes_of(text) == {}
    # a quote over two rows whose numbers agree is read
    got = quotes_of("Symbol\tPrice\tChange\t%\nHBL\tHabib Bank Limited\n\t145.20\t1.20\t0.83\n")
    assert (got["HBL"].price, got["HBL"].change) == (145.20, 1.20)


def test_a_previous_close_lost_in_the_rounding_is_a_problem():
    # 2024 − 2023 leaves a base of 1 ± 1: any percent would pass within that rounding
    assert numbers_problem(_num("2024"), _num("2023"), _num("2022"), None, 2023.0, 2022.0) is not None
    assert numbers_problem(_num("145.20"), _num("1.20"), _num("0.83"), None, 1.20, 0.83) is None
    assert numbers_problem(_num("3"), _num("1"), _num("50"), None, 1.0, 50.0) is None


def test_a_gain_whose_percent_is_taken_over_todays_price_is_not_read_as_a_loss():
    # 0.29 / 15.55 = 1.86%: between a gain's 1.90% and a loss's 1.83%, and within a loss's rounding
    assert bare_direction(_num("15.55"), _num("0.29"), _num("1.86"), None) is None
    got = quotes_of("Scrip\tRate\tChange\t%\nTPLP\t22.09\t1.66\t6.99\nPAEL\t15.55\t0.29\t1.86\n")
    assert set(got) == {"TPLP"} and got["TPLP"].direction == "down"


# Pages a news site carries whose figures are not quotes: each must give none.
_NOT_QUOTES = {
    "a coloured sentence": '<p>At close, <font color="red">the index fell 1,049.30 points (0.89%)</font> to '
                           "117,586.90.</p><p style=\"color:green\">KSE 100 gained 450.10 points or 0.38%</p>",
    "a coloured score table": "<table><tr><th>Team</th><th>Score</th><th>Overs</th><th>RR</th></tr><tr><td>PAK</td>"
                              "<td><font color=green>245</font></td><td>50.0</td><td>4.90</td></tr><tr><td>IND</td>"
                              "<td><font color=red>230</font></td><td>48.2</td><td>4.76</td></tr></table>",
    "a coloured score strip": "<p><font color=green>PAK 245 8 (50)</font> | <font color=red>IND 230 10 (48.2)"
                              "</font></p>",
    "coloured results": "<table><tr><th>Company</th><th>EPS</th><th>Change</th><th>%</th></tr><tr><td>HBL</td>"
                        "<td><font color=green>12.50</font></td><td><font color=green>1.20</font></td>"
                        "<td><font color=green>10.62</font></td></tr></table>",
    "a red heading": '<h2 style="color:#c00">Breaking: 3 killed, 12 injured</h2><h3><font color=green>Budget '
                     "2024 25 up 12.5%</font></h3>",
    "code in pre": "<pre>for i in range(10):\n    print(i, 1.5 * i)\nHBL = 145.20\nUBL  230.50  1.20  0.52\n</pre>",
    "a poll in pre": "<pre>Party        Votes    Change   %\n----------------------------------\nPTI          520  "
                     "    12       43.3\nPMLN         410      8        34.2\n</pre>",
    "weather in pre": "<pre>CITY      MAX   MIN   RAIN\n----------------------\nLHR       38    27    0.5\nKHI   "
                      "    34    28    1.2\n</pre>",
    "a log in pre": "<pre>2024-05-01 10:32:01 INFO HBL 145.20 1.20 0.83\n2024-05-01 10:32:02 INFO UBL 230.50 "
                    "2.10 0.92\n</pre>",
    "a markdown score table": "<pre>| Team | Points | Change | % |\n|---|---:|---:|---:|\n| PAK | 245 | 12 | 5.1 |"
                              "\n| IND | 230 | 10 | 4.5 |\n</pre>",
    "a train timetable": "<table><tr><th>Train</th><th>Departs</th><th>Arrives</th><th>Fare</th></tr><tr><td>"
                         "Green Line 5UP</td><td>10:30</td><td>22:15</td><td>4,500</td></tr></table>",
    "trading hours": "<p>Trading hours: Mon-Thu 9:30 AM 3:30 PM; Friday 9:15 12:00 PKT 2:30 4:30.</p>",
    "prayer times": "<p>FAJR 5:12 DHUHR 12:10 ASR 3:45 MAGHRIB 5:40 ISHA 7:05</p>",
    "match times": "<p>PAK vs IND 2:30 PM PKT; AUS vs ENG 10:00 AM; PAK 245 8 10:32 IND 230 10</p>",
    "a ranked list": "<p>1. Pakistan 245 2. India 230 3. Australia 210</p><p>ICC ODI rankings: 1. IND 121 "
                     "2. AUS 118 3. PAK 112</p>",
    "a medal table": "<p>1. USA 126 2. CHN 91 3. JPN 45</p>",
    "cars side by side": _table(["Model", "CIVIC", "CITY", "YARIS"], ["Price", "8,999,000", "4,999,000", "4,500,000"],
                                ["Change", "250,000", "150,000", "100,000"], ["%", "2.86", "3.09", "2.27"]),
    "a budget by year": _table(["Item", "FY23", "FY24", "FY25"], ["Revenue", "7,200", "9,400", "12,900"],
                               ["Change", "1,100", "2,200", "3,500"], ["%", "18.0", "30.6", "37.2"]),
    "votes by party": _table(["Symbol", "PTI", "PMLN", "PPP"], ["Votes", "120,000", "98,000", "87,000"],
                             ["Change", "12,000", "8,000", "7,000"], ["% change", "11.1", "8.9", "8.7"]),
    "currencies side by side": _table(["Index", "USD", "EUR", "GBP"], ["Rate", "278.50", "301.20", "352.10"],
                                      ["Change", "0.20", "1.10", "0.90"], ["%", "0.07", "0.37", "0.26"]),
    "a broker's targets": _table(["Symbol", "HBL", "UBL", "MCB"], ["Target price", "180.00", "260.00", "300.00"],
                                 ["Upside", "34.80", "29.50", "40.00"], ["%", "24.0", "12.8", "15.4"]),
    "a flight table with a note": "<table><tr><th>Flight</th><th>Dep</th><th>Arr</th><th>Fare</th></tr><tr>"
                                  "<td colspan=4>Flights on Friday are delayed by two hours</td></tr><tr><td>PK301"
                                  "</td><td>10:30</td><td>12:15</td><td>25,000</td></tr></table>",
    "results over two rows": "<table><tr><th>Symbol</th><th>Price</th><th>Change</th><th>%</th></tr><tr><td>HBL"
                             "</td><td colspan=3>Habib Bank Limited</td></tr><tr><td></td><td>2024</td><td>2023"
                             "</td><td>2022</td></tr></table>",
    "metals with footnotes": "<table><tr><th>Symbol</th><th>Price</th><th>Change</th><th>%</th></tr><tr><td>XAU¹"
                             "</td><td>2310.50</td><td>12.30</td><td>0.53</td></tr></table>",
    "a fund with a footnote": "<table><tr><th>Fund</th><th>NAV</th><th>Change</th><th>%</th></tr><tr><td>ABL*</td>"
                              "<td>11.20</td><td>0.02</td><td>0.18</td></tr></table>",
}


@pytest.mark.parametrize("page", _NOT_QUOTES.values(), ids=_NOT_QUOTES.keys())
def test_pages_of_other_figures_give_no_quote(page):
    assert html_quotes(page) == []


@pytest.mark.parametrize("name", ["TOTAL", "Total", "GRAND TOTAL", "Market Total", "TOTALS", "SUM"])
def test_a_totals_row_in_capitals_is_no_quote_and_the_rows_below_it_are_read(name):
    rows = [["Symbol", "Price", "Change", "%"], ["HBL", "145.20", "+1.20", "+0.83%"],
            ["MCB", "210.50", "-2.10", "-0.99%"], [name, "355.70", "-0.90", "-0.25%"],
            ["UBL", "180.00", "+0.90", "+0.50%"]]
    assert [quote.symbol for quote in html_quotes(_table(*rows))] == ["HBL", "MCB", "UBL"]


_MOVERS = (("HBL", "145.20", "+1.20", "+0.83%"), ("UBL", "230.50", "+2.10", "+0.92%"), ("MCB", "210.50", "-2.10", "-0.99%"))


@pytest.mark.parametrize("item", [
    '<li><a href="/s/{0}" style="color:#c00">{0}</a> {1} {2} ({3})</li>',
    '<div><div style="color:#c00">{0}</div><div>{1}</div><div>{2} ({3})</div></div>',  # a card, a field a line
])
def test_a_sites_red_links_and_headings_say_nothing_of_direction(item):
    """Colour counts only on an element holding a figure: red symbols beside signed gains give no flag."""
    items = "".join(item.format(*mover) for mover in _MOVERS)
    got = {quote.symbol: quote for quote in html_quotes(f'<h3><font color="red">Market movers</font></h3>{items}')}
    assert [(got[s].direction, got[s].flag) for s in ("HBL", "UBL", "MCB")] == [("up", None), ("up", None),
                                                                                ("down", None)]


def test_coloured_cells_still_give_an_unsigned_change_its_direction():
    rows = "".join(f'<tr><td>{s}</td><td>{p}</td><td style="color:{c}">{ch}</td><td style="color:{c}">{pc}</td></tr>'
                   for s, p, ch, pc, c in (("HBL", "145.20", "1.20", "0.83%", "green"),
                                           ("MCB", "210.50", "2.10", "0.99%", "red")))
    got = {quote.symbol: quote for quote in
           html_quotes(f"<table><tr><th>Symbol</th><th>Price</th><th>Change</th><th>%</th></tr>{rows}</table>")}
    assert (got["HBL"].direction, got["MCB"].direction, got["MCB"].change) == ("up", "down", -2.10)
