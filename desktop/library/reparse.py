"""Reading stored originals again with the current parser, one page per transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

import parsing
from desktop.library import importer, originals, times
from desktop.library.packing import DamagedData
from desktop.library.reading import parse_guarded
from desktop.library.records import ImportResult
from desktop.library.transaction import write_transaction

log = logging.getLogger(__name__)


def _updated_fields(page: parsing.Page, old_as_of: str, old_estimated: bool) -> dict[str, Any]:
    """The page-row fields a new parse replaces; the snapshot time stays unless the page now knows it."""
    as_of, estimated = times.quotes_as_of(page, None, old_as_of)
    if estimated:  # the page still records no save time: keep the time it had
        estimated = old_estimated
    return importer.parsed_fields(page, as_of, estimated)


def reparse_page(db: Database, page_id: int) -> ImportResult:
    """Parse one stored original again and replace its row, quotes and (when found again) images."""
    row = db.execute(
        "SELECT p.file_name, p.quotes_as_of, p.as_of_estimated FROM pages p WHERE p.id = ?", [page_id]
    ).fetchone()
    try:
        raw = originals.original_bytes(db, page_id) if row is not None else None
    except DamagedData:
        return ImportResult(row[0], "failed", page_id, "the stored original is damaged")
    if row is None or raw is None:
        return ImportResult(str(page_id), "failed", page_id, "the original file is not stored for this page")
    file_name, old_as_of, old_estimated = row
    page = parse_guarded(lambda: parsing.parse_bytes(raw, file_name), file_name)
    if isinstance(page, ImportResult):
        return ImportResult(file_name, "failed", page_id, page.message)
    fields = _updated_fields(page, old_as_of, bool(old_estimated))
    with write_transaction(db):
        if db.conn.execute("SELECT 1 FROM pages WHERE id = ?", [page_id]).fetchone() is None:
            return ImportResult(file_name, "failed", page_id, "the page was deleted while it was read again")
        importer.remove_text(db, page_id)
        db.table("pages").update(page_id, fields)
        db.conn.execute("DELETE FROM quotes WHERE page_id = ?", [page_id])
        if page.images:  # images from a NAME_files folder are not in the original bytes: keep them
            db.conn.execute("DELETE FROM images WHERE page_id = ?", [page_id])
        else:
            page = _without_images(page)
        importer.insert_children(db, page, page_id, fields["as_of_key"])
        importer.store_text(db, page, page_id)
    return ImportResult(file_name, "imported", page_id, f"read again: {page.title or file_name}")


def _without_images(page: parsing.Page) -> parsing.Page:
    return replace(page, images=())


def reparse_all(
    db: Database, progress: Callable[[int, int, str], None] | None, outdated_only: bool
) -> list[ImportResult]:
    """Reparse every page (or only those read by an older parser), reporting progress per page."""
    where = "WHERE parser_version IS NOT ? " if outdated_only else ""
    params = [parsing.PARSER_VERSION] if outdated_only else []
    ids = [int(r[0]) for r in db.execute(f"SELECT id FROM pages {where}ORDER BY id", params)]
    results = []
    for done, page_id in enumerate(ids, start=1):
        result = reparse_page(db, page_id)
        results.append(result)
        if progress is not None:
            progress(done, len(ids), result.path)
    return results
