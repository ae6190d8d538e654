"""Saved forms: each module turns one form's bytes into a Document; the form is told by content."""

from __future__ import annotations

from pathlib import Path

from parsing.model import Document
from parsing.sources.detect import sniff
from parsing.sources.html import read_html
from parsing.sources.mhtml import read_mhtml
from parsing.sources.text import read_text

__all__ = ["read_document"]


def read_document(data: bytes, name: str = "", files_dir: Path | None = None) -> Document:
    """The Document a saved file holds; ``name`` is only a hint, ``files_dir`` its ``NAME_files`` folder."""
    kind = sniff(data, name)
    if kind == "mhtml":
        return read_mhtml(data)
    if kind == "html":
        return read_html(data, files_dir)
    return read_text(data, kind)
