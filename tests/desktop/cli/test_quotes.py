"""`market-reader history`, `compare` and `quotes --latest` over a library of two snapshots."""

from __future__ import annotations

import json
import os

import pytest

from tests.desktop.cli.runner import run
from tests.textpages import text_page


@pytest.fixture
def library(tmp_path):
    first = [("OGDC", 200.00, 2.00, 1.01), ("OLD", 5.00, -0.10, -1.96)]
    second = [("OGDC", 220.00, 20.00, 10.0), ("NEW", 7.00, 0.50, 7.69)]
    paths = []
    for n, (title, quotes) in enumerate([("First snapshot of the day", first), ("Second snapshot of the day", second)]):
        path = tmp_path / f"page{n}.txt"
        path.write_text(text_page(title, quotes=quotes), encoding="utf-8")
        moment = 1_736_000_000 + n * 86_400  # the second page was saved a day later
        os.utime(path, (moment, moment))
        paths.append(str(path))
    db = tmp_path / "library.db"
    assert run(db, "import", *paths).returncode == 0
    return db


def test_history_lists_snapshots_oldest_first(library):
    result = run(library, "history", "ogdc", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["price"] for r in rows] == [200.0, 220.0]
    assert set(rows[0]) >= {"page_id", "as_of", "price", "change", "percent", "direction"}
    assert rows[0]["as_of"] < rows[1]["as_of"]


def test_history_of_an_unknown_symbol_says_so(library):
    result = run(library, "history", "NOPE")
    assert result.returncode == 1
    assert "not quoted in any saved page" in result.stderr


def test_compare_sorts_by_biggest_move_with_nulls_for_missing(library):
    result = run(library, "compare", "1", "2", "--json")
    assert result.returncode == 0, result.stderr
    rows = {r["symbol"]: r for r in json.loads(result.stdout)}
    assert json.loads(result.stdout)[0]["symbol"] == "OGDC"
    assert rows["OGDC"]["diff"] == 20.0 and rows["OGDC"]["percent_diff"] == 10.0
    assert rows["OLD"]["price_b"] is None and rows["NEW"]["price_a"] is None


def test_compare_table_names_strip_changes(library):
    result = run(library, "compare", "1", "2")
    assert "Entered the strip: NEW" in result.stdout
    assert "Left the strip: OLD" in result.stdout


def test_compare_of_a_missing_page_fails_clearly(library):
    result = run(library, "compare", "1", "99", "--csv")
    assert result.returncode == 1
    assert "no page 99" in result.stderr


def test_latest_quotes_within_a_date_range(library):
    # the first page was saved a day before the second (file dates 2025-01-04 and 2025-01-05 UTC)
    everything = json.loads(run(library, "quotes", "--latest", "--json").stdout)
    assert {r["symbol"]: r["price"] for r in everything}["OGDC"] == 220.0
    early = run(library, "quotes", "--latest", "--until", "2025-01-04", "--json")
    assert early.returncode == 0, early.stderr
    prices = {r["symbol"]: r["price"] for r in json.loads(early.stdout)}
    assert prices["OGDC"] == 200.0 and "NEW" not in prices
    late = json.loads(run(library, "quotes", "--latest", "--since", "2025-01-05", "--json").stdout)
    assert {r["symbol"] for r in late} >= {"OGDC", "NEW"} and "OLD" not in {r["symbol"] for r in late}
    assert run(library, "quotes", "--latest", "--since", "yesterday").returncode == 2
