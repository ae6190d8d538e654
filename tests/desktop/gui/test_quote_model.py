"""The quote grid's model and proxy: numeric sorting, filter, colours, flags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.gui.models.quote_model import (
    CHANGE,
    KIND,
    PERCENT,
    PRICE,
    SECTOR,
    SYMBOL,
    VOLUME,
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


def _table_row(symbol: str, price: float, change: float, volume: int | None, **fields: object):
    row = quote(symbol, price, change, round(change / (price - change) * 100, 2))
    return row._replace(volume=volume, **fields)


TABLE = [
    _table_row("DGKC", 444.03, 27.70, 21_349, open=413.42, high=444.71, low=413.23, previous_close=416.33,
               sector="CEMENT"),
    _table_row("LUCK", 4.06, -0.26, 5_199, open=4.32, high=4.35, low=4.04, previous_close=4.32, sector="CEMENT"),
    _table_row("HUBC", 120.50, 1.05, 2_648_931, sector="POWER"),
    quote("KSE100", 114909.0, -3882.2, -3.27, kind="index"),  # from the strip: no table fields
]


def test_table_columns_appear_only_when_a_row_has_them(qapp, qtmodeltester):
    model = QuoteTableModel()
    model.set_quotes(STRIP)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Symbol", "Kind", "Price", "Change", "% Change"]
    model.set_quotes(TABLE)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[5:] == ["Open", "High", "Low", "Prev. close", "Volume", "Sector"]
    qtmodeltester.check(model)
    row = symbols(model).index("KSE100")
    assert model.index(row, model.column_of(VOLUME)).data() == ""
    assert model.index(symbols(model).index("HUBC"), model.column_of(VOLUME)).data() == "2,648,931"


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_volume_sorts_as_numbers_with_unknown_volumes_last(qapp, order):
    model = QuoteTableModel()
    model.set_quotes(TABLE)
    model.sort(model.column_of(VOLUME), order)
    volumes = [model.quote_at(r).volume for r in range(model.rowCount())]
    known = [v for v in volumes if v is not None]
    assert known == sorted(known, reverse=order == Qt.SortOrder.DescendingOrder) and volumes[-1] is None
    assert model.index(0, model.column_of(VOLUME)).data(QuoteRole.SORT_KEY) == known[0]


def test_sorting_by_a_column_that_goes_falls_back_to_losers_first(qapp):
    model = QuoteTableModel()
    model.set_quotes(TABLE)
    model.sort(model.column_of(SECTOR), Qt.SortOrder.DescendingOrder)
    model.set_quotes(STRIP)
    assert model.sort_state() == (model.column_of(PERCENT), Qt.SortOrder.AscendingOrder)
    assert symbols(model)[0] == "TRG"


def test_sector_kind_and_a_computed_percent(qapp):
    sector = quote("BR - Cement", 5128.27, 137.80, 2.76, kind="sector")._replace(percent_computed=True,
                                 volume=31_848_250)
    model = QuoteTableModel()
    model.set_quotes([sector, *STRIP])
    row = symbols(model).index("BR - Cement")
    assert model.index(row, model.column_of(KIND)).data() == "Sector"
    percent = model.index(row, model.column_of(PERCENT))
    assert percent.data(Qt.ItemDataRole.FontRole).italic()
    assert "prints no percent" in percent.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(symbols(model).index("BOP"), model.column_of(PERCENT)).data(Qt.ItemDataRole.FontRole) is None


def test_four_hundred_rows_sort_in_one_numpy_call(qapp):
    rows = [_table_row(f"S{n:03d}", 10.0 + n, (n % 7) - 3 or 0.5, (n * 7919) % 100_000) for n in range(400)]
    model = QuoteTableModel()
    model.set_quotes(rows)
    model.sort(model.column_of(VOLUME), Qt.SortOrder.DescendingOrder)
    volumes = [model.quote_at(r).volume for r in range(400)]
    assert volumes == sorted(volumes, reverse=True)
