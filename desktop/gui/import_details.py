"""What happened to every file of an import, grouped by outcome, as the "Show details" window lists it."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.library.records import ImportResult, ImportStatus

# (status, heading) in the order the details list them: what needs attention first
SECTIONS: tuple[tuple[ImportStatus, str], ...] = (
    ("failed", "Failed"),
    ("ignored", "Not saved pages"),
    ("skipped", "Passed over"),
    ("duplicate", "Already in the library"),
    ("imported", "Imported"),
)


def detail_text(results: Sequence[ImportResult]) -> str:
    """Every file under the heading of its outcome, with the reason where there is one."""
    blocks = []
    for status, heading in SECTIONS:
        group = [r for r in results if r.status == status]
        if not group:
            continue
        lines = [f"{heading} — {len(group):,}"]
        for result in group:
            reason = f": {result.message}" if result.message and status != "imported" else ""
            lines.append(f"    {result.path}{reason}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "Nothing was imported."


def needs_attention(results: Sequence[ImportResult]) -> bool:
    """True when some file did not go in as a new or known page."""
    return any(r.status in ("failed", "skipped", "ignored") for r in results)
