"""A symbol's history as columns: the same snapshots, numbers and order as the rows, and the rows on demand."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from desktop.library import Library, ranking, series
from desktop.library.series import KINDS, history_series, series_from_rows
from desktop.library.times import parse_moment
from parsing import Page, Quote
from tests.desktop.library.helpers import make_page, raw_for

SAVED = (  # out of import order, two offsets, and one page with no saved time (an estimate)
    "2025-01-14T10:00:00+05:00", "2025-01-12T09:30:00+05:00", None, "2025-01-13T06:00:00+00:00",
    "2025-01-12T09:30:00+05:00", "2025-01-15T16:45:30+05:00",
)
ODD_NUMBERS = (123.456789, -0.0001, 99_999.99, 1.1, 2e10, 0.3)  # the fifth is too large to scale exactly


def page_with(index: int, saved: str | None) -> Page:
    page = make_page(index, saved=saved)
    ogdc = Quote("OGDC", ODD_NUMBERS[index], round(index - 2.5, 2), math.nan if index == 3 else index / 10,
                 ("down", "up", "unchanged")[index % 3], "stock" if index != 2 else "sector",
                 flag="percent disagrees" if index == 1 else None)
    return replace(page, quotes=(*page.quotes[:3], ogdc, *page.quotes[4:]))


@pytest.fixture
def varied(lib: Library) -> Library:
    for index, saved in enumerate(SAVED):
        lib.import_page(page_with(index, saved), raw_for(index), f"{index}.html", mtime=1_736_700_000.0 + index)
    return lib


def assert_same(got: series.HistorySeries, rows: list) -> None:
    assert got.page_id.tolist() == [r.page_id for r in rows]
    assert got.position.tolist() == [r.position for r in rows]
    assert got.moment.tolist() == [parse_moment(r.as_of).timestamp() for r in rows]
    for name in ("price", "change", "percent"):
        np.testing.assert_array_equal(getattr(got, name), np.asarray([getattr(r, name) for r in rows]), strict=True)
    assert [got.direction_text(i) for i in range(len(got))] == [r.direction for r in rows]
    assert [got.kind_text(i) for i in range(len(got))] == [r.kind for r in rows]
    assert got.flagged.tolist() == [r.flag is not None for r in rows]
    assert got.estimated.tolist() == [r.as_of_estimated for r in rows]


@pytest.mark.parametrize("symbol", ["OGDC", "KSE100", "AIRLINK"])
@pytest.mark.parametrize("two_connections", [False, True])
def test_the_series_holds_what_the_rows_hold(varied: Library, symbol: str, two_connections: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranking, "PARALLEL_MIN_PAGES", 0 if two_connections else 10**9)
    rows = varied.history(symbol)
    got = varied.history_series(symbol)
    assert (varied._ranker is not None) == two_connections
    assert len(got) == len(SAVED) and got.symbol == symbol
    assert_same(got, rows)
    assert got.offset == 5 * 3600  # most snapshots were written at +05:00
    assert_same(series_from_rows(symbol, rows), rows)


def test_odd_numbers_come_back_exactly(varied: Library) -> None:
    got = varied.history_series("OGDC")
    by_page = dict(zip(got.page_id.tolist(), got.price.tolist(), strict=True))
    assert sorted(by_page.values()) == sorted(ODD_NUMBERS)  # six decimals, negative, and 2e10 from its row
    assert np.isnan(got.percent).sum() == 1
    assert got.estimated.sum() == 1 and KINDS[got.kind.max()] == "sector"


def test_rows_on_demand_are_the_history_rows(varied: Library) -> None:
    rows = varied.history("OGDC")
    got = varied.history_series("OGDC")
    keys = got.keys()
    wanted = keys[[4, 0, 2]].tolist()
    fetched = varied.history_rows("OGDC", [*wanted, 99 << 20])  # a key that names nothing is left out
    assert set(fetched) == set(wanted)
    assert [fetched[k] for k in wanted] == [rows[4], rows[0], rows[2]]
    assert varied.history_rows("OGDC", []) == {}
    assert varied.history_rows("BOP", wanted) == {}  # those quotes are OGDC's


def test_an_unknown_symbol_has_an_empty_series(varied: Library) -> None:
    got = varied.history_series("NOPE\ud800")
    assert len(got) == 0 and got.price.dtype == float and got.offset == 0
    assert len(series_from_rows("NOPE", [])) == 0


def test_an_index_read_out_of_order_is_put_in_order(varied: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = varied.history("OGDC")
    reverse = series._KEYS_SQL.replace("FROM quotes WHERE symbol = ?",
                                       "FROM (SELECT * FROM quotes WHERE symbol = ? ORDER BY as_of_key DESC, page_id DESC)")
    monkeypatch.setattr(series, "_KEYS_SQL", reverse)
    monkeypatch.setattr(series, "_NUMBERS_SQL", series._NUMBERS_SQL.replace(
        "FROM quotes WHERE symbol = ?", "FROM (SELECT * FROM quotes WHERE symbol = ? ORDER BY as_of_key DESC, page_id DESC)"))
    assert_same(history_series(varied.db, "OGDC"), rows)


def test_a_library_upgraded_to_version_6_has_the_small_index(varied: Library) -> None:
    names = {r[0] for r in varied.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "idx_pages_estimated" in names
    assert not {"idx_pages_as_of_key", "idx_pages_source_url"} & names
    plan = " ".join(str(r) for r in varied.db.execute(
        "EXPLAIN QUERY PLAN SELECT group_concat(id) FROM pages INDEXED BY idx_pages_estimated WHERE as_of_estimated != 0"))
    assert "idx_pages_estimated" in plan


def test_two_reads_that_saw_different_pages_are_read_again(varied: Library) -> None:
    from concurrent.futures import Future

    class StaleHelper:
        """Answers as a connection would that read the library before a page was added."""

        def fetch_one(self, sql: str, params: list) -> Future:
            row = varied.db.execute(sql, params).fetchone()
            answer: Future = Future()
            answer.set_result((*(",".join(reversed(t.split(","))) for t in row[:3]), row[3] + 7))
            return answer

    assert_same(history_series(varied.db, "OGDC", StaleHelper()), varied.history("OGDC"))  # type: ignore[arg-type]
