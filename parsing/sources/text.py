"""A text copy of a page (select all, copy, paste into a file) as a Document."""

from __future__ import annotations

from parsing.limits import MAX_TEXT_BYTES
from parsing.model import Document, ParseError
from parsing.sources.encoding import decode_page
from parsing.sources.wrapped import unwrap


def read_text(data: bytes, kind: str = "text") -> Document:
    """Decode a text file (lines a save broke at a fixed width joined back); refuse one too large to be a copied
    page, or one that holds binary data."""
    if len(data) > MAX_TEXT_BYTES:
        raise ParseError(f"The text file is too large to be a copied page (over {MAX_TEXT_BYTES >> 20} MB).")
    text, codec = decode_page(data, kind)
    if "\x00" in text[:4096]:
        raise ParseError("This file is not a saved web page or text: it holds binary data.")
    return Document("text", codec, text=unwrap(text))
