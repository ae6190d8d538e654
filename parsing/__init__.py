"""Turn a saved news page into quotes and an article: saved form -> Document -> Page.

A file may hold several pages (a zip, a WARC or WACZ): ``read_parts`` gives each one as a Part, and
``parse_part`` extracts its Page. ``parse_file`` and ``parse_bytes`` give the first page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from parsing.limits import MAX_FILE_BYTES
from parsing.model import Document, Image, NotAPage, Page, ParseError, Quote
from parsing.sources.part import Part

PARSER_VERSION = 5

__all__ = [
    "MAX_FILE_BYTES", "PARSER_VERSION", "Document", "Image", "NotAPage", "Page", "ParseError", "Part", "Quote",
    "identify", "parse_bytes", "parse_file", "parse_part", "read_parts", "read_path",
]
T = TypeVar("T")


def read_path(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a saved file, within the size cap; ParseError says why they cannot be had."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(f"The file is too large to be a saved page (over {MAX_FILE_BYTES >> 20} MB).")
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise ParseError("This is a folder, not a saved page.") from None
    except FileNotFoundError:
        raise ParseError("The file does not exist.") from None
    except PermissionError:
        raise ParseError("The file cannot be read: permission denied.") from None
    except OSError as exc:
        raise ParseError(f"The file cannot be read ({exc.strerror or exc}).") from None


def parse_file(path: str | os.PathLike[str]) -> Page:
    """Read one saved page (the first of a file that holds several); a "Webpage, Complete" page's images
    come from its companion folder beside it."""
    path = Path(path)
    return parse_bytes(read_path(path), path.name, path)


def parse_bytes(data: bytes, name: str = "", page_path: Path | None = None) -> Page:
    """Parse a saved page from its bytes (the first page of a container); ``name`` is only a hint,
    ``page_path`` where the file lies (for a "Webpage, Complete" save's images)."""
    problem = None
    for part in read_parts(data, name, page_path):
        if part.document is not None:
            return parse_part(part)
        problem = problem or part.problem
    raise ParseError(problem or "The file holds no page that can be read.")


def identify(head: bytes) -> str:
    """The saved form the start of a file shows ("html", "pdf", "zip", "text"...); raises NotAPage for a file
    that is plainly something else (an image, a program) and ParseError for an empty one."""
    from parsing.sources.detect import sniff

    return sniff(head)


def read_parts(data: bytes, name: str = "", page_path: Path | None = None) -> list[Part]:
    """The pages a saved file holds, each ready to be extracted (or with the reason it cannot be read)."""
    from parsing.sources import read_parts as read

    return _guarded(lambda: read(data, name, page_path))


def parse_part(part: Part) -> Page:
    """The Page of one part of a saved file; the reader's notes come with it."""
    from parsing.extract import extract_page

    document = part.document
    if document is None:
        raise ParseError(part.problem or "The page cannot be read.")
    page = _guarded(lambda: extract_page(document))
    return replace(page, notes=document.notes) if document.notes else page


def _guarded(work: Callable[[], T]) -> T:
    try:
        return work()
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("The page is nested too deeply to read.") from None
    except MemoryError:
        raise ParseError("The page is too large to read with the memory available.") from None
