"""The page list's queries: order, filters combined with search, rows with state, counts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.library import Library
from desktop.library.listing import LIST_SORTS, PageFilter
from tests.desktop.library.helpers import make_page, raw_for


@pytest.fixture
def five(lib: Library) -> Library:
    for index, (title, section) in enumerate([("Cement up", "Markets"), ("oil down", "Energy"), (None, "Markets"),
                                              ("Banks flat", None), ("Zinc rally", "markets")]):
        page = replace(make_page(index, saved=f"2025-01-1{index}T10:00:00+05:00"), title=title, section=section)
        lib.import_page(page, raw_for(index), f"p{index}.html")
    return lib


def test_every_sort_orders_in_sql_with_ties_by_id(five: Library) -> None:
    assert five.page_ids("quotes_as_of", True) == [5, 4, 3, 2, 1]
    assert five.page_ids("quotes_as_of", False) == [1, 2, 3, 4, 5]
    assert five.page_ids("title", False) == [3, 4, 1, 2, 5]  # no title sorts as empty; case is ignored
    assert five.page_ids("title", True) == [5, 2, 1, 4, 3]
    assert five.page_ids("section", False) == [4, 2, 1, 3, 5]
    for sort in LIST_SORTS:
        assert sorted(five.page_ids(sort, True)) == [1, 2, 3, 4, 5]
    with pytest.raises(ValueError):
        five.page_ids("colour", True)


def test_filters_combine_with_each_other_and_the_search(five: Library) -> None:
    five.set_read([1, 2])
    five.set_starred([2, 5])
    five.add_tags([2, 3, 5], ["watch"])
    assert five.page_ids(wanted=PageFilter(unread=True)) == [5, 4, 3]
    assert five.page_ids(wanted=PageFilter(starred=True)) == [5, 2]
    assert five.page_ids(wanted=PageFilter(tag=" WATCH ")) == [5, 3, 2]
    assert five.page_ids(wanted=PageFilter(tag="watch", unread=True, starred=True)) == [5]
    assert five.page_ids(wanted=PageFilter(section="MARKETS")) == [5, 3, 1]
    assert five.page_ids(wanted=PageFilter(since="2025-01-12", until="2025-01-13")) == [4, 3]
    assert five.page_ids(wanted=PageFilter(search="report 4", tag="watch")) == [5]
    assert five.page_ids(wanted=PageFilter(search='"AND (')) == []
    assert five.filter_counts(PageFilter(tag="watch")) == {"pages": 3, "unread": 2, "starred": 2}
    assert five.page_listing("published", True, PageFilter(tag="watch")) == (
        five.page_ids("published", True, PageFilter(tag="watch")), {"pages": 3, "unread": 2, "starred": 2})
    assert PageFilter().active() is False and PageFilter(search="  ").active() is False
    assert PageFilter(unread=True).active()


def test_listed_rows_carry_state_and_skip_missing_ids(five: Library) -> None:
    five.add_tags([1], ["b", "a"])
    rows = five.listed_pages([1, 2, 99])
    assert set(rows) == {1, 2}
    assert rows[1].row.title == "Cement up" and rows[1].state.tags == ("a", "b")
    assert [s.lower() for s in five.sections()] == ["energy", "markets"]


@pytest.mark.parametrize("sort", list(LIST_SORTS))
@pytest.mark.parametrize("search", ["report", "cement", "report 4", "nothing-here"])
def test_a_search_intersected_by_numpy_lists_what_sql_lists(five: Library, monkeypatch: pytest.MonkeyPatch,
                                                             sort: str, search: str) -> None:
    from desktop.library import listing

    five.set_read([1, 4])
    five.set_starred([2, 4])
    for wanted in (PageFilter(search=search), PageFilter(search=search, unread=True), PageFilter(search=search, starred=True)):
        for descending in (True, False):
            in_sql = five.page_listing(sort, descending, wanted)
            monkeypatch.setattr(listing, "SQL_SEARCH_MAX", 0)  # every search intersected after the query
            in_numpy = five.page_listing(sort, descending, wanted)
            monkeypatch.setattr(listing, "SQL_SEARCH_MAX", 5_000)
            assert in_numpy == in_sql
            assert in_sql[1] == five.filter_counts(wanted)
            assert in_sql[0] == [i for i in five.page_ids(sort, descending) if i in set(in_sql[0])]
