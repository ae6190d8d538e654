"""Library tables, full-text index and schema migrations keyed by PRAGMA user_version."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

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

QUOTE_COLUMNS = {
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

ORIGINAL_COLUMNS = {
    "page_id": int,
    "data": bytes,  # the saved file's bytes, zlib-compressed
}

FTS_COLUMNS = ["title", "summary", "body"]
FTS_TABLE = "pages_fts"


def _create_v1(db: Database) -> None:
    """The first schema: pages, quotes, images, originals and the FTS5 index over pages."""
    db["pages"].create(PAGE_COLUMNS, pk="id", not_null={"content_hash", "quotes_as_of", "as_of_key"})
    db["quotes"].create(
        QUOTE_COLUMNS, pk="id", foreign_keys=[("page_id", "pages", "id")], not_null={"page_id", "symbol"}
    )
    db["images"].create(IMAGE_COLUMNS, pk="id", foreign_keys=[("page_id", "pages", "id")])
    db["originals"].create(ORIGINAL_COLUMNS, pk="page_id", foreign_keys=[("page_id", "pages", "id")])
    db["pages"].create_index(["content_hash"], unique=True)
    db["pages"].create_index(["as_of_key"])
    db["pages"].create_index(["source_url"])
    db["quotes"].create_index(["page_id", "position"])
    db["quotes"].create_index(["symbol", "as_of_key", "page_id"])
    db["images"].create_index(["page_id", "position"])
    db["pages"].enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True, tokenize="unicode61")


# Each migration brings the schema from version i to i + 1 (index i in this list).
MIGRATIONS: list[Callable[[Database], None]] = [_create_v1]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database) -> None:
    """Run the migrations this library still lacks, each in its own transaction with its version bump."""
    while (current := user_version(db)) < SCHEMA_VERSION:
        with write_transaction(db):
            if user_version(db) != current:  # another process migrated while we waited for the lock
                continue
            MIGRATIONS[current](db)
            db.conn.execute(f"PRAGMA user_version = {current + 1}")
