"""A saved HTML file ("Webpage, HTML only" or "Complete" with its companion folder) as a Document."""

from __future__ import annotations

import codecs

from parsing.model import Document, Resolver
from parsing.sources.encoding import (
    bom_codec,
    codec_for_label,
    declared_charset,
    decode,
    decode_page,
    looks_utf16_without_bom,
)


def read_html(data: bytes, resources: Resolver | None = None, charset: str | None = None) -> Document:
    """UTF-8 pages go on as they are (lexbor reads bytes fastest); others are decoded first.

    ``resources`` answers the page's image addresses; ``charset`` is what a container says the page is in
    (an HTTP header, a web archive's encoding name), which wins over the page's own ``<meta>``.
    """
    if charset and codec_for_label(charset) not in (None, "utf-8", "utf-16") and bom_codec(data) is None:
        text, codec = decode(data, charset)
        return Document("html", codec, markup=text.encode("utf-8", "replace"), resources=resources)
    if bom_codec(data) in (None, "utf-8-sig") and not looks_utf16_without_bom(data):
        declared = declared_charset(data)
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        if declared in (None, "utf-8") and _reads_as_utf8(body):
            return Document("html", "utf-8", markup=body, resources=resources)
    text, codec = decode_page(data, "html")
    return Document("html", codec, markup=text.encode("utf-8", "replace"), resources=resources)


def _valid_utf8(data: bytes, chunk_size: int = 16_384) -> bool:
    """Strict UTF-8 validation that only decodes the chunks holding non-ASCII bytes (pages are mostly ASCII).

    A sequence cut by a chunk's end is carried into the next chunk, which must then not be ASCII.
    """
    carry = b""
    try:
        for at in range(0, len(data), chunk_size):
            chunk = data[at : at + chunk_size]
            if chunk.isascii():
                if carry:
                    return False
                continue
            chunk = carry + chunk if carry else chunk
            used = codecs.utf_8_decode(chunk, "strict", False)[1]
            carry = chunk[used:]
    except UnicodeDecodeError:
        return False
    return not carry


def _reads_as_utf8(data: bytes) -> bool:
    """Whether undeclared bytes are UTF-8: strictly valid, or valid but for a few damaged sequences."""
    if _valid_utf8(data):
        return True
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - damaged
    return wide >= 4 * damaged
