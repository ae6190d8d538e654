"""Schema version 4: each article's text stored once and compressed, a contentless full-text index, slim pages.

Before it, an article's text sat twice in the pages table (the paragraphs as JSON and again joined for
the full-text index, which read it from there); now it is one compressed row in ``texts``, the index
keeps only its own postings, and the pages table holds the small fields a list or a join reads.
"""

from __future__ import annotations

import json
import re

from sqlite_utils import Database

from desktop.library.packing import body_text, pack_text

FTS_TABLE = "pages_fts"
FTS_SHADOWS = ("data", "idx", "docsize", "config")
MOVED_COLUMNS = ("body", "paragraphs", "related")
FTS_CREATE = (
    "CREATE VIRTUAL TABLE {name} USING FTS5(title, summary, body, content='', tokenize='unicode61')"
)
# The history of a symbol reads every column it shows from this index, in order, without touching quotes.
HISTORY_INDEX = (
    "CREATE INDEX IF NOT EXISTS idx_quotes_history ON quotes"
    " (symbol, as_of_key, page_id, position, kind, price, change, percent, direction, flag)"
)
OLD_SYMBOL_INDEX = "idx_quotes_symbol_as_of_key_page_id"
# The page list sorts in SQL and reads one screen at a time: an index per column it sorts by, holding the
# read and starred flags too, so listing (even only unread or starred pages) in either direction is a walk
# along one index (listing.LIST_SORTS orders by the same column and collation).
LIST_INDEXES = {
    "idx_pages_list_published": "(published, id, read, starred)",
    "idx_pages_list_title": "(title COLLATE NOCASE, id, read, starred)",
    "idx_pages_list_section": "(section COLLATE NOCASE, id, read, starred)",
    "idx_pages_list_quote_count": "(quote_count, id, read, starred)",
    "idx_pages_list_as_of_key": "(as_of_key, id, read, starred)",
}


def create_texts(db: Database) -> None:
    db.conn.execute(
        "CREATE TABLE IF NOT EXISTS texts (page_id INTEGER PRIMARY KEY REFERENCES pages(id), data BLOB NOT NULL)"
    )
    db.conn.execute(
        "CREATE TABLE IF NOT EXISTS dictionaries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
        " data BLOB NOT NULL, created_at TEXT NOT NULL, samples INTEGER NOT NULL)"
    )


def _move_text(db: Database) -> None:
    """Each page's paragraphs and related stories into ``texts``, compressed (in batches, to bound memory)."""
    last = 0
    while True:
        rows = db.conn.execute(
            "SELECT id, paragraphs, related FROM pages WHERE id > ? ORDER BY id LIMIT 2000", [last]
        ).fetchall()
        if not rows:
            return
        db.conn.executemany(
            "INSERT INTO texts (page_id, data) VALUES (?, ?)",
            [(pid, pack_text(json.loads(paragraphs or "[]"), json.loads(related or "[]")))
             for pid, paragraphs, related in rows],
        )
        last = rows[-1][0]


def _drop_fts_triggers(db: Database) -> None:
    triggers = [r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'pages' AND sql LIKE ?",
        [f"%{FTS_TABLE}%"],
    )]
    for name in triggers:
        db.conn.execute(f"DROP TRIGGER [{name}]")


def _contentless_index(db: Database) -> None:
    """The same postings under a contentless FTS5 table: the shadow tables are copied, nothing re-tokenized.

    An external-content table and a contentless one keep the same shadow tables (data, idx, docsize,
    config); only the declaration differs, so the postings built so far stay valid as they are.
    """
    create = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [FTS_TABLE]).fetchone()
    if create is not None and "content=''" in create[0]:
        return
    fresh = f"{FTS_TABLE}_new"
    db.conn.execute(FTS_CREATE.format(name=fresh))
    if create is not None:
        for shadow in FTS_SHADOWS:
            db.conn.execute(f"DELETE FROM {fresh}_{shadow}")
            db.conn.execute(f"INSERT INTO {fresh}_{shadow} SELECT * FROM {FTS_TABLE}_{shadow}")
        db.conn.execute(f"DROP TABLE {FTS_TABLE}")
    db.conn.execute(f"ALTER TABLE {fresh} RENAME TO {FTS_TABLE}")


def _rebuild_pages(db: Database, drop: tuple[str, ...]) -> None:
    """Copy the pages table, less the columns ``drop``, into a fresh one, packed tight.

    Dropping the columns in place would rewrite every row once per column and leave each row alone on its
    old page of the file, so a list or a join would read as many pages as there are rows. Runs before
    foreign keys are switched on for the connection; the AUTOINCREMENT counter is carried over so an id
    deleted before the upgrade is still never given again.
    """
    create = db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'pages'").fetchone()[0]
    attached = [r[0] for r in db.conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'pages' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    )]
    counter = db.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'pages'").fetchone()
    fresh, count = re.subn(r'^CREATE TABLE\s+(?:"pages"|\[pages\]|pages)\s*\(', 'CREATE TABLE "pages_new" (', create)
    if count != 1:
        raise RuntimeError("unexpected pages table definition; cannot rebuild it")
    db.conn.execute(fresh)
    present = {r[1] for r in db.conn.execute("PRAGMA table_info(pages_new)")}
    for column in drop:
        if column in present:
            db.conn.execute(f"ALTER TABLE pages_new DROP COLUMN {column}")  # still empty: nothing to rewrite
    columns = ", ".join(f'"{r[1]}"' for r in db.conn.execute("PRAGMA table_info(pages_new)"))
    db.conn.execute(f"INSERT INTO pages_new ({columns}) SELECT {columns} FROM pages ORDER BY id")
    db.conn.execute("DROP TABLE pages")
    db.conn.execute("ALTER TABLE pages_new RENAME TO pages")
    for sql in attached:
        db.conn.execute(sql)
    if counter is not None:
        updated = db.conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'pages'", [counter[0]])
        if updated.rowcount == 0:
            db.conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('pages', ?)", [counter[0]])


def _indexes(db: Database) -> None:
    db.conn.execute(HISTORY_INDEX)
    db.conn.execute(f"DROP INDEX IF EXISTS {OLD_SYMBOL_INDEX}")


def compact_storage(db: Database) -> None:
    """Migration to version 4 (see the module's docstring); the original bytes are left as they are."""
    create_texts(db)
    _drop_fts_triggers(db)
    _move_text(db)
    _contentless_index(db)
    _rebuild_pages(db, MOVED_COLUMNS)
    _indexes(db)


def index_text(db: Database, page_id: int, title: str | None, summary: str | None,
               paragraphs: tuple[str, ...] | list[str]) -> None:
    """Add a page to the full-text index."""
    db.conn.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
        [page_id, title, summary, body_text(paragraphs)],
    )


def unindex_text(db: Database, page_id: int, title: str | None, summary: str | None,
                 paragraphs: tuple[str, ...] | list[str]) -> None:
    """Take a page out of the full-text index: a contentless index must be told the text it holds."""
    db.conn.execute(
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, summary, body) VALUES ('delete', ?, ?, ?, ?)",
        [page_id, title, summary, body_text(paragraphs)],
    )
