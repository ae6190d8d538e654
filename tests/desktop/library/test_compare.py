"""Comparing two snapshots: moves sorted by size, missing sides, strip membership."""

from __future__ import annotations

from desktop.library.compare import compare_quotes, strip_changes
from tests.desktop.records import quote

A = [quote("AIRLINK", 100.0, 1, 1), quote("BOP", 10.0, 1, 1), quote("OLD", 5.0, 1, 1), quote("KSE100", 100000.0, 1, 1)]
B = [quote("AIRLINK", 90.0, 1, 1), quote("BOP", 10.5, 1, 1), quote("NEW", 7.0, 1, 1), quote("KSE100", 101000.0, 1, 1)]


def test_moves_are_sorted_by_biggest_absolute_percent():
    moves = compare_quotes(A, B)
    assert [m.symbol for m in moves] == ["AIRLINK", "BOP", "KSE100", "NEW", "OLD"]  # one-sided last, by name
    airlink = moves[0]
    assert airlink.diff == -10.0 and airlink.percent_diff == -10.0


def test_symbols_on_one_side_have_null_on_the_other():
    moves = {m.symbol: m for m in compare_quotes(A, B)}
    assert moves["OLD"].to_json()["price_b"] is None and moves["OLD"].presence == "only in A"
    assert moves["NEW"].to_json()["price_a"] is None and moves["NEW"].presence == "only in B"
    assert moves["NEW"].diff is None and moves["NEW"].percent_diff is None


def test_strip_membership_changes():
    assert strip_changes(A, B) == (["NEW"], ["OLD"])
    assert strip_changes(A, A) == ([], [])


def test_strip_timeline_lists_only_changes_oldest_first():
    from desktop.library.compare import strip_timeline

    snapshots = [(1, "2025-01-01", "one", A), (2, "2025-01-02", "two", A), (3, "2025-01-03", "three", B)]
    changes = strip_timeline(snapshots)
    assert [(c.page_id, c.entered, c.left) for c in changes] == [(3, ("NEW",), ("OLD",))]
    assert strip_timeline(snapshots[:1]) == []
