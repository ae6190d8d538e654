"""Compressing newly imported originals densely, a small batch at a time, while the window has nothing else to do.

An import stores each original quickly (zstd level 3, about a millisecond); compressed as ``market-reader
compact`` does it, an original is 16-17% smaller but takes 20-30 ms. The window does that afterwards for the
pages it imported, on the pool, one batch per job and only when no other job runs, so reading and searching
never wait behind it. The space freed is reused by later imports; ``compact`` gives it back to the disk.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from desktop.gui.background import Background
from desktop.library import Library

BATCH = 16  # originals per job: a few tenths of a second, so closing the window never waits long


class Densifier(QObject):
    """Queues page ids and compresses their originals densely when the background helper is idle."""

    delay_ms = 2_000  # quiet time after an import, or after another job, before a batch

    def __init__(self, library_path: Path, background: Background, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library_path = library_path
        self._background = background
        self._queue: deque[int] = deque()
        self._running = False
        self._timer = QTimer(self, singleShot=True, interval=self.delay_ms)
        self._timer.timeout.connect(self._step)

    def add(self, page_ids: Iterable[int]) -> None:
        """Compress these pages' originals when the window is idle."""
        self._queue.extend(page_ids)
        if self._queue and not self._running:
            self._timer.start(self.delay_ms)

    def pending(self) -> int:
        return len(self._queue) + (BATCH if self._running else 0)

    def stop(self) -> None:
        self._queue.clear()
        self._timer.stop()

    def _step(self) -> None:
        if not self._queue:
            return
        if self._background.busy():
            self._timer.start(self.delay_ms)  # something the user asked for runs: later
            return
        batch = [self._queue.popleft() for _ in range(min(BATCH, len(self._queue)))]
        self._running = True
        self._background.run_in_library(
            self._library_path, lambda library: _compress(library, batch), self._on_done, self._on_failed
        )

    def _on_done(self, _rewritten: int) -> None:
        self._running = False
        if self._queue:
            self._timer.start(self.delay_ms)

    def _on_failed(self, _message: str) -> None:
        """A busy or full disk: leave the rest for `market-reader compact`, which does the same."""
        self._running = False
        self._queue.clear()


def _compress(library: Library, page_ids: list[int]) -> int:
    return library.compress_densely(page_ids)
