"""The quote grid's model and proxy: numeric sorting, filter, colours, flags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.gui.models.quote_model import (
    CHANGE,
    KIND,
    PERCENT,
    PRICE,
    SYMBOL,
    QuoteSortProxy,
    QuoteTableModel,
)
from desktop.gui.models.roles import QuoteRole
from tests.desktop.records import STRIP, quote


@pytest.fixture
def model(qapp):
    m = QuoteTableModel()
    m.set_quotes(STRIP)
    return m


def symbols(model) -> list[str]:
    return [model.quote_at(r).symbol for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_default_order_is_biggest_losers_first(model):
    assert symbols(model)[:2] == ["TRG", "AIRLINK"]
    assert symbols(model)[-1] == "OGDC"


@pytest.mark.parametrize("field", [PRICE, CHANGE, PERCENT])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_every_numeric_column_sorts_as_numbers(model, field, order):
    model.sort(model.column_of(field), order)
    attribute = {PRICE: "price", CHANGE: "change", PERCENT: "percent"}[field]
    values = [getattr(model.quote_at(r), attribute) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)
    # as text "114,909" would sort before "9.50": prove the numeric order differs from the text order
    texts = [model.index(r, model.column_of(field)).data() for r in range(model.rowCount())]
    assert texts != sorted(texts) or texts != sorted(texts, reverse=True)


def test_symbol_and_kind_sort_alphabetically(model):
    model.sort(model.column_of(SYMBOL), Qt.SortOrder.AscendingOrder)
    assert symbols(model) == sorted(symbols(model))
    model.sort(model.column_of(KIND), Qt.SortOrder.DescendingOrder)
    assert model.quote_at(0).kind == "stock" and model.quote_at(model.rowCount() - 1).kind == "index"


def test_display_has_thousands_separators_and_arrows(model):
    model.sort(model.column_of(PRICE), Qt.SortOrder.DescendingOrder)
    assert model.index(0, model.column_of(PRICE)).data() == "114,909"
    percent = model.index(0, model.column_of(PERCENT)).data()
    assert percent.startswith("▼") and "-3.27%" in percent
    model.sort(model.column_of(PERCENT), Qt.SortOrder.DescendingOrder)
    assert model.index(0, model.column_of(PERCENT)).data().startswith("▲")


def test_colours_follow_direction(model):
    colors = {}
    for row in range(model.rowCount()):
        q = model.quote_at(row)
        colors[q.direction] = model.index(row, model.column_of(PERCENT)).data(Qt.ItemDataRole.ForegroundRole).name()
    assert len(set(colors.values())) == 3


def test_flagged_quote_is_marked_with_reason(qapp):
    model = QuoteTableModel()
    model.set_quotes([quote("ODD", 10.0, 1.0, 50.0, flag="percent does not match price and change")])
    index = model.index(0, model.column_of(SYMBOL))
    assert index.data().startswith("⚠")
    assert "percent does not match" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(QuoteRole.QUOTE).symbol == "ODD"


def test_proxy_sort_and_filter_go_through_the_model(qtmodeltester, model):
    proxy = QuoteSortProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(model.column_of(PRICE), Qt.SortOrder.AscendingOrder)
    prices = [proxy.index(r, model.column_of(PRICE)).data(QuoteRole.SORT_KEY) for r in range(proxy.rowCount())]
    assert prices == sorted(prices)
    proxy.set_symbol_filter("  p ")
    assert sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount())) == ["BOP", "PPL"]
    proxy.set_symbol_filter("x" * 10_000)
    assert proxy.rowCount() == 0
    proxy.set_symbol_filter("")
    assert proxy.rowCount() == len(STRIP)


def test_selection_follows_its_row_through_a_sort(model):
    row_of_bop = symbols(model).index("BOP")
    persistent = QPersistentModelIndex(model.index(row_of_bop, 0))
    model.sort(model.column_of(SYMBOL), Qt.SortOrder.DescendingOrder)
    assert model.quote_at(persistent.row()).symbol == "BOP"


def test_non_finite_numbers_sort_last(qapp):
    model = QuoteTableModel()
    model.set_quotes([quote("NAN", 1.0, 0.1, float("nan")), quote("A", 1.0, -0.1, -1.0), quote("B", 1.0, 0.1, 1.0)])
    assert [model.quote_at(r).symbol for r in range(3)] == ["A", "B", "NAN"]


def test_non_finite_numbers_sort_last_descending_too(qapp):
    model = QuoteTableModel()
    model.set_quotes([quote("NAN", 1.0, 0.1, float("nan")), quote("A", 1.0, -0.1, -1.0), quote("B", 1.0, 0.1, 1.0)])
    model.sort(model.column_of(PERCENT), Qt.SortOrder.DescendingOrder)
    assert [model.quote_at(r).symbol for r in range(3)] == ["B", "A", "NAN"]


def test_as_of_sorts_by_moment_not_by_text(qapp):
    from desktop.gui.models.quote_model import AS_OF

    model = QuoteTableModel(with_as_of=True)
    late_in_karachi = quote("KHI", 1, 1, 1, as_of="2025-01-13T09:30:00+05:00")  # 04:30 UTC
    early_in_london = quote("LON", 1, 1, 1, as_of="2025-01-13T06:00:00+00:00")  # 06:00 UTC
    model.set_quotes([early_in_london, late_in_karachi])
    model.sort(model.column_of(AS_OF), Qt.SortOrder.AscendingOrder)
    assert [model.quote_at(r).symbol for r in range(2)] == ["KHI", "LON"]


def test_tooltips_never_carry_markup_from_a_page(qapp):
    model = QuoteTableModel(with_as_of=True)
    row = quote("ODD", 1, 1, 1, flag='<img src="/dev/zero">')
    model.set_quotes([row._replace(page_title="<b>Bold</b> title")])
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip
    assert "<b>" not in tip and "&lt;b&gt;Bold" in tip
