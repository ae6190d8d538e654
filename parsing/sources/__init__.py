"""Saved forms: each module turns one form's bytes into Documents; the form is told by content."""

from __future__ import annotations

from pathlib import Path

from parsing.model import Document, ParseError
from parsing.sources.forms import read_parts
from parsing.sources.part import Part

__all__ = ["Part", "read_document", "read_parts"]


def read_document(data: bytes, name: str = "", page: Path | None = None) -> Document:
    """The Document of a saved file's first readable page; ``page`` is the file's path, if it has one."""
    problem = None
    for part in read_parts(data, name, page):
        if part.document is not None:
            return part.document
        problem = problem or part.problem
    raise ParseError(problem or "The file holds no page that can be read.")
