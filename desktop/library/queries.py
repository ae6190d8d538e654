"""Read-only queries the window and the command line share, returning plain records."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from desktop.library.fts import clean_text, fts_query
from desktop.library.packing import DamagedData, body_text, unpack_text
from desktop.library.ranking import RankHelper, ranked_ids
from desktop.library.records import PageRow, QuoteRow, SearchHit, SearchResults, StoredArticle, StoredImage
from desktop.library.snippets import make_snippet
from desktop.library.times import sort_key

PAGE_SORTS = {
    "quotes_as_of": "p.as_of_key",
    "published": "p.published",
    "imported": "p.imported_at",
    "title": "p.title COLLATE NOCASE",
    "quote_count": "p.quote_count",
}

NULLABLE_SORTS = {"published", "title"}  # pages without one go last either way

PAGE_FIELDS = (
    "p.id, p.title, p.section, p.published, p.saved, p.quotes_as_of, p.as_of_estimated, p.source_url,"
    " p.file_name, p.format, p.quote_count, p.imported_at, p.content_hash"
)
_QUOTE_FIELDS = (
    "q.page_id, p.quotes_as_of, p.as_of_estimated, q.position, q.symbol, q.kind, q.price, q.change,"
    " q.percent, q.direction, q.flag, p.title, q.open, q.high, q.low, q.previous_close, q.volume, q.sector,"
    " q.percent_computed"
)
# A history reads only what its index holds (the table fields stay None there): 100,000 rows stay cheap.
_HISTORY_FIELDS = (
    "q.page_id, p.quotes_as_of, p.as_of_estimated, q.position, q.symbol, q.kind, q.price, q.change,"
    " q.percent, q.direction, q.flag, p.title"
)
SNIPPET_TOKENS = 12


def page_row_from(row: tuple[Any, ...]) -> PageRow:
    (pid, title, section, published, saved, as_of, estimated, url, name, fmt, count, imported, digest) = row
    return PageRow(
        int(pid), title, section, published, saved, as_of, bool(estimated), url, name, fmt, int(count or 0),
        imported, digest,
    )


def _number(value: Any) -> float:
    """SQLite stores NaN as NULL; give it back as NaN rather than failing."""
    return math.nan if value is None else float(value)


def _quote_row(row: tuple[Any, ...]) -> QuoteRow:
    (pid, as_of, estimated, position, symbol, kind, price, change, percent, direction, flag, title) = row[:12]
    open_, high, low, previous, volume, sector, computed = row[12:]
    return QuoteRow(
        int(pid), as_of, bool(estimated), int(position), symbol, kind, _number(price), _number(change),
        _number(percent), direction, flag, title, _optional(open_), _optional(high), _optional(low),
        _optional(previous), None if volume is None else int(volume), sector, bool(computed),
    )


def _quote_rows(rows: Iterable[tuple[Any, ...]]) -> list[QuoteRow]:
    """Many rows at once (a history can hold 100,000): the same conversion as _quote_row, inlined."""
    nan = math.nan
    return [
        QuoteRow(pid, as_of, estimated == 1, position, symbol, kind, nan if price is None else price,
                 nan if change is None else change, nan if percent is None else percent, direction, flag, title)
        for pid, as_of, estimated, position, symbol, kind, price, change, percent, direction, flag, title in rows
    ]


def _optional(value: Any) -> float | None:
    return None if value is None else float(value)


def page_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM pages").fetchone()[0])


def pages_mark(db: Database) -> tuple[int, int]:
    """How many pages there are and the newest id: changes when pages are imported or deleted anywhere."""
    count, newest = db.execute("SELECT count(*), coalesce(max(id), 0) FROM pages").fetchone()
    return int(count), int(newest)


def pages(db: Database, sort: str, descending: bool, search: str | None) -> list[PageRow]:
    """Every page (or those matching ``search``), ordered by ``sort``; ties broken by newest id."""
    if sort not in PAGE_SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(PAGE_SORTS)}")
    direction = "DESC" if descending else "ASC"
    where, params = "", []
    match = fts_query(search)
    if match is not None:
        where = "WHERE p.id IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?)"
        params = [match]
    column = PAGE_SORTS[sort]
    nulls_last = f"{column} IS NULL, " if sort in NULLABLE_SORTS else ""
    sql = f"SELECT {PAGE_FIELDS} FROM pages p {where} ORDER BY {nulls_last}{column} {direction}, p.id {direction}"
    try:
        return [page_row_from(r) for r in db.execute(sql, params)]
    except sqlite3.OperationalError as error:
        if match is not None and is_query_error(error):
            return []  # a search the index cannot take (should not happen once quoted) finds nothing
        raise


def is_query_error(error: sqlite3.OperationalError) -> bool:
    """True for FTS5 refusing the query text itself, not for a problem with the database."""
    text = str(error).lower()
    return any(part in text for part in ("fts5", "syntax error", "unterminated", "no such column",
                                        "unknown special query"))


def page(db: Database, page_id: int) -> PageRow | None:
    row = db.execute(f"SELECT {PAGE_FIELDS} FROM pages p WHERE p.id = ?", [page_id]).fetchone()
    return page_row_from(row) if row else None


def article(db: Database, page_id: int) -> StoredArticle | None:
    head = page(db, page_id)
    if head is None:
        return None
    byline, summary, data = db.execute(
        "SELECT p.byline, p.summary, t.data FROM pages p LEFT JOIN texts t ON t.page_id = p.id WHERE p.id = ?",
        [page_id],
    ).fetchone()
    paragraphs, related = _text(data)
    images = tuple(
        StoredImage(name, media_type, bytes(data), caption, int(after or 0))
        for name, media_type, data, caption, after in db.execute(
            "SELECT name, media_type, data, caption, after_paragraph FROM images"
            " WHERE page_id = ? ORDER BY position",
            [page_id],
        )
    )
    return StoredArticle(head, byline, summary, paragraphs, related, images)


def _text(data: bytes | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stored paragraphs and related stories; a damaged entry reads as an article without text."""
    try:
        return unpack_text(data)
    except (DamagedData, ValueError):
        return ("(The text of this article is damaged in the library; `market-reader reparse` reads it again.)",), ()


def quotes(db: Database, page_id: int) -> list[QuoteRow]:
    sql = (
        f"SELECT {_QUOTE_FIELDS} FROM quotes q JOIN pages p ON p.id = q.page_id"
        " WHERE q.page_id = ? ORDER BY q.position"
    )
    return [_quote_row(r) for r in db.execute(sql, [page_id])]


# Distinct symbols by skipping through the (symbol, as_of_key, page_id) index one symbol at a time,
# then the newest snapshot of each: a few index seeks per symbol, whatever the number of pages.
_LATEST_SQL = f"""
WITH RECURSIVE symbols(symbol) AS (
    SELECT min(symbol) FROM quotes
    UNION ALL
    SELECT (SELECT min(symbol) FROM quotes WHERE symbol > symbols.symbol) FROM symbols
    WHERE symbols.symbol IS NOT NULL
)
SELECT {_QUOTE_FIELDS}
FROM symbols
JOIN quotes q ON q.id = (
    SELECT id FROM quotes WHERE symbol = symbols.symbol
    AND (:since IS NULL OR as_of_key >= :since) AND (:until IS NULL OR as_of_key < :until)
    ORDER BY as_of_key DESC, page_id DESC LIMIT 1
)
JOIN pages p ON p.id = q.page_id
"""


def latest_quotes(
    db: Database, kind: str | None, since: str | None = None, until: str | None = None
) -> list[QuoteRow]:
    """The market view: the newest quote of every symbol, stocks first, then indices, by symbol.

    ``since`` / ``until`` (ISO dates, local time, both inclusive) keep only snapshots saved in that range.
    """
    bounds = {"since": _day_key(since), "until": _day_key(until, next_day=True)}
    rows = [_quote_row(r) for r in db.execute(_LATEST_SQL, bounds)]
    if kind is not None:
        rows = [r for r in rows if r.kind == kind]
    return sorted(rows, key=lambda r: (r.kind == "index", r.symbol))


def _day_key(day: str | None, next_day: bool = False) -> str | None:
    """The UTC ordering key of a local day's start (or of the next day's start)."""
    if not day:
        return None
    start = date.fromisoformat(day[:10]) + timedelta(days=1 if next_day else 0)
    return sort_key(start.isoformat())


def history(db: Database, symbol: str) -> list[QuoteRow]:
    """One row per snapshot that quotes ``symbol``, oldest first."""
    sql = (
        f"SELECT {_HISTORY_FIELDS} FROM quotes q JOIN pages p ON p.id = q.page_id"
        " WHERE q.symbol = ? ORDER BY q.as_of_key, q.page_id, q.position"
    )
    return _quote_rows(db.execute(sql, [clean_text(symbol)]))


def movers(rows: list[QuoteRow], n: int, losers: bool) -> list[QuoteRow]:
    """The ``n`` biggest fallers (or risers) by percent; unchanged and opposite moves are left out."""
    picked = [r for r in rows if (r.percent < 0 if losers else r.percent > 0)]
    picked.sort(key=lambda r: (r.percent if losers else -r.percent, r.symbol))
    return picked[: max(n, 0)]


def _ranked_hits(db: Database, match: str, text: str, limit: int, helper: RankHelper | None) -> SearchResults:
    ranking = ranked_ids(db.conn, match, limit, helper)
    if not ranking.ids:
        return SearchResults([], ranking.window)
    stored = {int(r[0]): r[1:] for r in db.execute(
        "SELECT p.id, p.title, p.summary, t.data FROM pages p LEFT JOIN texts t ON t.page_id = p.id"
        " WHERE p.id IN (SELECT value FROM json_each(?))",
        [json.dumps(ranking.ids)],
    )}
    hits = []
    for page_id in ranking.ids:
        title, summary, data = stored.get(page_id, (None, None, None))
        body = body_text(_text(data)[0])
        hits.append(SearchHit(page_id, title, make_snippet((body, summary, title), text, SNIPPET_TOKENS)))
    return SearchResults(hits, ranking.window)


def search(db: Database, text: str, limit: int, helper: RankHelper | None = None) -> SearchResults:
    """Pages matching every word of ``text``, best first, with the matches in [brackets]. Never raises.

    The matches are ranked by bm25, a word in the title counting most (with ``helper``, on two connections);
    when more than ranking.RANK_WINDOW pages match, the best of those imported last (see ``ranking``).
    """
    text = clean_text(text)
    match = fts_query(text)
    if match is None or limit <= 0:
        return SearchResults([])
    try:
        return _ranked_hits(db, match, text, limit, helper)
    except sqlite3.OperationalError as error:
        if is_query_error(error):
            return SearchResults([])
        raise
