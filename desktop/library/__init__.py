"""The Qt-free library of saved pages: storage, import and the queries the window and the CLI share."""

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
