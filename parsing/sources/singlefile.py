"""SingleFile and Save Page WE: one HTML file whose images are inlined as data: URIs.

SingleFile puts a comment first in ``<html>``: ``Page saved with SingleFile`` (older versions: ``Archive
processed by SingleFile``), then ``url:``, ``saved date:`` (dropped with ``--remove-saved-date``) and maybe
``info:`` lines. The date is a JavaScript ``Date`` as text, ``Mon Nov 30 2026 19:24:11 GMT+0500 (Pakistan
Standard Time)``, in the saving computer's zone; the name in brackets is translated free text and is ignored.
Save Page WE writes no comment but ``savepage-url``, ``savepage-date`` (the same date text), ``savepage-from``...
meta tags. SingleFile's "compressed" forms are an HTML page that is also a zip: the zip reader reads those.
Images come from the data: URIs alone (the extractor checks their bytes and size); a SingleFile page is never
given a folder to read files from. A large data: URI is lifted out of the markup before it is parsed (a
photo of a few megabytes would otherwise crowd the article out of the extractor's bounds) and is decoded
only when the article asks for it, and only when its length shows it is within the image size cap.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from parsing.limits import MAX_RESOURCE_BYTES
from parsing.model import Document, Format, Resolver
from parsing.sources.html import read_html

HEAD_BYTES = 65_536  # the comment comes right after <html ...>
_COMMENT = re.compile(
    rb"<!--\s*(?:Page saved with SingleFile|Archive processed by SingleFile)\s(.{0,4000}?)-->", re.S
)
_FIELD = re.compile(r"^\s*(url|saved date|info):\s?(.*?)\s*$", re.M)
_SAVEPAGE_META = re.compile(
    rb"""<meta\s+name=["']?savepage-(url|date|from)["']?\s+content=(?:"([^"]{0,4000})"|'([^']{0,4000})')""", re.I
)
_JS_DATE = re.compile(
    r"([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) GMT([+-])(\d{2}):?(\d{2})"
)
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_WEB_URL = re.compile(r"(?:https?|file)://\S{1,4000}", re.I)
LIFT_BYTES = 65_536  # data: URIs longer than this are taken out of the markup and decoded on request
_VALUE_END = re.compile(rb"[\s>]")
NO_URL = "The SingleFile mark names no web address (or not an http one), so the page's own is used."


@dataclass(frozen=True, slots=True)
class SavedBy:
    """What the saving tool wrote about the page."""

    tool: str  # "singlefile" or "savepagewe"
    url: str | None
    saved: str | None
    zipped: bool = False  # SingleFile's HTML-and-zip form
    marked_url: bool = True  # the mark had a url line (a bad one is worth a note)


def saved_by(data: bytes) -> SavedBy | None:
    """SingleFile's comment or Save Page WE's meta tags at the top of a page, if it has them."""
    head = data[:HEAD_BYTES]
    body = head.find(b"<body")
    if body > 0:
        head = head[:body]  # both marks are in the head: a news page's head is a small part of its first 64 KB
    comment = _COMMENT.search(head) if b"SingleFile" in head else None  # (a substring test is much cheaper)
    if comment is not None:
        fields = dict(_FIELD.findall(comment.group(1).decode("utf-8", "replace")))
        zipped = b"data-sfz" in head[: comment.start() + 200] or data.rfind(b"PK\x05\x06", -65_536) >= 0
        return SavedBy("singlefile", _web_url(fields.get("url")), js_date(fields.get("saved date", "")),
                       zipped, "url" in fields)
    if b"savepage-" not in head:
        return None
    metas = {m.group(1).decode().lower(): (m.group(2) or m.group(3) or b"").decode("utf-8", "replace")
             for m in _SAVEPAGE_META.finditer(head)}
    if "url" not in metas and "date" not in metas:
        return None
    return SavedBy("savepagewe", _web_url(metas.get("url") or metas.get("from")), js_date(metas.get("date", "")))


def js_date(text: str) -> str | None:
    """ISO 8601 from JavaScript's date text ("Mon Nov 30 2026 19:24:11 GMT+0500 (...)"), its offset kept."""
    match = _JS_DATE.search(text or "")
    month = _MONTHS.get(match.group(1)) if match else None
    if match is None or month is None:
        return None
    offset = timedelta(hours=int(match.group(8)), minutes=int(match.group(9)))
    zone = timezone(-offset if match.group(7) == "-" else offset)
    try:
        when = datetime(int(match.group(3)), month, int(match.group(2)), int(match.group(4)),
                        int(match.group(5)), int(match.group(6)), tzinfo=zone)
    except ValueError:
        return None
    return when.isoformat(timespec="seconds")


def _web_url(value: str | None) -> str | None:
    return value if value and _WEB_URL.fullmatch(value) else None


def read_singlefile(data: bytes, mark: SavedBy) -> Document:
    """The page with the address and time its saving tool recorded; images only from data: URIs."""
    document = read_html(data)
    markup, lifted = lift_data_uris(document.markup or b"")
    notes = (NO_URL,) if mark.url is None and mark.marked_url and mark.tool == "singlefile" else ()
    fmt: Format = "singlefile" if mark.tool == "singlefile" else "savepagewe"
    return replace(document, format=fmt, markup=markup, source_url=mark.url, saved=mark.saved, notes=notes,
                   resources=_inline_resolver(lifted))


def lift_data_uris(markup: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The markup with each long data: URI attribute value replaced by a key ("inline-image:0"), and the
    URIs by key."""
    out = bytearray()
    lifted: dict[str, bytes] = {}
    pos = 0
    while (at := markup.find(b"data:", pos)) >= 0:
        mark = markup[at - 1 : at]
        if mark in (b'"', b"'"):
            end = markup.find(mark, at)
        elif mark == b"=":  # an unquoted value, as SingleFile's minified pages write them
            found = _VALUE_END.search(markup, at)
            end = found.start() if found else len(markup)
        else:
            end = at + 5
        if end < 0:
            break
        if end - at >= LIFT_BYTES:
            key = f"inline-image:{len(lifted)}"
            lifted[key] = markup[at:end]
            out += markup[pos:at] + key.encode()
        else:
            out += markup[pos:end]
        pos = end
    if not lifted:
        return markup, lifted
    out += markup[pos:]
    return bytes(out), lifted


def _inline_resolver(lifted: dict[str, bytes]) -> Resolver:
    def resolve(src: str) -> bytes | None:
        uri = lifted.get(src)
        return decode_image_uri(uri) if uri is not None else None

    return resolve


def decode_image_uri(uri: bytes) -> bytes | None:
    """The bytes of a base64 image data: URI; None for other types, bad base64, or more than the image cap
    (told from the length, before anything is decoded)."""
    head, comma, payload = uri.partition(b",")
    if not comma or not head[5:].lower().startswith(b"image/") or b";base64" not in head.lower():
        return None
    if len(payload) > MAX_RESOURCE_BYTES * 4 // 3 + 1024:
        return None
    try:
        data = binascii.a2b_base64(payload)
    except (binascii.Error, ValueError):
        return None
    return data if len(data) <= MAX_RESOURCE_BYTES else None
