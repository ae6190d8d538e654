"""Reading and parsing files in worker processes while the calling thread stays the only writer."""

from __future__ import annotations

import logging
import multiprocessing
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Collection, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from desktop.library.reading import Outcome, read_file
from desktop.library.records import ImportResult

log = logging.getLogger(__name__)
_reader: sqlite3.Connection | None = None
WINDOW_PER_WORKER = 3  # files queued per worker: enough to keep it busy, few enough to hold little memory


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


def _read(path: str, in_folder: bool) -> Outcome:
    return read_file(Path(path), _lookup, in_folder)


def available() -> bool:
    """Worker processes need a real Python to spawn; a frozen (bundled) program would start itself again."""
    return not getattr(sys, "frozen", False)


def read_in_pool(paths: Sequence[Path], library: Path, workers: int, fallback: Callable[[Path, bool], Outcome],
                 in_folder: Collection[Path] = ()) -> Generator[Outcome, None, None]:
    """Each file's prepared pages (or reports), in the order of ``paths``, read by ``workers`` processes;
    the paths in ``in_folder`` were met in a folder (see ``reading.read_file``).

    Workers are started with "spawn", which is safe from a thread of a Qt program. If a worker dies
    (a crash in a native library, the memory killer), the file being waited for is reported as failed
    and a new pool takes the rest; if two pools in a row die before their first file, workers cannot
    run here and ``fallback`` reads the rest in this process. Closing the iterator early cancels the
    files not yet started.
    """
    start, stillborn = 0, 0
    while start < len(paths):
        broken_at = yield from _one_pool(paths[start:], library, workers, in_folder)
        if broken_at is None:
            return
        stillborn = stillborn + 1 if broken_at == 0 else 0
        if stillborn >= 2:
            log.warning("parsing processes could not start; reading the remaining files in this process")
            yield from (fallback(path, path in in_folder) for path in paths[start:])
            return
        yield [ImportResult(str(paths[start + broken_at]), "failed", None, BROKEN_MESSAGE)]
        start += broken_at + 1


BROKEN_MESSAGE = "the page reader stopped unexpectedly on this file (or one read at the same time)"


def _one_pool(paths: Sequence[Path], library: Path, workers: int, in_folder: Collection[Path]
              ) -> Generator[Outcome, None, int | None]:
    """Yield results until done (returns None) or until the pool breaks (returns the index it broke at).

    Only a small window of files is in flight (WINDOW_PER_WORKER per worker): each result is handed
    on and forgotten as soon as it is written, so memory stays flat however many files are imported.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_open_reader,
                             initargs=(str(library),)) as pool:
        pending: deque[Future[Outcome]] = deque()
        upcoming = iter(paths)
        try:
            for index in range(len(paths)):
                while len(pending) < workers * WINDOW_PER_WORKER and (path := next(upcoming, None)) is not None:
                    pending.append(pool.submit(_read, str(path), path in in_folder))
                try:
                    result = pending.popleft().result()
                except BrokenProcessPool:
                    return index
                yield result
        finally:
            for future in pending:
                future.cancel()
    return None
