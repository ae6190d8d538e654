"""The parts of a page's body that can hold quotes, laid out as lines for the quote finder.

Quotes are made of figures; a news page's story, navigation and teasers mostly are not. Rather than lay the
whole body out, the walk keeps every element whose text holds a figure (a decimal or a percent): a small
element, a table, or one with inline content is laid out whole; a large one made of blocks is walked into. An
element without figures is not laid out; a marker line stands for it (``STORY`` when its text reads as a story:
a sentence or a dateline; else ``BREAK``), so no strip or table is read across it and a lone quote-like line
below a story is known as story text. Kept elements are laid out by ``layout.cell_lines`` in page order, so the
lines are the ones a whole-body layout gives around quotes.

A strip of block items (a ticker's ``li`` or ``div`` items) is read quickly instead: one line per item from its
text, led by the mark its own class gives. That is the layout's line unless an item holds blocks of its own
(their text runs together) or a class inside it names a direction (which the quick reading does not see);
``QuoteLines.quick`` tells the caller which lines were read so, and the caller lays the page out fully
(``quick=False``) unless every one of them gave a quote whose direction its text or its own class states.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from parsing.html.layout import GROUP_BREAK, cell_lines, class_mark, collapse
from parsing.sites.vocabulary import BLOCK_TAGS

BREAK = "\x00"  # stands for a part of the page without figures
STORY = "\x01"  # ... that reads as a story
UNIT_CHARS = 2_000  # an element with this much text or less is laid out whole
UNIT_TAGS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})  # ... and so is any part of a table
_ITEM_TAGS = BLOCK_TAGS - UNIT_TAGS  # the tags of a strip's items
STORY_CHARS = 300  # a story shows in the first characters of a part's text
MAX_VISITS = 5_000
MIN_ITEMS = 3  # block children that make a strip read item by item
MAX_WRAPPERS = 8  # elements with a single child passed through on the way to the items

_UNSHOWN = frozenset({"-comment", "meta", "link", "img", "input", "br", "wbr"})
_PERCENT = re.compile(r"[0-9]\s?%")
_ARABIC_POINT = re.compile(r"\d[\u066b\u066a]")  # an Arabic decimal separator or percent sign after a digit
# a point between two decimal digits, or beside a character past Latin-1's digits (to be checked alone)
_POINT = re.compile(r"\.(?:(?<=\d\.)\d|(?<=[^\x00-\xb1]\.)|(?=[^\x00-\xb1]))")
# five lower-case words (possessive: a word is never cut short to find a sentence, so none is missed); a match
# starts where a word does (one found inside a word is found from its start too), so other places fail at once
_SENTENCE = re.compile(r"(?<![a-z])[a-z]{2,}+[,;:]? [a-z]{2,}+ [a-z]{2,}+ [a-z]{2,}+ [a-z]{2,}")
_DATELINE = re.compile(r"(?i)\b(?:published|updated|posted)\b.{0,60}?\b(?:19|20)\d\d\b")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN = '[hidden], [style*="display:none"], [style*="display: none"]'
# Fields of an item written in elements of their own with nothing between them (as JSX writes them; CSS sets them
# apart): no space in the item's text, and a symbol touching its price or a number touching the next one's sign or
# parenthesis. Such an item's text nodes are joined by spaces, and a parenthesis left apart from its number is put
# back ("( +0.83% )").
_GLUED = re.compile(r"[A-Z][0-9]*+\.[0-9]|[0-9%][+\-\u2212(][0-9]")
_GLUED_PAREN = re.compile(r"(\()\s++|\s++(\))")
# Inside a strip these make lines the article reads (a paragraph, a heading), split rows, or are not shown:
# such a strip is laid out instead.
_NOT_QUICK = "table, td, th, br, p, h1, h2, h3, h4, h5, h6, " + _HIDDEN


@dataclass(frozen=True, slots=True)
class QuoteLines:
    """The lines, and the indices of those read quickly from a strip item's text."""

    lines: list[str]
    quick: frozenset[int] = frozenset()


def quote_lines(body: LexborNode, quick: bool = True) -> QuoteLines:
    """The lines of the body's parts that hold figures, in page order, with ``BREAK``/``STORY`` between parts.

    ``quick``: strips of block items are read item by item (see the module's note); else every part is laid out.
    """
    parts: list[str | list[str]] = []  # markup to lay out, or lines already made (markers, items)
    quick_parts: set[int] = set()
    stack = [body]
    visits = 0
    while stack:
        node = stack.pop()
        visits += 1
        if visits == 1:
            children = _children(node)
            if len(children) > 1 and _blocks_only(node, children):
                stack.extend(reversed(children))  # a page's body is walked into without reading its text
                continue
        if _hidden(node):
            _add_marker(parts, BREAK)
            continue
        text = node.text_lexbor()  # (an element's text as ``text()`` gives it, read by lexbor itself: quicker)
        if not has_figure(text):
            _add_part_marker(parts, text)
            continue
        children = _children(node) if len(text) > UNIT_CHARS and node.tag not in UNIT_TAGS else []
        if not children or visits > MAX_VISITS or not _blocks_only(node, children):
            items = _item_lines(node) if quick and node.tag not in UNIT_TAGS else None
            if items is not None:
                quick_parts.add(len(parts))
            parts.append(items if items is not None else _visible_markup(node))
            continue
        stack.extend(reversed(children))
    return _laid_out(parts, quick_parts)


def _children(node: LexborNode) -> list[LexborNode]:
    """The children that give a layout text: comments and <meta>, <link>, <img>, <input>, <br>, <wbr> are left out
    (they give no text, and no line that the blocks around them do not end already)."""
    return [child for child in node.iter() if child.tag not in _UNSHOWN]


def _laid_out(parts: list[str | list[str]], quick_parts: set[int]) -> QuoteLines:
    """Markup parts laid out (neighbours in one pass) and the other parts' lines, in page order."""
    lines: list[str] = []
    quick: set[int] = set()
    markup: list[str] = []
    for n, part in enumerate(parts):
        if isinstance(part, str):
            markup.append(part)
            continue
        if markup:
            lines += cell_lines("".join(markup))
            markup.clear()
        if n in quick_parts:
            quick.update(range(len(lines), len(lines) + len(part)))
        lines += part
    if markup:
        lines += cell_lines("".join(markup))
    return QuoteLines(lines, frozenset(quick))


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


def _add_part_marker(parts: list[str | list[str]], text: str) -> None:
    """The marker of a part without figures, by its text (see ``_story``); right after a story marker, which
    outweighs it, the text need not be read."""
    if parts and parts[-1] == [STORY]:
        return
    _add_marker(parts, STORY if _story(text) else BREAK)


def _item_lines(node: LexborNode) -> list[str] | None:
    """The lines of a strip of block items, one per item from its text, led by its own class's mark; or None.

    For an element of three or more block items (past wrappers with one child each) with nothing between them
    and no paragraph, heading, table, line break or hidden part inside.
    """
    items: list[LexborNode] = []
    for _ in range(MAX_WRAPPERS):
        items = _children(node)
        if len(items) != 1:
            break
        node = items[0]
    if len(items) < MIN_ITEMS or any(item.tag not in _ITEM_TAGS for item in items):
        return None
    if (node.text(deep=False) or "").strip() or node.css_first(_NOT_QUICK) is not None:
        return None
    lines = []
    for item in items:
        value = item.attributes.get("class")
        mark = _class_mark(value) if value else ""
        text = _item_text(item.text_lexbor())  # (as the walk reads an element's text)
        if " " not in text and _GLUED.search(text) is not None:
            text = _item_text(_GLUED_PAREN.sub(r"\1\2", item.text(separator=" ") or ""))
        if text or mark:
            lines.append(mark + text)
    return lines


@functools.lru_cache(maxsize=1_024)
def _class_mark(value: str) -> str:
    """``layout.class_mark``, remembered: a strip's items repeat a few class values."""
    return class_mark(value)


def _item_text(text: str) -> str:
    if not text.isascii() and ("\u200b" in text or ",\u2009" in text or ",\u202f" in text):
        text = GROUP_BREAK.sub(",", text).replace("\u200b", " ")  # (see layout.copy_lines)
    return collapse(text)


def has_figure(text: str) -> bool:
    """Whether the text holds a decimal ("4.1": a digit on both sides of a point) or a percent ("3%", "3 %"), also
    in Arabic script ("۴٫۱", "۳٪").

    A digit is what ``str.isdigit`` says. One scan finds the points worth a look: one between two decimal digits,
    or one beside a character past Latin-1's digits (superscripts and other digits that are not decimal); each is
    then checked alone.
    """
    if "." in text:
        for point in _POINT.finditer(text):
            at = point.start()
            if text[at - 1:at].isdigit() and text[at + 1:at + 2].isdigit():
                return True
    if not text.isascii() and ("\u066b" in text or "\u066a" in text) and _ARABIC_POINT.search(text) is not None:
        return True
    return "%" in text and _PERCENT.search(text) is not None


def _story(text: str) -> bool:
    """A sentence (five lower-case words in a row) or a dateline near the start of the text."""
    head = text[:STORY_CHARS]
    if _SENTENCE.search(head) is not None:
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
