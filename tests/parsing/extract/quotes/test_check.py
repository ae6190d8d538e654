"""Direction from sign, word, glyph and class, and the flags: a disagreement is flagged, never dropped."""

from __future__ import annotations

from parsing.extract.quotes import parse_quote_line
from parsing.extract.quotes.check import computed_percent, resolve
from parsing.extract.quotes.figures import parse_number
from tests.parsing.extract.quotes.helpers import html_quotes, quotes_of


def test_no_change_is_unchanged_whatever_the_glyph():
    q = parse_quote_line("SILK 1.15 No Change ▼ 0.00 (0%)")
    assert q.direction == "unchanged" and q.change == 0 and q.flag is None
    assert quotes_of("LUCK 812.40 ● 0.00 (0.00%) | BOP 10.39 ▲ 0.62 (6.35%)")["LUCK"].direction == "unchanged"


def test_no_change_with_a_change_is_flagged():
    assert parse_quote_line("SILK 1.15 No Change ▼ 0.05 (4.5%)").flag


def test_a_word_saying_up_on_a_zero_change_is_flagged():
    assert "zero" in parse_quote_line("SILK 1.15 Increased By 0.00 (0%)").flag


def test_word_and_printed_sign_disagree_the_sign_decides_and_it_is_flagged():
    q = parse_quote_line("OGDC 213.07 Increased By ▲ -13.70 (-6.04%)")
    assert (q.direction, q.change, q.percent) == ("down", -13.70, -6.04)
    assert "the word says up" in q.flag


def test_glyph_disagrees_is_flagged():
    q = parse_quote_line("OGDC 213.07 Decreased By ▲ -13.70 (-6.04%)")
    assert q.direction == "down" and "arrow says up" in q.flag


def test_percent_sign_disagrees_with_the_change():
    got = quotes_of("AAA 10.00 -1.00 +9.09% | BBB 20.00 +1.00 +5.26%")
    assert "percent's sign" in got["AAA"].flag and got["BBB"].flag is None


def test_wrong_percent_is_flagged_not_dropped():
    q = parse_quote_line("OGDC 213.07 Decreased By ▼ -13.70 (-9.99%)")
    assert q is not None and "percent" in q.flag


def test_bare_change_takes_its_sign_from_the_percent_then_the_word():
    got = quotes_of("AAA 10.00 1.00 -9.09% | BBB 20.00 Decreased By 1.00 (4.76%)")
    assert got["AAA"].change == -1.0 and got["BBB"].change == -1.0 and got["BBB"].percent == -4.76


def test_a_class_that_disagrees_with_the_sign_is_flagged():
    quotes = html_quotes('<ul><li class="tick tick--up">AAA 10.00 -1.00 -9.09%</li>'
                         '<li class="tick tick--up">BBB 20.00 +1.00 +5.26%</li></ul>')
    assert "colour class says up" in quotes[0].flag and quotes[1].flag is None


def test_resolve_prefers_the_printed_sign():
    got = resolve(parse_number("-1.00"), parse_number("9.09%"), [("word", "up")])
    assert (got.change, got.percent, got.direction) == (-1.0, -9.09, "down") and got.problems


def test_computed_percent():
    assert computed_percent(5128.27, 137.80) == 2.76 and computed_percent(1.0, 2.0) is None


def test_a_class_inside_quickly_read_items_is_read_when_it_alone_gives_the_direction():
    items = "".join(f"<li><b>S{n}</b> 12.00 <span class='chg chg--down'>0.50</span> 3.85%</li>" for n in range(4))
    quotes = html_quotes(f"<ul>{items}</ul><p>Story text.</p>")
    assert [(q.change, q.percent, q.direction) for q in quotes] == [(-0.5, -3.85, "down")] * 4
