"""Serialized HTML to lines laid out the way a browser's innerText does (iterative, linear passes)."""

from __future__ import annotations

import functools
import html
import re

from parsing.model import Direction
from parsing.sites.vocabulary import (
    BLOCK_TAGS,
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



# --- Lines for the quote finder: table cells end in a tab, and a class that states a direction leaves a mark -----

# Private-use characters put right after the start tag of an element whose class names a direction
# (``tick--down``, ``qs-item--pos``), so the text that follows carries it.
MARK_UP, MARK_DOWN, MARK_FLAT = "\ue000", "\ue001", "\ue002"
MARKS = MARK_UP + MARK_DOWN + MARK_FLAT
MARK_DIRECTION: dict[str, Direction] = {MARK_UP: "up", MARK_DOWN: "down", MARK_FLAT: "unchanged"}

MAX_REPLACED_VALUES = 2  # class values of one mark put in one by one; more take one pattern pass
_CLASS_VALUE = re.compile(r' class="([^"]{1,300})"')
_CLASS_WORDS = {**dict.fromkeys(CLASS_UP, MARK_UP), **dict.fromkeys(CLASS_DOWN, MARK_DOWN),
                **dict.fromkeys(CLASS_FLAT, MARK_FLAT)}
_LINE_BREAK = re.compile(r"</?" + _trie([*(BLOCK_TAGS - CELL_TAGS), "br"]) + r"\b[^>]*+>")
_TAG_ONLY = re.compile(r"<[^>]*+>")
_ODD_SPACES = ("\r", "\f", "\v", "\xa0", "\u2009", "\u202f", "\u200b")
_SPACE_RUN = re.compile(r"  +")
_PRE = re.compile(r"<pre\b[^>]*+>.*?</pre>", re.S)
# A zero-width, thin or narrow space after a thousands comma ("1,\u2009017.11"): no space.
GROUP_BREAK = re.compile(r"(?<=\d),[\u200b\u2009\u202f](?=\d)")


def cell_lines(markup: str) -> list[str]:
    """Rendered lines of serialized markup, each table cell ended by a tab (a row's last tab dropped).

    A few linear passes, each in C: comments out; source whitespace to spaces; cell ends to tabs; direction
    marks put in; block tags to line breaks; other tags out; entities decoded; spaces collapsed.
    """
    text = _COMMENT.sub("", markup) if "<!--" in markup else markup
    if "<pre" in text:
        text = _PRE.sub(_pre_lines, text)
    text = text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
    if "</t" in text:
        text = text.replace("</td>", "\t").replace("</th>", "\t")
    if ' class="' in text:
        text = _mark_classes(text)
    if "color" in text:
        text = _mark_colours(text)
    text = _LINE_BREAK.sub("\n", text)
    text = _TAG_ONLY.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return copy_lines(text, cell_ends=True)


def _pre_lines(match: re.Match[str]) -> str:
    """Preformatted text keeps its line breaks (a report laid out in a monospace block, a pasted text table)."""
    return match[0].replace("\r\n", "\n").replace("\n", "<br>")


def collapse(text: str) -> str:
    """The text with each run of white space made one space and none at either end, as ``" ".join(text.split())``
    gives it; text that holds no white space but single spaces (a minified page's) is only stripped."""
    if "  " not in text and (_no_ascii_breaks(text) if text.isascii() else text.isprintable()):
        return text.strip(" ")  # (every white space character but the space is unprintable)
    return " ".join(text.split())


def _no_ascii_breaks(text: str) -> bool:
    """Whether ASCII text holds no white space but spaces (a few scans in C: faster than ``isprintable``)."""
    return not ("\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text
                or "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)


def copy_lines(text: str, cell_ends: bool = False) -> list[str]:
    """Non-empty lines with spaces collapsed and tabs kept (a text copy's cells are tab-separated).

    ``cell_ends``: every cell ended in a tab (the HTML layout), so each row's last tab is dropped.
    """
    if not text.isascii() and (",\u200b" in text or ",\u2009" in text or ",\u202f" in text):
        text = GROUP_BREAK.sub(",", text)
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
    '"' and '>' escaped inside values and text, so ``class="V">`` or ``class="V" ...>`` is always the end of a
    start tag. A few marked values are put in with ``str.replace`` each (a pattern pass only for a class followed
    by other attributes); many (a page whose classes say "up" and "down" in dozens of ways) with one pattern
    pass per mark.
    """
    marked: dict[str, list[str]] = {}  # the class values that give each mark
    for value in set(_CLASS_VALUE.findall(text)):
        mark = class_mark(value)
        if mark:
            marked.setdefault(mark, []).append(value)
    for mark, values in marked.items():
        if len(values) > MAX_REPLACED_VALUES:
            named = "|".join(re.escape(value) for value in values)
            text = re.sub(' class="(?:' + named + ')"(?: [^>]*+)?>', "\\g<0>" + mark, text)
            continue
        for value in values:
            attribute = f' class="{value}"'
            text = text.replace(attribute + ">", attribute + ">" + mark)
            if attribute + " " in text:
                text = re.sub(re.escape(attribute) + r" [^>]*+>", r"\g<0>" + mark, text)
    return text


# An attribute that sets the text's colour, in markup as lexbor writes it (a space before each attribute, values in
# double quotes): ``<font color="red">``, ``style="color: #d00"`` (not ``bgcolor``, ``background-color``).
_COLOUR_ATTRIBUTE = re.compile(r' (?:color="([^"]{1,40})"|style="([^"]*+)")')
_DIGIT = re.compile(r"\d")
_STYLE_COLOUR = re.compile(r"(?:^|[;\s])color\s*+:\s*+([^;]{1,40})")
_NAMED_COLOURS = {**dict.fromkeys(("red", "darkred", "crimson", "maroon", "firebrick", "orangered"), MARK_DOWN),
                  **dict.fromkeys(("green", "darkgreen", "lime", "limegreen", "forestgreen", "seagreen"), MARK_UP)}
_HEX = re.compile(r"#([0-9a-f]{3}|[0-9a-f]{6})")
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})")


def _mark_colours(text: str) -> str:
    """Put a direction mark right after each start tag that colours its text red or green (older layouts print a
    loss unsigned in ``<font color="red">``, newer ones in an inline ``color:``), as a class naming one does.

    One pass over the attributes (a pattern spanning whole tags backtracked through every long ``style``): an
    attribute counts when it lies inside a tag, the mark goes after that tag's ``>``. Only an element whose text
    holds a figure counts: a red link or heading (a site's colours) says nothing of a quote's direction."""
    pieces: list[str] = []
    done = 0
    for match in _COLOUR_ATTRIBUTE.finditer(text):
        mark = colour_mark(match[1] if match[1] is not None else _style_colour(match[2]))
        start = match.start()
        opened = text.rfind("<", done, start)
        if not mark or opened <= text.rfind(">", done, start):
            continue  # no red or green, or words in the text that only look like an attribute
        end = text.find(">", match.end())
        if end < 0:
            break
        if not _holds_figure(text, text[opened + 1:text.find(" ", opened)], end + 1):
            continue
        pieces += (text[done:end + 1], mark)
        done = end + 1
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


COLOURED_TEXT_CHARS = 2_000  # a coloured element's text is looked at this far for a figure


def _holds_figure(text: str, tag: str, at: int) -> bool:
    """Whether the element ``tag`` opened just before ``at`` holds a digit before it closes."""
    close = text.find("</" + tag + ">", at, at + COLOURED_TEXT_CHARS)
    return _DIGIT.search(text, at, close if close >= 0 else at + COLOURED_TEXT_CHARS) is not None


def _style_colour(style: str) -> str:
    found = _STYLE_COLOUR.search(style) if "color" in style else None
    return found[1] if found is not None else ""


@functools.lru_cache(maxsize=1024)
def colour_mark(value: str) -> str:
    """The mark a CSS colour gives: red or green by name, or a colour whose red or green channel is bright and at
    least twice each other channel (``#d00``, ``#090``, ``rgb(0, 153, 0)``); else "" (black, grey, blue...)."""
    value = value.strip().lower().removesuffix("!important").strip()
    if value in _NAMED_COLOURS:
        return _NAMED_COLOURS[value]
    hexed, rgb = _HEX.fullmatch(value), _RGB.match(value)
    if hexed is not None:
        digits = hexed[1] if len(hexed[1]) == 6 else "".join(c * 2 for c in hexed[1])
        red, green, blue = (int(digits[k:k + 2], 16) for k in (0, 2, 4))
    elif rgb is not None:
        red, green, blue = (int(rgb[k]) for k in (1, 2, 3))
    else:
        return ""
    if red >= 0x80 and red >= 2 * max(green, blue, 1):
        return MARK_DOWN
    if green >= 0x60 and green >= 2 * max(red, blue, 1):
        return MARK_UP
    return ""


@functools.lru_cache(maxsize=4096)
def class_mark(value: str) -> str:
    """The mark a class attribute's value gives (its words name one direction), else ""."""
    words = value.lower().replace("_", " ").replace("-", " ").split()  # (split at white space, "_" and "-")
    found = {_CLASS_WORDS[word] for word in words if word in _CLASS_WORDS}
    return found.pop() if len(found) == 1 else ""
