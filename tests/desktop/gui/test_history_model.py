"""The history window at scale: rows read a block at a time, sorting on the series, a chart drawn to the screen."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.gui.models.history_model import BLOCK, HistoryTableModel, rows_fetch
from desktop.gui.models.quote_model import AS_OF, KIND, PERCENT, PRICE
from desktop.gui.windows.history_view import MAX_POINTS, MIN_BAR_PIXELS, SymbolHistoryDialog
from desktop.library.records import QuoteRow
from desktop.library.series import series_from_rows

START = datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=5)))


def snapshots(count: int, seed: int = 3) -> list[QuoteRow]:
    """``count`` hourly snapshots of OGDC, oldest first, a few without a percent."""
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        percent = math.nan if n % 97 == 5 else round(rng.uniform(-7.5, 7.5), 2)
        direction = "up" if percent > 0 else "down" if percent < 0 else "unchanged"
        as_of = (START + timedelta(hours=n)).isoformat()
        rows.append(QuoteRow(n + 1, as_of, n % 50 == 0, 3, "OGDC", "stock", round(rng.uniform(50, 300), 2),
                             round(rng.uniform(-9, 9), 2), percent, direction, None, f"Page {n + 1}"))
    return rows


class CountingFetch:
    def __init__(self, rows: list[QuoteRow]) -> None:
        self.series = series_from_rows("OGDC", rows)
        self._fetch = rows_fetch(self.series, rows)
        self.calls: list[int] = []

    def __call__(self, keys):
        self.calls.append(len(keys))
        return self._fetch(keys)


@pytest.fixture
def thousand(qapp):
    rows = snapshots(1_000)
    fetch = CountingFetch(rows)
    return rows, fetch, HistoryTableModel(fetch.series, fetch)


def test_model_passes_qt_model_tester(qtmodeltester, thousand):
    _rows, _fetch, model = thousand
    qtmodeltester.check(model)


def test_rows_are_read_a_block_at_a_time_and_shown_as_stored(thousand):
    rows, fetch, model = thousand
    column = model.column_of(AS_OF)
    assert fetch.calls == []  # nothing is read until a row is shown
    assert model.index(999, column).data() == "11 Feb 2024 15:00"
    assert fetch.calls == [BLOCK]  # the last block only
    assert [model.quote_at(r) for r in range(800, 1_000)] == rows[800:]
    assert len(fetch.calls) == 1
    assert model.index(0, column).data() == "01 Jan 2024 00:00 (est.)"
    assert len(fetch.calls) == 2 and max(fetch.calls) <= BLOCK


@pytest.mark.parametrize("field", [PRICE, PERCENT, AS_OF, KIND])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_uses_the_series_and_puts_unknowns_last(thousand, field, order):
    rows, _fetch, model = thousand
    model.sort(model.column_of(field), order)
    attribute = {PRICE: "price", PERCENT: "percent", AS_OF: "page_id", KIND: "kind"}[field]
    values = [getattr(model.quote_at(r), attribute) for r in range(model.rowCount())]
    known = [v for v in values if not (isinstance(v, float) and math.isnan(v))]
    assert known == sorted(known, reverse=order == Qt.SortOrder.DescendingOrder)
    assert values[:len(known)] == known  # no percent: last, whichever way


def test_export_reads_every_row_in_the_order_shown(thousand):
    rows, fetch, model = thousand
    model.sort(model.column_of(PRICE), Qt.SortOrder.DescendingOrder)
    exported = model.visible_quotes()
    assert exported == sorted(rows, key=lambda r: -r.price)
    assert fetch.calls == [1_000]  # one read, not one per block


def drawn_bars(chart) -> int:
    return sum(len(item.opts["x"]) for item in chart.bars.values())


def test_many_snapshots_draw_to_the_screen_then_in_full_when_zoomed(qtbot):
    rows = snapshots(20_000)
    dialog = SymbolHistoryDialog("OGDC", rows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab()
    chart = dialog.chart
    pixels = chart.percent_plot.getViewBox().width()
    assert 0 < drawn_bars(chart) <= pixels / MIN_BAR_PIXELS + 2  # each few pixels' biggest move
    biggest = max(abs(h) for item in chart.bars.values() for h in item.opts["height"])
    assert biggest == max(abs(r.percent) for r in rows if not math.isnan(r.percent))
    assert len(chart.points.data) == 0  # too many to click
    x = dialog.series.moment
    chart.price_plot.setXRange(x[5_000], x[5_000 + 48], padding=0)  # two days
    assert 48 <= drawn_bars(chart) <= 52 and 48 <= len(chart.points.data) <= MAX_POINTS
    index = int(chart.points.data[10]["data"])
    with qtbot.waitSignal(dialog.page_requested) as blocker:
        chart.point_clicked.emit(index)
    assert blocker.args == [rows[index].page_id]
    assert dialog.table.current_quote() == rows[index]  # the table follows the point


def test_summary_counts_and_names_the_ends(qtbot):
    rows = snapshots(300)
    dialog = SymbolHistoryDialog("OGDC", rows)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "300 snapshots" in text and f"{rows[0].price:,.2f}" in text and f"{rows[-1].price:,.2f}" in text
    assert "6 with estimated times" in text
    assert np.count_nonzero(dialog.series.estimated) == 6


def test_rows_the_library_cannot_give_are_shown_from_the_series(qapp, tmp_path):
    from functools import partial

    from desktop.gui import side_windows
    from desktop.library import Library
    from tests.desktop.library.helpers import make_page, raw_for

    library = Library(tmp_path / "library.db")
    library.import_page(make_page(1), raw_for(1), "1.html")
    series = library.history_series("OGDC")
    library.close()  # as when the window's connection has gone
    model = HistoryTableModel(series, partial(side_windows._history_rows, library, "OGDC"))
    assert model.index(0, model.column_of(PRICE)).data() == "104.00"
    assert model.index(0, model.column_of(AS_OF)).data() == "12 Jan 2025 10:00"
    assert model.quote_at(0).page_title is None  # what only the row holds is left out


def test_crowded_bars_keep_their_columns_while_the_view_pans():
    from desktop.gui.windows.history_view import _biggest_moves

    rng = np.random.default_rng(5)
    x = 1.7e9 + np.arange(2_000) * 3_600.0
    percents = rng.uniform(-8, 8, len(x))
    whole = dict(zip(*_biggest_moves(x, percents, 86_400.0), strict=True))
    panned = dict(zip(*_biggest_moves(x[300:], percents[300:], 86_400.0), strict=True))
    inside = [middle for middle in panned if middle - 43_200 >= x[300]]
    assert len(inside) > 50 and all(panned[m] == whole[m] for m in inside)
    for middle, move in list(whole.items())[1:-1]:
        day = percents[(x >= middle - 43_200) & (x < middle + 43_200)]
        assert move == day[np.argmax(np.abs(day))]  # the day's biggest move, with its sign
