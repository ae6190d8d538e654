"""After an import, the window compresses the new originals densely while idle, byte for byte."""

from __future__ import annotations

import sqlite3

from desktop.app import create_main_window
from desktop.gui import densify
from desktop.library.originals import original_bytes
from tests.desktop.library.helpers import write_pages


def dense_counts(path) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*), coalesce(sum(dense), 0) FROM originals").fetchone()


def test_new_originals_are_compressed_densely_when_idle(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(densify.Densifier, "delay_ms", 0)
    monkeypatch.setattr(densify, "BATCH", 20)  # several jobs
    paths = write_pages(tmp_path / "pages", 60, size_kb=30)
    window = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(window)
    window.show()
    sizes_before = {}

    def remember(results):
        for result in results:
            sizes_before[result.page_id] = len(bytes(window.library.db.execute(
                "SELECT data FROM originals WHERE page_id = ?", [result.page_id]).fetchone()[0]))

    window.import_finished.connect(remember)
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as blocker:
        window.import_paths(paths)
    results = blocker.args[0]
    assert len(results) == 60
    qtbot.waitUntil(lambda: dense_counts(tmp_path / "library.db") == (60, 60), timeout=60_000)
    # the last batch is written before its answer reaches the window: wait for that too (a busy machine lags)
    qtbot.waitUntil(lambda: window.densifier.pending() == 0, timeout=10_000)
    after = sum(len(bytes(d)) for (d,) in window.library.db.execute("SELECT data FROM originals"))
    assert after < sum(sizes_before.values()) * 0.95
    for path, result in zip(paths, results, strict=True):
        assert original_bytes(window.library.db, result.page_id) == path.read_bytes()

