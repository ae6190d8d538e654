"""Import outcomes in words: the one-line summary and the list of files that did not go in."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.library.records import ImportResult


def import_summary(results: Sequence[ImportResult], cancelled: bool = False) -> str:
    """"3 imported, 1 already in library, 1 failed" (and "cancelled" when the user stopped it)."""
    imported = sum(r.status == "imported" for r in results)
    duplicate = sum(r.status == "duplicate" for r in results)
    failed = sum(r.status == "failed" for r in results)
    skipped = sum(r.status == "skipped" for r in results)
    ignored = sum(r.status == "ignored" for r in results)
    text = f"{imported} imported, {duplicate} already in library, {failed} failed"
    if ignored:
        text += f", {ignored} not {'a saved page' if ignored == 1 else 'saved pages'}"
    if skipped:
        text += f", {skipped} skipped"
    return f"Import cancelled: {text}" if cancelled else text


def failure_lines(results: Sequence[ImportResult]) -> list[str]:
    """Each file that failed, then each entry passed over, then each file that is not a page, with its reason."""
    failed = [f"{r.path}: {r.message}" for r in results if r.status == "failed"]
    skipped = [f"{r.path}: skipped — {r.message}" for r in results if r.status == "skipped"]
    ignored = [f"{r.path}: {r.message}" for r in results if r.status == "ignored"]
    return failed + skipped + ignored
