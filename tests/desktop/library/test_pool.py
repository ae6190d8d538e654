"""The parsing pool keeps only a small window of files in flight and hands results on in order."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

from desktop.library import pool


class _InlinePool:
    """Runs each submitted call at once, counting how many results are held but not yet taken."""

    submitted = 0

    def __init__(self, *_args: Any, **_kwargs: Any) -> None:
        pass

    def __enter__(self) -> _InlinePool:
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        pass

    def submit(self, function: Any, *args: Any) -> Future:
        type(self).submitted += 1
        future: Future = Future()
        future.set_result(function(*args))
        return future


def test_only_a_window_of_files_is_in_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "ProcessPoolExecutor", _InlinePool)
    monkeypatch.setattr(pool, "_read", lambda path, in_folder: [path, in_folder])
    paths = [Path(f"page_{i}.html") for i in range(50)]
    workers = 2
    taken = []
    found_in_folder = set(paths[::2])
    for result in pool.read_in_pool(paths, Path("library.db"), workers, lambda p, _f: [p], found_in_folder):
        taken.append(result)
        assert _InlinePool.submitted - len(taken) < workers * pool.WINDOW_PER_WORKER
    assert taken == [[str(p), p in found_in_folder] for p in paths]
