"""`market-reader import` on files of every form: one line per page, files that are not pages noted apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.desktop.cli.runner import run
from tests.desktop.library.helpers import PNG
from tests.parsing.sources.saved import FORMS


def test_pages_of_a_container_and_files_that_are_not_pages(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(FORMS / "warc" / "br-pages.warc.gz", folder)
    (folder / "chart.png").write_bytes(PNG)
    library = tmp_path / "library.db"
    result = run(library, "import", str(folder))
    assert result.returncode == 0  # a file passed over is not a failure
    assert result.stdout.count("imported ") == 3 and f"{folder / 'br-pages.warc.gz'}#2" in result.stdout
    assert result.stdout.strip().endswith("3 imported, 0 already in library, 0 failed, 1 not a saved page")
    assert "ignored" in result.stderr and "chart.png: This is a PNG image" in result.stderr
    again = run(library, "import", "--json", str(folder))
    records = [json.loads(line) for line in again.stdout.splitlines()]
    assert [r["status"] for r in records] == ["duplicate"] * 3 + ["ignored"]
