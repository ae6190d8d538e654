"""Symbols and company names an article mentions: found as words, linked in the panel, marked in the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from desktop.gui.models.quote_model import SYMBOL, QuoteTableModel
from desktop.gui.panes.article_panel import ArticleView
from desktop.library.article_html import article_html
from desktop.library.mentions import mention_pattern, mentioned_symbols, split_mentions
from tests.desktop.records import STRIP, article

SYMBOLS = ["OGDC", "PACE", "HUBC", "PPL", "KSE100"]


def test_symbols_and_company_names_are_found_as_whole_words():
    text = "Oil and Gas Development Company and Hub Power rose; OGDCX and PPLs did not, nor did KSE-100."
    assert mentioned_symbols([text], SYMBOLS) == {"OGDC", "HUBC"}


def test_a_ticker_that_is_an_ordinary_word_counts_only_in_capitals():
    assert mentioned_symbols(["Prices rose at a steady pace."], SYMBOLS) == set()
    assert mentioned_symbols(["PACE fell 6 percent."], SYMBOLS) == {"PACE"}


def test_pieces_rebuild_the_text():
    text = "PPL and OGDC led; KSE100 slipped."
    pieces = split_mentions(text, mention_pattern(SYMBOLS))
    assert "".join(p for p, _s in pieces) == text
    assert [s for _p, s in pieces if s] == ["PPL", "OGDC", "KSE100"]


def test_long_digit_line_is_fast_and_finds_nothing():
    assert mentioned_symbols(["1 " * 500_000], SYMBOLS) == set()


def test_article_html_links_mentions_and_escapes_the_rest():
    html = article_html(article(paragraphs=("<b>PPL</b> & Hub Power",)), symbols=SYMBOLS)
    assert '<a href="symbol:PPL">PPL</a>' in html
    assert '<a href="symbol:HUBC">Hub Power</a>' in html
    assert "&lt;b&gt;" in html and "&amp;" in html


def test_clicking_a_mention_asks_for_its_history(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(article(paragraphs=("OGDC rose.",)), SYMBOLS)
    with qtbot.waitSignal(view.symbol_clicked) as blocker:
        view.anchorClicked.emit(QUrl("symbol:OGDC"))
    assert blocker.args == ["OGDC"]


def test_grid_marks_mentioned_symbols(qapp):
    model = QuoteTableModel()
    model.set_quotes(STRIP)
    model.set_mentioned({"OGDC"})
    for row in range(model.rowCount()):
        index = model.index(row, model.column_of(SYMBOL))
        font = index.data(Qt.ItemDataRole.FontRole)
        mentioned = model.quote_at(row).symbol == "OGDC"
        assert (font is not None and font.bold()) == mentioned
        assert ("Mentioned in the article" in index.data(Qt.ItemDataRole.ToolTipRole)) == mentioned
