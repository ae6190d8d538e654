"""A symbol's history window and the comparison of two pages."""

from __future__ import annotations

import pytest

from desktop.gui.models.quote_model import AS_OF
from desktop.gui.windows.compare_view import CompareDialog
from desktop.gui.windows.history_view import SymbolHistoryDialog
from desktop.library.series import series_from_rows
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


def test_summary_counts_the_snapshots(history, qtbot):
    assert "3 snapshots, from 200.00 to 213.07" in history.summary.text()
    single = SymbolHistoryDialog("OGDC", HISTORY[:1])
    qtbot.addWidget(single)
    assert "1 snapshot, from" in single.summary.text()


def test_price_line_and_percent_bars_use_snapshot_times(history):
    xs, ys = history.chart.line.getData()
    assert list(xs) == sorted(xs)  # the line runs forward in time whatever order the rows came in
    assert ys.tolist() == [200.00, 226.77, 213.07]
    assert len(set(xs.tolist())) == 3  # two snapshots of the same day stay apart
    up_x = history.chart.bars["up"].opts["x"]
    assert len(up_x) == 2 and len(history.chart.bars["down"].opts["x"]) == 1
    widths = history.chart.bar_widths()
    moments = series_from_rows("OGDC", HISTORY).moment
    same_day_gap = moments[0] - moments[2]
    assert 0 < widths[0] < same_day_gap and 0 < widths[2] < same_day_gap  # the same day's bars do not overlap
    assert widths[1] > widths[0]  # a lone snapshot three days earlier gets a wider bar


def bar_pixels(chart, width: float) -> float:
    view = chart.percent_plot.getViewBox()
    low, high = view.viewRange()[0]
    return width * view.width() / (high - low)


def test_bars_stay_visible_when_snapshots_span_years(qtbot):
    rows = [quote("OGDC", 100 + n, 1.0, p, page_id=n, as_of=f"{2019 + n}-03-11T15:00:00+05:00")
            for n, p in enumerate((7.8, -2.1, 2.98, 0.5, -4.0, 1.2))]
    dialog = SymbolHistoryDialog("OGDC", rows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    chart = dialog.chart
    dialog.grab()  # lays out and paints the axes
    assert min(bar_pixels(chart, w) for w in chart.bar_widths()) >= 5  # a year apart on a six-year axis
    labels = chart.time_axis.tickStrings(sorted(chart.time_axis._labels), 1.0, 0.0)
    assert labels and all(label.startswith("20") or label[-4:].startswith("20") for label in labels)  # years


def test_snapshots_on_one_day_name_the_day_on_the_axis(qtbot):
    rows = [quote("OGDC", 100.0, 1.0, 1.0, page_id=1, as_of="2026-11-30T12:08:40+05:00"),
            quote("OGDC", 101.0, 1.0, 1.0, page_id=2, as_of="2026-11-30T12:08:45+05:00")]
    dialog = SymbolHistoryDialog("OGDC", rows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab()
    assert "30 Nov 2026" in dialog.chart.time_axis.labelText
    assert min(bar_pixels(dialog.chart, w) for w in dialog.chart.bar_widths()) >= 5


def test_estimated_times_are_marked_in_the_history(qtbot):
    rows = [quote("OGDC", 100.0, 1.0, 1.0, page_id=1, as_of="2025-01-10T10:00:00+05:00", as_of_estimated=True),
            quote("OGDC", 101.0, 1.0, 1.0, page_id=2, as_of="2025-01-11T10:00:00+05:00")]
    dialog = SymbolHistoryDialog("OGDC", rows)
    qtbot.addWidget(dialog)
    model = dialog.table.model
    column = model.column_of(AS_OF)
    assert [model.index(r, column).data() for r in range(2)] == ["10 Jan 2025 10:00 (est.)", "11 Jan 2025 10:00"]
    assert "estimated" in dialog.summary.text()


def test_enter_on_a_history_row_opens_its_page(qtbot):
    from PySide6.QtCore import Qt

    dialog = SymbolHistoryDialog("OGDC", HISTORY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.table.view  # the table has the focus when the window opens
    with qtbot.waitSignal(dialog.page_requested) as blocker:
        qtbot.keyClick(dialog.table.view, Qt.Key.Key_Return)
    assert blocker.args == [3]  # the newest snapshot is selected when the window opens


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


def test_an_unchanged_price_reads_as_no_difference_in_both_columns(qtbot):
    a = [quote("OGDC", 200.0, 1, 1, page_id=1), quote("PPL", 80.0, 1, 1, page_id=1)]
    b = [quote("OGDC", 200.0, 1, 1, page_id=2), quote("PPL", 79.0, 1, 1, page_id=2)]
    dialog = CompareDialog(page_row(1, "First"), a, page_row(2, "Second"), b)
    qtbot.addWidget(dialog)
    rows = {dialog.model.index(r, 0).data(): [dialog.model.index(r, c).data() for c in (3, 4)]
            for r in range(dialog.model.rowCount())}
    assert rows["OGDC"] == ["0.00", "0.00%"]  # no sign on nothing, as in the grid
    assert rows["PPL"] == ["-1.00", "-1.25%"]


def test_dialog_models_pass_qt_model_tester(qtmodeltester, qapp):
    from desktop.gui.windows.compare_view import CompareModel
    from desktop.gui.windows.strip_view import StripChangeModel
    from desktop.library.compare import StripChange, compare_quotes

    moves = compare_quotes([quote("A", 1, 1, 1)], [quote("A", 2, 1, 1), quote("B", 3, 1, 1)])
    qtmodeltester.check(CompareModel(moves))
    qtmodeltester.check(StripChangeModel([StripChange(1, "2025-01-01T10:00:00+05:00", "t", ("B",), ())]))
