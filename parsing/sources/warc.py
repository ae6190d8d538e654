"""WARC 1.0/1.1 (ISO 28500), one gzip member per record (.warc.gz) or uncompressed, read in memory.

A record is a ``WARC/1.1`` line, header lines, a blank line, ``Content-Length`` bytes of block and a blank
line. A ``response`` block is the HTTP response as received (maybe chunked and gzip-encoded); ``resource``
holds a document without HTTP; ``revisit`` stands for an earlier response with the same payload.
Every successful HTML response that was not loaded as a frame is a page, in file order; its images come
from the other responses by address (the capture nearest in time), ``saved`` is its WARC-Date and the
source its target address. Each page is kept as a small WARC of its own records and those of its images.
Limits: the whole file inflates to at most a budget (see parsing/limits.py), headers and blocks are capped,
and the number of records too.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from parsing.html.images import media_type
from parsing.limits import (
    INFLATE_RATIO,
    MAX_INFLATE_BYTES,
    MAX_RESOURCE_BYTES,
    MAX_WARC_BLOCK,
    MAX_WARC_HEADER,
    MAX_WARC_RECORDS,
    MIN_INFLATE_BYTES,
)
from parsing.model import Document, ParseError
from parsing.sources import http
from parsing.sources.detect import WARC_VERSIONS
from parsing.sources.html import read_html
from parsing.sources.part import Part, unreadable
from parsing.sources.stubs import refuse_stub
from parsing.sources.urls import url_resolver

WINDOW = 256 * 1024  # compressed bytes given to zlib at a time, so no step copies the rest of the file
STEP = 1024 * 1024  # inflated bytes taken from zlib at a time
HTML_TYPES = ("text/html", "application/xhtml+xml")
FRAME_DESTS = (b"iframe", b"frame", b"embed", b"object")
CUT = "The WARC file is cut short: it ends inside a record."
BOMB = "The WARC file inflates to far more than its size; it looks like a zip bomb, so it was not read."
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)[\s>]", re.I | re.S)
_FETCH_DEST = re.compile(rb"(?im)^sec-fetch-dest:[ \t]*([a-z]+)")


@dataclass(slots=True, eq=False)
class Record:
    """One record: its header lines as they are in the file, their fields, and its block (None if too large)."""

    header: bytes
    fields: dict[str, str]
    block: bytes | None
    _response: http.Response | None = field(default=None, repr=False)

    @property
    def kind(self) -> str:
        return self.fields.get("warc-type", "").lower()

    @property
    def target(self) -> str:
        return self.fields.get("warc-target-uri", "").strip().strip("<>")

    @property
    def date(self) -> str:
        return self.fields.get("warc-date", "")

    def raw(self) -> bytes:
        """The record exactly as it stands in an uncompressed WARC."""
        return self.header + b"\r\n\r\n" + (self.block or b"") + b"\r\n\r\n"

    def response(self) -> http.Response:
        """The HTTP response (or a resource record's document) with its body decoded."""
        if self._response is None:
            if self.kind == "resource":
                self._response = http.Response(200, {"content-type": self.fields.get("content-type", "")},
                                               self.block)
            else:
                self._response = http.response(self.block or b"")
        return self._response


# ---------------------------------------------------------------------------------------------- records


def iter_records(data: bytes, notes: list[str]) -> Iterator[Record]:
    """Every record of a WARC file, compressed or not; damage after the last good record becomes a note."""
    chunks = _gzip_members(data, notes) if data[:2] == b"\x1f\x8b" else iter([(data, False)])
    count = 0
    for chunk, oversized in chunks:
        for record in _records_in(chunk, oversized, notes):
            count += 1
            if count > MAX_WARC_RECORDS:
                raise ParseError(f"The WARC file holds more than {MAX_WARC_RECORDS:,} records; it is too large "
                                 "to read.")
            yield record


def _gzip_members(data: bytes, notes: list[str]) -> Iterator[tuple[bytes, bool]]:
    """Each gzip member inflated (kept up to one block and header, flagged when cut), within a budget for all."""
    budget = min(MAX_INFLATE_BYTES, max(MIN_INFLATE_BYTES, INFLATE_RATIO * len(data)))
    view = memoryview(data)
    pos, inflated = 0, 0
    while pos < len(data):
        if data[pos : pos + 2] != b"\x1f\x8b":
            if data[pos:].strip(b"\x00\r\n \t"):
                notes.append(f"{len(data) - pos:,} bytes after the last record are not WARC data and were ignored.")
            return
        chunk, size, pos = _inflate_member(view, pos, budget - inflated)
        inflated += size
        yield chunk, size > MAX_WARC_BLOCK + MAX_WARC_HEADER


def _inflate_member(view: memoryview, pos: int, budget: int) -> tuple[bytes, int, int]:
    """(kept bytes, inflated size, position after the member) of the gzip member at ``pos``."""
    keep = MAX_WARC_BLOCK + MAX_WARC_HEADER
    decomp = zlib.decompressobj(31)
    parts: list[bytes] = []
    size, at = 0, pos
    while not decomp.eof:
        if at >= len(view):
            raise ParseError(CUT)
        pending: bytes | memoryview = view[at : at + WINDOW]
        at += len(pending)
        while pending and not decomp.eof:
            try:
                out = decomp.decompress(pending, STEP)
            except zlib.error:
                raise ParseError("The WARC file is damaged: a compressed record cannot be read.") from None
            pending = decomp.unconsumed_tail
            size += len(out)
            if size > budget:
                raise ParseError(BOMB)
            if size <= keep:
                parts.append(out)
    return b"".join(parts), size, at - len(decomp.unused_data)


def _records_in(chunk: bytes, oversized: bool, notes: list[str]) -> Iterator[Record]:
    """Records laid end to end in one buffer (a gzip member usually holds exactly one)."""
    pos = 0
    while pos < len(chunk):
        while chunk[pos : pos + 1] in (b"\r", b"\n"):
            pos += 1
        if pos >= len(chunk):
            return
        if not chunk.startswith(WARC_VERSIONS, pos):
            notes.append(f"{len(chunk) - pos:,} bytes that are not a WARC record were ignored.")
            return
        end = chunk.find(b"\r\n\r\n", pos, pos + MAX_WARC_HEADER)
        if end < 0:
            if len(chunk) - pos < MAX_WARC_HEADER and not oversized:
                raise ParseError(CUT)
            raise ParseError("The WARC file is damaged: a record's header is longer than 64 KB.")
        header = chunk[pos:end]
        fields = _fields(header)
        length = fields.get("content-length", "")
        if not length.isdigit():
            raise ParseError("The WARC file is damaged: a record has no valid Content-Length.")
        start, stop = end + 4, end + 4 + int(length)
        if stop > len(chunk):
            if oversized:
                yield Record(header, fields, None)  # too large to keep, with the rest of this member
                return
            raise ParseError(CUT)
        yield Record(header, fields, chunk[start:stop] if int(length) <= MAX_WARC_BLOCK else None)
        pos = stop


def _fields(header: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    last = ""
    for line in header.decode("utf-8", "replace").split("\r\n")[1:]:
        if line[:1] in (" ", "\t") and last:
            fields[last] += " " + line.strip()
            continue
        name, colon, value = line.partition(":")
        if colon:
            last = name.strip().lower()
            fields.setdefault(last, value.strip())
    return fields


# ------------------------------------------------------------------------------------------------- index


@dataclass
class WarcIndex:
    """What a WARC (or the WARCs of a WACZ) holds: its pages, every capture by address, payloads by digest."""

    captures: dict[str, list[Record]] = field(default_factory=dict)
    digests: dict[str, Record] = field(default_factory=dict)
    frames: set[str] = field(default_factory=set)
    pages: list[Record] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, data: bytes) -> None:
        for record in iter_records(data, self.notes):
            kind = record.kind
            if kind == "request":
                match = _FETCH_DEST.search((record.block or b"")[:MAX_WARC_HEADER])
                if match and match.group(1).lower() in FRAME_DESTS:
                    self.frames.add(record.target)  # a browser loaded it as a frame: part of another page
            elif kind in ("response", "resource", "revisit") and record.target:
                self.captures.setdefault(record.target, []).append(record)
                digest = record.fields.get("warc-payload-digest")
                if digest and kind != "revisit":
                    self.digests.setdefault(digest, record)
                if _is_html(record):
                    self.pages.append(record)

    def origin(self, record: Record) -> Record | None:
        """The record holding a revisit's payload: same payload digest, else the address and date it names."""
        found = self.digests.get(record.fields.get("warc-payload-digest", ""))
        if found is not None:
            return found
        refers = record.fields.get("warc-refers-to-target-uri", record.target)
        when = record.fields.get("warc-refers-to-date")
        for candidate in self.captures.get(refers, []):
            if candidate.kind != "revisit" and (when is None or candidate.date == when):
                return candidate
        return None

    def records_of(self, record: Record) -> list[Record]:
        """The record and, for a revisit, the one its payload is in (after it, so a page stays first)."""
        original = self.origin(record) if record.kind == "revisit" else None
        return [record, original] if original is not None else [record]

    def payload(self, record: Record) -> http.Response:
        """A record's response; a revisit's status and headers with the body of the record it refers to."""
        if record.kind != "revisit":
            return record.response()
        own = record.response() if record.block else http.Response(200)
        original = self.origin(record)
        if original is None:
            return http.Response(own.status, own.headers)
        theirs = original.response()
        return http.Response(own.status or theirs.status, own.headers or theirs.headers, theirs.body)

    def problem(self, record: Record, got: http.Response) -> str:
        """Why a page's content cannot be had, for the user."""
        if record.kind == "revisit" and self.origin(record) is None:
            return ("This capture only records that the page was the same as at an earlier capture, which is not in "
                    "this file (it is probably in another WARC file of the same crawl).")
        return f"The page's content in the WARC file cannot be read: {http.coding_problem(got.headers)}."

    def capture(self, url: str, near: str) -> Record | None:
        """The successful capture of ``url`` nearest in time to ``near`` (a WARC-Date), within the image cap."""
        best: tuple[float, Record] | None = None
        for record in self.captures.get(url, []):
            got = self.payload(record)
            if got.body is None or not got.ok or len(got.body) > MAX_RESOURCE_BYTES:
                continue
            distance = abs(seconds(record.date) - seconds(near))
            if best is None or distance < best[0]:
                best = (distance, record)
        return best[1] if best else None

    def part(self, record: Record, name: str, notes: tuple[str, ...] = ()) -> Part:
        """One page, kept as a small WARC of its own record(s) and the image records it used."""
        got = self.payload(record)
        own = record.raw()
        if got.body is None or not got.ok:
            return unreadable(name, self.problem(record, got), own)
        used: list[Record] = []

        def lookup(url: str) -> bytes | None:
            found = self.capture(url, record.date)
            body = self.payload(found).body if found is not None else None
            if found is not None and body is not None and media_type(body) and found not in used:
                used.append(found)
            return body

        page = read_html(got.body, url_resolver(lookup, record.target), got.charset)
        document = Document("warc", page.encoding, markup=page.markup, source_url=record.target or None,
                            saved=warc_date(record.date), resources=page.resources, notes=notes)
        try:
            refuse_stub(document)  # a site's error or security-check page answered with 200
        except ParseError as error:
            return unreadable(name, error.message, own)

        def keep() -> bytes:
            kept = self.records_of(record) + [r for found in used for r in self.records_of(found)]
            return b"".join(r.raw() for r in dict.fromkeys(kept))

        return Part(name, document, own, keep=keep)


def _is_html(record: Record) -> bool:
    if record.kind == "resource":
        media = record.fields.get("content-type", "").split(";", 1)[0].strip().lower()
        return media in HTML_TYPES
    if record.kind not in ("response", "revisit") or record.block is None:
        return False  # a revisit records the status and headers of its capture; its payload is elsewhere
    got = http.head(record.block)
    if got.ok and not got.media_type and "content-type" not in got.headers:  # the server named no type: a browser
        body = record.response().body or b""  # looks at the content, and so do we
        return _HTML_START.match(body[:1024]) is not None
    return got.ok and got.media_type in HTML_TYPES


def warc_date(value: str) -> str | None:
    """WARC-Date (UTC, maybe with fractions) as ISO 8601 with its offset, to the second."""
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat(timespec="seconds")
    except ValueError:
        return None


def seconds(value: str) -> float:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).timestamp()
    except (ValueError, OverflowError, OSError):
        return 0.0


def read_warc(data: bytes) -> list[Part]:
    """Every page of a WARC file in file order, named by its number ("1", "2", ...)."""
    index = WarcIndex()
    index.add(data)
    return index_parts(index, [r for r in index.pages if r.target not in index.frames], "WARC file")


def index_parts(index: WarcIndex, records: list[Record], what: str) -> list[Part]:
    """The parts for ``records``; notes about the file go with the first page."""
    if not records:
        raise ParseError(f"The {what} holds no web page (no successful HTML response).")
    notes = tuple(index.notes)
    return [index.part(record, str(n), notes if n == 1 else ()) for n, record in enumerate(records, 1)]
