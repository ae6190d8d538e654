"""WARC records written by hand for tests, so damaged and hostile archives are made at test time."""

from __future__ import annotations

import gzip
import hashlib
import zlib

PAGE = (b"<html><head><title>Rupee steady</title></head><body><article><h1>Rupee steady</h1>"
        b'<img src="/img/chart.png"><p>KARACHI: The rupee held steady against the dollar in interbank trading on '
        b"Monday as reserves rose.</p><p>Dealers said importers stayed cautious ahead of the budget.</p>"
        b"</article></body></html>")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def http(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK",
         headers: str = "") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{headers}\r\n".encode() + body


def record(kind: str, uri: str, block: bytes, date: str = "2025-06-14T10:02:03Z", headers: str = "") -> bytes:
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:{hashlib.md5((kind + uri + date).encode()).hexdigest()}>\r\n{headers}"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def page_warc(uri: str = "https://www.brecorder.com/news/1/rupee", date: str = "2025-06-14T10:02:03Z") -> bytes:
    """An uncompressed WARC of one page and its image."""
    image = record("response", "https://www.brecorder.com/img/chart.png", http(PNG, "image/png"), date)
    return record("response", uri, http(PAGE), date) + image


def gz(*records: bytes) -> bytes:
    """One gzip member per record, as .warc.gz files are written."""
    return b"".join(gzip.compress(r, mtime=0) for r in records)


def inflating(size: int) -> bytes:
    """A gzip member that holds a WARC record of ``size`` zero bytes (written a megabyte at a time)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [squeeze.compress(record("resource", "https://x/zeros", b"")[:-4].replace(b"Length: 0", f"Length: {size}".encode()))]
    chunk = bytes(1 << 20)
    for _ in range(size >> 20):
        out.append(squeeze.compress(chunk))
    out.append(squeeze.flush())
    return b"".join(out)
