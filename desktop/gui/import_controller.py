"""Imports started from the window: one at a time, queued, with progress, Cancel and the details of each file.

Each import is the library's own ``import_paths`` (the command line's pipeline) run through the window's
Background helper; progress and results come back to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.gui import dialogs
from desktop.gui.background import Background, Job
from desktop.gui.import_details import detail_text, needs_attention
from desktop.library import Library
from desktop.library.formatting import moment_key
from desktop.library.records import ImportResult, PageData
from desktop.library.report import import_summary

IMPORT_WORKERS = 1  # parsing processes: one (parse on the pool thread) is fastest below a few hundred files
MAX_CANDIDATES = 1000  # imported pages considered for showing afterwards (the newest of a huge import)


@dataclass
class ImportRequest:
    """Files, folders and dropped content to import together."""

    paths: Sequence[Path] = ()
    dropped: Sequence[PageData] = ()


def run_import(library_path: Path, request: ImportRequest, job: Job) -> tuple[list[ImportResult], bool, int | None]:
    """The import itself, on a pool thread: the library's pipeline, reporting (done, total, name).

    Returns the results, whether it was cancelled, and the page to show afterwards (see best_page).
    """
    with Library(library_path) as library:
        results = library.import_paths(
            request.paths, progress=lambda done, total, name: job.report((done, total, name)),
            cancelled=job.cancelled, workers=IMPORT_WORKERS, data=request.dropped,
        )
        imported = [r.page_id for r in results if r.status == "imported" and r.page_id is not None]
        return results, job.cancelled(), best_page(library, imported)


def best_page(library: Library, page_ids: Sequence[int]) -> int | None:
    """Of the pages just imported, the one to show: with quotes and a title first, then the newest snapshot.

    (The last file of a folder is as likely to be a stray text file as the report the user came for.)
    """
    pages = [page for page in (library.page(page_id) for page_id in page_ids[-MAX_CANDIDATES:]) if page is not None]
    if not pages:
        return None
    best = max(pages, key=lambda p: (p.quote_count > 0, p.title is not None, moment_key(p.quotes_as_of), p.id))
    return best.id


class ImportController(QObject):
    """Runs imports on the pool one after another and shows their progress in a status bar."""

    finished = Signal(object)  # list[ImportResult] of one import
    failed = Signal(str)  # the library itself could not be used

    def __init__(self, library_path: Path, background: Background, status_bar: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._library_path, self._background, self._bar, self._parent = library_path, background, status_bar, parent
        self._running: Job | None = None
        self._queued: list[ImportRequest] = []
        self._results: list[ImportResult] = []
        self._best: int | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(240)
        self.progress.setFormat("%v of %m")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.details_button = QPushButton("Show details")
        self.details_button.setObjectName("importDetails")
        self.details_button.setToolTip("Every file of the last import, by outcome, with the reasons")
        self.details_button.clicked.connect(self.show_details)
        for widget in (self.label, self.progress, self.cancel_button, self.details_button):
            status_bar.addPermanentWidget(widget)
            widget.hide()

    def start(self, paths: Sequence[Path], dropped: Sequence[PageData] = ()) -> ImportRequest:
        """Import files, folders and dropped content; waits behind a running import."""
        request = ImportRequest(list(paths), list(dropped))
        if self._running is not None:
            self._queued.append(request)
        else:
            self._run(request)
        return request

    def cancel(self) -> None:
        """Stop the running import between two files and drop the queued ones."""
        if self._running is not None:
            self._running.cancel()
            self._queued.clear()
            self.label.setText("Cancelling…")

    def busy(self) -> bool:
        return self._running is not None

    def results(self) -> list[ImportResult]:
        return list(self._results)

    def best_page(self) -> int | None:
        """The page of the last import worth showing (None when it imported nothing new)."""
        return self._best

    def show_details(self) -> None:
        """Every file of the last import under its outcome (failed, not a page, passed over, known, imported)."""
        self.details_dialog = dialogs.show_report(self._parent, "Import details", detail_text(self._results))

    def _run(self, request: ImportRequest) -> None:
        self._results = []
        self.details_button.hide()
        for widget in (self.label, self.progress, self.cancel_button):
            widget.show()
        self.progress.setRange(0, 0)
        self.label.setText("Looking for saved pages…")
        path = self._library_path
        self._running = self._background.run(
            lambda job: run_import(path, request, job), self._on_finished, self._on_failed, self._on_progress
        )

    def _on_progress(self, value: tuple[int, int, str]) -> None:
        done, total, name = value
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.label.setText(name)

    def _on_finished(self, answer: tuple[list[ImportResult], bool, int | None]) -> None:
        results, cancelled, self._best = answer
        self._results = list(results)
        self._idle(import_summary(results, cancelled))
        self.details_button.setVisible(bool(results))
        self.details_button.setText("Show problems" if needs_attention(results) else "Show details")
        self.finished.emit(list(results))
        self._run_next()

    def _on_failed(self, message: str) -> None:
        self._idle(message)
        self.failed.emit(message)
        self._run_next()

    def _idle(self, summary: str) -> None:
        self._running = None
        for widget in (self.label, self.progress, self.cancel_button):
            widget.hide()
        self._bar.showMessage(summary)

    def _run_next(self) -> None:
        if self._queued and self._running is None:
            self._run(self._queued.pop(0))
