"""Surviving a kill -9 in the middle of an import, and two processes importing into one library."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.pagegen import expected_for
from tests.desktop.library.helpers import write_pages
from tests.paths import ROOT

# Imports the folder, printing one JSON line per file as soon as it is done.
CHILD = """
import json, sys
from pathlib import Path
from desktop.library import Library
paths = sorted(Path(sys.argv[2]).glob("*.html"), reverse=sys.argv[3] == "reverse")
with Library(sys.argv[1]) as lib:
    for path in paths:
        r = lib.import_file(path)
        print(json.dumps({"path": r.path, "status": r.status, "page_id": r.page_id}), flush=True)
"""

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork semantics")


def _child(library: Path, folder: Path, order: str = "forward") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(library), str(folder), order],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )


def _check_whole(library: Path) -> int:
    """Integrity of the file and the index, and every stored page complete; returns the page count."""
    conn = sqlite3.connect(library)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')")
        for name, count, images, originals in conn.execute(
            "SELECT p.file_name, (SELECT count(*) FROM quotes q WHERE q.page_id = p.id),"
            " (SELECT count(*) FROM images i WHERE i.page_id = p.id),"
            " (SELECT count(*) FROM originals o WHERE o.page_id = p.id) FROM pages p"
        ):
            index = int(name.removeprefix("page_").removesuffix(".html"))
            assert count == expected_for(index)["quotes"], name
            assert images == 1 and originals == 1, name
        orphans = conn.execute(
            "SELECT count(*) FROM quotes WHERE page_id NOT IN (SELECT id FROM pages)"
        ).fetchone()[0]
        assert orphans == 0
        return int(conn.execute("SELECT count(*) FROM pages").fetchone()[0])
    finally:
        conn.close()


def test_kill_during_import_leaves_whole_pages(tmp_path: Path) -> None:
    folder, library = tmp_path / "pages", tmp_path / "library.db"
    write_pages(folder, 300, size_kb=6, image=True)
    for stop_after in (60, 150):
        child = _child(library, folder)
        for _ in range(stop_after):
            assert child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        stored = _check_whole(library)
        assert stored >= stop_after
    child = _child(library, folder)
    out, _ = child.communicate()
    statuses = [json.loads(line)["status"] for line in out.splitlines()]
    assert child.returncode == 0
    assert len(statuses) == 300 and "failed" not in statuses
    assert statuses.count("imported") == 300 - stored
    assert _check_whole(library) == 300


def test_two_processes_import_at_once(tmp_path: Path) -> None:
    folder, library = tmp_path / "pages", tmp_path / "library.db"
    write_pages(folder, 150, size_kb=6, image=True)
    first, second = _child(library, folder), _child(library, folder, "reverse")
    outputs = [first.communicate()[0], second.communicate()[0]]
    assert first.returncode == 0 and second.returncode == 0
    results = [json.loads(line) for out in outputs for line in out.splitlines()]
    assert len(results) == 300
    imported = [r["path"] for r in results if r["status"] == "imported"]
    assert sorted(imported) == sorted({r["path"] for r in results})  # each file imported exactly once
    assert all(r["status"] in ("imported", "duplicate") for r in results)
    assert _check_whole(library) == 150
