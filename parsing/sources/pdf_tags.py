"""The blocks of a tagged PDF page: which element (paragraph, heading, list item, caption...) each piece of
text belongs to.

Chromium writes tagged PDFs: every text node of the page is marked content with its own id, a leaf of the
structure tree whose parent is the element that held the text (P, H1, LI, a div as NonStruct...). Two lines
whose text has the same block element are one paragraph; a line that starts another element starts another
paragraph. Print headers and footers are artifacts, outside the tree. An untagged PDF gives no blocks, and the
paragraphs are then told from the geometry alone.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

MAX_ELEMENTS = 20_000  # per page; a printed news page has a few hundred
INLINE = frozenset({"Link", "Span", "Strong", "Em", "Code", "Sub", "Sup", "Annot", "Reference", "Quote"})
LABEL = "Lbl"  # a list item's marker ("1.", "•"): a block of its own, which a copy of the page does not hold


@dataclass(frozen=True, slots=True)
class Block:
    """The element a piece of text belongs to: its place in the page's structure tree, and its type."""

    path: tuple[int, ...]
    kind: str


def page_blocks(page: Any, raw: Any) -> dict[int, Block]:
    """Marked-content id -> the block element it is text of; empty for an untagged page."""
    tree = raw.FPDF_StructTree_GetForPage(page.raw)
    if not tree:
        return {}
    blocks: dict[int, Block] = {}
    try:
        budget = [MAX_ELEMENTS]
        for i in range(raw.FPDF_StructTree_CountChildren(tree)):
            child = raw.FPDF_StructTree_GetChildAtIndex(tree, i)
            if child:
                _walk(raw, child, (i,), None, blocks, budget)
    finally:
        raw.FPDF_StructTree_Close(tree)
    return blocks


def _walk(raw: Any, element: Any, path: tuple[int, ...], block: Block | None, blocks: dict[int, Block],
          budget: list[int]) -> None:
    budget[0] -= 1
    if budget[0] < 0 or len(path) > 200:
        return
    kind = _kind(raw, element)
    if kind == LABEL:
        block = Block(path, kind)
    own = block if kind in INLINE and block is not None else Block(path, kind)
    for i in range(raw.FPDF_StructElement_CountChildren(element)):
        child = raw.FPDF_StructElement_GetChildAtIndex(element, i)
        if child:
            _walk(raw, child, (*path, i), own, blocks, budget)
            continue
        mcid = raw.FPDF_StructElement_GetChildMarkedContentID(element, i)  # content of this page only
        if mcid >= 0:
            blocks.setdefault(mcid, block or Block(path, kind))


def _kind(raw: Any, element: Any) -> str:
    size = raw.FPDF_StructElement_GetType(element, None, 0)
    if size <= 0 or size > 200:
        return ""
    buffer = ctypes.create_string_buffer(size)
    raw.FPDF_StructElement_GetType(element, buffer, size)
    return buffer.raw.decode("utf-16-le", "replace").rstrip("\x00")


def marked_content_id(textpage: Any, raw: Any, index: int) -> int:
    """The marked-content id of the character's text object (-1 for none)."""
    obj = raw.FPDFText_GetTextObject(textpage.raw, index)
    return int(raw.FPDFPageObj_GetMarkedContentID(obj)) if obj else -1
