"""The ticker strip in HTML: found by its quote words, laid out only around itself."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from parsing.extract.quotes import MAX_SPLIT_LINES, find_quotes, strict_strip
from parsing.html.layout import text_lines
from parsing.model import Quote

_QUOTE_WORD = re.compile(r"Increased By|Decreased By|No Change")
_BLOCK_BOUNDARY = re.compile(r"<(?:div|li|tr|p|br|ul|ol|section|table)\b")


def body_quotes(body: LexborNode, article: set[str]) -> list[Quote]:
    """The ticker, serializing the body's children one by one only until the strip is found."""
    children = list(body.iter())
    n = 0
    while n < len(children):
        n += 1
        if _QUOTE_WORD.search(children[n - 1].text() or "") is None:
            continue  # text() is much cheaper than serializing
        quotes, open_end = _item_quotes(children[n - 1], article)
        markup = ""
        if not quotes:
            markup = children[n - 1].html or ""
            quotes, open_end = ticker_quotes(markup, article)
        while open_end and n < len(children) and _starts_with_quote(children[n]):
            markup = (markup or children[n - 1].html or "") + (children[n].html or "")  # the strip goes on
            n += 1
            quotes, open_end = ticker_quotes(markup, article)
        if quotes:
            return quotes
    return []


def _item_quotes(container: LexborNode, article: set[str]) -> tuple[list[Quote], bool]:
    """Fast path for the usual strip, one element per quote: read each item's text without a layout pass.

    Gives up (empty list) unless every item that holds a quote word reads as quotes.
    """
    node, kids = container, []
    for _ in range(12):
        kids = list(node.iter())
        if len(kids) != 1:
            break
        node = kids[0]
    if not 2 <= len(kids) <= 2_000:
        return [], False
    # The grammar allows whitespace runs inside; the separator keeps block pieces of an item apart.
    lines = [(kid.text(separator=" ") or "").strip() for kid in kids]
    quotes = strict_strip(lines, article)
    return quotes, bool(quotes) and _QUOTE_WORD.search(lines[-1]) is not None


def _starts_with_quote(node: LexborNode) -> bool:
    """Whether the element's first 300 characters of text hold a quote word."""
    head = ""
    for index, child in enumerate(node.traverse(include_text=True)):
        if child.is_text_node:
            head += child.text_content or ""
            if len(head.strip()) >= 300:
                break
        if index > 200:
            break
    return _QUOTE_WORD.search(head.lstrip()[:300]) is not None


def ticker_quotes(markup: str, article: set[str]) -> tuple[list[Quote], bool]:
    """Quotes from the rendered text, laid out only around the strip (the first run of quote lines).

    Also says whether the strip runs to the very end of ``markup`` (it may go on after it).
    """
    word = _QUOTE_WORD.search(markup)
    size = 12_288
    while word is not None:
        begin = word.start()
        for _ in range(MAX_SPLIT_LINES):  # the symbol and price may sit in blocks of their own before the word
            begin = _line_start(markup, begin)
        stop = word.start() + size
        lines = text_lines(markup[begin:stop])
        quotes, _first, end = find_quotes(lines, article)
        if quotes and end == len(lines) and stop < len(markup):
            size *= 4  # the strip runs on past this window: lay out more of it
            continue
        if quotes or stop >= len(markup):
            return quotes, bool(quotes) and end == len(lines)
        word = _QUOTE_WORD.search(markup, stop)
    return [], False


def _line_start(markup: str, pos: int) -> int:
    """A block tag at or before ``pos`` (where a rendered line starts), close to it."""
    for back in (1_500, 12_000):
        last = None
        for last in _BLOCK_BOUNDARY.finditer(markup, max(0, pos - back), pos):  # noqa: B007
            pass
        if last is not None:
            return last.start()
    return 0
