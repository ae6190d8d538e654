"""Queries shared by the window and the CLI: page lists, quotes, market view, history, movers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.library import Library
from tests.desktop.library.helpers import SYMBOLS, make_page, raw_for


@pytest.fixture
def three(lib: Library) -> Library:
    """Three snapshots, saved on the 10th, 12th and 11th, with prices rising by 1 per index."""
    for index, day in ((1, 10), (2, 12), (3, 11)):
        page = make_page(index, saved=f"2025-01-{day}T10:00:00+05:00",
                         title=f"{'Cement' if index == 2 else 'Oil'} report {index}")
        lib.import_page(page, raw_for(index), f"p{index}.html")
    return lib


def test_pages_sorted_by_quote_time_newest_first(three: Library) -> None:
    assert [p.id for p in three.pages()] == [2, 3, 1]
    assert [p.id for p in three.pages(descending=False)] == [1, 3, 2]


@pytest.mark.parametrize(("sort", "expected"), [
    ("title", [2, 1, 3]), ("imported", [1, 2, 3]), ("published", [1, 2, 3]), ("quote_count", [1, 2, 3]),
])
def test_pages_other_sorts(three: Library, sort: str, expected: list[int]) -> None:
    assert [p.id for p in three.pages(sort=sort, descending=False)] == expected


def test_pages_rejects_unknown_sort(three: Library) -> None:
    with pytest.raises(ValueError, match="unknown sort"):
        three.pages(sort="id; DROP TABLE pages")


def test_pages_filtered_by_search(three: Library) -> None:
    assert [p.id for p in three.pages(search="cement report")] == [2]
    assert [p.id for p in three.pages(search="   ")] == [2, 3, 1]
    assert three.pages(search='"unbalanced') == []


def test_page_row_fields(three: Library) -> None:
    row = three.page(2)
    assert row is not None
    assert (row.title, row.section, row.published, row.format) == ("Cement report 2", "Markets", "2025-01-12", "html")
    assert row.quote_count == 7 and row.file_name == "p2.html"
    assert row.saved == "2025-01-12T10:00:00+05:00" and not row.as_of_estimated
    assert len(row.content_hash) == 64
    assert three.page(99) is None


def test_quotes_in_strip_order(three: Library) -> None:
    rows = three.quotes(1)
    assert [q.symbol for q in rows] == [*SYMBOLS, "KSE100"]
    assert [q.position for q in rows] == list(range(7))
    assert rows[-1].kind == "index" and rows[-1].price == 114_001.0
    assert rows[0].page_title == "Oil report 1"
    assert three.quotes(99) == []


def test_latest_quotes_come_from_the_newest_snapshot(three: Library) -> None:
    rows = three.latest_quotes()
    assert [q.symbol for q in rows] == [*sorted(SYMBOLS), "KSE100"]
    assert {q.page_id for q in rows} == {2}  # saved on the 12th
    assert rows[0].as_of == "2025-01-12T10:00:00+05:00"
    assert [q.symbol for q in three.latest_quotes(kind="index")] == ["KSE100"]
    assert len(three.latest_quotes(kind="stock")) == len(SYMBOLS)


def test_latest_quote_of_a_symbol_only_in_an_older_page(three: Library) -> None:
    extra = make_page(4, saved="2024-12-01T10:00:00+05:00")
    extra = replace(extra, quotes=extra.quotes[:1])
    three.import_page(extra, raw_for(4), "old.html")
    assert {q.page_id for q in three.latest_quotes()} == {2}
    three.delete_page(2)
    assert {q.page_id for q in three.latest_quotes()} == {3}


def test_history_oldest_first(three: Library) -> None:
    rows = three.history("OGDC")
    assert [q.page_id for q in rows] == [1, 3, 2]
    assert [q.price for q in rows] == [104.0, 106.0, 105.0]
    assert three.history("NOPE") == []


def test_movers_of_a_page_and_of_the_market(three: Library) -> None:
    losers = three.movers(1, n=2)
    assert [q.symbol for q in losers] == ["KSE100", "AIRLINK"]
    gainers = three.movers(None, n=10, losers=False)
    assert [q.symbol for q in gainers] == ["SYM", "PPL", "OGDC"]
    assert all(q.page_id == 2 for q in gainers)
    assert three.movers(1, n=0) == []


def test_empty_library_queries(lib: Library) -> None:
    assert lib.page_count() == 0
    assert lib.pages() == [] and lib.latest_quotes() == [] and lib.history("OGDC") == []
    assert lib.movers(None) == [] and lib.search("oil") == []
