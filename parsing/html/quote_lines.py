"""The parts of a page's body that can hold quotes, laid out as lines for the quote finder.

Quotes are dense with figures; a news page's story, navigation and teasers mostly are not. Rather than lay the
whole body out, the walk keeps every element whose text holds a figure (a decimal or a percent): a small or
figure-dense element, or one with inline content, is laid out whole; a large one made of blocks is walked
into. An element without figures is not laid out; a marker line stands for it (``STORY`` when its text reads
as a story: a sentence or a dateline; else ``BREAK``), so no strip or table is read across it and a lone
quote-like line below a story is known as story text. Every kept element is laid out by
``layout.cell_lines`` in page order, so the lines are the ones a whole-body layout would give around quotes.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from parsing.html.layout import cell_lines
from parsing.sites.vocabulary import BLOCK_TAGS

BREAK = "\x00"  # stands for a part of the page without figures
STORY = "\x01"  # ... that reads as a story
UNIT_CHARS = 2_000  # an element with this much text or less is laid out whole
DENSE = 0.15  # ... and so is one with at least this share of digits (a quote table, a long strip)
MAX_VISITS = 5_000

_FIGURE = re.compile(r"\d\.\d|\d\s?%")
_SENTENCE = re.compile(r"(?:\b[a-z]{2,}[,;:]? ){4}[a-z]{2,}")
_DATELINE = re.compile(r"(?i)\b(?:published|updated|posted)\b.{0,60}?\b(?:19|20)\d\d\b")
_DIGITS = "0123456789"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN = '[hidden], [style*="display:none"], [style*="display: none"]'


def quote_lines(body: LexborNode) -> list[str]:
    """The lines of the body's parts that hold figures, in page order, with ``BREAK``/``STORY`` between parts."""
    pieces: list[str] = []
    stack = [body]
    visits = 0
    while stack:
        node = stack.pop()
        visits += 1
        text = node.text() or ""
        if _hidden(node):
            _add_marker(pieces, False)
            continue
        if _FIGURE.search(text) is None:
            _add_marker(pieces, _story(text))
            continue
        children = [child for child in node.iter() if child.tag != "_comment"]
        if len(text) <= UNIT_CHARS or _dense(text) or visits > MAX_VISITS or not _blocks_only(node, children):
            pieces.append(_visible_markup(node))
            continue
        stack.extend(reversed(children))
    return cell_lines("".join(pieces)) if pieces else []


_BREAK_PIECE, _STORY_PIECE = f"<p>{BREAK}</p>", f"<p>{STORY}</p>"


def _add_marker(pieces: list[str], story: bool) -> None:
    """One marker between two laid-out parts; a story marker outweighs a plain one."""
    last = pieces[-1] if pieces else None
    if last == _STORY_PIECE:
        return
    if last == _BREAK_PIECE:
        if story:
            pieces[-1] = _STORY_PIECE
        return
    pieces.append(_STORY_PIECE if story else _BREAK_PIECE)


def _story(text: str) -> bool:
    return _SENTENCE.search(text) is not None or _DATELINE.search(text[:2_000]) is not None


def _dense(text: str) -> bool:
    digits = sum(text.count(digit) for digit in _DIGITS)
    return digits >= DENSE * len(text)


def _blocks_only(node: LexborNode, children: list[LexborNode]) -> bool:
    """Whether the element holds only block elements (walking into it keeps every line as it is)."""
    if not children or (node.text(deep=False) or "").strip():
        return False
    return all(child.tag in BLOCK_TAGS for child in children)


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style or "") is not None


def _visible_markup(node: LexborNode) -> str:
    """The element's markup without its hidden descendants (``hidden``, inline ``display: none``)."""
    markup = node.html or ""
    if " hidden" in markup or "none" in markup:
        for hidden in node.css(_HIDDEN):
            markup = markup.replace(hidden.html or "", "", 1)
    return markup
