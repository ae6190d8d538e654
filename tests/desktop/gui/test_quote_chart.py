"""The percent-change chart: colour groups, order, selection, clicks, hostile numbers."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, Qt

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
