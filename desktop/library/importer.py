"""Storing one parsed page atomically: page row, quotes, images and the original bytes, or nothing."""

from __future__ import annotations

import hashlib
import json
import zlib
from datetime import UTC, datetime

from sqlite_utils import Database

from desktop.library.records import ImportResult
from desktop.library.transaction import write_transaction
from parsing import PARSER_VERSION, Page

ORIGINAL_COMPRESSION = 6


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _moment(iso: str | None) -> datetime | None:
    """An ISO date or datetime as an aware datetime (local time when it names no offset)."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.astimezone()


def sort_key(iso: str) -> str:
    """The UTC form used for ordering snapshots: ISO strings with different offsets do not sort as text."""
    moment = _moment(iso) or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def quotes_as_of(page: Page, mtime: float | None, imported_at: str) -> tuple[str, bool]:
    """When the quotes were current: the page's own save time, else the file's mtime, else now (estimates)."""
    saved = _moment(page.saved)
    if saved is not None:
        return saved.isoformat(timespec="seconds"), False
    if mtime is not None:
        try:
            return datetime.fromtimestamp(mtime).astimezone().isoformat(timespec="seconds"), True
        except (OverflowError, OSError, ValueError):
            pass
    return imported_at, True


def saved_date_text(iso: str) -> str:
    moment = _moment(iso)
    return moment.strftime("%d %b %Y") if moment else iso


def find_duplicate(db: Database, digest: str) -> tuple[int, str] | None:
    """The id and quotes-as-of of the page already stored with these exact bytes."""
    row = db.execute("SELECT id, quotes_as_of FROM pages WHERE content_hash = ?", [digest]).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def duplicate_result(path: str, found: tuple[int, str]) -> ImportResult:
    page_id, as_of = found
    return ImportResult(path, "duplicate", page_id, f"already in library (saved {saved_date_text(as_of)})")


def page_row(page: Page, raw: bytes, digest: str, file_name: str, mtime: float | None) -> dict:
    """The pages-table row for a parsed page."""
    imported_at = now_iso()
    as_of, estimated = quotes_as_of(page, mtime, imported_at)
    return {
        "content_hash": digest,
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
        "body": "\n\n".join(page.paragraphs),
        "paragraphs": json.dumps(list(page.paragraphs), ensure_ascii=False),
        "related": json.dumps(list(page.related), ensure_ascii=False),
        "encoding": page.encoding,
        "file_name": file_name,
        "format": page.format,
        "imported_at": imported_at,
        "parser_version": PARSER_VERSION,
        "quote_count": len(page.quotes),
        "original_size": len(raw),
    }


def quote_rows(page: Page, page_id: int, as_of_key: str) -> list[tuple]:
    return [
        (page_id, i, q.symbol, q.kind, q.price, q.change, q.percent, q.direction, q.flag, as_of_key)
        for i, q in enumerate(page.quotes)
    ]


def image_rows(page: Page, page_id: int) -> list[tuple]:
    return [
        (page_id, i, img.name, img.media_type, img.data, img.caption, img.after_paragraph)
        for i, img in enumerate(page.images)
    ]


def insert_children(db: Database, page: Page, page_id: int, as_of_key: str) -> None:
    """Quotes and images of a page (inside the caller's transaction)."""
    db.conn.executemany(
        "INSERT INTO quotes (page_id, position, symbol, kind, price, change, percent, direction, flag,"
        " as_of_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quote_rows(page, page_id, as_of_key),
    )
    db.conn.executemany(
        "INSERT INTO images (page_id, position, name, media_type, data, caption, after_paragraph)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        image_rows(page, page_id),
    )


def store_page(
    db: Database, page: Page, raw: bytes, file_name: str, mtime: float | None, path: str
) -> ImportResult:
    """Insert a parsed page in one transaction, or report the copy that is already stored."""
    digest = content_hash(raw)
    row = page_row(page, raw, digest, file_name, mtime)
    packed = zlib.compress(raw, ORIGINAL_COMPRESSION)
    with write_transaction(db):
        found = find_duplicate(db, digest)
        if found is not None:
            return duplicate_result(path, found)
        page_id = int(db["pages"].insert(row).last_pk)
        insert_children(db, page, page_id, row["as_of_key"])
        db.conn.execute("INSERT INTO originals (page_id, data) VALUES (?, ?)", (page_id, packed))
    return ImportResult(path, "imported", page_id, page.title or file_name)
