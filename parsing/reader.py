"""Route a file's bytes to the right reader, by content."""

from __future__ import annotations

import codecs
from functools import partial
from pathlib import Path

from parsing import images
from parsing.detect import sniff
from parsing.encoding import bom_codec, declared_charset, decode, looks_utf16_without_bom
from parsing.htmlpage import parse_html
from parsing.mhtml import read_mhtml
from parsing.model import Page, ParseError
from parsing.textcopy import parse_text

MAX_TEXT_BYTES = 32 * 1024 * 1024


def read_page(data: bytes, name: str = "", files_dir: Path | None = None) -> Page:
    kind = sniff(data, name)
    if kind == "mhtml":
        archive = read_mhtml(data)
        return parse_html(
            archive.html.encode("utf-8", "replace"), archive.encoding, archive.resource, "mhtml",
            source_url=archive.source_url, saved=archive.saved,
        )
    if kind == "html":
        return _read_html(data, partial(images.from_files_dir, files_dir=files_dir))
    if len(data) > MAX_TEXT_BYTES:
        raise ParseError("The text file is too large to be a copied page (over 32 MB).")
    text, codec = _decode(data, kind)
    if "\x00" in text[:4096]:
        raise ParseError("This file is not a saved web page or text: it holds binary data.")
    return parse_text(text, codec)


def _read_html(data: bytes, resolve: images.Resolver) -> Page:
    """UTF-8 pages go to lexbor as they are; others are decoded first."""
    if bom_codec(data) in (None, "utf-8-sig") and not looks_utf16_without_bom(data):
        declared = declared_charset(data)
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        if declared in (None, "utf-8") and _reads_as_utf8(body):
            return parse_html(body, "utf-8", resolve)
    text, codec = _decode(data, "html")
    return parse_html(text.encode("utf-8", "replace"), codec, resolve)


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


def _decode(data: bytes, kind: str) -> tuple[str, str]:
    utf16 = looks_utf16_without_bom(data)
    if utf16 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode(utf16, errors="replace"), utf16
    return decode(data, sniff_meta=kind == "html")
