"""Background work: importing files and searching the library, off the GUI thread.

Each job is a plain function (testable without Qt) run by a thin QRunnable that reports through signals.
A job opens its own Library: a SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.library import Library, Skipped, iter_page_files
from desktop.library.records import ImportResult, PageRow

_running: set[QRunnable] = set()


def start(pool: QThreadPool, worker: ImportWorker | PageQueryWorker | LibraryCall) -> None:
    """Run ``worker`` on ``pool``, keeping it (and its signals object) alive until it reports back.

    A runnable whose last Python reference goes away may be collected before its queued signals arrive,
    and then its result is silently lost.
    """
    _running.add(worker)
    signals = worker.signals

    def release(*_args: object) -> None:
        _running.discard(worker)
        signals.deleteLater()  # drops its connections, and with them the slots' references

    signals.finished.connect(release)
    signals.failed.connect(release)
    pool.start(worker)


@dataclass(frozen=True)
class DroppedData:
    """Page content that arrived without a file (HTML or text dragged from a browser)."""

    name: str
    data: bytes


@dataclass
class ImportJob:
    library_path: Path
    paths: Sequence[Path] = ()
    dropped: Sequence[DroppedData] = ()
    cancel_event: threading.Event = field(default_factory=threading.Event)


def run_import(
    job: ImportJob,
    on_progress: Callable[[int, int, str], None],
    on_result: Callable[[ImportResult], None],
) -> list[ImportResult]:
    """Import every file under ``job.paths`` and every dropped item; stops between files when cancelled."""
    entries = list(iter_page_files(job.paths))
    total = len(entries) + len(job.dropped)
    results: list[ImportResult] = []
    with Library(job.library_path) as library:
        for done, (path, error) in enumerate(entries):
            if job.cancel_event.is_set():
                break
            on_progress(done, total, path.name)
            result = _entry_result(path, error) if error else library.import_file(path)
            results.append(result)
            on_result(result)
        for offset, item in enumerate(job.dropped):
            if job.cancel_event.is_set():
                break
            on_progress(len(entries) + offset, total, item.name)
            result = library.import_data(item.data, item.name)
            results.append(result)
            on_result(result)
    on_progress(len(results), total, "")
    return results


def _entry_result(path: Path, reason: str) -> ImportResult:
    """A folder entry that was never read: passed over (a link loop, a pipe) or unreadable."""
    return ImportResult(str(path), "skipped" if isinstance(reason, Skipped) else "failed", None, str(reason))


class ImportSignals(QObject):
    progress_changed = Signal(int, int, str)  # done, total, current file name
    file_finished = Signal(object)  # ImportResult
    finished = Signal(object, bool)  # list[ImportResult], cancelled
    failed = Signal(str)  # a problem with the library itself


class ImportWorker(QRunnable):
    def __init__(self, job: ImportJob) -> None:
        super().__init__()
        self.job = job
        self.signals = ImportSignals()

    def cancel(self) -> None:
        self.job.cancel_event.set()

    def run(self) -> None:
        try:
            results = run_import(self.job, self.signals.progress_changed.emit, self.signals.file_finished.emit)
        except Exception as exc:  # the library could not be opened or written: tell the user, don't die
            self.signals.failed.emit(getattr(exc, "message", None) or f"The import stopped: {exc}")
            return
        self.signals.finished.emit(results, self.job.cancel_event.is_set())


class SearchSignals(QObject):
    finished = Signal(int, object)  # generation, list[PageRow]
    failed = Signal(int, str)


class PageQueryWorker(QRunnable):
    """Lists the library's pages, filtered by a full-text search when ``text`` is not blank."""

    def __init__(self, library_path: Path, text: str, generation: int) -> None:
        super().__init__()
        self.library_path, self.text, self.generation = library_path, text, generation
        self.signals = SearchSignals()

    def run(self) -> None:
        try:
            with Library(self.library_path) as library:
                pages: list[PageRow] = library.pages(search=self.text.strip() or None)
        except Exception as exc:
            self.signals.failed.emit(self.generation, getattr(exc, "message", None) or str(exc))
            return
        self.signals.finished.emit(self.generation, pages)


class CallSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class LibraryCall(QRunnable):
    """Runs ``function(library)`` on a pool thread with its own Library; for short writes such as deletes."""

    def __init__(self, library_path: Path, function: Callable[[Library], object]) -> None:
        super().__init__()
        self.library_path, self.function = library_path, function
        self.signals = CallSignals()

    def run(self) -> None:
        try:
            with Library(self.library_path) as library:
                result = self.function(library)
        except Exception as exc:
            self.signals.failed.emit(getattr(exc, "message", None) or str(exc))
            return
        self.signals.finished.emit(result)
