"""Quote tables: headers by synonym in any order, rows by column role, glued rows, and the merge with strips."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing.extract.quotes import find_quotes
from parsing.html.layout import MARK_DOWN, copy_lines
from tests.parsing.extract.quotes.helpers import html_quotes, quotes_of
from tests.parsing.extract.quotes.test_strips import fmt, is_symbol, quote_numbers

MARKET_WATCH_HEADER = "SYMBOL\tSECTOR\tLISTED IN\tLDCP\tOPEN\tHIGH\tLOW\tCURRENT\tCHANGE\tCHANGE (%)\tVOLUME\n"


def test_market_watch_row_by_column_role():
    text = MARKET_WATCH_HEADER + "DGKC\tCEMENT\tKSE100, KMI30\t416.33\t413.42\t444.71\t413.23\t444.03\t27.70\t6.65%\t21,349\n"
    q = quotes_of(text)["DGKC"]
    assert (q.price, q.change, q.percent, q.previous_close, q.open, q.high, q.low, q.volume, q.sector) == (
        444.03, 27.70, 6.65, 416.33, 413.42, 444.71, 413.23, 21349, "CEMENT")
    assert (q.kind, q.flag, q.percent_computed) == ("stock", None, False)


def test_table_lines_are_used_cell_by_cell():
    text = MARKET_WATCH_HEADER + "DGKC\tCEMENT\tKSE100, KMI30\t416.33\t413.42\t444.71\t413.23\t444.03\t27.70\t6.65%\t21,349\n"
    used = find_quotes(copy_lines(text)).used
    assert "SYMBOL SECTOR LISTED IN LDCP OPEN HIGH LOW CURRENT CHANGE CHANGE (%) VOLUME" in used
    assert {"DGKC", "CEMENT", "444.03", "CHANGE (%)"} <= used


def test_other_column_orders_and_a_bare_loser_percent():
    got = quotes_of("Top losers\nCompany\t% Chg\tClose\tChg\nLPL\t-7.20\t36.59\t-2.84\nPIOC\t7.03\t29.75\t-2.25\n")
    assert got["LPL"].percent == -7.20 and got["PIOC"].percent == -7.03 and got["PIOC"].flag is None


@pytest.mark.parametrize("header", ["Scrip\tRate\tChange\t% Chg", "scrip\trate\tchg\tchange%", "Code\tLTP\tNet\t%",
                                    "Symbol\tLast\tChange\tChange (%)"])
def test_header_synonyms_in_any_case(header):
    assert quotes_of(f"{header}\nHUBC\t120.50\t1.05\t0.88%\n")["HUBC"].change == 1.05


def test_a_row_that_disagrees_is_flagged_not_dropped():
    got = quotes_of("Symbol\tLDCP\tHigh\tLow\tCurrent\tChange\nAAA\t10.00\t10.50\t9.80\t11.00\t0.50\nBBB\t5.00\t5.1\t4.9\t5.05\t0.05\n")
    assert "previous close" in got["AAA"].flag and "range" in got["AAA"].flag.split(";")[-1]
    assert got["BBB"].flag is None


def test_index_table_with_glyphs_in_the_change_cells():
    got = quotes_of("Index\tHigh\tLow\tCurrent\tChange\t%\nKMI30\t176,001.10\t174,200.00\t175,640.22\t▲ 1,412.06\t0.81\n"
                    "ALLSHR\t75,100.00\t74,200.00\t74,400.00\t▼ 310.50\t0.42\n")
    assert (got["KMI30"].kind, got["KMI30"].direction, got["KMI30"].percent) == ("index", "up", 0.81)
    assert (got["ALLSHR"].change, got["ALLSHR"].percent, got["ALLSHR"].flag) == (-310.5, -0.42, None)


def test_sector_rows_get_a_computed_percent():
    got = quotes_of("Sector\tCurrent\tChange\tVolume Traded\nBR - Cement\t5,128.27\t137.80\t31,848,250\n")
    q = got["BR - Cement"]
    assert (q.kind, q.percent, q.percent_computed, q.volume) == ("sector", 2.76, True, 31848250)


def test_glued_sector_rows_split_by_decimals():
    got = quotes_of("BR Sectors Position\nSector\nOpen High Low Close Change Turnover\nBR - Cement\n"
                    "4,990.475,133.434,989.625,128.27137.8031,848,250\nBR - Oil and Gas\n"
                    "10,320.2810,463.2310,184.2210,194.29-126.0125,683,136\n")
    cement = got["BR - Cement"]
    assert (cement.open, cement.high, cement.low, cement.price, cement.change, cement.volume) == (
        4990.47, 5133.43, 4989.62, 5128.27, 137.80, 31848250)
    assert cement.kind == "sector" and cement.percent_computed and cement.flag is None
    assert got["BR - Oil and Gas"].change == -126.01


def test_glued_header_and_rows_on_one_line():
    got = quotes_of("SectorCurrentChangeVolume Traded\nBR - Insurance6,098.7513.661,563,532\n"
                    "BR - Oil and Gas735.520.00225,089")
    assert got["BR - Insurance"].change == 13.66 and got["BR - Oil and Gas"].direction == "unchanged"


def test_glued_row_that_splits_no_way_consistently_is_left_out():
    got = quotes_of("Sector\nOpen High Low Close Change Turnover\nBR - Cement\n9,990.475,133.434,989.625,128.27137.8031,848,250\n")
    assert got == {}


def test_table_row_wins_over_the_strip():
    text = ("HUBC 120.50 Increased By ▲ 1.05 (0.88%)\nOGDC 213.07 Decreased By ▼ -13.70 (-6.04%)\n"
            "Scrip\tRate\tChange\t% Chg\tVolume\nHUBC\t121.00\t1.55\t1.30%\t1,000\n")
    quotes = find_quotes(copy_lines(text)).quotes
    assert [q.symbol for q in quotes] == ["HUBC", "OGDC"]
    assert (quotes[0].price, quotes[0].volume) == (121.0, 1000)


def test_prose_tables_are_not_quote_tables():
    text = ("Indicator\tLatest\tPrevious\tChange\nCPI inflation (YoY)\t4.1%\t3.5%\t+0.6\n"
            "Company\tProfit (Rs bn)\tEPS\tChange\nLucky Cement\t12.3\t41.20\t+5.1%\n")
    assert quotes_of(text) == {}


def test_market_page_rule():
    rows = "".join(f"S{n:03d}\t10.00\t0.10\t1.01%\n" for n in range(60))
    found = find_quotes(copy_lines("Symbol\tCurrent\tChange\t%\n" + rows))
    assert found.table_rows == 60
    assert found.is_market_page(["The index closed higher."])
    assert not found.is_market_page(["A long story paragraph. " * 80])


# --- generated tables ------------------------------------------------------------------------------------------

symbols = st.from_regex(r"[A-Z]{3,6}", fullmatch=True).filter(is_symbol)
cents = st.integers(min_value=100, max_value=2_000_000)
ROLE_NAMES = {"price": ["Current", "Close", "Rate", "LTP", "Last", "Price"], "change": ["Change", "Chg", "Net"],
              "percent": ["Change (%)", "% Chg", "%", "Change%"], "prev": ["LDCP", "Prev. Close", "Previous"],
              "volume": ["Volume", "Vol", "Volume Traded"]}


@st.composite
def tables(draw):
    """A quote table in random markup: header synonyms, column order, case, cell wrappers, signs."""
    roles = draw(st.permutations(["price", "change", *draw(st.lists(st.sampled_from(["percent", "prev", "volume"]),
                                                                      unique=True))]))
    head = [draw(st.sampled_from(["Symbol", "Scrip", "Company", "Code"]))] + [draw(st.sampled_from(ROLE_NAMES[r]))
                                                                           for r in roles]
    upper, plus = draw(st.booleans()), draw(st.booleans())
    wrap = draw(st.sampled_from(["{}", "<span>{}</span>", "<b>{}</b>", " {} "]))
    rows, truth = [], {}
    for sym in draw(st.lists(symbols, min_size=1, max_size=12, unique=True)):
        prev = draw(cents)
        price, change, percent = quote_numbers(prev, draw(st.integers(-50_000, 50_000)))
        volume = draw(st.integers(0, 10**8))
        value = {"price": fmt(price, False, "-"), "change": fmt(change, plus, "-"),
                 "percent": f"{fmt(percent, plus, '-', False)}%", "prev": fmt(prev / 100, False, "-"),
                 "volume": f"{volume:,}"}
        rows.append(f"<tr><td><a href='/c/{sym}'>{sym}</a></td>"
                    + "".join(f"<td>{wrap.format(value[r])}</td>" for r in roles) + "</tr>")
        truth[sym] = (price, change, percent if "percent" in roles else round(change / (price - change) * 100, 2),
                      volume if "volume" in roles else None)
    th = "".join(f"<th>{h.upper() if upper else h}</th>" for h in head)
    return (f"<html><body><p>Market data</p><table><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody>"
            "</table></body></html>", truth)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_generated_table_parses_back(case):
    markup, truth = case
    got = {q.symbol: (q.price, q.change, q.percent, q.volume) for q in html_quotes(markup)}
    assert got == truth


@st.composite
def glued_tables(draw):
    rows, truth = [], {}
    for n in range(draw(st.integers(1, 10))):
        name = f"BR - {draw(st.sampled_from(['Cement', 'Oil and Gas', 'Commercial Banks', 'Refinery']))} {'ABCDEFGHIJK'[n]}"
        prev = draw(st.integers(10_000, 5_000_000))
        price, change, _ = quote_numbers(prev, draw(st.integers(-100_000, 100_000)))
        low = min(prev, round(price * 100)) - draw(st.integers(0, 900))
        high = max(prev, round(price * 100)) + draw(st.integers(0, 900))
        volume = draw(st.integers(1_000, 10**8))
        cells = [fmt(prev / 100, False, "-"), fmt(high / 100, False, "-"), fmt(max(low, 1) / 100, False, "-"),
                 fmt(price, False, "-"), fmt(change, False, "-"), f"{volume:,}"]
        rows.append(f"{name}\n{''.join(cells)}")
        truth[name] = (price, change, volume)
    return "Sector\nOpen High Low Close Change Turnover\n" + "\n".join(rows), truth


@settings(max_examples=100, deadline=None)
@given(glued_tables())
def test_generated_glued_rows_parse_back_or_are_left_out(case):
    text, truth = case
    got = {q.symbol: (q.price, q.change, q.volume) for q in quotes_of(text).values()}
    assert all(truth[symbol] == values for symbol, values in got.items())  # never a wrong split
    assert len(got) >= len(truth) * 0.8


def test_a_symbol_printed_in_lower_case_is_read_in_a_symbol_column():
    got = quotes_of("Symbol\tPrice\tChange\tChange %\nhbl\t145.20 PKR\t+1.20\t+0.83%\npso2\t10.00\t-0.10\t-0.99%\n")
    assert (got["HBL"].price, got["HBL"].change, got["HBL"].flag) == (145.20, 1.20, None) and "PSO2" in got


@pytest.mark.parametrize("empty", ["-", "—", "", "n/a"])
def test_a_row_without_a_price_is_passed_over_and_the_table_goes_on(empty):
    text = (f"Symbol\tPrice\tChange\tChange %\nHBL\t145.20\t+1.20\t+0.83%\nAGIL\t{empty}\t{empty}\t{empty}\n"
            "UBL\t312.45\t-1.05\t-0.33%\n")
    found = find_quotes(copy_lines(text))
    assert [q.symbol for q in found.quotes] == ["HBL", "UBL"] and found.table_rows == 2


def test_a_row_with_words_for_a_price_ends_the_table():
    text = "Symbol\tPrice\tChange\tChange %\nHBL\t145.20\t+1.20\t+0.83%\nNote\tsee below\tnone\tnone\nUBL\t312.45\t-1.05\t-0.33%\n"
    assert [q.symbol for q in find_quotes(copy_lines(text)).quotes] == ["HBL"]


def test_a_short_volume_is_read_in_a_volume_column_only():
    got = quotes_of("Symbol\tPrice\tChange\tVolume\nHBL\t145.20\t+1.20\t1.25M\nUBL\t312.45\t-1.05\t850.3K\n")
    assert (got["HBL"].volume, got["UBL"].volume) == (1_250_000, 850_300)
    assert quotes_of("Symbol\tPrice\tChange\nHBL\t1.25M\t+1.20\n") == {}  # a price is never printed short


@pytest.mark.parametrize("cell", ["HBL\nHabib Bank Limited\t", "HBL\nHabib Bank\nLimited\t", "HBL\n\t"])
def test_a_symbol_over_the_company_name_in_one_cell(cell):
    rows = (f"{cell}145.20\t+1.20\t+0.83%\n" + cell.replace("HBL", "UBL").replace("Habib", "United")
            + "312.45\t-1.05\t-0.33%\n")
    found = find_quotes(copy_lines("Symbol\tPrice\tChange\t%\n" + rows))
    assert [(q.symbol, q.price) for q in found.quotes] == [("HBL", 145.2), ("UBL", 312.45)]


def test_a_broken_row_is_read_with_the_name_column_anywhere():
    text = "#\tSymbol\tPrice\tChange\n1\tHBL\nHabib Bank\t145.20\t+1.20\n2\tUBL\nUnited Bank\t312.45\t-1.05\n"
    assert list(quotes_of(text)) == ["HBL", "UBL"]


def test_lines_that_do_not_add_up_to_a_row_end_the_table():
    # the next line brings too many cells: no row is made across two rows
    text = "Symbol\tPrice\tChange\t%\nHBL\t145.20\nUBL\t312.45\t-1.05\t-0.33%\n"
    assert "HBL" not in quotes_of(text)


@pytest.mark.parametrize("arrow", ["⇅", "↕", "▲▼", "↑↓"])
def test_sort_indicators_in_header_cells_are_read_past(arrow):
    text = (f"Symbol {arrow}\tPrice {arrow}\tChg {arrow}\tChg (%) {arrow}\nHBL\t145.20\t+1.20\t+0.83%\n"
            "TOTAL\t\t\t\n")
    found = find_quotes(copy_lines(text))
    assert [(q.symbol, q.percent) for q in found.quotes] == [("HBL", 0.83)]


def test_sort_indicators_in_a_header_of_one_cell_per_line_are_read_past():
    cells = ["Symbol ⇅", "Last ⇅", "Change ⇅", "% Change ⇅", "Volume ⇅", "HBL", "145.20", "+1.20", "+0.83%", "1,000"]
    found = find_quotes(cells)
    assert [(q.symbol, q.volume) for q in found.quotes] == [("HBL", 1000)] and found.table_rows == 1


@pytest.mark.parametrize(("cell", "symbol"), [("HBL Habib Bank Limited", "HBL"), ("HBL - Habib Bank", "HBL"),
                                               ("Habib Bank Ltd. (HBL)", "HBL"), ("KSE-100 Index", "KSE-100"),
                                               ("ENGRO: Engro Corporation", "ENGRO")])
def test_a_name_cell_that_also_names_the_company(cell, symbol):
    q = quotes_of(f"Symbol\tPrice\tChange\n{cell}\t145.20\t+1.20\n")[symbol]
    assert (q.price, q.change) == (145.2, 1.2)


@pytest.mark.parametrize("cell", ["Habib Bank Limited", "HBL habib bank", "HBL 2025 results", "(HBL) Habib Bank"])
def test_a_name_cell_without_a_symbol_gives_no_quote(cell):
    assert quotes_of(f"Symbol\tPrice\tChange\n{cell}\t145.20\t+1.20\n") == {}


@pytest.mark.parametrize("cell", ["+1.20 (+0.83%)", "+1.20 / +0.83%", "1.20 (0.83%)", "+1.20 | +0.83 %"])
def test_a_change_cell_that_also_holds_the_percent(cell):
    q = quotes_of(f"Symbol\tPrice\tChange\tVolume\nHBL\t145.20\t{cell}\t1,000\n")["HBL"]
    assert (q.change, q.percent, q.percent_computed, q.volume, q.flag) == (1.2, 0.83, False, 1000, None)


def test_a_percent_in_the_change_cell_that_disagrees_is_flagged():
    q = quotes_of("Symbol\tPrice\tChange\tVolume\nHBL\t145.20\t+1.20 (+2.83%)\t1,000\n")["HBL"]
    assert q.percent == 2.83 and "percent" in q.flag


def test_a_symbol_of_digits_is_read_in_a_symbol_column():
    got = quotes_of("#\tSymbol\tName\tLTP\tChange\n1\t786\t786 Investments\t12.13\t-0.21\n2\tHBL\tHabib Bank\t145.20\t+1.20\n")
    assert (got["786"].price, got["786"].change, got["786"].kind) == (12.13, -0.21, "stock") and "HBL" in got
    assert quotes_of("Symbol\tLTP\tChange\n78\t12.13\t-0.21\n") == {}  # a serial number is no symbol


def test_lower_case_words_are_no_symbols_outside_a_symbol_column():
    assert quotes_of("hbl 145.20 +1.20 +0.83%\nubl 312.45 -1.05 -0.33%\nMixed\t10.00\t+0.10\t+1.01%\n") == {}
    assert quotes_of("Symbol\tPrice\tChange\tChange %\nHabib\t145.20\t+1.20\t+0.83%\n") == {}


@pytest.mark.parametrize("first", ["Currency", "Commodity", "DATE", "Country"])
def test_rows_under_a_table_of_other_rates_are_no_quotes(first):
    rows = "USD\t280.15\t+0.05\t+0.02%\nEUR\t301.20\t-0.36\t-0.12%\nGBP\t355.00\t+1.42\t+0.40%\n"
    found = find_quotes(copy_lines(f"{first}\tRate\tChange\tChange %\n{rows}"))
    assert found.quotes == () and {"USD", "301.20", "Rate"} <= found.used and found.table_rows == 0
    stocks = rows.replace("USD", "HBL").replace("EUR", "UBL").replace("GBP", "MCB")
    assert set(quotes_of(f"Symbol\tRate\tChange\tChange %\n{stocks}")) == {"HBL", "UBL", "MCB"}  # the rule is the header
    assert quotes_of(f"Symbol\tRate\tChange\tChange %\n{rows}") == {}  # ... and a currency is never a PSX symbol


def test_a_table_of_other_rates_ends_where_its_rows_do():
    text = "Currency\tRate\tChange\tChange %\nUSD\t280.15\t+0.05\t+0.02%\nMarket\nHUBC 120.50 +1.20 +1.01%\nOGDC 213.07 -1.70 -0.79%\n"
    assert list(quotes_of(text)) == ["HUBC", "OGDC"]


GROUPED = "Symbol\tPrice (Rs.)\tChange\tVolume\nLDCP\tCurrent\tRs.\t%\n"


def test_two_row_header_groups_sub_cells_under_its_cells():
    got = quotes_of(GROUPED + "HBL\t144.00\t145.20\t+1.20\t+0.83\t1,000\nUBL\t313.50\t312.45\t-1.05\t-0.33\t2,500\n")
    hbl, ubl = got["HBL"], got["UBL"]
    assert (hbl.previous_close, hbl.price, hbl.change, hbl.percent, hbl.volume, hbl.flag) == (
        144.0, 145.2, 1.2, 0.83, 1000, None)
    assert (ubl.change, ubl.percent, ubl.volume, ubl.flag) == (-1.05, -0.33, 2500, None)


def test_two_row_header_with_the_groups_anywhere_but_the_name():
    text = "Stock\tVolume\tPrices\tChange\nClose\tLDCP\tRs\t%\nHBL\t1,000\t145.20\t144.00\t+1.20\t+0.83\n"
    hbl = quotes_of(text)["HBL"]
    assert (hbl.price, hbl.previous_close, hbl.percent, hbl.volume, hbl.flag) == (145.2, 144.0, 0.83, 1000, None)


def test_a_second_header_line_that_does_not_fit_the_rows_is_no_group():
    # 4 + 4 cells over rows of 4: no top cell can be a group; the first line alone is the header
    text = "Symbol\tPrice\tChange\t%\nLDCP\tCurrent\tRs.\t%\nHBL\t145.20\t+1.20\t+0.83%\n"
    assert quotes_of(text) == {}


def test_header_and_rows_of_one_cell_per_line():
    cells = ["Symbol", "Last", "Change", "% Change", "Volume",
             "HBL", "145.20", "+1.20", "+0.83 %", "1,000", "UBL", "312.45", "-1.05", "-0.33 %", "2,500"]
    found = find_quotes(cells)
    assert [(q.symbol, q.price, q.percent, q.volume) for q in found.quotes] == [
        ("HBL", 145.2, 0.83, 1000), ("UBL", 312.45, -0.33, 2500)]
    assert found.table_rows == 2 and "% Change" in found.used


def test_a_header_of_one_cell_per_line_over_tabbed_rows():
    # a table that copies its header, each cell in a block (DataTables' zero-high sizing row), over its rows
    lines = ["Symbol\tPrice\tChange\tChange %", "Symbol", "Price", "Change", "Change %",
             "hbl\t145.20 PKR\t+1.20\t+0.83%", "ubl\t312.45 PKR\t-1.05\t-0.33%"]
    found = find_quotes(lines)
    assert [(q.symbol, q.price) for q in found.quotes] == [("HBL", 145.2), ("UBL", 312.45)] and found.table_rows == 2


def test_one_cell_per_line_header_stops_at_the_first_line_that_is_no_row():
    cells = ["Symbol", "Last", "Change", "HBL", "145.20", "+1.20", "Read more", "UBL", "312.45", "-1.05"]
    assert [q.symbol for q in find_quotes(cells).quotes] == ["HBL"]


# --- less usual table shapes --------------------------------------------------------------------------------------

def test_period_columns_with_digits_in_their_headers_are_text_columns():
    got = quotes_of("Symbol\tLTP\tChange\t% Change\t52-Wk High\t52 Week Low\t1-Yr %\nHBL\t145.20\t+1.20\t+0.83\t160.00"
                    "\t98.10\t+12.40\n")["HBL"]
    assert (got.price, got.change, got.percent, got.high, got.low, got.flag) == (145.20, 1.20, 0.83, None, None, None)


def test_a_row_whose_first_figures_run_into_letters_is_no_header():
    assert quotes_of("Symbol\tLTP\tChange\t%\n12M\tHBL\t145.20\t+1.20\nHBL\t145.20\t+1.20\t+0.83%\n") == {}


@pytest.mark.parametrize("header", ["Scrip\tLTP (Rs.)\tChg (Rs.)\t% Chg", "Scrip\tPrice (PKR)\tChange [Rs]\t%"])
def test_a_currency_unit_after_a_header_word(header):
    assert quotes_of(f"{header}\nHBL\tRs. 145.20\t+1.20\t+0.83%\n")["HBL"].price == 145.20


def test_lakh_grouping_and_a_trailing_minus_in_cells():
    got = quotes_of("Symbol\tClose\tChange\tChange%\tVolume\nUBL\t230.50\t2.10-\t0.90-\t1,23,45,678\n")["UBL"]
    assert (got.change, got.percent, got.direction, got.volume, got.flag) == (-2.10, -0.90, "down", 12_345_678, None)


def test_a_trailing_minus_with_a_leading_sign_is_no_number():
    assert quotes_of("Symbol\tClose\tChange\tChange%\nUBL\t230.50\t-2.10-\t0.90%\n") == {}


def test_sector_heading_rows_set_the_sector_and_a_totals_row_is_passed_over():
    text = ("SYMBOL\tCURRENT\tCHANGE\tCHANGE (%)\tVOLUME\nCEMENT\nLUCK\t1,020.00\t+15.00\t+1.49\t1,000\nDGKC\t90.00\t-1.00"
            "\t-1.10\t2,000\nCOMMERCIAL BANKS\nHBL\t145.20\t+1.20\t+0.83\t3,000\nTotal\t\t\t\t6,000\nMCB\t210.00\t+2.00"
            "\t+0.96\t500\n")
    got = quotes_of(text)
    assert {s: q.sector for s, q in got.items()} == {"LUCK": "CEMENT", "DGKC": "CEMENT", "HBL": "COMMERCIAL BANKS",
                                                     "MCB": "COMMERCIAL BANKS"}


def test_a_heading_row_not_followed_by_a_row_ends_the_table():
    found = find_quotes(copy_lines("Symbol\tPrice\tChange\t%\nHBL\t145.20\t+1.20\t+0.83%\nTop losers\nCompany\tPrice"
                                   "\tChange\t%\nUBL\t230.50\t-2.10\t-0.90%\n"))
    assert [(q.symbol, q.sector) for q in found.quotes] == [("HBL", None), ("UBL", None)]


def test_rows_under_a_rowspan_cell_take_it_from_the_row_above():
    text = ("Sector\tSymbol\tPrice\tChange\t%\nCement\tLUCK\t1,020.00\t+15.00\t+1.49%\nDGKC\t90.00\t-1.00\t-1.10%\n"
            "MLCF\t40.00\t+0.40\t+1.01%\nBanks\tHBL\t145.20\t+1.20\t+0.83%\n")
    got = quotes_of(text)
    assert {s: q.sector for s, q in got.items()} == {"LUCK": "Cement", "DGKC": "Cement", "MLCF": "Cement",
                                                     "HBL": "Banks"}


def test_a_row_short_of_its_last_cells_is_not_spanned():
    assert set(quotes_of("Symbol\tPrice\tChange\t%\nHBL\t145.20\t+1.20\t+0.83%\nUBL\t230.50\n")) == {"HBL"}


@pytest.mark.parametrize(("cell", "symbol"), [("KSE 100", "KSE 100"), ("KSE 100 Index", "KSE 100"),
                                              ("All Share Index", "ALLSHR"), ("KMI All Share", "KMIALLSHR")])
def test_indices_named_with_a_space_or_in_words(cell, symbol):
    got = quotes_of(f"Index\tCurrent\tChange\t%\n{cell}\t118,427.35\t+1,049.30\t+0.89%\n")
    assert list(got) == [symbol] and got[symbol].kind == "index"


def test_a_word_and_a_number_that_name_no_index_are_no_symbol():
    assert quotes_of("Index\tCurrent\tChange\t%\nABC 100\t118,427.35\t+1,049.30\t+0.89%\n") == {}


def test_a_quote_summary_of_label_and_value_rows():
    text = ("Company\tHabib Bank Limited\nSymbol\tHBL\nLast Price\t145.20\nChange\t+1.20\nChange (%)\t+0.83%\nOpen\t144.00"
            "\nHigh\t146.00\nLow\t143.50\nLDCP\t144.00\nVolume\t1,234,567\n52-Week Range\t98.10 - 160.00\n")
    found = find_quotes(copy_lines(text))
    (q,) = found.quotes
    assert (q.symbol, q.price, q.change, q.percent, q.open, q.high, q.low, q.previous_close, q.volume, q.flag) == (
        "HBL", 145.20, 1.20, 0.83, 144.00, 146.00, 143.50, 144.00, 1_234_567, None)
    assert found.lines == frozenset(range(11))


@pytest.mark.parametrize("text", ["Symbol\tHBL\nChange\t+1.20\nChange (%)\t+0.83%\n",  # no price
                                  "Symbol\tHBL\nPrice\t145.20\nPrice\t146.20\nChange\t+1.20\n",  # a label twice
                                  "Name\tHabib Bank\nPrice\t145.20\nChange\t+1.20\n"])  # no symbol
def test_label_and_value_rows_that_make_no_quote(text):
    assert find_quotes(copy_lines(text)).quotes == ()


@pytest.mark.parametrize("header", ["Party\tShare\tChange\t%", "Team\tPts\tWin\t%", "Product\tOld\tNew\tChange"])
def test_a_table_of_other_things_gives_no_quote_even_without_a_price_column(header):
    rows = "PTI\t31.82\t+4.10\t+14.79%\nPMLN\t24.35\t-2.30\t-8.63%\nPPP\t13.50\t+0.50\t+3.85%\n"
    assert quotes_of(f"{header}\n{rows}") == {} and len(quotes_of(rows)) == 3


def test_a_header_whose_cells_hold_line_breaks():
    text = ("Symbol\tPrev.\nClose\tCurrent\nPrice\tChange\n(Rs.)\tChange\n(%)\tVolume\nTraded\n"
            "HBL\t144.00\t145.20\t+1.20\t+0.83\t1,000\n")
    got = quotes_of(text)["HBL"]
    assert (got.previous_close, got.price, got.change, got.percent, got.volume) == (144.00, 145.20, 1.20, 0.83, 1000)


def test_header_lines_that_never_reach_the_rows_width_make_no_header():
    assert quotes_of("Symbol\tPrev.\nClose\tCurrent\nHBL\t144.00\t145.20\t+1.20\t+0.83%\n") == {}


def test_two_tables_side_by_side_in_one():
    text = ("Top gainers\tTop losers\nSymbol\tPrice\tChange\t%\tSymbol\tPrice\tChange\t%\n"
            "HBL\t145.20\t+1.20\t+0.83%\tUBL\t230.50\t-2.10\t-0.90%\nMCB\t210.00\t+2.00\t+0.96%\t\t\t\t\n")
    assert [(q.symbol, q.change) for q in find_quotes(copy_lines(text)).quotes] == [
        ("HBL", 1.20), ("MCB", 2.00), ("UBL", -2.10)]


def test_a_header_whose_halves_differ_is_one_table():
    got = quotes_of("Symbol\tPrice\tChange\t%\tHigh\tLow\tOpen\tVolume\nHBL\t145.20\t+1.20\t+0.83%\t146.00\t144.10\t144.50"
                    "\t1,000\n")
    assert got["HBL"].high == 146.00 and got["HBL"].volume == 1000


@pytest.mark.parametrize("arrow", ['<svg class="icon icon-arrow-{d}" width="8" height="8"><path d="M0 0L8 8"/></svg>',
                                   '<svg width="8" height="8"><use href="#caret-{d}"></use></svg>',
                                   '<svg><use xlink:href="sprite.svg#chevron-{d}"></use></svg>'])
def test_an_inline_svg_arrow_with_no_text_gives_the_direction(arrow):
    rows = "".join(f"<tr><td>{s}</td><td>{p}</td><td>{arrow.format(d=d)} {c}</td><td>{q}%</td></tr>"
                   for s, p, c, q, d in (("HBL", "145.20", "1.20", "0.83", "up"), ("UBL", "230.50", "2.10", "0.90", "down")))
    quotes = html_quotes(f"<table><tr><th>Symbol</th><th>Price</th><th>Change</th><th>%</th></tr>{rows}</table>")
    assert [(q.change, q.percent, q.direction, q.flag) for q in quotes] == [(1.20, 0.83, "up", None),
                                                                           (-2.10, -0.90, "down", None)]


def test_an_svg_naming_no_direction_is_dropped_with_its_text():
    quotes = html_quotes("<table><tr><th>Symbol</th><th>Price</th><th>Change</th><th>%</th></tr><tr><td>HBL</td>"
                         "<td>145.20</td><td><svg class='spark'><text>9.99</text></svg>+1.20</td><td>+0.83%</td></tr></table>")
    assert [(q.symbol, q.change) for q in quotes] == [("HBL", 1.20)]


def test_an_untabbed_row_led_by_its_class_mark():
    down = MARK_DOWN
    got = quotes_of(f"Symbol LTP Change Change % Volume\n{down} HUBC 351.23 25.45 -6.76% 1,459,477\n"
                    f"{down}PSMC 184.28 4.90 -2.59% 8,448,293\n")
    assert [(q.change, q.volume, q.flag) for q in got.values()] == [(-25.45, 1_459_477, None), (-4.90, 8_448_293, None)]


def test_a_header_with_an_empty_corner_over_row_headers():
    got = quotes_of("\tPrice\tChange\tChange %\nHBL\t145.20\t+1.20\t+0.83\nUBL\t230.50\t-2.10\t-0.90\n")
    assert [(q.symbol, q.percent) for q in got.values()] == [("HBL", 0.83), ("UBL", -0.90)]


@pytest.mark.parametrize("header", ["Name\tPrice\tChange\tChange %", "Scrip Name\tRate\tDiff\tDiff %"])
def test_more_header_words(header):
    assert quotes_of(f"{header}\nHBL\t145.20\t+1.20\t+0.83\n")["HBL"].percent == 0.83


def test_a_name_column_of_company_names_gives_no_quote():
    assert quotes_of("Name\tPrice\tChange\tChange %\nGold\t2,650.30\t+12.40\t+0.47\nSilver\t31.25\t-0.20\t-0.64\n") == {}


def test_a_symbol_over_its_company_name_in_one_cell_is_no_sector_heading():
    rows = "".join(f"<tr><td>{s}<br>{name}</td><td>{p}</td><td>{c}</td></tr>" for s, name, p, c in (
        ("MCB", "MCB Bank Limited", "230.10", "1.10"), ("HBL", "Habib Bank Limited", "145.20", "1.20"),
        ("LUCK", "Lucky Cement Limited", "905.10", "15.10")))
    markup = f"<table><tr><th>Symbol</th><th>Current</th><th>Change</th></tr>{rows}</table>"
    assert [(q.symbol, q.price, q.sector) for q in html_quotes(markup)] == [
        ("MCB", 230.1, None), ("HBL", 145.2, None), ("LUCK", 905.1, None)]
