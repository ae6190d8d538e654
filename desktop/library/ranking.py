"""Ranking a search's matches: the best of them by bm25, on two cores, within a bounded number of pages.

FTS5's bm25 costs about a microsecond per matching page (more for a word a page says many times), and a
common word matches most of a large library: ranking is nearly all of a search's time. Two things keep it
short:

- A query that matches more than RANK_WINDOW pages ranks only the RANK_WINDOW matches imported last (the
  highest rowids): FTS5 walks its postings newest first and stops at the bound for a millisecond or two,
  and bm25 then scores that many pages instead of every one. A query matching fewer pages ranks them all,
  exactly as before; the answer says when the bound was used.
- From PARALLEL_MIN_PAGES pages on, the pages to rank are split at the middle rowid and each half is
  ranked on a connection of its own. bm25 scores a page from the whole index's statistics, so ranking
  each half apart gives the same scores, and the best of both halves are the best of all.
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from desktop.library.transaction import BUSY_TIMEOUT_MS

PARALLEL_MIN_PAGES = 20_000  # below this, one connection ranks faster than two can start
RANK_WINDOW = 20_000  # a query matching more pages than this ranks the ones imported last
# bm25 weights for title, summary and body: a word in the title counts most.
RANK = "bm25(pages_fts, 10.0, 4.0, 1.0)"
RANKED_SQL = (
    f"SELECT rowid, {RANK} AS score FROM pages_fts WHERE pages_fts MATCH ? AND rowid BETWEEN ? AND ?"
    " ORDER BY score, rowid DESC LIMIT ?"
)
# The window-th newest match and the one after it: FTS5 reads postings in rowid order, so this stops early.
BOUND_SQL = "SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rowid DESC LIMIT 2 OFFSET ?"

Row = tuple[int, float]


class Ranking(NamedTuple):
    """The best matches, best first; ``window`` is the number of newest matches ranked when a query
    matched more pages than that (None: every match was ranked)."""

    ids: list[int]
    window: int | None = None


class RankHelper:
    """A thread with its own read-only connection to the library, for the other half of a ranking (or of
    any read that splits in two, such as a symbol's history)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._local = threading.local()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="market-reader-rank")

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"{self._path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            self._local.conn = conn
        return conn

    def submit(self, sql: str, params: list[Any]) -> Future[list[Row]]:
        return self._executor.submit(lambda: [(int(r[0]), float(r[1])) for r in self._connection().execute(sql, params)])

    def fetch_one(self, sql: str, params: list[Any]) -> Future[tuple[Any, ...] | None]:
        """The first row of ``sql``, read on the helper's connection."""
        return self._executor.submit(lambda: self._connection().execute(sql, params).fetchone())

    def close(self) -> None:
        def close_connection() -> None:
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                conn.close()

        self._executor.submit(close_connection).result()
        self._executor.shutdown()


def _bounds(conn: sqlite3.Connection, match: str) -> tuple[int, int, int | None] | None:
    """The rowids to rank between, and the window when it bounds them; None when the index is empty."""
    low, high = conn.execute(  # apart, each is one step down the b-tree; together they would read every row
        "SELECT (SELECT min(rowid) FROM pages_fts_docsize), (SELECT max(rowid) FROM pages_fts_docsize)"
    ).fetchone()
    if low is None:
        return None
    edge = [int(r[0]) for r in conn.execute(BOUND_SQL, [match, RANK_WINDOW - 1])]
    if len(edge) < 2:  # RANK_WINDOW matches or fewer: rank them all
        return int(low), int(high), None
    return edge[0], int(high), RANK_WINDOW


def ranked_ids(conn: sqlite3.Connection, match: str, limit: int, helper: RankHelper | None) -> Ranking:
    """The ids of the best ``limit`` matches of ``match``, best first (ties: newest first)."""
    bounds = _bounds(conn, match)
    if bounds is None:
        return Ranking([])
    low, high, window = bounds
    if helper is None:
        rows = [(int(r[0]), float(r[1])) for r in conn.execute(RANKED_SQL, [match, low, high, limit])]
        return Ranking([page_id for page_id, _score in rows], window)
    middle = (low + high) // 2
    theirs = helper.submit(RANKED_SQL, [match, middle + 1, high, limit])
    mine = [(int(r[0]), float(r[1])) for r in conn.execute(RANKED_SQL, [match, low, middle, limit])]
    merged = sorted(mine + theirs.result(), key=lambda row: (row[1], -row[0]))
    return Ranking([page_id for page_id, _score in merged[:limit]], window)
