"""Sentences the window shows to people."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.library.records import ImportResult

DROP_HERE = "Drop saved pages here"
DROP_HINT = (
    "Save a Business Recorder page from your browser (Webpage, HTML only or Complete, a single-file MHTML page, "
    "or the page's text) and drop the files or folders on this window."
)
SAMPLE_BUTTON = "Import the sample page"
NO_ARTICLE = "Select a page to read its article."
NO_QUOTES = "This page has no ticker quotes."
FILES_FILTER = "Saved pages (*.html *.htm *.xhtml *.mhtml *.mht *.txt);;All files (*)"


def import_summary(results: Sequence[ImportResult], cancelled: bool = False) -> str:
    """"3 imported, 1 already in library, 1 failed" (and "cancelled" when the user stopped it)."""
    imported = sum(r.status == "imported" for r in results)
    duplicate = sum(r.status == "duplicate" for r in results)
    failed = sum(r.status == "failed" for r in results)
    skipped = sum(r.status == "skipped" for r in results)
    text = f"{imported} imported, {duplicate} already in library, {failed} failed"
    if skipped:
        text += f", {skipped} skipped"
    return f"Import cancelled: {text}" if cancelled else text


def failure_lines(results: Sequence[ImportResult]) -> list[str]:
    """Each file that failed, then each entry passed over, with its reason."""
    failed = [f"{r.path}: {r.message}" for r in results if r.status == "failed"]
    skipped = [f"{r.path}: skipped — {r.message}" for r in results if r.status == "skipped"]
    return failed + skipped


def breadth(up: int, down: int, unchanged: int) -> str:
    return f"▲ {up} advancing   ▼ {down} declining   • {unchanged} unchanged"


def as_of(moment: str, estimated: bool) -> str:
    if estimated:
        return f"Quotes as of about {moment} (estimated from the file's date)"
    return f"Quotes as of {moment} (when the page was saved)"
EXPORT_FILTER = "CSV files (*.csv);;JSON files (*.json)"
