"""Turning whatever a user types into an FTS5 query that matches words and never fails."""

from __future__ import annotations

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 32


def clean_text(text: str) -> str:
    """``text`` as valid Unicode: lone surrogates (undecodable bytes from a shell or a file name) become
    U+FFFD, since SQLite and UTF-8 output cannot take them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


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
    cleaned = clean_text(text[:MAX_QUERY_CHARS]).replace("\x00", " ")
    terms = [t for t in (_term(w) for w in cleaned.split()) if t]
    return " ".join(terms[:MAX_TERMS]) or None
