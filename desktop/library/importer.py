"""Storing one parsed page atomically: page row, quotes, images and the original bytes, or nothing."""

from __future__ import annotations

import logging
from typing import Any

from sqlite_utils import Database

from desktop.library.packing import DamagedData, pack_text, unpack_text
from desktop.library.reading import Prepared, content_hash, duplicate_result
from desktop.library.records import ImportResult
from desktop.library.state import count_words
from desktop.library.storage_schema import index_text, unindex_text
from desktop.library.times import now_iso, quotes_as_of, sort_key
from desktop.library.transaction import write_transaction
from parsing import PARSER_VERSION, Page

__all__ = ["content_hash", "duplicate_result", "find_duplicate", "store_prepared"]
log = logging.getLogger(__name__)


def find_duplicate(db: Database, digest: str) -> tuple[int, str] | None:
    """The id and quotes-as-of of the page already stored with these exact bytes."""
    row = db.execute("SELECT id, quotes_as_of FROM pages WHERE content_hash = ?", [digest]).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def parsed_fields(page: Page, as_of: str, estimated: bool) -> dict[str, Any]:
    """The pages-table fields that come from the parser (what a reparse replaces)."""
    return {
        "source_url": page.source_url,
        "title": page.title,
        "section": page.section,
        "published": page.published,
        "saved": page.saved,
        "quotes_as_of": as_of,
        "as_of_key": sort_key(as_of),
        "as_of_estimated": int(estimated),
        "byline": page.byline,
        "summary": page.summary,
        "encoding": page.encoding,
        "format": page.format,
        "parser_version": PARSER_VERSION,
        "quote_count": len(page.quotes),
        "word_count": count_words(page.paragraphs),
    }


def page_row(item: Prepared) -> dict[str, Any]:
    """The pages-table row for a parsed page."""
    imported_at = now_iso()
    as_of, estimated = quotes_as_of(item.page, item.mtime, imported_at)
    return {
        "content_hash": item.digest,
        **parsed_fields(item.page, as_of, estimated),
        "file_name": item.file_name,
        "imported_at": imported_at,
        "original_size": item.size,
    }


def quote_rows(page: Page, page_id: int, as_of_key: str) -> list[tuple[Any, ...]]:
    return [
        (page_id, i, q.symbol, q.kind, q.price, q.change, q.percent, q.direction, q.flag, as_of_key, q.open, q.high,
         q.low, q.previous_close, q.volume, q.sector, int(q.percent_computed))
        for i, q in enumerate(page.quotes)
    ]


def image_rows(page: Page, page_id: int) -> list[tuple[Any, ...]]:
    return [
        (page_id, i, img.name, img.media_type, img.data, img.caption, img.after_paragraph)
        for i, img in enumerate(page.images)
    ]


def insert_row(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row by its keys (faster than Table.insert, which inspects the table each time)."""
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    cursor = db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)


def store_text(db: Database, page: Page, page_id: int) -> None:
    """The article text (compressed, once) and its full-text postings, inside the caller's transaction."""
    db.conn.execute("INSERT OR REPLACE INTO texts (page_id, data) VALUES (?, ?)",
                    [page_id, pack_text(page.paragraphs, page.related)])
    index_text(db, page_id, page.title, page.summary, page.paragraphs)


def remove_text(db: Database, page_id: int) -> None:
    """Take a page's text out of the index and the texts table, inside the caller's transaction."""
    row = db.conn.execute(
        "SELECT p.title, p.summary, t.data FROM pages p LEFT JOIN texts t ON t.page_id = p.id WHERE p.id = ?",
        [page_id],
    ).fetchone()
    if row is None:
        return
    title, summary, data = row
    try:
        paragraphs, _related = unpack_text(data)
    except DamagedData:
        log.warning("page %d: stored text cannot be read; its search entry is left behind", page_id)
    else:
        unindex_text(db, page_id, title, summary, paragraphs)
    db.conn.execute("DELETE FROM texts WHERE page_id = ?", [page_id])


def insert_children(db: Database, page: Page, page_id: int, as_of_key: str) -> None:
    """Quotes and images of a page (inside the caller's transaction)."""
    db.conn.executemany(
        "INSERT INTO quotes (page_id, position, symbol, kind, price, change, percent, direction, flag,"
        " as_of_key, open, high, low, previous_close, volume, sector, percent_computed)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quote_rows(page, page_id, as_of_key),
    )
    db.conn.executemany(
        "INSERT INTO images (page_id, position, name, media_type, data, caption, after_paragraph)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        image_rows(page, page_id),
    )


def store_prepared(db: Database, item: Prepared) -> ImportResult:
    """Insert a prepared page in one transaction, or report the copy that is already stored."""
    row = page_row(item)
    with write_transaction(db):
        found = find_duplicate(db, item.digest)
        if found is not None:
            return duplicate_result(item.path, found)
        page_id = insert_row(db, "pages", row)
        insert_children(db, item.page, page_id, row["as_of_key"])
        store_text(db, item.page, page_id)
        db.conn.execute("INSERT INTO originals (page_id, data) VALUES (?, ?)", (page_id, item.packed))
    return ImportResult(item.path, "imported", page_id, item.page.title or item.file_name)
