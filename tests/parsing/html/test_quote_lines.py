"""The body's parts that hold figures, laid out with cells ended by tabs and class directions as marks."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsing.html.layout import MARK_DOWN, MARK_UP, cell_lines, copy_lines
from parsing.html.quote_lines import BREAK, STORY, quote_lines
from tests.paths import FIXTURES

QUOTES = FIXTURES / "quotes"


def _body(markup: str):
    return LexborHTMLParser(markup).body


def test_cells_end_in_tabs_and_rows_are_lines():
    assert cell_lines("<table><tr><th>Symbol</th><th>Rate</th></tr><tr><td>HUBC</td><td> 120.50 </td></tr></table>") == [
        "Symbol\tRate", "HUBC\t120.50"]


def test_a_class_naming_a_direction_leaves_a_mark():
    lines = cell_lines('<li class="tick tick--down"><b>ABC</b> 12.00</li><li class="qs-item--pos">XYZ</li>'
                       '<li class="download">DL</li>')
    assert lines == [f"{MARK_DOWN}ABC 12.00", f"{MARK_UP}XYZ", "DL"]


def test_text_copy_lines_keep_tabs_and_collapse_spaces():
    assert copy_lines("  A\xa0\xa0 B \n\nC\t 1.5\t\n") == ["A B", "C\t1.5\t"]


def test_parts_without_figures_become_markers():
    body = _body("<nav><a>Home</a> <a>Markets</a></nav><div class='t'>AAA 10.00 +1.00 +11.11%</div>"
                 "<div><p>" + "The market closed higher on the day as banks rallied. " * 60 + "</p>"
                 "<p>" + "Nothing here but words about the weather and the rain. " * 60 + "</p></div>"
                 "<footer>Copyright</footer>")
    assert quote_lines(body).lines == [BREAK, "AAA 10.00 +1.00 +11.11%", STORY]  # a story marker outweighs a break


def test_comments_and_elements_that_show_nothing_do_not_stop_the_walk_into_blocks():
    """A body of blocks is walked into, part by part, even with comments, <meta>, <link>, <img> or <br> between its
    blocks (they give no text and no line): the story without figures is a marker, not laid out."""
    story = "The market closed higher on the day as banks rallied. " * 60
    for between in ("<!-- ad slot -->", "<meta itemprop='x' content='y'>", "<link rel='x' href='y'>",
                    "<img src='pixel.gif'>", "<br>"):
        body = _body(f"<div class='t'>AAA 10.00 +1.00 +11.11%</div>{between}<div><p>{story}</p></div>")
        assert quote_lines(body).lines == ["AAA 10.00 +1.00 +11.11%", STORY], between


def test_hidden_parts_are_left_out():
    body = _body("<div hidden>AAA 10.00 +1.00 +11.11%</div><div style='display: none'>BBB 1.00 +0.10 +11.11%</div>"
                 "<div>CCC 5.00 +0.50 +11.11%</div>")
    assert [line for line in quote_lines(body).lines if line not in (BREAK, STORY)] == ["CCC 5.00 +0.50 +11.11%"]


@pytest.mark.parametrize("case", ["br_sectors", "cards", "marquee", "sign_pipe", "top_movers", "market_watch_strip"])
def test_parts_give_the_lines_a_whole_body_layout_gives(case):
    """Every line of the parts is a line of the whole body laid out at once, in the same order."""
    tree = LexborHTMLParser((QUOTES / case / f"{case}.html").read_bytes())
    tree.strip_tags(["script", "style"])
    whole = cell_lines(tree.body.html)
    parts = [line for line in quote_lines(tree.body, quick=False).lines if line not in (BREAK, STORY)]
    position = 0
    for line in parts:
        position = whole.index(line, position) + 1
    assert len(parts) >= 10


def _ticker(items: int = 4, inner: str = "") -> str:
    return "<div class='ticker'><ul>" + "".join(
        f"<li class='item item--{'down' if n % 2 else 'up'}'><a href='/c/S{n}'><span>S{n}</span> <span>1.00</span></a>"
        f" {inner}<span>{'-' if n % 2 else ''}0.10</span> (<b>{'-' if n % 2 else ''}9.09%</b>)</li>"
        for n in range(items)) + "</ul></div><p>Story text.</p>"


def test_a_strip_of_block_items_is_read_item_by_item_as_the_layout_reads_it():
    body = _body(_ticker())
    quick = quote_lines(body)
    assert quick.quick == frozenset(range(4))
    assert quick.lines == quote_lines(body, quick=False).lines


@pytest.mark.parametrize("inner", ["<p>note</p>", "<br>", "<table><tr><td>x</td></tr></table>", "<i hidden>x</i>",
                                   "<h3>x</h3>"])
def test_items_holding_a_paragraph_a_break_a_table_or_a_hidden_part_are_laid_out(inner):
    assert quote_lines(_body(_ticker(inner=inner))).quick == frozenset()


@pytest.mark.parametrize("case", ["br_sectors", "cards", "marquee", "sign_lines", "sign_pipe", "table_ticker",
                                  "top_movers", "market_watch_strip"])
@pytest.mark.parametrize("form", ["html", "dom.html"])
def test_quick_reading_finds_what_the_full_layout_finds(case, form):
    from parsing.extract.quotes import find_quotes

    tree = LexborHTMLParser((QUOTES / case / f"{case}.{form}").read_bytes())
    tree.strip_tags(["script", "style"])
    quick, full = find_quotes(quote_lines(tree.body).lines), find_quotes(quote_lines(tree.body, quick=False).lines)
    assert quick.quotes == full.quotes
