"""Plainer markups: direction by colour or by the numbers alone, <pre> reports and text tables, transposed
summaries, quotes over two rows, footnote marks, note rows, ranks and times around strip items, and tables of
funds, securities and metals that give no quote."""

from __future__ import annotations

import pytest

from parsing.extract.quotes.check import bare_direction
from parsing.extract.quotes.figures import parse_number
from parsing.extract.quotes.header import read_header
from parsing.extract.quotes.tables import _note_row
from parsing.html.layout import MARK_DOWN, MARK_UP, cell_lines, colour_mark
from tests.parsing.extract.quotes.helpers import html_quotes, quotes_of


def _num(text: str):
    num = parse_number(text)
    assert num is not None
    return num


@pytest.mark.parametrize(("value", "mark"), [
    ("red", MARK_DOWN), ("#d00", MARK_DOWN), ("#C00000", MARK_DOWN), ("rgb(204, 0, 0)", MARK_DOWN),
    ("green", MARK_UP), ("#090", MARK_UP), ("#1a7f37", MARK_UP), ("rgb(0, 153, 0)", MARK_UP),
    ("#333", ""), ("black", ""), ("blue", ""), ("#888", ""), ("orange", ""),
])
def test_colour_mark_by_name_or_dominant_channel(value, mark):
    assert colour_mark(value) == mark


def test_font_colour_and_inline_colour_mark_the_text_not_a_background():
    lines = cell_lines('<p><font color="red" size="2">1.20</font> <span style="font-weight:bold; color: #090">'
                       '0.50</span> <span style="background-color:red">0.70</span> <td bgcolor="green">x</td></p>')
    assert lines[0].startswith(f"{MARK_DOWN}1.20 {MARK_UP}0.50 0.70")


def test_a_loss_shown_only_by_colour_is_a_loss():
    rows = "".join(f'<tr><td>{s}</td><td>{p}</td><td><font color="{c}">{ch}</font></td><td><font color="{c}">{pc}'
                   "</font></td></tr>" for s, p, c, ch, pc in (("HBL", "145.20", "green", "1.20", "0.83"),
                                                              ("UBL", "230.50", "red", "0.21", "0.09")))
    got = {q.symbol: q for q in html_quotes(f"<table><tr><th>Scrip</th><th>Rate</th><th>Change</th><th>%</th></tr>"
                                            f"{rows}</table>")}
    assert (got["HBL"].direction, got["UBL"].direction, got["UBL"].change, got["UBL"].percent) == (
        "up", "down", -0.21, -0.09)
    assert got["UBL"].flag is None


def test_bare_direction_is_the_one_the_numbers_fit():
    # 22.09 is 1.66 below 23.75 (6.99%), not 1.66 above 20.43 (8.13%)
    assert bare_direction(_num("22.09"), _num("1.66"), _num("6.99"), None) == "down"
    assert bare_direction(_num("22.09"), _num("1.66"), _num("8.13"), None) == "up"
    assert bare_direction(_num("22.22"), _num("0.08"), _num("0.36%"), None) is None  # fits both
    assert bare_direction(_num("22.09"), _num("-1.66"), _num("6.99"), None) is None  # a sign is printed
    assert bare_direction(_num("100.00"), _num("5.00"), None, _num("105.00")) == "down"  # by the previous close
    assert bare_direction(_num("100.00"), _num("5.00"), None, None) is None


def test_bare_numbers_give_their_direction_in_a_text_copy():
    got = quotes_of("Scrip\tRate\tChange\t%\nTPLP\t22.09\t1.66\t6.99\nPRL\t789.67\t36.43\t4.84\n")
    assert (got["TPLP"].direction, got["TPLP"].change, got["TPLP"].flag) == ("down", -1.66, None)
    assert got["PRL"].direction == "up"


def test_a_table_printing_losses_bare_leaves_out_rows_that_fit_both():
    text = "Scrip\tRate\tChange\t%\nTPLP\t22.09\t1.66\t6.99\nENGROH\t22.22\t0.08\t0.36\nPRL\t789.67\t36.43\t4.84\n"
    assert set(quotes_of(text)) == {"TPLP", "PRL"}
    # without a bare loss the table states its gains: a row fitting both is a gain, as before
    assert quotes_of("Scrip\tRate\tChange\t%\nENGROH\t22.22\t0.08\t0.36\nPRL\t789.67\t36.43\t4.84\n")[
        "ENGROH"].direction == "up"


def test_a_strip_printing_losses_bare_leaves_out_items_that_fit_both():
    got = quotes_of("TPLP 22.09 1.66 (6.99%)   ENGROH 22.22 0.08 (0.36%)   APL 1,518.91 28.85 (1.94%)\n")
    assert set(got) == {"TPLP", "APL"} and got["TPLP"].direction == "down"


def test_a_pre_report_keeps_its_lines_and_a_rule_under_the_header():
    report = ("SYMBOL        LDCP   CURRENT   CHANGE  CHANGE%\n" + "-" * 48 + "\n"
              "HBL         144.00    145.20    +1.20    +0.83\n"
              "UBL         231.00    230.50    -0.50    -0.22\n" + "-" * 48)
    got = {q.symbol: q for q in html_quotes(f"<h3>Ready market</h3><pre>{report}</pre>")}
    assert (got["HBL"].price, got["HBL"].previous_close, got["UBL"].change) == (145.20, 144.00, -0.50)


def test_a_markdown_table_in_pre():
    table = ("| Symbol | Price | Change | Change % |\n|--------|------:|-------:|---------:|\n"
             "| HBL | 145.20 | +1.20 | +0.83% |\n| UBL | 230.50 | -0.50 | -0.22% |")
    got = {q.symbol: q for q in html_quotes(f"<pre>{table}</pre>")}
    assert set(got) == {"HBL", "UBL"} and got["UBL"].percent == -0.22


def test_a_transposed_summary_is_read_by_column():
    got = quotes_of("Index\tKSE-100\tKMI-30\nCurrent\t118,427.35\t178,100.50\nChange\t+1,049.30\t-250.10\n"
                    "% Change\t+0.89%\t-0.14%\nHigh\t118,900.12\t178,600.00\nLow\t117,200.55\t177,900.20\n")
    assert (got["KSE-100"].price, got["KSE-100"].change, got["KSE-100"].high, got["KSE-100"].kind) == (
        118427.35, 1049.30, 118900.12, "index")
    assert got["KMI-30"].direction == "down"


def test_a_transposed_table_needs_names_across_and_fields_down():
    assert quotes_of("Index\tToday\tYesterday\nCurrent\t118,427.35\t117,378.05\nChange\t+1,049.30\t-250.10\n") == {}


def test_a_quote_over_two_rows():
    text = ("Symbol\tPrice\tChange\tChange %\tVolume\nAKBL\tAskari Bank Limited\n\t18.26\t-0.82\t-4.30%\t18,563\n"
            "HBL\tHabib Bank Limited\n\t145.20\t+1.20\t+0.83%\t1,234\n")
    got = quotes_of(text)
    assert set(got) == {"AKBL", "HBL"} and (got["AKBL"].price, got["AKBL"].volume) == (18.26, 18563)


@pytest.mark.parametrize("mark", ["*", "†", "¹", " *"])
def test_a_footnote_mark_after_a_symbol(mark):
    got = quotes_of(f"Symbol\tClose\tChange\tChange (%)\nHBL{mark}\t145.20\t+1.20\t+0.83\nUBL\t230.50\t-0.50\t-0.22\n"
                    "* Ex-dividend\n")
    assert set(got) == {"HBL", "UBL"}


def test_a_note_row_inside_a_table_does_not_end_it():
    text = ("Symbol\tLDCP\tCurrent\tChange\tChange (%)\n"
            "Market closed on 23-03-2025 (Pakistan Day); rates of 21-03-2025\n"
            "HBL\t144.00\t145.20\t+1.20\t+0.83\nKEL\t4.10\tn/a\tn/a\tn/a\nUBL\t231.00\t230.50\t-0.50\t-0.22\n")
    assert set(quotes_of(text)) == {"HBL", "UBL"}


def test_a_figure_line_between_rows_is_no_note():
    header = read_header(["Symbol\tPrice\tChange\tChange %"], 0)
    assert header is not None
    row = "HBL\t145.20\t+1.20\t+0.83%"
    assert _note_row(["Market closed on 23-03-2025 (Pakistan Day)", row], 0, header)
    assert not _note_row(["+0.83%", row], 0, header)
    assert not _note_row(["Market closed today", "Symbol\tPrice\tChange\tChange %"], 0, header)


@pytest.mark.parametrize("time", ["10:32", "3:30 PM", "15:30 PKT", "15:30:05"])
def test_items_ending_with_a_time(time):
    got = quotes_of(f"KSE100 118,427.35 +1,049.30 (+0.89%) {time} | KMI30 178,100.50 -250.10 (-0.14%) {time}\n")
    assert set(got) == {"KSE100", "KMI30"}


def test_items_led_by_a_rank():
    got = quotes_of("1. HBL 145.20 +1.20 (+0.83%) 10:32\n2. UBL 230.50 -0.50 (-0.22%) 11:05\n"
                    "3. MCB 210.00 +2.10 (+1.01%) 11:40\n")
    assert set(got) == {"HBL", "UBL", "MCB"} and got["UBL"].change == -0.50


def test_futures_and_rights_symbols_as_printed():
    got = quotes_of("Symbol\tRate\tChange\t% Change\nHBL\t145.20\t+1.20\t+0.83\nHBL-JAN\t146.65\t+1.20\t+0.83\n"
                    "BOP-MAR25\t10.20\t-0.10\t-0.97\nKEL-R1\t0.60\t+0.05\t+9.09\n")
    assert set(got) == {"HBL", "HBL-JAN", "BOP-MAR25", "KEL-R1"}


@pytest.mark.parametrize("head", ["Fund", "Security", "Scheme"])
def test_funds_and_securities_give_no_quote(head):
    assert quotes_of(f"{head}\tNAV\tChange\t%\nHBL-MMF\t110.0698\t-0.1143\t-0.10%\nNITGF\t146.9778\t+2.6915\t+1.87%\n"
                     "UBLSF\t138.2519\t+2.7534\t+2.03%\n") == {}


def test_metal_codes_give_no_quote():
    assert quotes_of("XAU 241,200.00 +1,200.00 (+0.50%) | XAG 2,750.00 -30.00 (-1.08%) | "
                     "XPT 118,450.00 -640.00 (-0.54%)\n") == {}
