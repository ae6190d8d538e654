"""The parts of a page's body that can hold quotes, laid out as lines for the quote finder.

Quotes are made of figures; a news page's story, navigation and teasers mostly are not. Rather than lay the
whole body out, the walk keeps every element whose text holds a figure (a decimal or a percent): a small
element, a table, or one with inline content is laid out whole; a large one made of blocks is walked into. An element without figures is not laid out; a marker line stands for it (``STORY`` when its text reads
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
UNIT_TAGS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})  # ... and so is any part of a table
STORY_CHARS = 600  # a story shows in the first characters of a part's text
SENTENCE_WORDS = 5  # lower-case words in a row that make a sentence
MAX_VISITS = 5_000

_PERCENT = re.compile(r"[0-9]\s?%")
_DATELINE = re.compile(r"(?i)\b(?:published|updated|posted)\b.{0,60}?\b(?:19|20)\d\d\b")
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
        if node is body and visits == 1:
            children = [child for child in node.iter() if child.tag != "_comment"]
            if len(children) > 1 and _blocks_only(node, children):
                stack.extend(reversed(children))  # a page's body is walked into without reading its text
                continue
        text = node.text() or ""
        if _hidden(node):
            _add_marker(pieces, False)
            continue
        if not has_figure(text):
            _add_marker(pieces, _story(text))
            continue
        children = [child for child in node.iter() if child.tag != "_comment"]
        if len(text) <= UNIT_CHARS or node.tag in UNIT_TAGS or visits > MAX_VISITS or not _blocks_only(node, children):
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


def has_figure(text: str) -> bool:
    """Whether the text holds a decimal ("4.1") or a percent ("3%", "3 %").

    String methods in C rather than a regular expression: a scan of a long story costs a tenth as much.
    """
    if "%" in text and _PERCENT.search(text) is not None:
        return True
    if "." not in text:
        return False
    parts = text.split(".")
    return any(before[-1:].isdigit() and after[:1].isdigit() for before, after in zip(parts, parts[1:], strict=False))


def _story(text: str) -> bool:
    """A sentence (five lower-case words in a row) or a dateline near the start of the text."""
    head = text[:STORY_CHARS]
    run = 0
    for word in head.split():
        bare = word.rstrip(",;:")
        run = run + 1 if len(bare) > 1 and bare.isalpha() and bare.islower() else 0
        if run == SENTENCE_WORDS:
            return True
    low = head.lower()
    return ("published" in low or "updated" in low or "posted" in low) and _DATELINE.search(head) is not None


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
    if " hidden=" in markup or "display:none" in markup or "display: none" in markup:
        for hidden in node.css(_HIDDEN):
            markup = markup.replace(hidden.html or "", "", 1)
    return markup
