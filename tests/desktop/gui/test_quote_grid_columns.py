"""The quote pane with a quote table's rows: extra columns, the header's sort indicator, the chart's percents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.models.quote_model import PERCENT, SYMBOL, VOLUME
from desktop.gui.panes.quote_grid import QuotePane
from desktop.library import Library
from tests.desktop.records import STRIP
from tests.paths import FIXTURES


@pytest.fixture
def pane(qtbot):
    widget = QuotePane()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


@pytest.fixture(scope="module")
def market_watch_rows(tmp_path_factory):
    path = tmp_path_factory.mktemp("lib") / "library.db"
    page = FIXTURES / "quotes" / "market_watch_strip" / "market_watch_strip.html"
    with Library(path) as library:
        page_id = library.import_paths([page])[0].page_id
        return library.quotes(page_id)


def test_a_market_watch_page_shows_its_columns_and_sorts_by_volume(pane, market_watch_rows):
    pane.set_quotes(market_watch_rows)
    model, header = pane.model, pane.view.horizontalHeader()
    assert model.rowCount() == 124 and model.columnCount() == 11
    pane.sort_by(model.column_of(VOLUME), Qt.SortOrder.DescendingOrder)
    volumes = [model.quote_at(r).volume for r in range(model.rowCount())]
    known = [v for v in volumes if v is not None]
    assert known == sorted(known, reverse=True) and volumes[-4:] == [None] * 4  # the strip's indices
    percents = list(pane.chart.bar_heights()["down"][1]) + list(pane.chart.bar_heights()["up"][1])
    assert sorted(percents) == sorted(q.percent for q in market_watch_rows if q.percent != 0)
    pane.set_quotes(STRIP)  # no volume here: the grid goes back to biggest losers first
    assert model.columnCount() == 5
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        model.column_of(PERCENT), Qt.SortOrder.AscendingOrder)


def test_percent_change_stays_in_sight_when_a_table_brings_more_columns(pane, market_watch_rows):
    pane.resize(520, 600)  # the centre pane at 1366×768
    pane.set_quotes(market_watch_rows)
    view, header = pane.view, pane.view.horizontalHeader()
    column = pane.model.column_of(PERCENT)
    right_edge = header.sectionViewportPosition(column) + header.sectionSize(column)
    assert right_edge <= view.viewport().width()  # the others scroll sideways
    assert header.sectionSize(pane.model.column_of(SYMBOL)) >= view.fontMetrics().horizontalAdvance("WAVESAPP")
    pane.set_quotes(STRIP)  # only the strip's five columns: the symbol column takes what is left
    total = sum(header.sectionSize(c) for c in range(pane.model.columnCount()))
    assert total <= view.viewport().width() and header.sectionSize(pane.model.column_of(SYMBOL)) > 60


def test_selecting_a_row_leaves_the_column_titles_as_they_were(pane, market_watch_rows, qtbot):
    """A selected row spans every column; the titles must not turn bold and run under the sort arrow."""
    pane.set_quotes(market_watch_rows)
    header = pane.view.horizontalHeader()
    qtbot.waitUntil(lambda: header.isVisible() and header.width() > 0)
    before = header.grab().toImage()
    pane.view.setFocus()
    pane.view.selectRow(3)
    assert pane.view.selectionModel().isRowSelected(3)
    assert header.grab().toImage() == before
