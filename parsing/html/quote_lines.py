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

from parsing.html.layout import cell_lines, class_mark
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
MAX_WRAPPERS = 8
MIN_ITEMS = 3
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
_NOT_ITEM_SIGNS = ("<table", "<br", "<td", " hidden=", "display:none", "display: none", "<!--")
_BLOCK_START = re.compile(r"<(?:" + "|".join(sorted(BLOCK_TAGS, key=len, reverse=True)) + r")[\s/>]")
_CLASS_VALUE = re.compile(r' class="([^"]{1,300})"')


def quote_lines(body: LexborNode) -> list[str]:
    """The lines of the body's parts that hold figures, in page order, with ``BREAK``/``STORY`` between parts."""
    parts: list[str | list[str]] = []  # markup to lay out, or lines already made (item texts, markers)
    stack = [body]
    visits = 0
    while stack:
        node = stack.pop()
        visits += 1
        children = [child for child in node.iter() if child.tag != "_comment"]
        if node is body and len(children) > 1 and _blocks_only(node, children):
            stack.extend(reversed(children))  # a page's body is walked into without reading its text
            continue
        text = node.text() or ""
        if _hidden(node):
            _add_marker(parts, BREAK)
            continue
        if not has_figure(text):
            _add_marker(parts, STORY if _story(text) else BREAK)
            continue
        if len(text) <= UNIT_CHARS or node.tag in UNIT_TAGS or visits > MAX_VISITS or not _blocks_only(node, children):
            lines = _item_lines(node) if node.tag not in UNIT_TAGS else None
            parts.append(lines if lines is not None else _visible_markup(node))
            continue
        stack.extend(reversed(children))
    return _laid_out(parts)


def _laid_out(parts: list[str | list[str]]) -> list[str]:
    """Markup parts laid out (neighbours together, in one pass) and the other parts' lines, in page order."""
    lines: list[str] = []
    markup: list[str] = []
    for part in parts:
        if isinstance(part, str):
            markup.append(part)
            continue
        if markup:
            lines += cell_lines("".join(markup))
            markup.clear()
        lines += part
    if markup:
        lines += cell_lines("".join(markup))
    return lines


def _add_marker(parts: list[str | list[str]], marker: str) -> None:
    """One marker between two laid-out parts; a story marker outweighs a plain one."""
    last = parts[-1] if parts else None
    if last == [STORY]:
        return
    if last == [BREAK]:
        if marker == STORY:
            parts[-1] = [STORY]
        return
    parts.append([marker])


def _item_lines(node: LexborNode) -> list[str] | None:
    """A strip's lines read from its items' text (one item a line), the lines ``cell_lines`` would give.

    For an element made of three or more block items (past wrappers with one child each) with nothing between
    them, no block, table, line break or hidden part inside an item, and a class naming a direction on the items
    only (each item's mark leads its line, as the layout puts it). Anything else gives None: the markup is laid
    out. Reading the items' text is a few calls per item; the layout is five passes over the markup.
    """
    items: list[LexborNode] = []
    for _ in range(MAX_WRAPPERS):
        items = [child for child in node.iter() if child.tag != "_comment"]
        if len(items) != 1:
            break
        node = items[0]
    if len(items) < MIN_ITEMS or any(item.tag not in BLOCK_TAGS or item.tag in _TABLE_PARTS for item in items):
        return None
    if (node.text(deep=False) or "").strip():
        return None
    markup = node.html or ""
    if any(sign in markup for sign in _NOT_ITEM_SIGNS):
        return None
    if len(_BLOCK_START.findall(markup)) != len(items) + (node.tag in BLOCK_TAGS):
        return None  # a block inside an item makes lines of its own
    classes = [item.attributes.get("class") or "" for item in items]
    marks = [class_mark(value) if value else "" for value in classes]
    if sum(1 for value in _CLASS_VALUE.findall(markup) if class_mark(value)) != sum(1 for mark in marks if mark):
        return None  # a class naming a direction inside an item: its place in the line matters
    lines = []
    for item, mark in zip(items, marks, strict=True):
        text = item.text() or ""
        text = " ".join((text.replace("\u200b", " ") if "\u200b" in text else text).split())
        if text or mark:
            lines.append(mark + text)
    return lines


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
