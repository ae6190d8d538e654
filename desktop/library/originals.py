"""The saved files' original bytes: reading them back, and the compression dictionary learnt from them."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from sqlite_utils import Database

from desktop.library import packing
from desktop.library.packing import DamagedData, Packer
from desktop.library.times import now_iso
from desktop.library.transaction import write_transaction

log = logging.getLogger(__name__)
REPACK_BATCH = 200  # originals rewritten per transaction by compact()
DENSE_BATCH = 32  # originals compressed densely per transaction (a second or so of work)


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


def _batch(db: Database, after: int, size: int) -> list[tuple[int, bytes, bool]]:
    rows = db.execute(
        "SELECT page_id, data, dense FROM originals WHERE page_id > ? ORDER BY page_id LIMIT ?", [after, size]
    ).fetchall()
    return [(int(pid), bytes(data), bool(dense)) for pid, data, dense in rows]


def _repacked(current: Packer, known: dict[int, bytes], wanted: int, dense: bool,
              item: tuple[int, bytes, bool]) -> tuple[int, bytes | None] | None:
    """``(page_id, new bytes or None to keep the old)`` for an original to rewrite, None for one to leave."""
    page_id, data, stored_dense = item
    if stored_dense or (not dense and data.startswith(packing.ZSTD_MAGIC) and packing.frame_dictionary(data) == wanted):
        return None
    try:
        raw = packing.unpack(data, known)
    except DamagedData:
        log.warning("page %d: stored original cannot be read; left as it is", page_id)
        return None
    packed = current.pack_dense(raw) if dense else current.pack(raw)
    if packing.unpack(packed, known) == raw and len(packed) < len(data):
        return page_id, packed
    return (page_id, None) if dense else None


def compress_densely(db: Database, page_ids: Sequence[int]) -> int:
    """Compress the originals of ``page_ids`` densely (those not yet done), in one transaction; returns how
    many were rewritten. The window runs this on newly imported pages while it is idle."""
    current = packer(db)
    if current.dictionary is None or not page_ids:
        return 0
    wanted, known = packing.dictionary_id(current.dictionary), dictionaries(db)
    rows = db.execute("SELECT page_id, data, dense FROM originals WHERE page_id IN (SELECT value FROM json_each(?))",
                      [json.dumps([int(i) for i in page_ids])]).fetchall()
    batch = [(int(pid), bytes(data), bool(dense)) for pid, data, dense in rows]
    with ThreadPoolExecutor(max_workers=min(os.cpu_count() or 1, 4)) as threads:
        done = [r for r in threads.map(lambda item: _repacked(current, known, wanted, True, item), batch) if r]
    return _store(db, done, dense=True)


def _store(db: Database, done: list[tuple[int, bytes | None]], dense: bool) -> int:
    """Write the rewritten originals (and mark every one done when ``dense``) in one transaction."""
    with write_transaction(db):
        db.conn.executemany("UPDATE originals SET data = ? WHERE page_id = ?",
                            [(data, pid) for pid, data in done if data is not None])
        if dense:
            db.conn.executemany("UPDATE originals SET dense = 1 WHERE page_id = ?", [(pid,) for pid, _ in done])
    return sum(data is not None for _pid, data in done)


def repack_all(db: Database, progress: Callable[[int, int], None] | None = None, dense: bool = False) -> int:
    """Rewrite every original not yet compressed with the current dictionary; returns how many changed.

    With ``dense``, every original not yet compressed densely is compressed again at DENSE_LEVEL (on as many
    threads as there are cores: zstd releases the GIL) and marked as done, rewritten or not. One transaction
    per batch, each original checked to unpack to the very same bytes before it is replaced, so an
    interruption leaves every page readable.
    """
    current = packer(db)
    if current.dictionary is None:
        return 0
    wanted = packing.dictionary_id(current.dictionary)
    known = dictionaries(db)
    total = int(db.execute("SELECT count(*) FROM originals").fetchone()[0])
    changed, seen, after = 0, 0, 0
    with ThreadPoolExecutor(max_workers=min(os.cpu_count() or 1, 4) if dense else 1) as threads:
        while batch := _batch(db, after, DENSE_BATCH if dense else REPACK_BATCH):
            after = batch[-1][0]
            done = [r for r in threads.map(lambda item: _repacked(current, known, wanted, dense, item), batch) if r]
            changed += _store(db, done, dense)
            seen += len(batch)
            if progress is not None:
                progress(seen, total)
    return changed
