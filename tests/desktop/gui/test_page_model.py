"""The library list's model: rows read a block at a time, state shown (bold unread, star), sorting asked of the library."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from desktop.gui.models.page_model import AS_OF, BLOCK, QUOTES, TITLE, PageListModel
from desktop.gui.models.roles import PageRole
from desktop.library.listing import ListedPage
from desktop.library.state import PageState
from tests.desktop.records import page_row

PAGES = [
    page_row(1, "Banana", published="2024-03-01", quote_count=34, quotes_as_of="2025-01-02T10:00:00+05:00"),
    page_row(2, "apple", published="2025-01-13", quote_count=5, quotes_as_of="2025-01-01T10:00:00+05:00"),
    page_row(3, "Cherry", published=None, quote_count=120, quotes_as_of="2025-02-01T10:00:00+05:00",
             as_of_estimated=True),
]


def test_model_passes_qt_model_tester(qtmodeltester, qapp):
    model = PageListModel()
    model.set_pages(PAGES)
    qtmodeltester.check(model)


def test_rows_are_read_a_block_at_a_time_as_they_are_shown(qapp):
    asked: list[list[int]] = []

    def fetch(ids: Sequence[int]) -> dict[int, ListedPage]:
        asked.append(list(ids))
        return {i: ListedPage(page_row(i, f"Page {i}"), PageState(read=i % 2 == 0)) for i in ids}

    model = PageListModel(fetch)
    model.set_listing(list(range(1000, 0, -1)))
    assert model.rowCount() == 1000 and asked == []
    assert model.index(0, TITLE).data() == "Page 1000"
    assert asked == [list(range(1000, 1000 - BLOCK, -1))]
    assert model.index(5, TITLE).data() == "Page 995" and len(asked) == 1  # same block, already read
    assert model.index(999, TITLE).data() == "Page 1"
    assert len(asked) == 2 and asked[1][-1] == 1
    assert model.row_of(1) == 999 and model.row_of(5000) == -1
    assert model.index(999, 0).data(PageRole.PAGE_ID) == 1


def test_unread_rows_are_bold_and_starred_ones_marked(qapp):
    model = PageListModel()
    model.set_pages(PAGES, {1: PageState(read=True, starred=True, tags=("oil",), note="watch this", words=450)})
    assert model.index(0, TITLE).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, TITLE).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, TITLE).data() == "★ Banana" and model.index(1, TITLE).data() == "apple"
    tip = model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Tags: oil" in tip and "Note: watch this" in tip and "3 min read" in tip
    assert model.index(0, 0).data(PageRole.STATE).starred


def test_refresh_reads_changed_rows_again(qapp):
    states = {1: PageState()}

    def fetch(ids: Sequence[int]) -> dict[int, ListedPage]:
        return {i: ListedPage(PAGES[0], states[i]) for i in ids if i in states}

    model = PageListModel(fetch)
    model.set_listing([1])
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    states[1] = PageState(read=True)
    model.refresh([1, 7])
    assert changed == [0] and model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None


def test_sorting_asks_the_library_and_keeps_the_order_it_was_given(qapp):
    model = PageListModel()
    model.set_pages(PAGES)
    asked: list[tuple[str, bool]] = []
    model.sort_requested.connect(lambda: asked.append(model.sort_order()))
    model.sort(QUOTES, Qt.SortOrder.AscendingOrder)
    model.sort(QUOTES, Qt.SortOrder.AscendingOrder)  # no change, no new question
    model.sort(AS_OF, Qt.SortOrder.DescendingOrder)
    assert asked == [("quote_count", False), ("quotes_as_of", True)]
    assert [model.page_at(r).id for r in range(3)] == [1, 2, 3]


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


def test_rows_the_library_cannot_give_are_said_below_the_list_once(qtbot, tmp_path, caplog):
    from PySide6.QtCore import QThreadPool

    from desktop.gui.background import Background
    from desktop.gui.panes.page_list import PageListPane
    from desktop.library.records import LibraryError

    class Broken:
        def listed_pages(self, _ids):
            raise LibraryError(f"{tmp_path / 'library.db'}: not a Market Reader library.")

    pane = PageListPane(tmp_path / "library.db", Background(QThreadPool()), reader=Broken())
    qtbot.addWidget(pane)
    pane.model.set_listing([1, 2, 3])  # ids listed, rows not read yet
    for row in range(3):
        assert pane.model.index(row, 0).data() is None  # the view paints these rows: each asks
    assert pane.count_label.text().startswith("The list could not be read.")
    assert "not a Market Reader library" in pane.count_label.text()
    assert sum("could not be read" in record.getMessage() for record in caplog.records) == 1
