"""The Qt-free library of saved pages: storage, import and the queries the window and the CLI share.

The names below are loaded when first asked for, so a command that only parses (``market-reader parse``) or a
module that needs one helper (``desktop.library.reading``) does not load the database layer with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.library.files import Skipped, iter_page_files
    from desktop.library.library import Library
    from desktop.library.records import (
        ImportResult,
        LibraryError,
        PageData,
        PageRow,
        QuoteRow,
        SearchHit,
        SearchResults,
        StoredArticle,
        StoredImage,
    )

_HOMES = {
    "Skipped": "files",
    "iter_page_files": "files",
    "Library": "library",
    **dict.fromkeys(
        ("ImportResult", "LibraryError", "PageData", "PageRow", "QuoteRow", "SearchHit", "SearchResults",
         "StoredArticle", "StoredImage"),
        "records",
    ),
}

__all__ = [
    "ImportResult",
    "Library",
    "LibraryError",
    "PageData",
    "PageRow",
    "QuoteRow",
    "SearchHit",
    "SearchResults",
    "Skipped",
    "StoredArticle",
    "StoredImage",
    "iter_page_files",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"desktop.library.{home}"), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
