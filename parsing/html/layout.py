"""Serialized HTML to lines laid out the way a browser's innerText does (iterative, linear passes)."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from parsing.model import Direction
from parsing.sites.vocabulary import (
    BLOCK_TAGS,
    BOILERPLATE_TAGS,
    BOILERPLATE_WORDS,
    CELL_TAGS,
    CLASS_DOWN,
    CLASS_FLAT,
    CLASS_UP,
)

# The input is lexbor's serialization: tags are well formed, attribute values double-quoted with
# '<', '>' and '"' escaped, and '<' in text escaped, so these simple patterns are exact and linear.
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _trie(words: list[str]) -> str:
    """A regex alternation for the words, grouped by shared prefixes (fewer attempts per '<')."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[:1], []).append(word[1:])
    optional = "" in groups
    alternatives = [re.escape(first) + _trie(rest) for first, rest in groups.items() if first]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 and not optional else "(?:" + "|".join(alternatives) + ")"
    return body + ("?" if optional else "")


# lexbor writes tag names in lower case
_BLOCK_TAG = re.compile(r"</?" + _trie([*(BLOCK_TAGS - CELL_TAGS), "br"]) + r"\b[^>]*>")
_CELL_TAG = re.compile(r"</?t[dh]\b[^>]*>")
_ANY_TAG = re.compile(r"<[^>]*>")

_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>|<!--.*?-->|[^<]+", re.S)
_ATTR = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')
_TEASER = re.compile(r'class="[^"]*(?:excerpt|standfirst|teaser|story__lead|summary|subtitle|\bdek\b)', re.I)
_CAPTION = re.compile(r'class="[^"]*caption', re.I)
_MARKS = re.compile(r'\s(?:class|id|role)="([^"]*)"')
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr", "param", "keygen"})


def text_lines(markup: str) -> list[str]:
    """Non-empty lines of rendered text, whitespace collapsed; every pass runs in C."""
    text = _COMMENT.sub("", markup) if "<!--" in markup else markup
    text = _BLOCK_TAG.sub("\n", text)
    if "<t" in text:
        text = _CELL_TAG.sub(" ", text)
    text = _ANY_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


@dataclass(slots=True)
class Line:
    """A rendered line with what the markup says about it."""

    text: str
    kind: str = ""  # tag of the innermost block ("p", "h1", "li", "figcaption", ...); "img" for an image
    link_only: bool = False  # every character sits inside a link
    in_figure: bool = False
    attrs: dict[str, str] = field(default_factory=dict)  # for images: src, alt


class _Builder:
    """Collects text chunks into Lines."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.linked = 0
        self.unlinked = 0
        self.kind = ""
        self.figure = False

    def text(self, chunk: str, kind: str, in_link: bool, in_figure: bool) -> None:
        letters = len(chunk.strip())
        if not letters:
            if self.parts:
                self.parts.append(" ")
            return
        if not self.parts:
            self.kind, self.figure = kind, in_figure
        self.parts.append(chunk)
        if in_link:
            self.linked += letters
        else:
            self.unlinked += letters

    def flush(self) -> None:
        if self.parts:
            text = " ".join("".join(self.parts).split())
            self.lines.append(Line(text, self.kind, self.linked > 0 and self.unlinked == 0, self.figure))
            self.parts.clear()
            self.linked = self.unlinked = 0


class _Walker(_Builder):
    """Follows open elements with explicit stacks (no recursion) while collecting lines."""

    def __init__(self, skip_boilerplate: bool) -> None:
        super().__init__()
        self.skip_boilerplate = skip_boilerplate
        self.stack: list[tuple[str, bool, bool, bool]] = []  # (tag, skipped, teaser, caption)
        self.blocks: list[str] = [""]
        self.skipping = self.links = self.figures = self.teasers = self.captions = 0

    def chunk(self, token: str) -> None:
        if not self.skipping and not token.startswith("<!--"):
            text = html.unescape(token) if "&" in token else token
            kind = "figcaption" if self.captions else "summary" if self.teasers else self.blocks[-1]
            self.text(text, kind, self.links > 0, self.figures > 0)

    def open(self, tag: str, rest: str) -> None:
        boilerplate, teaser, caption = _element_roles(tag, rest) if len(rest) < 400 else _roles(tag, rest)
        skip = self.skip_boilerplate and bool(self.stack) and boilerplate
        block = tag in BLOCK_TAGS
        if (block or tag == "br") and self.parts:
            self.flush()
        elif tag in CELL_TAGS:
            self.text(" ", "", False, False)
        if tag == "img" and not self.skipping:
            attrs = dict(_ATTR.findall(rest))
            self.flush()
            self.lines.append(Line(html.unescape(attrs.get("alt", "")), "img", False, self.figures > 0, attrs))
        if tag in _VOID or rest.endswith("/"):
            return
        self.stack.append((tag, skip, teaser, caption))
        if block:
            self.blocks.append(tag)
            self.figures += tag == "figure"
        self.skipping += skip
        self.teasers += teaser
        self.captions += caption
        self.links += tag == "a"

    def close(self, tag: str) -> None:
        stack = self.stack
        if stack and stack[-1][0] == tag:  # well nested, the usual case
            self._pop()
            return
        if not any(entry[0] == tag for entry in stack[-8:]):
            return  # a stray end tag
        while stack and self._pop() != tag:
            pass

    def _pop(self) -> str:
        open_tag, skipped, teaser, caption = self.stack.pop()
        if skipped:
            self.skipping -= 1
        if teaser:
            self.teasers -= 1
        if caption:
            self.captions -= 1
        if open_tag == "a":
            self.links -= 1
        elif open_tag in BLOCK_TAGS:
            self.blocks.pop()
            if self.parts:
                self.flush()
            if open_tag == "figure":
                self.figures -= 1
        return open_tag


def region_lines(markup: str, skip_boilerplate: bool = True) -> list[Line]:
    """Lines of an element's serialized HTML with their block kind; images become ``img`` lines.

    Descendants that are navigation, share bars, comment boxes or advertisements are skipped.
    """
    walker = _Walker(skip_boilerplate)
    for match in _TOKEN.finditer(markup):
        closing, tag, rest = match.group(1, 2, 3)
        if tag is None:
            walker.chunk(match.group(0))
        elif closing:
            walker.close(tag.lower())
        else:
            walker.open(tag.lower(), rest)
    walker.flush()
    return walker.lines


def _roles(tag: str, rest: str) -> tuple[bool, bool, bool]:
    """(boilerplate, teaser, caption) for a start tag with its attributes."""
    classed = tag in BLOCK_TAGS and "class" in rest
    teaser = classed and _TEASER.search(rest) is not None
    caption = classed and _CAPTION.search(rest) is not None
    return _is_boilerplate(tag, rest), teaser, caption


_element_roles = functools.lru_cache(maxsize=8192)(_roles)  # a site's templates repeat their markup


def _is_boilerplate(tag: str, rest: str) -> bool:
    if tag in BOILERPLATE_TAGS:
        return True
    if not rest or ("class" not in rest and "id=" not in rest and "role" not in rest):
        return False
    marks = " ".join(_MARKS.findall(rest))
    return bool(marks) and BOILERPLATE_WORDS.search(marks) is not None


# --- Lines for the quote finder: table cells end in a tab, and a class that states a direction leaves a mark -----

# Private-use characters put right after the start tag of an element whose class names a direction
# (``tick--down``, ``qs-item--pos``), so the text that follows carries it.
MARK_UP, MARK_DOWN, MARK_FLAT = "\ue000", "\ue001", "\ue002"
MARKS = MARK_UP + MARK_DOWN + MARK_FLAT
MARK_DIRECTION: dict[str, Direction] = {MARK_UP: "up", MARK_DOWN: "down", MARK_FLAT: "unchanged"}

_CLASS_VALUE = re.compile(r' class="([^"]{1,300})"')
_CLASS_SPLIT = re.compile(r"[\s_-]+")
_CLASS_WORDS = {**dict.fromkeys(CLASS_UP, MARK_UP), **dict.fromkeys(CLASS_DOWN, MARK_DOWN),
                **dict.fromkeys(CLASS_FLAT, MARK_FLAT)}
_LINE_BREAK = re.compile(r"</?" + _trie([*(BLOCK_TAGS - CELL_TAGS), "br"]) + r"\b[^>]*+>")
_TAG_ONLY = re.compile(r"<[^>]*+>")
_ODD_SPACES = ("\r", "\f", "\v", "\xa0", "\u2009", "\u202f", "\u200b")
_SPACE_RUN = re.compile(r"  +")


def cell_lines(markup: str) -> list[str]:
    """Rendered lines of serialized markup, each table cell ended by a tab (a row's last tab dropped).

    A few linear passes, each in C: comments out; source whitespace to spaces; cell ends to tabs; direction
    marks put in; block tags to line breaks; other tags out; entities decoded; spaces collapsed.
    """
    text = _COMMENT.sub("", markup) if "<!--" in markup else markup
    text = text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
    if "</t" in text:
        text = text.replace("</td>", "\t").replace("</th>", "\t")
    if ' class="' in text:
        text = _mark_classes(text)
    text = _LINE_BREAK.sub("\n", text)
    text = _TAG_ONLY.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return copy_lines(text, cell_ends=True)


def copy_lines(text: str, cell_ends: bool = False) -> list[str]:
    """Non-empty lines with spaces collapsed and tabs kept (a text copy's cells are tab-separated).

    ``cell_ends``: every cell ended in a tab (the HTML layout), so each row's last tab is dropped.
    """
    for odd in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, " ")
    text = _SPACE_RUN.sub(" ", text)
    if "\t" in text:
        text = text.replace(" \t", "\t").replace("\t ", "\t")
        if cell_ends:
            text = text.replace("\t\n", "\n")
    lines = [line.strip(" ") for line in text.split("\n")]
    return [line for line in lines if line and (line[0] != "\t" or line.strip("\t"))]


def _mark_classes(text: str) -> str:
    """Put a direction mark right after each start tag whose class words state one.

    A page has few distinct class values: each is judged once. lexbor writes attributes double-quoted with
    '"' and '>' escaped inside values and text, so ``class="V">`` is always the end of a start tag and one
    ``str.replace`` marks it; a class followed by other attributes takes one regular-expression pass.
    """
    for value in set(_CLASS_VALUE.findall(text)):
        mark = class_mark(value)
        if not mark:
            continue
        attribute = f' class="{value}"'
        text = text.replace(attribute + ">", attribute + ">" + mark)
        if attribute + " " in text:
            text = re.sub(re.escape(attribute) + r" [^>]*+>", r"\g<0>" + mark, text)
    return text


@functools.lru_cache(maxsize=4096)
def class_mark(value: str) -> str:
    """The mark a class attribute's value gives (its words name one direction), else ""."""
    found = {_CLASS_WORDS[word] for word in _CLASS_SPLIT.split(value.lower()) if word in _CLASS_WORDS}
    return found.pop() if len(found) == 1 else ""
