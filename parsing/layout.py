"""Serialized HTML to lines laid out the way a browser's innerText does (iterative, linear passes)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from parsing.sitenames import BLOCK_TAGS, BOILERPLATE_TAGS, BOILERPLATE_WORDS, CELL_TAGS

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
_HSPACE = re.compile(r"[ \t\r\f\v\xa0\u200b]+")

_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>|<!--.*?-->|[^<]+", re.S)
_ATTR = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr", "param", "keygen"})


def text_lines(markup: str) -> list[str]:
    """Non-empty lines of rendered text, whitespace collapsed; every pass runs in C."""
    text = _COMMENT.sub("", markup)
    text = _BLOCK_TAG.sub("\n", text)
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
    """Collects tokens into Lines; keeps a stack of open elements (no recursion)."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.linked = 0
        self.unlinked = 0
        self.kind = ""
        self.figure = False

    def text(self, chunk: str, kind: str, in_link: bool, in_figure: bool) -> None:
        if not self.parts or not "".join(self.parts).strip():
            self.kind, self.figure = kind, in_figure
        self.parts.append(chunk)
        letters = len(chunk.strip())
        if in_link:
            self.linked += letters
        else:
            self.unlinked += letters

    def flush(self) -> None:
        text = _HSPACE.sub(" ", "".join(self.parts)).strip()
        if text:
            self.lines.append(Line(text, self.kind, self.linked > 0 and self.unlinked == 0, self.figure))
        self.parts.clear()
        self.linked = self.unlinked = 0


def region_lines(markup: str, skip_boilerplate: bool = True) -> list[Line]:
    """Lines of an element's serialized HTML with their block kind; images become ``img`` lines.

    Descendants that are navigation, share bars, comment boxes or advertisements are skipped.
    """
    out = _Builder()
    stack: list[tuple[str, bool]] = []  # (tag, skipped)
    skipping = 0
    links = 0
    figures = 0
    for match in _TOKEN.finditer(markup):
        closing, tag, rest = match.group(1), match.group(2), match.group(3)
        if tag is None:
            token = match.group(0)
            if skipping or token.startswith("<!--"):
                continue
            kind = _innermost_block(stack)
            out.text(html.unescape(token) if "&" in token else token, kind, links > 0, figures > 0)
            continue
        tag = tag.lower()
        if closing:
            skipping, links, figures = _close(stack, tag, out, skipping, links, figures)
            continue
        attrs = dict(_ATTR.findall(rest)) if rest else {}
        skip = skip_boilerplate and bool(stack) and _is_boilerplate(tag, attrs)
        if tag in BLOCK_TAGS or tag == "br":
            out.flush()
        elif tag in CELL_TAGS:
            out.text(" ", "", False, False)
        if tag == "img" and not skipping:
            out.flush()
            out.lines.append(Line(html.unescape(attrs.get("alt", "")), "img", False, figures > 0, attrs))
        if tag in _VOID or rest.endswith("/"):
            continue
        stack.append((tag, skip))
        skipping += skip
        links += tag == "a"
        figures += tag == "figure"
    out.flush()
    return out.lines


def _close(
    stack: list[tuple[str, bool]], tag: str, out: _Builder, skipping: int, links: int, figures: int
) -> tuple[int, int, int]:
    if not any(t == tag for t, _s in stack[-8:]):
        return skipping, links, figures  # stray end tag
    while stack:
        open_tag, skipped = stack.pop()
        skipping -= skipped
        links -= open_tag == "a"
        figures -= open_tag == "figure"
        if open_tag in BLOCK_TAGS:
            out.flush()
        if open_tag == tag:
            break
    return skipping, links, figures


def _innermost_block(stack: list[tuple[str, bool]]) -> str:
    for tag, _skipped in reversed(stack):
        if tag in BLOCK_TAGS:
            return tag
    return ""


def _is_boilerplate(tag: str, attrs: dict[str, str]) -> bool:
    if tag in BOILERPLATE_TAGS:
        return True
    marks = f"{attrs.get('class', '')} {attrs.get('id', '')} {attrs.get('role', '')}".strip()
    return bool(marks) and BOILERPLATE_WORDS.search(marks) is not None
