"""A linear pre-scan that refuses pages too large or too deeply nested for a bounded-time tree build."""

from __future__ import annotations

import re

from parsing.limits import MAX_HTML_BYTES
from parsing.model import ParseError

MAX_DEPTH = 1_000
DEPTH_CHECK_FROM = 6_000  # lexbor builds a tree this deep in about 50 ms: not worth a scan

# Attributes of a tag: a quote opens a value only right after "=", a stray quote is part of a name, and an
# unclosed value runs to the end of the input (as in the HTML tokenizer). Possessive quantifiers: the scan
# never backtracks, so it stays linear.
_ATTRS = rb"""(?:[^>"'=]++|=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+)|["'])*+>?"""
_RAW_TEXT = rb"script|style|textarea|title|xmp|noscript|iframe|noembed|noframes"
_COMMENTS = rb"!--(?:-?>|(?:[^-]++|-(?!-!?>))*+(?:--!?>)?)|(?:[!?]|/(?![a-z]))[^>]*+>?|"
# Tags that nest without limit in a tree build (each level costs lexbor a walk of the open elements).
_DEEP = (
    rb"div|ul|ol|dl|blockquote|section|article|aside|nav|form|header|footer|main|fieldset|table|center|"
    rb"details|figure|figcaption|address|menu|dir|hgroup|pre|listing|summary|dialog|search|optgroup|"
    rb"rb|rp|rt|rtc|ruby|select"
)
_TAG = rb"|(/?)(" + _DEEP + rb")(?=[\s/>])" + _ATTRS + rb"|/?[a-z]" + _ATTRS

# On lower-cased bytes, one token per match: comments, bogus comments, a raw-text element with its content,
# everything after <plaintext>, a tag. Only the tags that nest deeply capture their name (and end slash).
_TOKENS = re.compile(
    rb"<(?=[!?/a-z])(?:"
    + _COMMENTS
    + rb"plaintext\b[\s\S]*+"
    + rb"|(" + _RAW_TEXT + rb")(?=[\s/>])" + _ATTRS + rb"(?:[^<]++|<(?!/\1[\s/>]))*+"
    + _TAG
    + rb")"
)
# Inside <svg> and <math> those elements are not raw text: a second scan reads their content as markup.
_TOKENS_FOREIGN = re.compile(rb"<(?=[!?/a-z])(?:" + _COMMENTS + _TAG[1:] + rb")")
_FOREIGN = re.compile(rb"<(?:svg|math)[\s/>]")
_RUBY_CHILDREN = frozenset({b"rb", b"rp", b"rt", b"rtc"})


def check_shape(data: bytes) -> None:
    """Refuse pages too large or too deeply nested to parse in bounded time (linear in the input)."""
    if len(data) > MAX_HTML_BYTES:
        raise ParseError(f"The page is too large to read (over {MAX_HTML_BYTES // (1024 * 1024)} MB of HTML).")
    if len(data) < DEPTH_CHECK_FROM * 4 or len(data) - len(data.replace(b"<", b"")) <= DEPTH_CHECK_FROM:
        return  # depth cannot exceed the number of tags ("<" counted via replace: faster than count here)
    if _starts_bound(data) <= DEPTH_CHECK_FROM:
        return  # ... nor the number of start tags that can nest
    data = data.lower()  # the patterns are all lower case
    scans = ((_TOKENS, 1), (_TOKENS_FOREIGN, 0)) if _FOREIGN.search(data) else ((_TOKENS, 1),)
    for tokens, skip in scans:
        marks = [found[skip:] for found in tokens.findall(data) if found[skip + 1]]
        opened = len(marks) - sum(1 for slash, _name in marks if slash)
        if opened > DEPTH_CHECK_FROM and _deepest(marks) > MAX_DEPTH:
            raise ParseError(
                f"The page nests its elements more than {MAX_DEPTH:,} levels deep; it cannot be read."
            )


def _starts_bound(data: bytes) -> int:
    """An upper bound on the start tags of elements that nest (counts in C, no scan).

    Every such start tag is a "<" that is followed neither by "/" nor by "td" (a table cell never nests), so
    subtracting those counts from the count of "<" stays above it, whatever comments or attributes hold; a
    400-row quote table (about 12,000 "<") then needs no scan.
    """
    return data.count(b"<") - data.count(b"</") - data.count(b"<td")


def _deepest(marks: list[tuple[bytes, bytes]]) -> int:
    """The deepest nesting of the marks; an end tag only closes an element of its name that is open."""
    open_count: dict[bytes, int] = {}
    depth = deepest = 0
    for slash, raw_name in marks:
        name = raw_name
        if name in _RUBY_CHILDREN and open_count.get(b"ruby"):
            continue  # inside <ruby> these close each other
        if name == b"optgroup" and open_count.get(b"select"):
            continue  # inside <select> an optgroup closes the previous one
        count = open_count.get(name, 0)
        if slash:
            if count:
                open_count[name] = count - 1
                depth -= 1
            continue
        open_count[name] = count + 1
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_DEPTH:
                break
    return deepest
