"""The library list's model: sorts itself, keeps the selection, shows estimated dates as such."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.gui.models.page_model import AS_OF, PUBLISHED, QUOTES, TITLE, PageListModel
from tests.desktop.records import page_row

PAGES = [
    page_row(1, "Banana", published="2024-03-01", quote_count=34, quotes_as_of="2025-01-02T10:00:00+05:00"),
    page_row(2, "apple", published="2025-01-13", quote_count=5, quotes_as_of="2025-01-01T10:00:00+05:00"),
    page_row(3, "Cherry", published=None, quote_count=120, quotes_as_of="2025-02-01T10:00:00+05:00",
             as_of_estimated=True),
]


def titles(model) -> list[str]:
    return [model.page_at(r).title for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, qapp):
    model = PageListModel()
    model.set_pages(PAGES)
    qtmodeltester.check(model)


def test_default_order_is_newest_published_first(qapp):
    model = PageListModel()
    model.set_pages(PAGES)
    assert titles(model) == ["apple", "Banana", "Cherry"]
    model.sort(AS_OF, Qt.SortOrder.DescendingOrder)
    assert titles(model) == ["Cherry", "Banana", "apple"]


def test_sorts_by_title_ignoring_case_and_by_numbers(qapp):
    model = PageListModel()
    model.set_pages(PAGES)
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(model) == ["apple", "Banana", "Cherry"]
    model.sort(QUOTES, Qt.SortOrder.AscendingOrder)
    assert titles(model) == ["apple", "Banana", "Cherry"]  # 5 < 34 < 120, not "120" < "34" < "5"
    model.sort(PUBLISHED, Qt.SortOrder.DescendingOrder)
    assert titles(model) == ["apple", "Banana", "Cherry"]


def test_selection_survives_sorting(qapp):
    model = PageListModel()
    model.set_pages(PAGES)
    persistent = QPersistentModelIndex(model.index(model.row_of(2), 0))
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    assert model.page_at(persistent.row()).id == 2


def test_estimated_moment_is_marked(qapp):
    model = PageListModel()
    model.set_pages(PAGES)
    row = model.row_of(3)
    assert model.index(row, AS_OF).data().endswith("(est.)")
    assert "not recorded in the file" in model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, QUOTES).data() == "120"


def test_tooltip_escapes_a_title_that_looks_like_markup(qapp):
    model = PageListModel()
    model.set_pages([page_row(9, '<img src="/dev/zero"> Markets slide')])
    tip = model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip
    assert "&lt;img" in tip
