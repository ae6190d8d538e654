"""Imports started from the window: one at a time, queued, with progress, Cancel and the list of failures."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop import dialogs, messages, workers
from desktop.library.records import ImportResult
from desktop.workers import DroppedData, ImportJob, ImportWorker


class ImportController(QObject):
    """Runs import jobs on the pool one after another and shows their progress in a status bar."""

    finished = Signal(object)  # list[ImportResult] of one job
    failed = Signal(str)  # the library itself could not be used

    def __init__(self, library_path: Path, pool: QThreadPool, status_bar: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._library_path, self._pool, self._bar, self._parent = library_path, pool, status_bar, parent
        self._running: ImportWorker | None = None
        self._queued: list[ImportJob] = []
        self._results: list[ImportResult] = []
        self._stopped = False
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(240)
        self.progress.setFormat("%v of %m")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.failures_button = QPushButton("Show failures")
        self.failures_button.clicked.connect(self.show_failures)
        for widget in (self.label, self.progress, self.cancel_button, self.failures_button):
            status_bar.addPermanentWidget(widget)
            widget.hide()

    def start(self, paths: Sequence[Path], dropped: Sequence[DroppedData] = ()) -> ImportJob:
        """Import files, folders and dropped content; waits behind a running import."""
        job = ImportJob(self._library_path, list(paths), list(dropped))
        if self._running is not None:
            self._queued.append(job)
        else:
            self._run(job)
        return job

    def cancel(self) -> None:
        """Stop the running import between two files and drop the queued ones."""
        if self._running is not None:
            self._running.cancel()
            self._queued.clear()
            self.label.setText("Cancelling…")

    def stop(self) -> None:
        """The window is closing: cancel, and ignore whatever still reports back."""
        self.cancel()
        self._stopped = True

    def busy(self) -> bool:
        return self._running is not None

    def results(self) -> list[ImportResult]:
        return list(self._results)

    def show_failures(self) -> None:
        dialogs.show_failures(self._parent, messages.failure_lines(self._results))

    def _run(self, job: ImportJob) -> None:
        worker = ImportWorker(job)
        self._running = worker
        self._results = []
        worker.signals.progress_changed.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        self.failures_button.hide()
        for widget in (self.label, self.progress, self.cancel_button):
            widget.show()
        self.progress.setRange(0, 0)
        self.label.setText("Looking for saved pages…")
        workers.start(self._pool, worker)

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if not self._stopped:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            self.label.setText(name)

    def _on_finished(self, results: list[ImportResult], cancelled: bool) -> None:
        if self._stopped:
            return
        self._results = list(results)
        self._idle(messages.import_summary(results, cancelled))
        self.failures_button.setVisible(any(r.status in ("failed", "skipped") for r in results))
        self.finished.emit(list(results))
        self._run_next()

    def _on_failed(self, message: str) -> None:
        if self._stopped:
            return
        self._idle(message)
        self.failed.emit(message)
        self._run_next()

    def _idle(self, summary: str) -> None:
        self._running = None
        for widget in (self.label, self.progress, self.cancel_button):
            widget.hide()
        self._bar.showMessage(summary)

    def _run_next(self) -> None:
        if self._queued and self._running is None and not self._stopped:
            self._run(self._queued.pop(0))
