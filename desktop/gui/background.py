"""The one way the window works off the GUI thread: run a plain function on the pool, answer on the GUI thread.

``Background.run(task, on_done, on_failure, on_progress)`` runs ``task(job)`` on a pool thread; its result
goes to ``on_done`` and a failure (its message) to ``on_failure``, both called on the GUI thread. The task
may call ``job.report(value)`` to reach ``on_progress`` and ask ``job.cancelled()`` between steps.
``run_in_library`` does the same for a function of a Library opened on the pool thread (a SQLite
connection belongs to the thread that opened it). Answers that arrive after ``stop()`` are dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.library import Library
from desktop.library.records import LibraryError

log = logging.getLogger(__name__)
T = TypeVar("T")
UNEXPECTED = "Something went wrong in the background (details are in the log)."


class _Relay(QObject):
    """Carries answers from pool threads to the GUI thread: queued signals to the Background's own slots."""

    done = Signal(object, object)  # job, result
    failed = Signal(object, str)  # job, message
    progress = Signal(object, object)  # job, value


class Job:
    """A running task as its function sees it: report progress, check for cancel."""

    def __init__(self, relay: _Relay, on_done: Callable[[Any], None], on_failure: Callable[[str], None] | None,
                 on_progress: Callable[[Any], None] | None) -> None:
        self._cancel = threading.Event()
        self._relay = relay
        self.on_done, self.on_failure, self.on_progress = on_done, on_failure, on_progress

    def report(self, value: object) -> None:
        """Hand ``value`` to the job's ``on_progress`` on the GUI thread."""
        self._relay.progress.emit(self, value)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def failure_message(error: BaseException) -> str:
    """Known problems (the library file, a page) keep their sentence; our own bugs are logged."""
    message = getattr(error, "message", None)
    if isinstance(error, LibraryError) or isinstance(message, str):
        return str(message)
    if isinstance(error, OSError):
        return f"{error.strerror or error}"
    log.error("background task failed", exc_info=error)
    return UNEXPECTED


class Background(QObject):
    """Runs tasks on a thread pool for the window; keeps each job alive until it has answered."""

    def __init__(self, pool: QThreadPool, on_failure: Callable[[str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._default_failure = on_failure
        self._jobs: set[Job] = set()
        self._stopped = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)

    def run(self, task: Callable[[Job], T], on_done: Callable[[T], None],
            on_failure: Callable[[str], None] | None = None,
            on_progress: Callable[[Any], None] | None = None) -> Job:
        """Start ``task(job)`` on the pool; returns the job (to cancel it)."""
        job = Job(self._relay, on_done, on_failure or self._default_failure, on_progress)
        self._jobs.add(job)
        self._pool.start(lambda: _run(task, job))
        return job

    def run_in_library(self, library_path: Path, call: Callable[[Library], T], on_done: Callable[[T], None],
                       on_failure: Callable[[str], None] | None = None) -> Job:
        """Run ``call(library)`` with a Library opened on the pool thread."""
        return self.run(lambda _job: _with_library(library_path, call), on_done, on_failure)

    def busy(self) -> bool:
        return bool(self._jobs)

    def stop(self) -> None:
        """The window is closing: cancel every job and drop whatever still answers."""
        self._stopped = True
        for job in self._jobs:
            job.cancel()

    def _on_done(self, job: Job, result: object) -> None:
        self._jobs.discard(job)
        if not self._stopped:
            job.on_done(result)

    def _on_failed(self, job: Job, message: str) -> None:
        self._jobs.discard(job)
        if self._stopped:
            return
        if job.on_failure is not None:
            job.on_failure(message)
        else:
            log.warning("a background task failed and nobody was told: %s", message)

    def _on_progress(self, job: Job, value: object) -> None:
        if not self._stopped and job.on_progress is not None:
            job.on_progress(value)


def _run(task: Callable[[Job], T], job: Job) -> None:
    try:
        result = task(job)
    except Exception as error:  # every failure goes back to the GUI thread, never lost on the pool
        job._relay.failed.emit(job, failure_message(error))
        return
    job._relay.done.emit(job, result)


def _with_library(library_path: Path, call: Callable[[Library], T]) -> T:
    with Library(library_path) as library:
        return call(library)
