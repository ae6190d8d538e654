"""HTTP responses as a WARC records them: status, headers, and the body with its transfer coding undone."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from parsing.limits import MAX_HTML_BYTES, MAX_WARC_HEADER

_STATUS = re.compile(rb"HTTP/\d(?:\.\d)? (\d{3})")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']{1,40})", re.I)
IDENTITY = ("", "identity", "none")
_MARKUP_START = re.compile(rb"\s*<[!?a-zA-Z]")
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 256)])  # what is left is control bytes
INFLATABLE = ("gzip", "x-gzip", "deflate")
CODING_NAMES = {"br": "Brotli", "zstd": "Zstandard", "compress": "Unix compress"}


@dataclass(frozen=True, slots=True)
class Response:
    """A recorded response. ``body`` is None when it cannot be had: an encoding the standard library cannot
    undo (br, zstd), damage, or more than the cap."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        match = _CHARSET.search(self.headers.get("content-type", ""))
        return match.group(1) if match else None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def head(block: bytes) -> Response:
    """Status and headers only, for telling what a record holds without decoding its body."""
    match = _STATUS.match(block)
    if match is None:
        return Response(0)
    end = _header_end(block)[0]
    return Response(int(match.group(1)), _headers(block[: end if end >= 0 else MAX_WARC_HEADER]))


def response(block: bytes, cap: int = MAX_HTML_BYTES) -> Response:
    """Status, headers and body: de-chunked and un-gzipped within ``cap`` bytes."""
    match = _STATUS.match(block)
    if match is None:
        return Response(0)
    end, gap = _header_end(block)
    if end < 0:
        return Response(int(match.group(1)))
    headers = _headers(block[:end])
    body: bytes | None = block[end + gap :]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = dechunk(block[end + gap :], cap)
    coding = headers.get("content-encoding", "").strip().lower()
    if body is not None and coding not in IDENTITY:
        plain = body if stored_decoded(body) else None
        body = inflate(body, cap, coding != "deflate") if coding in INFLATABLE else None
        body = plain if body is None else body
    if body is not None and len(body) > cap:
        body = None
    return Response(int(match.group(1)), headers, body)


def stored_decoded(body: bytes) -> bool:
    """Whether a body said to be compressed is plainly markup as it is (taken only when it cannot be undone): some
    tools store what the browser decoded and keep the Content-Encoding header."""
    head = body[:512]
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    return _MARKUP_START.match(head) is not None and not head.translate(None, _TEXT_BYTES)


def coding_problem(headers: dict[str, str]) -> str:
    """Why a body cannot be read, for the user: the coding it is in, when the standard library cannot undo it."""
    coding = headers.get("content-encoding", "").strip().lower()
    if coding and coding not in IDENTITY + INFLATABLE:
        name = CODING_NAMES.get(coding)
        return (f"it is compressed with \u201c{coding}\u201d{f' ({name})' if name else ''}, which Market Reader "
                "cannot undo")
    return "it is damaged or compressed in a way Market Reader does not know"


def _header_end(block: bytes) -> tuple[int, int]:
    end = block.find(b"\r\n\r\n", 0, MAX_WARC_HEADER)
    if end >= 0:
        return end, 4
    return block.find(b"\n\n", 0, MAX_WARC_HEADER), 2


def _headers(raw: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in raw.decode("latin-1").splitlines()[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers.setdefault(name.strip().lower(), value.strip())
    return headers


def dechunk(body: bytes, cap: int) -> bytes | None:
    """HTTP/1.1 chunked coding undone; a body that is not chunked after all (some tools store it decoded but
    keep the header) is returned as it is."""
    out = bytearray()
    pos = 0
    while True:
        line_end = body.find(b"\r\n", pos, pos + 1024)
        if line_end < 0:
            return bytes(out) if out else body
        try:
            size = int(body[pos:line_end].split(b";", 1)[0].strip(), 16)
        except ValueError:
            return bytes(out) if out else body
        if size == 0:
            return bytes(out)
        out += body[line_end + 2 : line_end + 2 + size]
        if len(out) > cap:
            return None
        pos = line_end + 2 + size + 2


def inflate(body: bytes, cap: int, gzip_wrapper: bool) -> bytes | None:
    """gzip (or zlib, or raw deflate) content coding, refusing more than ``cap`` bytes of output."""
    for wbits in (31,) if gzip_wrapper else (15, -15):
        try:
            out = zlib.decompressobj(wbits).decompress(body, cap + 1)
        except zlib.error:
            continue
        return out if len(out) <= cap else None
    return None
