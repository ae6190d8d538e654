"""MHTML (multipart/related, as Chrome and Edge save it) through the standard `email` package."""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from dataclasses import dataclass, field
from datetime import UTC
from email.errors import CloseBoundaryNotFoundDefect
from email.message import Message
from urllib.parse import urljoin

from parsing.model import Document, ParseError
from parsing.sources.encoding import decode, looks_utf16_without_bom, repair_crlf_utf16le

MAX_PARTS = 5_000
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CUT_SHORT = "The MHTML file is cut short: it ends before its last part is complete."
_BOUNDARY = re.compile(rb"""boundary=["']?([^"';\r\n]{1,200})""", re.I)


@dataclass
class Archive:
    """The main HTML of an MHTML file with the other parts, looked up by Content-Location or Content-ID."""

    html: str
    encoding: str
    source_url: str | None = None
    saved: str | None = None
    parts: dict[str, Message] = field(default_factory=dict)

    def resource(self, src: str) -> bytes | None:
        """The decoded bytes of the part a src names (absolute, relative to the page, or cid:)."""
        if not src:
            return None
        keys = [src]
        if src.lower().startswith("cid:"):
            keys.append(f"<{src[4:]}>")
        elif self.source_url:
            keys.append(urljoin(self.source_url, src))
        for key in keys:
            part = self.parts.get(key)
            if part is not None:
                data = part.get_payload(decode=True)
                return data if isinstance(data, bytes) else None
        return None


def read_mhtml(data: bytes) -> Document:
    """The page of an MHTML file, its parts as resources, and the URL and time its headers record."""
    archive = _read_archive(data)
    markup = archive.html.encode("utf-8", "replace")
    return Document("mhtml", archive.encoding, markup=markup, source_url=archive.source_url,
                    saved=archive.saved, resources=archive.resource)


def _read_archive(data: bytes) -> Archive:
    match = _BOUNDARY.search(data, 0, 16384)
    if match and data.count(b"--" + match.group(1)) > MAX_PARTS + 1:
        raise ParseError(f"The MHTML file has more than {MAX_PARTS:,} parts; it is not a saved page.")
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        if _cut_in_headers(msg, data):
            raise ParseError(_CUT_SHORT)
        return _archive(msg)
    except RecursionError:
        raise ParseError("The MHTML file nests its parts too deeply to read.") from None
    except ParseError:
        raise
    except Exception as exc:  # the email package has many failure modes on damaged files
        raise ParseError(f"The MHTML file is damaged and cannot be read ({type(exc).__name__}).") from None


def _cut_in_headers(msg: Message, data: bytes) -> bool:
    """Whether the file ends in or right after its top headers (no part of a multipart/related is there)."""
    if msg.get_content_type() == "multipart/related":
        return not msg.is_multipart() or not msg.get_payload()
    return msg.get("Content-Type") is None and not data.replace(b"\r\n", b"\n").rstrip(b"\n").count(b"\n\n")


def _archive(msg: Message) -> Archive:
    if not msg.is_multipart() or msg.get_content_type() != "multipart/related":
        raise ParseError("The MHTML file has no page inside (it is not multipart/related).")
    if any(isinstance(d, CloseBoundaryNotFoundDefect) for d in msg.defects):
        raise ParseError(_CUT_SHORT)
    parts: dict[str, Message] = {}
    first: Message | None = None
    for count, part in enumerate(msg.walk()):
        if count > MAX_PARTS:
            raise ParseError(f"The MHTML file has more than {MAX_PARTS:,} parts; it is not a saved page.")
        if part.is_multipart():
            continue
        if first is None and part.get_content_type() in HTML_TYPES:
            first = part
        for header in ("Content-Location", "Content-ID"):
            value = part.get(header)
            if value:
                parts.setdefault(str(value).strip(), part)
    main = _root(msg, parts) or first
    if main is None:
        raise ParseError("The MHTML file holds no HTML page.")
    html, codec = _decode_part(main)
    source = str(msg.get("Snapshot-Content-Location") or main.get("Content-Location") or "").strip() or None
    return Archive(html, codec, source, _saved(msg), parts)


def _root(msg: Message, parts: dict[str, Message]) -> Message | None:
    """The page part the file names, when it names one: the multipart's ``start`` (a Content-ID, RFC 2387), or the
    part at the address of the snapshot (Chromium) or of the whole file. Otherwise the first HTML part is the page,
    as Chromium, Internet Explorer and Word write it (frames come after)."""
    start = msg.get_param("start")
    names = [start if isinstance(start, str) else ""]
    names += [str(msg.get(header) or "") for header in ("Snapshot-Content-Location", "Content-Location")]
    for name in names:
        name = name.strip()
        part = parts.get(name) or parts.get(f"<{name.strip('<>')}>") if name else None
        if part is not None and part.get_content_type() in HTML_TYPES:
            return part
    return None


def _decode_part(part: Message) -> tuple[str, str]:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ParseError("The MHTML file's page part is empty.")
    declared = part.get_param("charset")
    declared = declared if isinstance(declared, str) else None
    if declared is None and payload.count(0) > len(payload) // 4:
        fixed = repair_crlf_utf16le(payload)
        if looks_utf16_without_bom(fixed) == "utf-16-le":
            return fixed.decode("utf-16-le", errors="replace"), "utf-16-le"
    return decode(payload, declared)


def _saved(msg: Message) -> str | None:
    """The capture time from the Date: header, as ISO 8601 with its offset."""
    value = msg.get("Date")
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": a UTC time whose sender's zone is unknown
        when = when.replace(tzinfo=UTC)
    return when.isoformat(timespec="seconds")
