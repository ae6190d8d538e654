"""Library tables, full-text index and schema migrations keyed by PRAGMA user_version."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlite_utils import Database

from desktop.library.state import add_reader_state
from desktop.library.storage_schema import compact_storage
from desktop.library.transaction import write_transaction

# Small columns first: a row is read from its start, so listing pages never wades through article text.
PAGE_COLUMNS = {
    "id": int,
    "content_hash": str,
    "quotes_as_of": str,  # ISO datetime with offset, as shown to people
    "as_of_key": str,  # the same moment in UTC, "YYYY-MM-DDTHH:MM:SS", for ordering
    "as_of_estimated": int,
    "published": str,
    "saved": str,
    "imported_at": str,
    "parser_version": int,
    "quote_count": int,
    "original_size": int,
    "format": str,
    "encoding": str,
    "file_name": str,
    "section": str,
    "source_url": str,
    "title": str,
    "byline": str,
    "summary": str,
    "related": str,  # JSON array
    "paragraphs": str,  # JSON array
    "body": str,  # paragraphs joined by blank lines, for full-text search
}

QUOTE_COLUMNS = {  # the quotes table as schema 1 made it; QUOTE_TABLE_FIELDS are added by schema 3
    "id": int,
    "page_id": int,
    "position": int,
    "symbol": str,
    "kind": str,
    "price": float,
    "change": float,
    "percent": float,
    "direction": str,
    "flag": str,
    "as_of_key": str,  # copied from the page so the market view and history need no join to order
}

# What a quote table adds to a quote (schema 3); NULL when the page does not print it, and for quotes stored by an
# older version until ``market-reader reparse`` reads their page again.
QUOTE_TABLE_FIELDS = {
    "open": float,
    "high": float,
    "low": float,
    "previous_close": float,
    "volume": int,
    "sector": str,
    "percent_computed": int,  # 1 when the page printed no percent and it was computed from price and change
}

IMAGE_COLUMNS = {
    "id": int,
    "page_id": int,
    "position": int,
    "name": str,
    "media_type": str,
    "data": bytes,
    "caption": str,
    "after_paragraph": int,
}

ORIGINAL_COLUMNS = {  # as schema 1 made it; schema 6 adds "dense" (compacted at packing.DENSE_LEVEL)
    "page_id": int,
    "data": bytes,  # the saved file's bytes, compressed (see packing)
}

FTS_COLUMNS = ["title", "summary", "body"]
ESTIMATED_INDEX = "idx_pages_estimated"  # series.py reads it by name
FTS_TABLE = "pages_fts"


def _create_v1(db: Database) -> None:
    """The first schema: pages, quotes, images, originals and the FTS5 index over pages."""
    db.table("pages").create(PAGE_COLUMNS, pk="id", not_null={"content_hash", "quotes_as_of", "as_of_key"})
    db.table("quotes").create(
        QUOTE_COLUMNS, pk="id", foreign_keys=[("page_id", "pages", "id")], not_null={"page_id", "symbol"}
    )
    db.table("images").create(IMAGE_COLUMNS, pk="id", foreign_keys=[("page_id", "pages", "id")])
    db.table("originals").create(ORIGINAL_COLUMNS, pk="page_id", foreign_keys=[("page_id", "pages", "id")])
    db.table("pages").create_index(["content_hash"], unique=True)
    db.table("pages").create_index(["as_of_key"])
    db.table("pages").create_index(["source_url"])
    db.table("quotes").create_index(["page_id", "position"])
    db.table("quotes").create_index(["symbol", "as_of_key", "page_id"])
    db.table("images").create_index(["page_id", "position"])
    db.table("pages").enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True, tokenize="unicode61")


def _autoincrement_pages(db: Database) -> None:
    """Page ids are never used again after a delete: rebuild pages with an AUTOINCREMENT key.

    Runs before foreign keys are switched on for the connection, so the old table can be dropped
    while quotes, images and originals still name it; their page ids are kept as they were. The
    indexes and full-text triggers are recreated from their stored definitions, and the FTS5 index
    stays valid because every rowid is unchanged.
    """
    create = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'pages'").fetchone()[0]
    if "AUTOINCREMENT" in create.upper():
        return
    attached = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'pages' AND type IN ('index', 'trigger')"
        " AND sql IS NOT NULL"
    )]
    rebuilt = create.replace('CREATE TABLE "pages"', 'CREATE TABLE "pages_new"', 1).replace(
        '"id" INTEGER PRIMARY KEY', '"id" INTEGER PRIMARY KEY AUTOINCREMENT', 1
    )
    if rebuilt == create or "AUTOINCREMENT" not in rebuilt:
        raise RuntimeError("unexpected pages table definition; cannot add AUTOINCREMENT")
    db.conn.execute(rebuilt)
    db.conn.execute("INSERT INTO pages_new SELECT * FROM pages")
    db.conn.execute("DROP TABLE pages")
    db.conn.execute("ALTER TABLE pages_new RENAME TO pages")
    for sql in attached:
        db.conn.execute(sql)


def _quote_table_fields(db: Database) -> None:
    """Schema 3: quotes gain the fields quote tables print (open, high, low, previous close, volume, sector)
    and whether the percent was computed. Existing quotes keep their values; the new fields stay NULL."""
    existing = {column.name for column in db.table("quotes").columns}
    sql_types = {float: "REAL", int: "INTEGER", str: "TEXT"}
    for name, kind in QUOTE_TABLE_FIELDS.items():
        if name not in existing:
            db.conn.execute(f'ALTER TABLE quotes ADD COLUMN "{name}" {sql_types[kind]}')


def _version_6(db: Database) -> None:
    """Schema 6: a small index of the pages whose time is an estimate, so a symbol's history marks them without
    reading every page; originals say whether compaction has compressed them densely; and two indexes no query
    uses are dropped (as_of_key alone leads idx_pages_list_as_of_key, and no query looks pages up by source_url)."""
    db.conn.execute(f"CREATE INDEX IF NOT EXISTS {ESTIMATED_INDEX} ON pages (id) WHERE as_of_estimated != 0")
    if "dense" not in {r[1] for r in db.conn.execute("PRAGMA table_info(originals)")}:
        db.conn.execute("ALTER TABLE originals ADD COLUMN dense INTEGER NOT NULL DEFAULT 0")
    db.conn.execute("DROP INDEX IF EXISTS idx_pages_as_of_key")
    db.conn.execute("DROP INDEX IF EXISTS idx_pages_source_url")


# Each migration brings the schema from version i to i + 1 (index i in this list).
MIGRATIONS: list[Callable[[Database], None]] = [
    _create_v1, _autoincrement_pages, _quote_table_fields, compact_storage, add_reader_state, _version_6,
]
SCHEMA_VERSION = len(MIGRATIONS)
LIBRARY_TABLES = frozenset({"pages", "quotes", "images", "originals", "pages_fts"})


def user_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def library_state(db: Database) -> tuple[int, frozenset[str]]:
    """The schema version and the table names, read by one statement (so from one snapshot).

    Two statements could straddle another process's migration and see version 0 with its tables.
    """
    version, names = db.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT json_group_array(name) FROM sqlite_master WHERE type = 'table')"
    ).fetchone()
    return int(version), frozenset(json.loads(names))


def migrate(db: Database, check: Callable[[int, frozenset[str]], None]) -> None:
    """Bring the library to SCHEMA_VERSION in one write transaction that starts with BEGIN IMMEDIATE.

    The version and tables are read again under the write lock and given to ``check`` (which raises
    to refuse the file), so a process that finds another one migrating waits for it, then sees its
    finished work instead of a half-made library.
    """
    if user_version(db) == SCHEMA_VERSION:
        return
    with write_transaction(db):
        version, tables = library_state(db)
        check(version, tables)
        for step in MIGRATIONS[version:SCHEMA_VERSION]:
            step(db)
        db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
