"""A symbol's history window and the comparison of two pages."""

from __future__ import annotations

import pytest

from desktop.gui.windows.compare_view import CompareDialog
from desktop.gui.windows.history_view import SymbolHistoryDialog, timestamps
from tests.desktop.records import page_row, quote

HISTORY = [  # deliberately out of order, two snapshots on one day
    quote("OGDC", 213.07, -13.7, -6.04, page_id=3, as_of="2025-01-13T15:00:00+05:00"),
    quote("OGDC", 200.00, 2.0, 1.01, page_id=1, as_of="2025-01-10T10:00:00+05:00"),
    quote("OGDC", 226.77, 26.77, 13.38, page_id=2, as_of="2025-01-13T09:30:00+05:00"),
]


@pytest.fixture
def history(qtbot):
    dialog = SymbolHistoryDialog("OGDC", HISTORY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_table_lists_snapshots_oldest_first(history):
    model = history.table.model
    assert [model.quote_at(r).page_id for r in range(model.rowCount())] == [1, 2, 3]


def test_price_line_and_percent_bars_use_snapshot_times(history):
    xs, ys = history.chart.line.getData()
    assert list(xs) == sorted(xs)  # the line runs forward in time whatever order the rows came in
    assert ys.tolist() == [200.00, 226.77, 213.07]
    assert len(set(xs.tolist())) == 3  # two snapshots of the same day stay apart
    up_x = history.chart.bars["up"].opts["x"]
    assert len(up_x) == 2 and len(history.chart.bars["down"].opts["x"]) == 1
    width = history.chart.bars["up"].opts["width"]
    assert 0 < width < (timestamps(HISTORY[:1])[0] - timestamps(HISTORY[2:])[0])  # bars do not overlap


def test_clicking_a_point_asks_for_its_page(history, qtbot):
    with qtbot.waitSignal(history.page_requested) as blocker:
        history.chart.point_clicked.emit(0)
    assert blocker.args == [3]


def test_history_of_an_unknown_symbol_says_so(qtbot):
    dialog = SymbolHistoryDialog("NOPE", [])
    qtbot.addWidget(dialog)
    assert "in no saved page" in dialog.summary.text()


def test_compare_shows_missing_sides(qtbot):
    a = [quote("OGDC", 200.0, 1, 1, page_id=1), quote("OLD", 5.0, 1, 1, page_id=1)]
    b = [quote("OGDC", 220.0, 1, 1, page_id=2), quote("NEW", 7.0, 1, 1, page_id=2)]
    dialog = CompareDialog(page_row(1, "First"), a, page_row(2, "Second"), b)
    qtbot.addWidget(dialog)
    rows = [[dialog.model.index(r, c).data() for c in range(5)] for r in range(dialog.model.rowCount())]
    assert rows[0] == ["OGDC", "200.00", "220.00", "+20.00", "+10.00%"]
    assert ["NEW", "—", "7.00", "only in B", "only in B"] in rows
    assert ["OLD", "5.00", "—", "only in A", "only in A"] in rows


def test_dialog_models_pass_qt_model_tester(qtmodeltester, qapp):
    from desktop.gui.windows.compare_view import CompareModel
    from desktop.gui.windows.strip_view import StripChangeModel
    from desktop.library.compare import StripChange, compare_quotes

    moves = compare_quotes([quote("A", 1, 1, 1)], [quote("A", 2, 1, 1), quote("B", 3, 1, 1)])
    qtmodeltester.check(CompareModel(moves))
    qtmodeltester.check(StripChangeModel([StripChange(1, "2025-01-01T10:00:00+05:00", "t", ("B",), ())]))
