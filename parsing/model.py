"""Dataclasses that a parsed saved page is made of."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["up", "down", "unchanged"]
Kind = Literal["stock", "index", "sector"]
# The form of the bytes a page was read from (and that the library keeps): a page found in a zip is "html",
# "mhtml"... as its member is; a page of a WARC or WACZ is "warc".
Format = Literal["html", "mhtml", "text", "webarchive", "singlefile", "savepagewe", "warc", "pdf"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote of a ticker strip or a quote table.

    ``flag`` is ``None`` for a consistent quote, else a sentence saying what disagrees (percent vs. price and
    change, word vs. glyph vs. sign, a price outside the day's range). ``kind`` is "stock", "index" or "sector"
    (a sector index such as "BR - Cement"). The fields after ``flag`` are what a quote table adds; None when the
    page does not print them. ``percent_computed`` says that the page prints no percent (sector tables) and
    ``percent`` was computed from price and change (rounded to two decimals).
    """

    symbol: str
    price: float
    change: float
    percent: float
    direction: Direction
    kind: Kind
    flag: str | None = None
    open: float | None = None
    high: float | None = None
    low: float | None = None
    previous_close: float | None = None  # as printed (LDCP); never computed
    volume: int | None = None
    sector: str | None = None
    percent_computed: bool = False

    def extra_fields(self) -> int:
        """How many of the table fields (open … sector) the quote has."""
        return sum(value is not None for value in (self.open, self.high, self.low, self.previous_close,
                                                   self.volume, self.sector))

    def to_json(self) -> dict[str, Any]:
        """The quote in ``parse --json``: the first seven keys as before, then the table fields."""
        return {
            "symbol": self.symbol,
            "price": self.price,
            "change": self.change,
            "percent": self.percent,
            "direction": self.direction,
            "kind": self.kind,
            "flag": self.flag,
            "open": self.open,
            "high": self.high,
            "low": self.low,
            "previous_close": self.previous_close,
            "volume": self.volume,
            "sector": self.sector,
            "percent_computed": self.percent_computed,
        }


def _quick_frozen_init(cls: type) -> None:
    """Give a frozen slotted dataclass an ``__init__`` that sets each slot through its descriptor.

    The same arguments, defaults and values as the generated one, which sets each field with
    ``object.__setattr__``: pages give hundreds of quotes, and this builds one in half the time.
    """
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or any(f.default_factory is not dataclasses.MISSING for f in fields):
        return  # (the generated one then does more than set the fields)
    params = ", ".join(f.name if f.default is dataclasses.MISSING else f"{f.name}=_d_{f.name}" for f in fields)
    setters = "".join(f"    _s_{f.name}(self, {f.name})\n" for f in fields)
    namespace: dict[str, Any] = {f"_s_{f.name}": getattr(cls, f.name).__set__ for f in fields}
    namespace.update({f"_d_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING})
    exec(f"def __init__(self, {params}):\n{setters}", namespace)  # the field names are the class's own
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010 (a method is replaced on the class)


_quick_frozen_init(Quote)


@dataclass(frozen=True, slots=True)
class Image:
    """An article image whose bytes were found in the saved page (``NAME_files/`` or an MHTML part).

    ``name`` is our own key ("img-0", "img-1", ...), never a file-system path; ``after_paragraph`` is the
    number of body paragraphs that come before the image (0 = above the first paragraph).
    """

    name: str
    media_type: str
    data: bytes
    caption: str | None = None
    source: str | None = None
    after_paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Page:
    """Everything Market Reader takes from one saved page."""

    title: str | None = None
    section: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    saved: str | None = None  # ISO datetime with offset, when the file records its capture time
    byline: str | None = None
    source_url: str | None = None
    summary: str | None = None
    quotes: tuple[Quote, ...] = ()
    paragraphs: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    images: tuple[Image, ...] = field(default=(), repr=False)
    format: Format = "text"
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()  # what the reader wants the user to know (a PDF's partial ticker, names it ignored)

    def to_json(self) -> dict[str, Any]:
        """The ``page`` object of ``market-reader parse --json``."""
        return {
            "title": self.title,
            "section": self.section,
            "published": self.published,
            "saved": self.saved,
            "byline": self.byline,
            "source_url": self.source_url,
            "summary": self.summary,
            "quotes": [q.to_json() for q in self.quotes],
            "paragraphs": list(self.paragraphs),
            "related": list(self.related),
            "images": [
                {"name": i.name, "media_type": i.media_type, "bytes": len(i.data), "caption": i.caption}
                for i in self.images
            ],
            "format": self.format,
            "encoding": self.encoding,
            "notes": list(self.notes),
        }


Resolver = Callable[[str], "bytes | None"]  # a resource address as the page writes it -> its bytes


@dataclass(frozen=True, slots=True)
class Document:
    """What a saved form holds, before anything is extracted from it.

    Exactly one of ``markup`` (the page's HTML as UTF-8 bytes) and ``text`` (a text copy) is set.
    ``resources`` answers the addresses the markup uses (images in ``NAME_files/``, MHTML parts);
    ``source_url`` and ``saved`` are what the container records (an MHTML header), else None;
    ``notes`` are sentences for the user about what the reader could not use.
    """

    format: Format
    encoding: str
    markup: bytes | None = None
    text: str | None = None
    source_url: str | None = None
    saved: str | None = None
    resources: Resolver | None = field(default=None, repr=False)
    notes: tuple[str, ...] = ()


class ParseError(Exception):
    """A saved file that cannot be read; the message is written for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAPage(ParseError):
    """A file that is plainly something else (an image, a program, a spreadsheet), not a damaged page."""
