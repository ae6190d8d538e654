"""The saved files' original bytes: reading them back, and the compression dictionary learnt from them."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlite_utils import Database

from desktop.library import packing
from desktop.library.packing import DamagedData, Packer
from desktop.library.times import now_iso
from desktop.library.transaction import write_transaction

log = logging.getLogger(__name__)
REPACK_BATCH = 200  # originals rewritten per transaction by compact()


def dictionaries(db: Database) -> dict[int, bytes]:
    return {int(i): bytes(d) for i, d in db.execute("SELECT id, data FROM dictionaries")}


def packer(db: Database) -> Packer:
    """How new originals are compressed: with the newest dictionary for originals, if one was trained."""
    row = db.execute(
        "SELECT data FROM dictionaries WHERE kind = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
        [packing.ORIGINALS_KIND],
    ).fetchone()
    return Packer(bytes(row[0]) if row else None)


def original_bytes(db: Database, page_id: int) -> bytes | None:
    """The saved file of a page, as imported; None when none is stored. Raises DamagedData."""
    row = db.execute("SELECT data FROM originals WHERE page_id = ?", [page_id]).fetchone()
    if row is None:
        return None
    return packing.unpack(bytes(row[0]), dictionaries(db))


def _samples(db: Database) -> list[bytes]:
    known = dictionaries(db)
    samples = []
    for (data,) in db.execute(
        "SELECT data FROM originals ORDER BY page_id DESC LIMIT ?", [packing.TRAIN_MAX_PAGES]
    ):
        try:
            samples.append(packing.unpack(bytes(data), known))
        except DamagedData:
            continue
    return samples


def has_dictionary(db: Database) -> bool:
    return db.execute("SELECT 1 FROM dictionaries WHERE kind = ?", [packing.ORIGINALS_KIND]).fetchone() is not None


def train_dictionary(db: Database, samples: list[bytes] | None = None) -> Packer | None:
    """Learn a dictionary from ``samples`` (else the newest stored originals) if the library has none yet.

    Returns the packer that uses it, or None when nothing was learnt (too few or too alike pages).
    Originals already stored keep their compression until ``repack_all`` rewrites them.
    """
    if has_dictionary(db):
        return None
    samples = samples if samples is not None else _samples(db)
    dictionary = packing.train(samples)
    if dictionary is None:
        return None
    with write_transaction(db):
        db.conn.execute(
            "INSERT OR IGNORE INTO dictionaries (id, kind, data, created_at, samples) VALUES (?, ?, ?, ?, ?)",
            [packing.dictionary_id(dictionary), packing.ORIGINALS_KIND, dictionary, now_iso(), len(samples)],
        )
    log.info("compression dictionary learnt from %d pages", len(samples))
    return packer(db)


def _batch(db: Database, after: int) -> list[tuple[int, bytes]]:
    rows = db.execute(
        "SELECT page_id, data FROM originals WHERE page_id > ? ORDER BY page_id LIMIT ?", [after, REPACK_BATCH]
    ).fetchall()
    return [(int(pid), bytes(data)) for pid, data in rows]


def repack_all(db: Database, progress: Callable[[int, int], None] | None = None) -> int:
    """Rewrite every original not yet compressed with the current dictionary; returns how many changed.

    One transaction per batch, each original checked to unpack to the very same bytes before it is
    replaced, so an interruption leaves every page readable.
    """
    current = packer(db)
    if current.dictionary is None:
        return 0
    wanted = packing.dictionary_id(current.dictionary)
    known = dictionaries(db)
    total = int(db.execute("SELECT count(*) FROM originals").fetchone()[0])
    changed, seen, after = 0, 0, 0
    while batch := _batch(db, after):
        after = batch[-1][0]
        updates = []
        for page_id, data in batch:
            if data.startswith(packing.ZSTD_MAGIC) and packing.frame_dictionary(data) == wanted:
                continue
            try:
                raw = packing.unpack(data, known)
            except DamagedData:
                log.warning("page %d: stored original cannot be read; left as it is", page_id)
                continue
            packed = current.pack(raw)
            if packing.unpack(packed, known) == raw and len(packed) < len(data):
                updates.append((packed, page_id))
        with write_transaction(db):
            db.conn.executemany("UPDATE originals SET data = ? WHERE page_id = ?", updates)
        changed += len(updates)
        seen += len(batch)
        if progress is not None:
            progress(seen, total)
    return changed
