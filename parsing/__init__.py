"""Turn a saved news page into quotes and an article: saved form -> Document -> Page."""

from __future__ import annotations

import os
from pathlib import Path

from parsing.limits import MAX_FILE_BYTES
from parsing.model import Document, Image, Page, ParseError, Quote

PARSER_VERSION = 3

__all__ = [
    "MAX_FILE_BYTES", "PARSER_VERSION", "Document", "Image", "Page", "ParseError", "Quote", "parse_bytes",
    "parse_file",
]


def parse_file(path: str | os.PathLike[str]) -> Page:
    """Read one saved page; a "Webpage, Complete" page's images come from the ``NAME_files`` folder beside it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(f"The file is too large to be a saved page (over {MAX_FILE_BYTES >> 20} MB).")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise ParseError("This is a folder, not a saved page.") from None
    except FileNotFoundError:
        raise ParseError("The file does not exist.") from None
    except PermissionError:
        raise ParseError("The file cannot be read: permission denied.") from None
    except OSError as exc:
        raise ParseError(f"The file cannot be read ({exc.strerror or exc}).") from None
    files_dir = path.with_name(f"{path.stem}_files")
    return parse_bytes(data, path.name, files_dir if files_dir.is_dir() else None)


def parse_bytes(data: bytes, name: str = "", files_dir: Path | None = None) -> Page:
    """Parse a saved page from its bytes; ``name`` is only a hint, ``files_dir`` its ``_files`` folder."""
    from parsing.extract import extract_page
    from parsing.sources import read_document

    try:
        return extract_page(read_document(data, name, files_dir))
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("The page is nested too deeply to read.") from None
    except MemoryError:
        raise ParseError("The page is too large to read with the memory available.") from None
