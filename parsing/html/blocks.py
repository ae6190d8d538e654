"""The body walked once, without recursion, into a table of elements, text blocks laid out like innerText, and images.

Every later pass over a page (scoring, assembly, metadata) is a linear loop over this table: elements in
document order (pre-order index) with their parent, last descendant and marks; blocks of rendered text; images.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from parsing.html.images import image_source
from parsing.html.layout import collapse
from parsing.html.marks import (
    ARIA_HIDDEN,
    BYLINE,
    CAPTION,
    DATE,
    HIDDEN,
    SEMANTIC,
    SKIPPABLE,
    TEASER,
    element_marks,
    tag_marks,
)
from parsing.sites.vocabulary import (
    BLOCK_TAGS,
    CELL_TAGS,
    FURNITURE_ROLES,
    FURNITURE_TAGS,
    HEADINGS,
    SKIPPED_TAGS,
)

MAX_QUOTE_CHARS = 400  # a longer line is no quote line
QUOTE_TABLE_ROWS = 3  # a table whose first rows are all lines to skip is a quote table, read in one go
_FIGURE = re.compile(r"\d[\d,.]*")
MAX_NODES = 300_000  # nodes visited per page; past this the walk stops (hostile or huge pages)
MAX_BLOCK_CHARS = 20_000  # no block is longer
MAX_BLOCKS = 40_000
MAX_IMAGES = 2_000
MIN_SKIPPED_CHARS = 300  # smaller furniture is walked as usual (an inline "related story" link)
LARGE_SKIPPED_CHARS = 4_000  # furniture this large is measured against the page's text before it is skipped
MAX_SKIPPED_SHARE = 0.4  # furniture with more of the page's text than this is walked and judged as usual
_STORY_SELECTOR = "article, main"  # (a list of tag names matches much faster than attribute selectors)
MAX_FURNITURE_TEXT = 1_000  # of a skipped element's text: it only ever counts against its containers
# The most text an element marked teaser, byline, date or caption holds when it really is one.
_MARK_LIMITS = ((TEASER, 800), (BYLINE, 300), (DATE, 200), (CAPTION, 800))
# The attributes that marks are read from.
_MARK_KEYS = frozenset({"class", "id", "style", "role", "itemprop", "rel", "hidden", "aria-hidden"})
# What a tag means to the walk, in one lookup.
_SKIP, _BLOCK, _BREAK, _CELL, _VOID, _PRE, _ROOT = 1, 2, 4, 8, 16, 32, 64
_TAG_KIND: dict[str, int] = {tag: _BLOCK | _BREAK for tag in BLOCK_TAGS - CELL_TAGS}
_TAG_KIND.update({tag: _SKIP for tag in SKIPPED_TAGS})
_TAG_KIND.update({
    "pre": _BLOCK | _BREAK | _PRE, "body": _BLOCK | _BREAK | _ROOT, "html": _BLOCK | _BREAK | _ROOT,
    "td": _CELL, "th": _CELL, "br": _BREAK | _VOID, "hr": _BREAK | _VOID, "img": _VOID, "wbr": _VOID,
})


class SkipLines:
    """Texts of lines that belong to something else (the quote finder's lines), whitespace collapsed.

    A text is in it when it is one of them, or when it has the same first word and the same figures in the same
    order as one of them: the walk leaves hidden labels out ("AIRLINK 504.80 ▲ 1.05 (0.21%)"), which a quote
    line may hold ("AIRLINK 504.80 Increased By ▲ 1.05 (0.21%)").
    """

    def __init__(self, texts: Collection[str] = ()) -> None:
        self.texts = frozenset(texts)
        # lines of more than one word by their first word, made when first needed; their figures keys are
        # made only for the lines whose first word a text shares
        self.by_first: dict[str, list[str]] | None = None
        self.keys: dict[str, tuple[str, tuple[str, ...]] | None] = {}

    def __bool__(self) -> bool:
        return bool(self.texts)

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str) or not self.texts:
            return False
        if text in self.texts:
            return True
        if len(text) > MAX_QUOTE_CHARS:
            return False
        by_first = self.by_first if self.by_first is not None else self._by_first()
        words = text.split(None, 1)
        lines = by_first.get(words[0] if words else "")
        if not lines:
            return False
        key = figures_key(text)
        if key is None:
            return False
        keys = self.keys
        for line in lines:
            if line not in keys:
                keys[line] = figures_key(line)
            if keys[line] == key:
                return True
        return False

    def _by_first(self) -> dict[str, list[str]]:
        """The texts of more than one word (a line of one word, a table cell, has no figures key), by their first
        word."""
        if self.by_first is None:
            self.by_first = {}
            for line in self.texts:
                words = line.split(None, 1) if " " in line and len(line) <= MAX_QUOTE_CHARS else None
                if words:
                    self.by_first.setdefault(words[0], []).append(line)
        return self.by_first


def figures_key(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The first word and the figures of a line with two figures or more, else None."""
    if len(text) > MAX_QUOTE_CHARS:
        return None
    figures = tuple(_FIGURE.findall(text))
    return (text.split(None, 1)[0], figures) if len(figures) >= 2 else None


@dataclass(slots=True)
class Block:
    """A rendered line: the text of one block element (or of one <br>-separated run inside it)."""

    text: str
    kind: str  # tag of the innermost block element: "p", "div", "li", "h2", "pre", "tr", ...
    elem: int  # index of that element in the table
    links: int  # characters that sit inside links
    marks: int  # vocab mark bits of every element around the text (teaser, caption, byline, date, ...)
    value: float = 0.0  # how much the block speaks for its containers being the story (set by scoring)


@dataclass(slots=True)
class ImageRef:
    """An <img> met on the walk: ``elem`` is its own index in the table, ``block`` the number of blocks read
    before it."""

    src: str
    alt: str
    attrs: dict[str, str]
    elem: int
    block: int
    marks: int


@dataclass(slots=True)
class ElementTable:
    """Every element of the body in document order (pre-order index), with its text blocks and images.

    ``end[i]`` is the index of the last element inside element ``i``, so element ``j`` lies inside ``i``
    exactly when ``i <= j <= end[i]``.
    """

    tags: list[str] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)  # each element's own mark bits
    marks_in: list[int] = field(default_factory=list)  # the bits of the element and all around it
    classes: list[str] = field(default_factory=list)  # class attribute, for repetition
    nodes: list[LexborNode] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)  # furniture elements read in one go: one block of text each
    skipped_lines: set[int] = field(default_factory=set)  # blocks of rows and tables of lines to skip
    truncated: bool = False  # the walk stopped at its node budget

    def __len__(self) -> int:
        return len(self.tags)

    def inside(self, elem: int, root: int) -> bool:
        """Whether element ``elem`` is ``root`` or lies inside it."""
        return root <= elem <= self.end[root]



class _Walker:
    """Keeps the open elements on explicit stacks and gathers text into blocks."""

    def __init__(self, root: LexborNode, walk_into: frozenset[int], skip: SkipLines) -> None:
        self.root = root
        self.skip = skip
        self.root_chars = -1
        self.walk_into = walk_into  # furniture elements (by mem_id) too large to skip, found by an earlier walk
        self.skipped: list[tuple[int, int]] = []  # (mem_id, characters) of the furniture read in one go
        self.chars = 0  # characters of the text walked
        self.table = ElementTable()
        # the open elements: (its table index, or its nearest recorded ancestor's when it is a plain inline element
        # left out of the table; is block; inherited marks; is link; is in the table)
        self.open: list[tuple[int, bool, int, bool, bool]] = []
        self.owners: list[int] = []  # open block elements: the innermost one owns the text
        self.parts: list[str] = []
        self.size = 0
        self.links = 0
        self.inline: dict[int, int] = {}  # characters under each semantic mark of an inline element
        self.link_depth = 0
        self.pre_depth = 0
        self.owner_marks = 0  # inherited marks of the innermost open block element (the text's owner)

    # -- text ---------------------------------------------------------------------------------------
    def text(self, data: str) -> None:
        """Add a run of text that holds more than white space (the walk keeps white space itself)."""
        if self.size >= MAX_BLOCK_CHARS:
            return
        self.parts.append(data)
        self.size += len(data)
        if self.link_depth:
            self.links += len(data.strip())
        top = self.open[-1] if self.open else None
        extra = top[2] & SEMANTIC & ~self.owner_marks if top else 0
        if extra:
            for bit, _limit in _MARK_LIMITS:
                if extra & bit:
                    self.inline[bit] = self.inline.get(bit, 0) + len(data.strip())

    def flush(self) -> None:
        parts = self.parts
        if not parts:
            return
        raw = "".join(parts)
        if self.pre_depth:
            lines = [line.rstrip() for line in raw.strip("\n").split("\n")]
            text = "\n".join(lines).strip()
        else:
            text = collapse(raw)
        parts.clear()
        blocks = self.table.blocks
        if text and len(blocks) < MAX_BLOCKS:
            owners = self.owners
            owner, kind = (owners[-1], self.table.tags[owners[-1]]) if owners else (0, "body")
            size = len(text)
            marks = self.owner_marks
            for bit, chars in self.inline.items():
                if chars * 2 >= size:
                    marks |= bit  # an inline caption or byline that is most of the line marks the line
            blocks.append(Block(text[:MAX_BLOCK_CHARS], kind, owner, min(self.links, size), marks))
            self.chars += size
        self.size = self.links = 0
        if self.inline:
            self.inline.clear()

    # -- elements -----------------------------------------------------------------------------------
    def enter(self, node: LexborNode, tag: str) -> bool:
        """Open an element; False when its content is to be skipped."""
        kind = _TAG_KIND.get(tag, 0)
        if kind & _SKIP:
            return False
        attrs = node.attributes
        if attrs and not kind & _ROOT and not _MARK_KEYS.isdisjoint(attrs):
            marks = element_marks(tag, attrs)
        else:
            marks = tag_marks(tag)  # (a link's href or an image's src say nothing about what the element is)
        block = bool(kind & _BLOCK)
        if marks & (HIDDEN | ARIA_HIDDEN) and not block:
            return False  # hidden inline text (screen-reader labels) never joins its paragraph
        open_ = self.open
        top = open_[-1] if open_ else None
        if not kind and not marks and top:  # a plain inline element (a link, <b>, <span>): not in the table
            link = tag == "a" and not self._anchor_in_heading(attrs)
            open_.append((top[0], False, top[2], link, False))
            self.link_depth += link
            return True
        if top and tag in ("tr", "table") and self.skip and self._skipped_rows(node, tag, attrs, marks):
            return False
        skipped = self._skippable(node, tag, attrs) if top and block and marks & SKIPPABLE else None
        if skipped is not None:
            self._furniture(node, tag, attrs, marks, skipped)
            return False
        index, inherited = self._record(node, tag, attrs, marks)
        if self.parts:
            if kind & _BREAK:
                self.flush()
            elif kind & _CELL:
                self.parts.append(" ")
        if kind & _VOID:
            if tag == "img" and len(self.table.images) < MAX_IMAGES:
                self._image(index, attrs, inherited)
            return False
        link = tag == "a" and not self._anchor_in_heading(attrs)
        open_.append((index, block, inherited, link, True))
        if block:
            self.owners.append(index)
            self.owner_marks = inherited
        if link:
            self.link_depth += 1
        elif kind & _PRE:
            self.pre_depth += 1
        return True

    def _record(self, node: LexborNode, tag: str, attrs: dict[str, str | None], marks: int) -> tuple[int, int]:
        """Add an element to the table; its index and the marks it inherits with its own."""
        table = self.table
        index = len(table.tags)
        top = self.open[-1] if self.open else None
        inherited = ((top[2] if top else 0) | marks) & ~(HIDDEN | ARIA_HIDDEN)
        table.tags.append(tag)
        table.parent.append(top[0] if top else -1)
        table.end.append(index)
        table.marks.append(marks)
        table.marks_in.append(inherited)
        table.classes.append(attrs.get("class") or "" if attrs else "")
        table.nodes.append(node)
        return index, inherited

    def exit(self) -> None:
        index, block, _marks, link, recorded = self.open.pop()
        if not recorded:
            self.link_depth -= link
            return
        table = self.table
        if block:
            if self.parts:
                self.flush()
            owners = self.owners
            owners.pop()
            self.owner_marks = table.marks_in[owners[-1]] if owners else 0
            if self.pre_depth and table.tags[index] == "pre":
                self.pre_depth -= 1
        elif link:
            self.link_depth -= 1
        elif self.parts and table.tags[index] in CELL_TAGS:
            self.parts.append(" ")
        table.end[index] = len(table.tags) - 1

    def _anchor_in_heading(self, attrs: dict[str, str | None]) -> bool:
        """A heading's link to a place on the same page (a permalink mark, a table of contents' back link)
        leads nowhere: its text counts as the heading's own."""
        owners = self.owners
        return bool(owners) and self.table.tags[owners[-1]] in HEADINGS and (attrs.get("href") or "")[:1] == "#"

    def _skippable(self, node: LexborNode, tag: str, attrs: dict[str, str | None]) -> str | None:
        """The text of a furniture element whose content need not be walked, else None.

        Only furniture by clear words, tags or roles (a menu, a footer, comments, share bars), holding no
        <main> and no single <article> (a feed of several is no story), is read in one go. Whether it holds
        a small share of the page's text is known after the walk (``walk`` walks again into one that does not).
        """
        if node.mem_id in self.walk_into:
            return None
        text = node.text(deep=True, separator=" ") or ""
        if len(text) < MIN_SKIPPED_CHARS:
            return None
        if len(text) >= LARGE_SKIPPED_CHARS and len(text) > MAX_SKIPPED_SHARE * self.page_chars():
            return None  # (decided now for large furniture: walking again after the walk would cost more)
        furniture = tag in FURNITURE_TAGS or (attrs.get("role") or "").lower() in FURNITURE_ROLES
        if not furniture:  # (a nav, an aside or a footer by tag or role never holds the story)
            stories = [found.tag for found in node.css(_STORY_SELECTOR)]
            if stories and (stories.count("article") == 1 or "main" in stories):
                return None  # it wraps the story's own container
        self.skipped.append((node.mem_id, len(text)))
        return text

    def _skipped_rows(self, node: LexborNode, tag: str, attrs: dict[str, str | None], marks: int) -> bool:
        """Record a table row that is a line to skip (a quote table's row), or a table whose first rows all are,
        as one block without walking its cells; the block is one of the table's skipped lines."""
        if tag == "table":
            rows = _first_rows(node, QUOTE_TABLE_ROWS + 1)
            if len(rows) <= QUOTE_TABLE_ROWS or not all(_row_text(row) in self.skip for row in rows[:QUOTE_TABLE_ROWS]):
                return False
            text = " ".join((node.text(deep=True, separator=" ") or "")[:MAX_BLOCK_CHARS].split())
        else:
            text = _row_text(node)
            if text not in self.skip:
                return False
        if self.parts:
            self.flush()
        index, inherited = self._record(node, tag, attrs, marks)
        if len(self.table.blocks) < MAX_BLOCKS:
            self.table.skipped_lines.add(len(self.table.blocks))
            self.table.blocks.append(Block(text, tag, index, 0, inherited))
            self.chars += len(text)
        return True

    def page_chars(self) -> int:
        """Characters of text in the whole page, read once when first needed."""
        if self.root_chars < 0:
            self.root_chars = len(self.root.text(deep=True) or "")
        return self.root_chars

    def _furniture(self, node: LexborNode, tag: str, attrs: dict[str, str | None], marks: int,
                   text: str) -> None:
        """Record a skipped furniture element and its text as one all-link block (it counts only against)."""
        if self.parts:
            self.flush()
        index, _inherited = self._record(node, tag, attrs, marks)
        table = self.table
        table.skipped.add(index)
        collapsed = collapse(text[:MAX_FURNITURE_TEXT])
        if collapsed and len(table.blocks) < MAX_BLOCKS:
            table.blocks.append(Block(collapsed, tag, index, len(collapsed), 0))

    def _image(self, index: int, attrs: dict[str, str | None], inherited: int) -> None:
        src = image_source(attrs)
        if not src:
            return
        clean = {k: v for k, v in attrs.items() if v is not None and len(v) < 4000}
        ref = ImageRef(src, " ".join((attrs.get("alt") or "").split()), clean, index, 0, inherited)
        ref.block = len(self.table.blocks) + (1 if self.parts and "".join(self.parts).strip() else 0)
        self.table.images.append(ref)


def _first_rows(table: LexborNode, count: int) -> list[LexborNode]:
    """The first ``count`` rows inside a table, in document order (as ``css("tr")`` lists them, without listing
    every row of a long table)."""
    rows: list[LexborNode] = []
    for node in table.traverse():
        if node.tag == "tr":
            rows.append(node)
            if len(rows) == count:
                break
    return rows


def _row_text(row: LexborNode) -> str:
    return " ".join((row.text(deep=True, separator=" ") or "")[:MAX_BLOCK_CHARS].split())


def walk(root: LexborNode, skip: SkipLines | None = None) -> ElementTable:
    """Walk ``root``'s subtree once, iteratively (first child / next sibling, a stack of the open nodes).

    A table row whose text is in ``skip``, or a table whose first rows all are, is read in one go as one block.

    Furniture read in one go must hold a small share of the page's text; when one held more (a wrapper of
    the page named like furniture), the walk is made again, into it.
    """
    walk_into: frozenset[int] = frozenset()
    while True:
        walker = _Walker(root, walk_into, skip or SkipLines())
        table = _walk(walker, root)
        # a cheap lower bound of the page's text first; its whole text only when that bound is not enough
        page_chars = walker.chars + sum(chars for _mem_id, chars in walker.skipped)
        if all(chars <= MAX_SKIPPED_SHARE * page_chars for _mem_id, chars in walker.skipped):
            return table
        page_chars = max(page_chars, walker.page_chars())
        large = {mem_id for mem_id, chars in walker.skipped if chars > MAX_SKIPPED_SHARE * page_chars}
        if not large:
            return table
        walk_into |= large


def _walk(walker: _Walker, root: LexborNode) -> ElementTable:
    if not walker.enter(root, root.tag or "body"):
        return walker.table
    visited = 0
    node: LexborNode | None = root.child
    above: list[LexborNode] = []  # the open elements below root, innermost last
    parts, text, enter, leave = walker.parts, walker.text, walker.enter, walker.exit
    while node is not None:
        visited += 1
        if visited > MAX_NODES:
            walker.table.truncated = True
            break
        tag = node.tag or ""
        if tag == "-text":
            data = node.text_content
            if data:
                if not data.isspace():
                    text(data)
                elif parts:
                    parts.append(" ")  # white space between inline elements
        elif tag[:1] != "-" and enter(node, tag):
            child = node.child
            if child is not None:
                above.append(node)
                node = child
                continue
            leave()
        # on to the next node in document order, closing the elements left on the way
        while node is not None:
            following = node.next
            if following is not None:
                node = following
                break
            node = above.pop() if above else None
            if node is not None:
                leave()
    while walker.open:
        walker.exit()
    settle_marks(walker.table)
    return walker.table


def _text_below(table: ElementTable) -> list[int]:
    """Characters of text inside each element."""
    text = [0] * len(table)
    for block in table.blocks:
        text[block.elem] += len(block.text)
    parent = table.parent
    for index in range(len(text) - 1, 0, -1):
        text[parent[index]] += text[index]
    return text


def settle_marks(table: ElementTable) -> None:
    """Drop teaser, byline, date and caption marks that came from elements too large to be one.

    A container called "description" or "author-content" that holds the whole story does not make
    each of its paragraphs a teaser or a byline; a small element inside it that is one still counts.
    """
    marked = [i for i, m in enumerate(table.marks) if m & SEMANTIC]
    if not marked:
        return
    text = _text_below(table)
    own_clear: dict[int, tuple[int, int]] = {}  # per marked element: the bits it is too big for, and the others
    for index in marked:
        own = table.marks[index]
        too_big = sum(bit for bit, limit in _MARK_LIMITS if own & bit and text[index] > limit)
        own_clear[index] = (too_big, own & SEMANTIC & ~too_big)
    if not any(big for big, _small in own_clear.values()):
        return
    size, parent = len(table), table.parent
    cleared = [0] * size
    for index in range(marked[0], size):
        up = parent[index]
        bits = cleared[up] if up >= 0 else 0
        if index in own_clear:
            too_big, small = own_clear[index]
            bits = (bits | too_big) & ~small
        cleared[index] = bits
    for block in table.blocks:
        if cleared[block.elem]:
            block.marks &= ~cleared[block.elem]

