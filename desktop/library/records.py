"""Plain records the library hands to the window and the command line (no Qt, no SQL)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

# "skipped": an entry passed over while walking a folder (a link loop, a folder that cannot be opened);
# "ignored": a file in a folder that is not a saved page (an image, a spreadsheet). Both are reported, neither is a
# failure.
ImportStatus = Literal["imported", "duplicate", "failed", "skipped", "ignored"]


@dataclass(frozen=True, slots=True)
class PageRow:
    """One saved page as listed in the library."""

    id: int
    title: str | None
    section: str | None
    published: str | None  # YYYY-MM-DD
    saved: str | None  # ISO datetime the file itself records, if any
    quotes_as_of: str  # ISO datetime the quotes belong to
    as_of_estimated: bool  # True when quotes_as_of came from the file's mtime or the import time
    source_url: str | None
    file_name: str
    format: str  # "html" | "mhtml" | "text"
    quote_count: int
    imported_at: str
    content_hash: str


class QuoteRow(NamedTuple):
    """A quote as stored, with the snapshot it belongs to.

    A named tuple rather than a frozen dataclass: a symbol's history can hold 100,000 of them, and a
    named tuple is built about five times faster.
    """

    page_id: int
    as_of: str
    as_of_estimated: bool
    position: int
    symbol: str
    kind: str  # "stock" | "index" | "sector"
    price: float
    change: float
    percent: float
    direction: str  # "up" | "down" | "unchanged"
    flag: str | None
    page_title: str | None
    # what a quote table adds (None when the page does not print it)
    open: float | None = None
    high: float | None = None
    low: float | None = None
    previous_close: float | None = None
    volume: int | None = None
    sector: str | None = None
    percent_computed: bool = False  # the page printed no percent; it was computed from price and change


@dataclass(frozen=True, slots=True)
class StoredImage:
    name: str
    media_type: str
    data: bytes
    caption: str | None
    after_paragraph: int


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """Everything the article panel shows for one page."""

    page: PageRow
    byline: str | None
    summary: str | None
    paragraphs: tuple[str, ...]
    related: tuple[str, ...]
    images: tuple[StoredImage, ...]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: ImportStatus
    page_id: int | None
    message: str


@dataclass(frozen=True, slots=True)
class PageData:
    """Page content that arrived without a file (HTML or text dragged from a browser)."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: int
    title: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A search's best hits; ``window`` is set when more pages matched than are ranked: the hits are then the
    best of the ``window`` matching pages imported last (None: the best of every match)."""

    hits: list[SearchHit]
    window: int | None = None


class LibraryError(Exception):
    """A problem with the library file itself (newer version, locked, read-only); worded for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownPages(Exception):
    """Page ids that are not in the library; worded for the user."""

    def __init__(self, ids: Sequence[int]) -> None:
        listed = ", ".join(str(i) for i in ids)
        noun = "page" if len(ids) == 1 else "pages"
        super().__init__(f"there is no {noun} {listed} in the library")
        self.ids = list(ids)
        self.message = str(self)


class BadTag(ValueError):
    """A tag name that cannot be used (empty, too long); worded for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
