"""Reading and parsing files in worker processes while the calling thread stays the only writer."""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from desktop.library.reading import Prepared, read_file
from desktop.library.records import ImportResult

_reader: sqlite3.Connection | None = None


def _open_reader(library: str) -> None:
    """Each worker checks for known content on its own read-only connection (WAL lets it read)."""
    global _reader
    try:
        _reader = sqlite3.connect(f"{Path(library).resolve().as_uri()}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        _reader = None


def _lookup(digest: str) -> tuple[int, str] | None:
    if _reader is None:
        return None
    try:
        row = _reader.execute("SELECT id, quotes_as_of FROM pages WHERE content_hash = ?", [digest]).fetchone()
    except sqlite3.Error:
        return None  # the writer checks again inside its transaction
    return (int(row[0]), str(row[1])) if row else None


def _read(path: str) -> Prepared | ImportResult:
    return read_file(Path(path), _lookup)


def read_in_pool(paths: Sequence[Path], library: Path, workers: int) -> Iterator[Prepared | ImportResult]:
    """Prepared pages (or reports) in the order of ``paths``, read by ``workers`` processes.

    Workers are started with "spawn", which is safe from a thread of a Qt program. Closing the
    iterator early cancels the files not yet started.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_open_reader,
                             initargs=(str(library),)) as pool:
        futures = [pool.submit(_read, str(p)) for p in paths]
        try:
            for future in futures:
                yield future.result()
        finally:
            for future in futures:
                future.cancel()
