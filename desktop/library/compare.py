"""Comparing two snapshots of the ticker strip: price moves per symbol and who entered or left the strip."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.library.records import QuoteRow


@dataclass(frozen=True, slots=True)
class SymbolMove:
    """One symbol across two snapshots; a side is None where the symbol is missing from that page."""

    symbol: str
    kind: str
    price_a: float | None
    price_b: float | None

    @property
    def diff(self) -> float | None:
        if self.price_a is None or self.price_b is None:
            return None
        return round(self.price_b - self.price_a, 6)

    @property
    def percent_diff(self) -> float | None:
        if self.price_a is None or self.price_b is None or self.price_a == 0:
            return None
        return round((self.price_b - self.price_a) / self.price_a * 100, 4)

    @property
    def presence(self) -> str:
        """"both", "only in A" (left the strip) or "only in B" (entered it)."""
        if self.price_a is None:
            return "only in B"
        if self.price_b is None:
            return "only in A"
        return "both"

    def to_json(self) -> dict[str, object]:
        return {
            "symbol": self.symbol,
            "kind": self.kind,
            "price_a": self.price_a,
            "price_b": self.price_b,
            "diff": self.diff,
            "percent_diff": self.percent_diff,
            "presence": self.presence,
        }


def compare_quotes(a: Sequence[QuoteRow], b: Sequence[QuoteRow]) -> list[SymbolMove]:
    """Every symbol of either snapshot, biggest absolute percent move first; one-sided symbols last."""
    first = {q.symbol: q for q in a}
    second = {q.symbol: q for q in b}
    symbols = list(dict.fromkeys([*first, *second]))
    moves = [
        SymbolMove(
            symbol,
            (first.get(symbol) or second[symbol]).kind,
            first[symbol].price if symbol in first else None,
            second[symbol].price if symbol in second else None,
        )
        for symbol in symbols
    ]

    def key(move: SymbolMove) -> tuple[int, float, str]:
        pct = move.percent_diff
        if pct is None or not math.isfinite(pct):
            return (1, 0.0, move.symbol)
        return (0, -abs(pct), move.symbol)

    return sorted(moves, key=key)


def strip_changes(a: Sequence[QuoteRow], b: Sequence[QuoteRow]) -> tuple[list[str], list[str]]:
    """(symbols that entered the strip, symbols that left it) going from snapshot a to snapshot b."""
    first = [q.symbol for q in a]
    second = [q.symbol for q in b]
    entered = [s for s in second if s not in set(first)]
    left = [s for s in first if s not in set(second)]
    return entered, left


@dataclass(frozen=True, slots=True)
class StripChange:
    """How the ticker strip of one snapshot differs from the snapshot before it."""

    page_id: int
    as_of: str
    title: str | None
    entered: tuple[str, ...]
    left: tuple[str, ...]


def strip_timeline(snapshots: Sequence[tuple[int, str, str | None, Sequence[QuoteRow]]]) -> list[StripChange]:
    """Membership changes between consecutive snapshots, given oldest first as (page id, as of, title, quotes).

    Only snapshots whose strip changed are listed; the first snapshot is the baseline.
    """
    changes: list[StripChange] = []
    for (_pid, _as_of, _title, before), (page_id, as_of, title, after) in zip(snapshots, snapshots[1:], strict=False):
        entered, left = strip_changes(before, after)
        if entered or left:
            changes.append(StripChange(page_id, as_of, title, tuple(entered), tuple(left)))
    return changes
