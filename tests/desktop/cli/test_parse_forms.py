"""`market-reader parse` on files that hold several pages, and the notes a reader adds to a page."""

from __future__ import annotations

import io
import json
import zipfile

from tests.desktop.cli.runner import Completed, run
from tests.parsing.sources.saved import FORMS
from tests.paths import FIXTURES

PAGE_KEYS = {"title", "section", "published", "saved", "byline", "source_url", "summary", "quotes", "paragraphs",
             "related", "notes", "format"}
FIXTURE_STORY = FIXTURES / "complete" / "br-story.html"


def _run(*args: str) -> Completed:
    return run(None, "parse", *args)


def test_a_container_gives_one_line_per_page():
    warc = FORMS / "warc" / "br-pages.warc.gz"
    result = _run("--json", str(warc))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert [r["path"] for r in records] == [f"{warc}#1", f"{warc}#2", f"{warc}#3"]
    assert all(r["ok"] and PAGE_KEYS <= set(r["page"]) and r["page"]["format"] == "warc" for r in records)
    assert records[1]["page"]["saved"] == "2025-03-11T12:45:10+00:00" and len(records[1]["page"]["quotes"]) == 34


def test_a_broken_page_in_a_zip_is_its_own_error_line(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.write(FIXTURE_STORY, "pages/story.html")
        archive.writestr("pages/cut.pdf", (FORMS / "pdf" / "br-story.pdf").read_bytes()[:4000])
    (tmp_path / "pages.zip").write_bytes(out.getvalue())
    result = _run("--json", str(tmp_path / "pages.zip"))
    bad, good = (json.loads(line) for line in result.stdout.splitlines())  # in the order of the members' names
    assert result.returncode == 1
    assert good["ok"] and good["path"] == f"{tmp_path / 'pages.zip'}#pages/story.html"
    assert bad == {"path": f"{tmp_path / 'pages.zip'}#pages/cut.pdf", "ok": False,
                   "error": "The PDF is damaged or cut short and cannot be read."}


def test_notes_are_printed_with_the_page():
    result = _run(str(FORMS / "pdf" / "br-story.pdf"))
    assert result.returncode == 0 and "(pdf, utf-8)" in result.stdout
    assert "Note:      A PDF keeps only the part of the ticker strip" in result.stdout
