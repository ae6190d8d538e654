"""The percent-change chart: colour groups, order, selection, clicks, hostile numbers."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics

from desktop.gui.panes.quote_chart import PercentChart
from tests.desktop.records import STRIP, quote


@pytest.fixture
def chart(qtbot):
    widget = PercentChart()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    return widget


def test_bars_are_grouped_by_direction_in_given_order(chart):
    chart.set_quotes(STRIP)
    bars = chart.bar_heights()
    assert bars["down"][0] == [0.0, 1.0, 4.0, 5.0]
    assert bars["down"][1] == [-5.8, -5.63, -7.68, -3.27]
    assert bars["up"] == ([3.0, 6.0], [6.04, 5.56])
    assert bars["flat"] == ([2.0], [0.0])


def test_symbols_label_the_axis(chart):
    chart.set_quotes(STRIP)
    ticks = chart.plot.getAxis("bottom")._tickLevels
    assert [label for _x, label in ticks[0]] == [q.symbol for q in STRIP]


def test_non_finite_percent_draws_no_broken_range(chart):
    chart.set_quotes([quote("A", 1, -1, -10.0), quote("B", 1, 1, float("inf")), quote("C", 1, 1, 4.0)])
    y_low, y_high = chart.plot.getPlotItem().vb.viewRange()[1]
    assert math.isfinite(y_low) and math.isfinite(y_high)
    assert y_low < -10.0 and y_high > 4.0


def test_empty_page_draws_no_bars(chart):
    chart.set_quotes(STRIP)
    chart.set_quotes([])
    assert all(xs == [] for xs, _heights in chart.bar_heights().values())


def test_bar_at_finds_the_bar_under_the_point(chart):
    chart.set_quotes(STRIP)
    assert chart.bar_at(1.1, -2.0) == 1
    assert chart.bar_at(1.5, -2.0) == -1  # the gap between bars
    assert chart.bar_at(3.0, -20.0) == -1  # far below a gainer
    assert "OGDC" in chart.quote_tooltip(3) and "+6.04%" in chart.quote_tooltip(3)


def test_clicking_a_bar_emits_its_index(chart, qtbot):
    chart.set_quotes(STRIP)
    qtbot.waitExposed(chart)
    vb = chart.plot.getPlotItem().vb
    scene_point = vb.mapViewToScene(QPointF(4.0, -3.0))
    view_point = chart.plot.mapFromScene(scene_point)
    with qtbot.waitSignal(chart.bar_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=view_point)
    assert blocker.args == [4]


def test_many_bars_drop_symbol_labels(chart):
    chart.set_quotes([quote(f"S{i}", 10, 0.1, (i % 21) - 10.0) for i in range(500)])
    assert chart.bar_count() == 500
    assert chart.plot.getAxis("bottom")._tickLevels == [[]]


@pytest.mark.parametrize("width", [340, 380, 500, 640])
def test_symbols_under_the_axis_never_run_into_each_other(chart, qtbot, width):
    symbols = ["KSE100", "BR30", "KSE30", "BR100", "OGDC", "PPL", "AIRLINK", "HUBC", "SEARL", "TRG", "PRL", "PAEL",
               "SSGC", "MLCF", "FCCL", "PTC", "SYM", "FFL", "FLYNG", "PIAHCLA", "TPLP", "WAVESAPP", "BOP", "TELE",
               "PIBTL", "CNERGY", "HUMNL", "KOSM", "PACE", "KEL", "POWER", "YOUW", "WTL", "SILK"]
    chart.resize(width, 260)
    qtbot.waitExposed(chart)
    chart.set_quotes([quote(s, 10, -1, -1.0 - i % 7) for i, s in enumerate(symbols)])
    axis = chart.plot.getAxis("bottom")
    metrics = QFontMetrics(axis.style["tickFont"])
    vb = chart.plot.getPlotItem().vb
    spans = []
    for x, label in axis._tickLevels[0]:
        centre = vb.mapViewToScene(QPointF(x, 0)).x() - vb.mapViewToScene(QPointF(-0.6, 0)).x()
        half = metrics.horizontalAdvance(label) / 2
        spans.append((centre - half, centre + half))
    assert len(spans) >= vb.width() // 60  # the axis is still labelled all along
    assert all(left >= 0 and right <= vb.width() for left, right in spans)
    assert all(after[0] > before[1] for before, after in zip(spans, spans[1:], strict=False))
