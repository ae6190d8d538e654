"""The window's one background helper: answers and failures come back on the GUI thread, late ones are dropped."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QThreadPool

from desktop.gui.background import UNEXPECTED, Background, Job
from desktop.library import Library, LibraryError


@pytest.fixture
def background(qapp):
    pool = QThreadPool()
    runner = Background(pool)
    yield runner
    runner.stop()
    pool.waitForDone(5000)


def test_result_arrives_on_the_gui_thread(qtbot, background):
    seen: list[tuple[object, bool]] = []
    worker_threads: list[bool] = []

    def task(_job: Job) -> int:
        worker_threads.append(QThread.currentThread() is qapp_thread())
        return 42

    background.run(task, lambda value: seen.append((value, QThread.currentThread() is qapp_thread())))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)] and worker_threads == [False]
    assert not background.busy()


def qapp_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_known_failures_keep_their_sentence_and_bugs_become_a_warning(qtbot, background, caplog):
    failures: list[str] = []

    def library_problem(_job: Job) -> None:
        raise LibraryError("library.db: the disk is full; free some space and try again.")

    def our_bug(_job: Job) -> None:
        raise ZeroDivisionError("boom")

    background.run(library_problem, lambda _v: None, failures.append)
    background.run(our_bug, lambda _v: None, failures.append)
    qtbot.waitUntil(lambda: len(failures) == 2)
    assert sorted(failures) == sorted(["library.db: the disk is full; free some space and try again.", UNEXPECTED])
    assert "ZeroDivisionError" in caplog.text  # the traceback of our own bug is logged


def test_failure_without_a_handler_goes_to_the_default(qtbot, qapp):
    told: list[str] = []
    pool = QThreadPool()
    runner = Background(pool, told.append)

    def broken(_job: Job) -> None:
        raise OSError(28, "No space left on device")

    runner.run(broken, lambda _v: None)
    qtbot.waitUntil(lambda: bool(told))
    assert told == ["No space left on device"]
    pool.waitForDone(5000)


def test_progress_reports_and_cancel(qtbot, background):
    steps: list[object] = []
    done: list[object] = []
    may_go = threading.Event()

    def task(job: Job) -> str:
        job.report(1)
        may_go.wait(5)
        return "cancelled" if job.cancelled() else "finished"

    job = background.run(task, done.append, on_progress=steps.append)
    qtbot.waitUntil(lambda: steps == [1])
    job.cancel()
    may_go.set()
    qtbot.waitUntil(lambda: bool(done))
    assert done == ["cancelled"]


def test_answers_after_stop_are_dropped(qtbot, background):
    answered: list[object] = []
    may_go = threading.Event()
    finished = threading.Event()

    def task(job: Job) -> bool:
        may_go.wait(5)
        finished.set()
        return job.cancelled()


    pool = QThreadPool()
    background.run(task, answered.append, answered.append)
    background.stop()
    may_go.set()
    assert finished.wait(5)
    assert background._pool.waitForDone(5000)  # the first job has emitted its answer
    later = Background(pool)  # an answer queued after the first one arrives after it: events keep their order
    marker: list[str] = []
    later.run(lambda _job: "marker", marker.append)
    qtbot.waitUntil(lambda: bool(marker))
    assert answered == []
    pool.waitForDone(5000)


def test_run_in_library_opens_its_own_connection(qtbot, background, tmp_path: Path):
    path = tmp_path / "library.db"
    Library(path).close()
    answers: list[tuple[int, bool]] = []

    def count(library: Library) -> tuple[int, bool]:
        return library.page_count(), QThread.currentThread() is qapp_thread()

    background.run_in_library(path, count, answers.append)
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == [(0, False)]
