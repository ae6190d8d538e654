"""A symbol's history as columns: numpy arrays the history window draws and sorts, read without a Python
object per snapshot.

``Library.history`` builds a row (a named tuple of twelve values) for each snapshot: 100,000 snapshots cost
a third of a second in Python alone. ``history_series`` asks SQLite for each column as one comma-separated
text of integers (prices scaled to millionths, times in seconds) that numpy reads in a few milliseconds,
all from the covering index of quotes by symbol, in two halves on two connections when a helper is given.
What only a row on screen needs (the page's title, the flag's wording, the time as the page wrote it, the
numbers exactly as stored) comes from ``history_rows`` for those rows alone.

The numbers of a series are the stored ones to the nearest millionth (prices, changes and percents are
printed with two to four decimals); a number too large for that comes from its row, exactly.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from sqlite_utils import Database

from desktop.library.fts import clean_text
from desktop.library.ranking import RankHelper
from desktop.library.records import QuoteRow
from desktop.library.times import parse_moment

KINDS = ("stock", "index", "sector")
DIRECTIONS = {1: "up", -1: "down", 0: "unchanged"}
SCALE = 1_000_000  # prices, changes and percents travel as integer millionths
MISSING = 2**63 - 2  # stands for NULL in the integer texts: no double casts to it (CAST gives 2**63 - 1 or
# a multiple of 1024 up there)
EXACT_LIMIT = 2**53  # scaled numbers beyond this (or cast to the limits of 64 bits) are read from their rows
OFFSET_SAMPLES = 256  # snapshots whose written UTC offset is read to choose the time axis's offset
POSITION_BITS = 20  # a row key is page_id << 20 | position (a page holds far fewer than a million quotes)

# SQLite 3.38 added unixepoch(); strftime('%s') does the same, three times slower.
_EPOCH = "unixepoch(as_of_key)" if sqlite3.sqlite_version_info >= (3, 38) else "CAST(strftime('%s', as_of_key) AS INTEGER)"
_CODES = (  # direction, kind, flag and position packed in one integer
    "(CASE direction WHEN 'up' THEN 1 WHEN 'down' THEN 2 ELSE 0 END)"
    " + 4 * (CASE kind WHEN 'index' THEN 1 WHEN 'sector' THEN 2 ELSE 0 END) + 16 * (flag IS NOT NULL)"
    " + 32 * ifnull(position, 0)"
)
_NUMBERS = ("price", "change", "percent")
# Each aggregate reads the index of quotes by symbol in its order (symbol, as_of_key, page_id, position);
# the order is checked all the same. The two statements take about as long as each other.
_KEYS_SQL = f"SELECT group_concat(page_id), group_concat(ifnull({_EPOCH}, {MISSING})), group_concat({_CODES})" \
    " FROM quotes WHERE symbol = ?"
_NUMBERS_SQL = "SELECT " + ", ".join(
    f"group_concat(ifnull(CAST(round({column} * {SCALE}.0) AS INTEGER), {MISSING}))" for column in _NUMBERS
) + ", sum(page_id) FROM quotes WHERE symbol = ?"  # the sum tells whether both reads saw the same snapshots
_HISTORY_ROW_FIELDS = (
    "q.page_id, p.quotes_as_of, p.as_of_estimated, q.position, q.symbol, q.kind, q.price, q.change,"
    " q.percent, q.direction, q.flag, p.title"
)


@dataclass(frozen=True, eq=False)
class HistorySeries:
    """Every snapshot of one symbol, oldest first (as ``Library.history`` orders them), one array per field."""

    symbol: str
    page_id: np.ndarray  # int64
    position: np.ndarray  # int64: the quote's place on its page
    moment: np.ndarray  # float64: seconds since the epoch; NaN when unknown
    price: np.ndarray  # float64; NaN where the page gave none
    change: np.ndarray
    percent: np.ndarray
    direction: np.ndarray  # int8: 1 up, -1 down, 0 unchanged
    kind: np.ndarray  # int8: an index into KINDS
    flagged: np.ndarray  # bool: the quote carries a flag (its wording is in the row)
    estimated: np.ndarray  # bool: the page did not record when it was saved
    offset: int = 0  # seconds east of UTC most snapshots were written in

    def __len__(self) -> int:
        return len(self.page_id)

    def keys(self) -> np.ndarray:
        """One integer per snapshot naming its quote (page id and position), as ``history_rows`` takes them."""
        keyed: np.ndarray = (self.page_id << POSITION_BITS) | self.position
        return keyed

    def direction_text(self, index: int) -> str:
        return DIRECTIONS.get(int(self.direction[index]), "unchanged")

    def kind_text(self, index: int) -> str:
        return KINDS[int(self.kind[index])]


_COLUMNS = ("page_id", "position", "moment", "price", "change", "percent", "direction", "kind", "flagged", "estimated")


def _integers(text: str | None) -> np.ndarray:
    return np.zeros(0, dtype=np.int64) if not text else np.fromstring(text, dtype=np.int64, sep=",")


def _numbers(scaled: np.ndarray) -> np.ndarray:
    values: np.ndarray = np.where(scaled == MISSING, np.nan, scaled / SCALE)
    return values


def history_series(db: Database, symbol: str, helper: RankHelper | None = None) -> HistorySeries:
    """Every snapshot of ``symbol`` as columns, oldest first; an unknown symbol gives an empty series.

    With ``helper``, the numbers are read on its connection while this one reads the rest.
    """
    symbol = clean_text(symbol)
    pending: Future[tuple[Any, ...] | None] | None = (
        helper.fetch_one(_NUMBERS_SQL, [symbol]) if helper is not None else None
    )
    keys = db.execute(_KEYS_SQL, [symbol]).fetchone()
    numbers = pending.result() if pending is not None else db.execute(_NUMBERS_SQL, [symbol]).fetchone()
    ids, moments, codes = (_integers(text) for text in keys)
    scaled = [_integers(text) for text in (numbers or (None,) * 4)[:3]]
    if (numbers or (None,) * 4)[3] != (int(ids.sum()) if len(ids) else None):
        return history_series(db, symbol)  # pages came or went between the two reads: read again, on one
    series = HistorySeries(
        symbol=symbol, page_id=ids, position=codes >> 5,
        moment=np.where(moments == MISSING, np.nan, moments.astype(float)),
        price=_numbers(scaled[0]), change=_numbers(scaled[1]), percent=_numbers(scaled[2]),
        direction=np.select([codes & 3 == 1, codes & 3 == 2], [1, -1], 0).astype(np.int8),
        kind=(codes >> 2 & 3).astype(np.int8), flagged=(codes & 16) != 0,
        estimated=np.isin(ids, _estimated_pages(db), kind="table"), offset=_common_offset(db, ids),
    )
    series = _exact_where_needed(db, series, scaled)
    return _in_order(series)


def _exact_where_needed(db: Database, series: HistorySeries, scaled: list[np.ndarray]) -> HistorySeries:
    """``series`` with the numbers too large to scale read from their rows."""
    huge = np.zeros(len(series), dtype=bool)
    for column in scaled:
        huge |= (np.abs(column) > EXACT_LIMIT) & (column != MISSING)
    if not huge.any():
        return series
    rows = history_rows(db, series.symbol, series.keys()[huge])
    columns = {name: getattr(series, name).copy() for name in _NUMBERS}
    for index, key in zip(np.flatnonzero(huge), series.keys()[huge], strict=True):
        row = rows.get(int(key))
        if row is not None:
            for name in _NUMBERS:
                columns[name][index] = getattr(row, name)
    return replace(series, **columns)


def _estimated_pages(db: Database) -> np.ndarray:
    """The pages whose time is an estimate (from their own small index: usually few)."""
    text = db.execute(
        "SELECT group_concat(id) FROM pages INDEXED BY idx_pages_estimated WHERE as_of_estimated != 0"
    ).fetchone()[0]
    return _integers(text)


def _common_offset(db: Database, ids: np.ndarray) -> int:
    """The UTC offset most of a sample of the snapshots were written in (seconds; 0 when none)."""
    if not len(ids):
        return 0
    sample = np.unique(ids[np.linspace(0, len(ids) - 1, min(len(ids), OFFSET_SAMPLES)).astype(int)])
    offsets: Counter[int] = Counter()
    for (written,) in db.execute("SELECT quotes_as_of FROM pages WHERE id IN (SELECT value FROM json_each(?))",
                                 [json.dumps(sample.tolist())]):
        moment = parse_moment(written)
        delta = moment.utcoffset() if moment is not None else None
        if delta is not None:
            offsets[int(delta.total_seconds())] += 1
    return offsets.most_common(1)[0][0] if offsets else 0


def _in_order(series: HistorySeries) -> HistorySeries:
    """``series`` sorted by time, page and position, if the index did not already give that order."""
    moment = np.where(np.isnan(series.moment), np.inf, series.moment)
    steps = np.diff(moment), np.diff(series.page_id), np.diff(series.position)
    ties = steps[0] == 0
    if bool(np.all((steps[0] > 0) | (ties & ((steps[1] > 0) | ((steps[1] == 0) & (steps[2] >= 0)))))):
        return series
    order = np.lexsort((series.position, series.page_id, moment))
    return replace(series, **{name: getattr(series, name)[order] for name in _COLUMNS})


def history_rows(db: Database, symbol: str, keys: Iterable[int]) -> dict[int, QuoteRow]:
    """The full rows (page title, flag wording, time as written) of the snapshots ``keys`` names, by key."""
    wanted = [int(key) for key in keys]
    if not wanted:
        return {}
    sql = (
        f"SELECT k.value, {_HISTORY_ROW_FIELDS} FROM json_each(?) k"  # each key looked up on (page_id, position)
        f" CROSS JOIN quotes q ON q.page_id = k.value >> {POSITION_BITS} AND q.position = k.value & {(1 << POSITION_BITS) - 1}"
        " JOIN pages p ON p.id = q.page_id WHERE +q.symbol = ?"
    )
    rows = {}
    for key, pid, as_of, estimated, position, name, kind, price, change, percent, direction, flag, title in db.execute(
        sql, [json.dumps(wanted), clean_text(symbol)]
    ):
        rows[int(key)] = QuoteRow(
            pid, as_of, estimated == 1, position, name, kind, np.nan if price is None else price,
            np.nan if change is None else change, np.nan if percent is None else percent, direction, flag, title,
        )
    return rows


def series_from_rows(symbol: str, rows: Sequence[QuoteRow]) -> HistorySeries:
    """The series of rows already read (``Library.history``'s, or made for a test), in their order."""
    codes = {"up": 1, "down": -1}
    offsets: Counter[int] = Counter()
    moments = []
    for row in rows:
        moment = parse_moment(row.as_of)
        moments.append(moment.timestamp() if moment is not None else np.nan)
        delta = moment.utcoffset() if moment is not None else None
        if delta is not None:
            offsets[int(delta.total_seconds())] += 1
    return HistorySeries(
        symbol=symbol,
        page_id=np.asarray([r.page_id for r in rows], dtype=np.int64),
        position=np.asarray([r.position for r in rows], dtype=np.int64),
        moment=np.asarray(moments, dtype=float),
        price=np.asarray([r.price for r in rows], dtype=float),
        change=np.asarray([r.change for r in rows], dtype=float),
        percent=np.asarray([r.percent for r in rows], dtype=float),
        direction=np.asarray([codes.get(r.direction, 0) for r in rows], dtype=np.int8),
        kind=np.asarray([KINDS.index(r.kind) if r.kind in KINDS else 0 for r in rows], dtype=np.int8),
        flagged=np.asarray([r.flag is not None for r in rows], dtype=bool),
        estimated=np.asarray([r.as_of_estimated for r in rows], dtype=bool),
        offset=offsets.most_common(1)[0][0] if offsets else 0,
    )
