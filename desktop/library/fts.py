"""Turning whatever a user types into an FTS5 query that matches words and never fails."""

from __future__ import annotations

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 32


def _term(word: str) -> str | None:
    """One word as an FTS5 string (a phrase of its tokens); a trailing ``*`` keeps its prefix meaning."""
    prefix = False
    if word.endswith("*"):
        word = word.rstrip("*")
        prefix = True
    if not word.strip('"'):
        return None
    quoted = '"' + word.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def fts_query(text: str | None) -> str | None:
    """The FTS5 MATCH expression for ``text``: every word must appear, syntax characters are just text.

    Returns None when there is nothing to search for (blank, only ``*`` or quotes), so the caller
    runs no query at all.
    """
    if not text:
        return None
    cleaned = text[:MAX_QUERY_CHARS].replace("\x00", " ")
    terms = [t for t in (_term(w) for w in cleaned.split()) if t]
    return " ".join(terms[:MAX_TERMS]) or None
