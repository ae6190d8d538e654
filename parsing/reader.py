"""Route a file's bytes to the right reader, by content."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from parsing import images
from parsing.detect import sniff
from parsing.encoding import decode, looks_utf16_without_bom
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
            archive.html, archive.encoding, archive.resource, "mhtml",
            source_url=archive.source_url, saved=archive.saved,
        )
    text, codec = _decode(data, kind)
    if "\x00" in text[:4096]:
        raise ParseError("This file is not a saved web page or text: it holds binary data.")
    if kind == "html":
        raw = data if codec == "utf-8" else None
        return parse_html(text, codec, partial(images.from_files_dir, files_dir=files_dir), raw=raw)
    if len(data) > MAX_TEXT_BYTES:
        raise ParseError("The text file is too large to be a copied page (over 32 MB).")
    return parse_text(text, codec)


def _decode(data: bytes, kind: str) -> tuple[str, str]:
    utf16 = looks_utf16_without_bom(data)
    if utf16 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode(utf16, errors="replace"), utf16
    return decode(data, sniff_meta=kind == "html")
