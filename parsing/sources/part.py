"""One page of a saved file, as the readers hand it on: a file may hold one page or many (zip, WARC)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from parsing.model import Document


@dataclass(frozen=True, slots=True)
class Part:
    """A page found in a saved file, or the reason one could not be read.

    ``name`` is empty for a file that is one page; inside a container it says where the page is: a zip
    member's path, or the page's number in a WARC ("2"). ``own`` is the bytes that are this page in the file
    (the whole file for one-page forms, the member, the WARC record): the same page met again, alone or in
    another container, has the same ``own`` bytes. ``keep()``, asked after the page was extracted, gives a
    file of its own that reads back as this page: ``own`` itself, or a small zip or WARC of the page and the
    images it used.
    """

    name: str
    document: Document | None
    own: bytes = field(repr=False)
    problem: str | None = None
    keep: Callable[[], bytes] | None = field(default=None, repr=False)

    def original(self) -> bytes:
        """The bytes to store for reading this page again."""
        return self.keep() if self.keep is not None else self.own


def whole(document: Document, data: bytes) -> Part:
    """The part of a file that is a single page."""
    return Part("", document, data)


def unreadable(name: str, problem: str, own: bytes = b"") -> Part:
    """A page of a container that cannot be read; the others still are."""
    return Part(name, None, own, problem)


class Hits:
    """The keys a page's resources were found under, in the order they were asked for."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def found(self, key: str, data: bytes | None) -> bytes | None:
        if data is not None and key not in self.keys:
            self.keys.append(key)
        return data
