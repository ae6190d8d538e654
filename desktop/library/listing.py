"""The page list as the window shows it: filtered and sorted in SQL, read a screen of rows at a time.

``page_ids`` gives the order of every page that passes the filters (ids only: 100,000 of them in a few
tens of milliseconds), ``listed_pages`` the rows for the ids on screen, with their reader state.

The ids come back as one comma-separated text that numpy reads (a Python int per row cost twice as much),
and a search that matches many pages is applied by numpy too: the pages in order and the index's matches
are read apart and intersected, where SQLite would look each match up and sort them all again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

import numpy as np
from sqlite_utils import Database

from desktop.library.fts import clean_text, fts_query
from desktop.library.queries import PAGE_FIELDS, is_query_error, page_row_from
from desktop.library.records import PageRow
from desktop.library.state import STATE_FIELDS, PageState, state_from
from desktop.library.times import sort_key

SQL_SEARCH_MAX = 5_000  # a search matching fewer pages is joined in SQL (cheaper than reading every page)

# Each sort on the column and collation of its index (storage_schema.LIST_INDEXES); ties by id in the same
# direction. Pages without a value come first going up and last going down.
LIST_SORTS = {
    "title": "p.title COLLATE NOCASE",
    "section": "p.section COLLATE NOCASE",
    "published": "p.published",
    "quote_count": "p.quote_count",
    "quotes_as_of": "p.as_of_key",
}


@dataclass(frozen=True, slots=True)
class PageFilter:
    """Which pages to list; every condition given must hold."""

    search: str | None = None
    unread: bool = False
    starred: bool = False
    tag: str | None = None
    section: str | None = None
    since: str | None = None  # YYYY-MM-DD: saved on or after this day (local time)
    until: str | None = None  # YYYY-MM-DD: saved on or before this day

    def active(self) -> bool:
        """True when anything narrows the list."""
        return any((fts_query(self.search), self.unread, self.starred, self.tag, self.section, self.since,
                    self.until))


class ListedPage(NamedTuple):
    row: PageRow
    state: PageState


def _day_key(day: str | None, next_day: bool = False) -> str | None:
    if not day:
        return None
    start = date.fromisoformat(day[:10]) + timedelta(days=1 if next_day else 0)
    return sort_key(start.isoformat())


def where_clause(wanted: PageFilter, search: bool = True) -> tuple[str, list[Any]]:
    """The SQL condition on pages ``p`` for ``wanted`` and its parameters ("1" when nothing narrows);
    without ``search``, the search words are left to the caller."""
    clauses: list[str] = []
    params: list[Any] = []
    match = fts_query(wanted.search) if search else None
    if match is not None:
        clauses.append("p.id IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?)")
        params.append(match)
    if wanted.unread:
        clauses.append("p.read = 0")
    if wanted.starred:
        clauses.append("p.starred != 0")
    if wanted.tag:
        clauses.append("p.id IN (SELECT pt.page_id FROM page_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?)")
        params.append(" ".join(clean_text(wanted.tag).split()))
    if wanted.section:
        clauses.append("p.section = ? COLLATE NOCASE")
        params.append(wanted.section)
    for bound, operator, next_day in ((wanted.since, ">=", False), (wanted.until, "<", True)):
        key = _day_key(bound, next_day)
        if key is not None:
            clauses.append(f"p.as_of_key {operator} ?")
            params.append(key)
    return " AND ".join(clauses) or "1", params


def _guarded(db: Database, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    try:
        return list(db.execute(sql, params))
    except sqlite3.OperationalError as error:
        if is_query_error(error):
            return []  # a search the index cannot take finds nothing
        raise


def integers(db: Database, sql: str, params: list[Any]) -> np.ndarray:
    """The integers of the one-column query ``sql``, in its order, read as one text (empty when none).

    The aggregate reads the query's rows in the order it gives them (SQLite keeps a sub-query's ORDER BY
    for the aggregate above it; the listing tests check the order).
    """
    rows = _guarded(db, f"SELECT group_concat(v) FROM ({sql})", params)
    text = rows[0][0] if rows else None
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def matching_ids(db: Database, match: str) -> np.ndarray:
    """The ids of the pages the full-text index matches for ``match``."""
    return integers(db, "SELECT rowid AS v FROM pages_fts WHERE pages_fts MATCH ?", [match])


def page_ids(db: Database, sort: str, descending: bool, wanted: PageFilter) -> list[int]:
    """The ids of every page passing ``wanted``, in the order of ``sort``."""
    return page_listing(db, sort, descending, wanted)[0]


def page_listing(db: Database, sort: str, descending: bool, wanted: PageFilter) -> tuple[list[int], dict[str, int]]:
    """The ids of every page passing ``wanted`` in the order of ``sort``, and the counts, from one query.

    Each row comes back as one integer, id * 4 + 2 * unread + starred (the flags are in the sort's
    index), and the filter (a search above all) runs once.
    """
    if sort not in LIST_SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(LIST_SORTS)}")
    where, params = where_clause(wanted, search=False)
    match = fts_query(wanted.search)
    found = matching_ids(db, match) if match is not None else None
    if found is not None and len(found) <= SQL_SEARCH_MAX:
        where += " AND p.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(found.tolist()))
    direction = "DESC" if descending else "ASC"
    packed = integers(db, f"SELECT p.id * 4 + (p.read = 0) * 2 + (p.starred != 0) AS v FROM pages p WHERE {where}"
                          f" ORDER BY {LIST_SORTS[sort]} {direction}, p.id {direction}", params)
    if found is not None and len(found) > SQL_SEARCH_MAX:
        packed = packed[np.isin(packed >> 2, found, kind="table")]
    counts = {"pages": len(packed), "unread": int(np.count_nonzero(packed & 2)),
              "starred": int(np.count_nonzero(packed & 1))}
    return (packed >> 2).tolist(), counts


def listed_pages(db: Database, ids: Sequence[int]) -> dict[int, ListedPage]:
    """The rows (with reader state) of the pages in ``ids``; ids no longer in the library are left out."""
    rows = db.execute(
        f"SELECT {PAGE_FIELDS}, {STATE_FIELDS} FROM pages p WHERE p.id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(ids))],
    )
    width = len(PAGE_FIELDS.split(","))
    listed = {}
    for r in rows:
        page = page_row_from(r[:width])
        listed[page.id] = ListedPage(page, state_from(*r[width:]))
    return listed


def filter_counts(db: Database, wanted: PageFilter) -> dict[str, int]:
    """How many pages pass ``wanted``, and how many of those are unread and starred."""
    where, params = where_clause(wanted)
    rows = _guarded(db, "SELECT count(*), coalesce(sum(p.read = 0), 0), coalesce(sum(p.starred != 0), 0)"
                        f" FROM pages p WHERE {where}", params)
    total, unread, starred = rows[0] if rows else (0, 0, 0)
    return {"pages": int(total), "unread": int(unread), "starred": int(starred)}


# Distinct sections by skipping along the section index one name at a time: a few seeks per section, however
# many pages there are (a GROUP BY read all 100,000 index entries: 10 ms on every reload of the list).
_SECTIONS_SQL = """
WITH RECURSIVE names(name) AS (
    SELECT (SELECT section COLLATE NOCASE FROM pages WHERE section > '' ORDER BY section COLLATE NOCASE LIMIT 1)
    UNION ALL
    SELECT (SELECT section COLLATE NOCASE FROM pages WHERE section > names.name COLLATE NOCASE
            ORDER BY section COLLATE NOCASE LIMIT 1)
    FROM names WHERE names.name IS NOT NULL
)
SELECT name FROM names WHERE name IS NOT NULL
"""


def sections(db: Database) -> list[str]:
    """Every section some page belongs to, by name (spellings that differ only in case count once)."""
    return [r[0] for r in db.execute(_SECTIONS_SQL)]
