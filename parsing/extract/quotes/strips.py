"""Strips: runs of field lines read as repeated items, ``SYMBOL PRICE [word|glyph|class]* CHANGE [glyph] PERCENT%``.

Items may share a line (a marquee, a ``|``-joined tape) or spread one field per line (cards); parentheses,
signs, words, glyphs, class marks, labels and separators are all optional, and anything of them may sit
between fields. Between items only separators. After a token that cannot go on an item, the rest of its line
is passed over, never re-aligned inside the line. Items printing their fields in another order (the change and
percent before the price, the percent before the change, the price before the symbol) are read only when their
numbers agree, since any three numbers fit some order.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from parsing.extract.quotes.check import bare_direction, numbers_problem, resolve
from parsing.extract.quotes.figures import (
    GLYPH_DIRECTION,
    Hint,
    Num,
    parse_number,
)
from parsing.extract.quotes.items import Item, item_kind, line_item, word_direction
from parsing.extract.quotes.parts import fields_after, index_number, plausible, symbol_of, trailing_glyphs
from parsing.extract.quotes.tokens import (
    GAP,
    GLYPH,
    ITEM,
    LABEL,
    MARK,
    NUM,
    RANK,
    SEP,
    SYM,
    TIME,
    WORD,
    Tok,
    field_tokens,
)
from parsing.html.layout import MARK_DIRECTION
from parsing.html.quote_lines import BREAK, STORY
from parsing.model import Quote

MAX_GAP_LINES = 2  # short label lines ("Indices", "Market movers") one strip may bridge
MAX_LABEL_CHARS, MAX_LABEL_WORDS = 60, 6
_SOURCE_RANK = {"word": 0, "glyph": 1, "class": 2}
_DATELINE = re.compile(r"(?i)\b(?:published|updated|posted)\b.{0,60}?\b(?:19|20)\d\d\b")
_SENTENCE = re.compile(r"(?:\b[a-z]{2,}[,;:]? ){4}[a-z]{2,}")  # five lower-case words in a row: prose
_MARKERS = (BREAK, STORY)
@dataclass(slots=True)
class StripQuotes:
    """What the strips of some lines gave: quotes in page order and the lines they were read from.

    ``unstated`` holds the lines of items whose direction only a class (or nothing) gave.
    """

    quotes: list[Quote]
    lines: set[int]
    unstated: set[int] = field(default_factory=set)


def strip_quotes(lines: Sequence[str], skip: Collection[int] = ()) -> StripQuotes:
    """Quotes of every strip in ``lines``; lines in ``skip`` (tables) are passed over.

    A run of one item is a quote only when a word or glyph states it and it sits above the story (before any
    sentence of prose or dateline): a lone quote-like line inside a story is story text. Several items in a
    row are a strip wherever they are, unless most of them have numbers no quote has (rows of other figures,
    such as a results table: see ``_plausible``). Exchange rates
    (``USD/PKR``) are not Pakistan Stock Exchange quotes and are left out.
    """
    found = StripQuotes([], set())
    for run in _runs(lines, skip):
        items = _items(run)
        if len(items) == 1 and not _lone_item_counts(items[0], run, lines):
            continue
        if len(items) > 1 and 2 * sum(not _plausible(item) for item in items if item.quote is None) > len(items):
            continue  # rows of other figures (a results table: EPS 4.12 5.01 21.60%), not a strip
        unsure = _unsure(items)
        for item in items:
            if "/" in item.symbol or item in unsure:
                continue
            quote = item.quote or _quote(item)
            if quote.price > 0:  # (a placeholder item: "SYMBOL 0.00 +0.00 (+0.00%)")
                found.quotes.append(quote)
            first, last = run[item.start].line, run[item.end - 1].line
            if first == last:
                found.lines.add(first)
            else:
                found.lines.update(range(first, last + 1))
            if item.unstated:
                found.unstated.update(range(first, last + 1))
    return found


def _unsure(items: list[Item]) -> list[Item]:
    """Items of a strip that prints losses without a sign, word, glyph or class (its colour lost in a text copy),
    whose numbers fit a gain and a loss alike: their direction cannot be told, so they give no quote. A strip
    prints losses so when the numbers of one such item fit only a loss (see ``bare_direction``)."""
    bare = [item for item in items if item.unstated and not item.hints and item.numbers is not None]
    if not bare:
        return []
    said = [bare_direction(item.numbers[0], item.numbers[1], item.numbers[2], None) if item.numbers else None
            for item in bare]
    if "down" not in said:
        return []
    return [item for item, direction in zip(bare, said, strict=True) if direction is None]


def _plausible(item: Item) -> bool:
    return item.quote is not None or item.numbers is None or plausible(item.numbers, item.hints)


def _lone_item_counts(item: Item, run: list[Tok], lines: Sequence[str]) -> bool:
    """A lone item stated by a word or glyph, or a card (its fields on lines of their own) with a signed change
    or percent, above the story. A lone line with signs only may be a figure quoted in passing."""
    first = run[item.start].line
    if not item.textual and not (item.numbers is not None and run[item.end - 1].line != first
                                 and (item.numbers[1].signed or item.numbers[2].signed)):
        return False
    return not any(_story_line(line) for line in lines[:first])


def _story_line(line: str) -> bool:
    """A sentence of prose or a dateline (or the marker of a part that read as one): where a story has begun."""
    if line == STORY or (len(line) <= 90 and _DATELINE.search(line)):
        return True
    return _SENTENCE.search(line) is not None and field_tokens(line, 0) is None


def _label_line(line: str) -> bool:
    """A short line of words without figures: a label ("Market movers") or a company's name under its symbol
    ("Pakistan State Oil Company Limited"), not a sentence."""
    return (len(line) <= MAX_LABEL_CHARS and len(line.split()) <= MAX_LABEL_WORDS
            and not any(char.isdigit() for char in line) and _SENTENCE.search(line) is None)


def _runs(lines: Sequence[str], skip: Collection[int]) -> list[list[Tok]]:
    """Consecutive field lines, bridging up to two short label lines (a GAP token that no item may span).

    A table's lines and a marker line (a part of the page left out of the layout) end a run.
    """
    runs: list[list[Tok]] = []
    run: list[Tok] = []
    gaps = 0
    for n, line in enumerate(lines):
        ended = (skip and n in skip) or line in _MARKERS
        item = None if ended or "\t" in line else line_item(line)
        if item is not None:
            run.append(Tok(ITEM, line, n, True, True, False, item))
            gaps = 0
            continue
        cells = _cell_items(line) if not ended and "\t" in line else None
        if cells is not None:
            run.extend(Tok(ITEM, cell, n, True, True, False, item) for cell, item in cells)
            gaps = 0
            continue
        toks = None if ended else field_tokens(line, n)
        if toks is not None:
            run.extend(toks)
            gaps = 0
        elif run and gaps < MAX_GAP_LINES and not ended and _label_line(line):
            run.append(Tok(GAP, "", n, True, True, False))
            gaps += 1
        elif run:
            runs.append(run)
            run, gaps = [], 0
    if run:
        runs.append(run)
    return runs


def _cell_items(line: str) -> list[tuple[str, Item]] | None:
    """The items of a table row whose every cell is one whole item (a ticker laid out as one row of cells), else
    None."""
    found = []
    for cell in line.split("\t"):
        item = line_item(cell.strip())
        if item is None:
            toks = field_tokens(cell, 0)
            items = _items(toks) if toks else []
            if len(items) != 1 or items[0].start != 0 or items[0].end != len(toks or ()):
                return None
            item = items[0]
        found.append((cell, item))
    return found if len(found) > 1 else None


def _items(toks: list[Tok]) -> list[Item]:
    items: list[Item] = []
    i, n = 0, len(toks)
    # Whether the strip draws its arrows before its symbols ("▲ HBL 145.20 ..."): else an arrow after an item's
    # percent is that item's ("HBL 145.20 1.20 (0.83%) ▲ UBL ...").
    leading = next((tok.kind == GLYPH for tok in toks if tok.kind not in (SEP, GAP, MARK, LABEL, TIME, RANK)), False)
    while i < n:
        if toks[i].kind in (SEP, GAP, TIME, RANK):
            i += 1
            continue
        whole = toks[i].item
        if isinstance(whole, Item):
            whole.start, whole.end = i, i + 1
            items.append(whole)
            i += 1
            continue
        item = _item(toks, i, leading)
        if item is None and toks[i].kind == NUM:
            item = _price_first(toks, i)
        if item is not None and _aligned(toks, item):
            items.append(item)
            i = item.end
            continue
        line = toks[i].line
        i += 1
        while i < n and toks[i].line == line and toks[i].kind not in (SEP, GAP):
            i += 1
    return items


def _hints(toks: list[Tok], j: int, kinds: tuple[int, ...], hints: list[Hint]) -> int:
    """Pass over tokens of ``kinds`` from ``j``, collecting the directions they state; the next index."""
    while j < len(toks) and toks[j].kind in kinds:
        tok = toks[j]
        if tok.kind == WORD:
            hints.append(("word", word_direction(tok.text)))
        elif tok.kind == GLYPH:
            hints.append(("glyph", GLYPH_DIRECTION[tok.text]))
        elif tok.kind == MARK:
            hints.append(("class", MARK_DIRECTION[tok.text]))
        j += 1
    return j


def _number(toks: list[Tok], j: int, percent: bool) -> Num | None:
    if j >= len(toks) or toks[j].kind != NUM:
        return None
    num = _parsed(toks[j].text)
    return num if num is not None and num.percent == percent else None


def _parsed(text: str) -> Num | None:
    """A number token; one parenthesis alone is one end of a pair around two fields ("(+1.20 / +0.83%)")."""
    if text[:1] == "(" and text[-1:] != ")":
        text = text[1:]
    elif text[-1:] == ")" and text[:1] != "(":
        text = text[:-1]
    return parse_number(text)


def _item(toks: list[Tok], i: int, leading: bool = False) -> Item | None:
    hints: list[Hint] = []
    j = _hints(toks, i, (MARK, GLYPH, LABEL), hints)
    if j >= len(toks) or toks[j].kind != SYM:
        return None
    symbol = symbol_of(toks[j].text)
    j += 1
    if j < len(toks) and toks[j].kind == NUM and toks[j].line == toks[j - 1].line:
        spaced = index_number(symbol, toks[j].text)
        if spaced is not None:
            symbol, j = spaced, j + 1
    j = _past_name_line(toks, j)
    j = _hints(toks, j, (MARK, LABEL, SEP), hints)  # (a separator between fields: "HBL | 145.20 | +1.20 | ...")
    fields = j
    price = _number(toks, j, False)
    if price is None or price.signed or "(" in toks[j].text:
        return _reordered(toks, i, symbol, fields, hints)
    j = _hints(toks, j + 1, (WORD, GLYPH, MARK, LABEL, SEP), hints)
    change = _number(toks, j, False)
    if change is None:
        return _reordered(toks, i, symbol, fields, hints)
    if not change.signed and toks[j].text[:1] == "(" and toks[j].text[-1:] == ")" and change.value:
        if all(said != "up" for _source, said in hints):
            change = change._replace(value=-change.value, signed="-")  # "(1.20)": a loss, in accounting style
    j = _hints(toks, j + 1, (GLYPH, MARK, LABEL, SEP), hints)
    percent = _number(toks, j, True)
    if percent is None:
        return _reordered(toks, i, symbol, fields, hints)
    j = trailing_glyphs(toks, j + 1, leading, hints)
    after, end = fields_after(toks, j)
    item = _made(symbol, hints, i, end, (price, change, percent))
    item.fields = after
    return item


def _made(symbol: str, hints: list[Hint], start: int, end: int, numbers: tuple[Num, Num, Num]) -> Item:
    hints.sort(key=lambda hint: _SOURCE_RANK[hint[0]])
    textual = any(source != "class" for source, _said in hints)
    _price, change, percent = numbers
    unstated = not (textual or change.signed or percent.signed) and change.value != 0
    return Item(symbol, hints, start, end, numbers, None, textual, unstated)


_BETWEEN = (WORD, GLYPH, MARK, LABEL, SEP)


def _reordered(toks: list[Tok], i: int, symbol: str, j: int, hints: list[Hint]) -> Item | None:
    """An item printing its fields in another order: the change and percent before the price (``HBL +1.20
    (+0.83%) 145.20``) or the percent before the change (``HBL 145.20 +0.83% +1.20``). Three numbers after the
    symbol, one of them a percent; kept only when they agree as price, change and percent (nothing to flag), so
    that no other three numbers are read as a quote."""
    hints = list(hints)
    at: list[int] = []
    while len(at) < 3:
        j = _hints(toks, j, _BETWEEN, hints)
        if j >= len(toks) or toks[j].kind != NUM:
            return None
        at.append(j)
        j += 1
    if "%" in toks[at[0]].text or ("%" in toks[at[1]].text) == ("%" in toks[at[2]].text):
        return None  # (a quick look first: one percent, after the first number)
    nums: list[tuple[Num, str]] = []
    for k in at:
        num = _parsed(toks[k].text)
        if num is None:
            return None
        nums.append((num, toks[k].text))
    percents = [num for num, _text in nums if num.percent]
    if len(percents) != 1 or nums[0][0].percent:
        return None
    (a, a_text), (b, b_text) = [(num, text) for num, text in nums if not num.percent]
    for (price, price_text), change in (((b, b_text), a), ((a, a_text), b)):
        if price.signed or "(" in price_text:
            continue
        item = _made(symbol, list(hints), i, j, (price, change, percents[0]))
        if not _quote(item).flag:
            return item
    return None


def _price_first(toks: list[Tok], i: int) -> Item | None:
    """An item printing its price before its symbol (``145.20 HBL +1.20 (+0.83%)``), kept only when its numbers
    agree (nothing to flag)."""
    price = _number(toks, i, False)
    if price is None or price.signed or "(" in toks[i].text:
        return None
    hints: list[Hint] = []
    j = _hints(toks, i + 1, (MARK, LABEL, SEP), hints)
    if j >= len(toks) or toks[j].kind != SYM:
        return None
    symbol = symbol_of(toks[j].text)
    j = _hints(toks, j + 1, _BETWEEN, hints)
    change = _number(toks, j, False)
    if change is None:
        return None
    j = _hints(toks, j + 1, (GLYPH, MARK, LABEL, SEP), hints)
    percent = _number(toks, j, True)
    if percent is None:
        return None
    item = _made(symbol, hints, i, j + 1, (price, change, percent))
    return None if _quote(item).flag else item


def _past_name_line(toks: list[Tok], j: int) -> int:
    """Past a short line of words under a symbol that has a line of its own, when the next line starts the
    numbers: a card's company name ("HBL", "Habib Bank Limited", "145.20")."""
    if (j + 1 < len(toks) and toks[j].kind == GAP and toks[j - 1].first and toks[j - 1].last
            and toks[j + 1].first and toks[j + 1].kind in (NUM, MARK, LABEL)):
        return j + 1
    return j


def _aligned(toks: list[Tok], item: Item) -> bool:
    """An item that touches a table row must be that whole row (never a few cells of a wider row)."""
    first, last = toks[item.start], toks[item.end - 1]
    if first.tabbed and not first.first:
        return False
    return not (last.tabbed and not last.last)


def _quote(item: Item) -> Quote:
    if item.quote is not None:
        return item.quote
    assert item.numbers is not None  # an item is made with its quote or its numbers
    price, change, percent = item.numbers
    hints = sorted(item.hints, key=lambda hint: _SOURCE_RANK[hint[0]])
    said = None if hints else bare_direction(price, change, percent, None)
    got = resolve(change, percent, hints, said)
    problems = list(got.problems)
    numbers = numbers_problem(price, change, percent, None, got.change, got.percent)
    if numbers:
        problems.append(numbers)
    extra = item.fields
    volume = extra.get("volume")
    return Quote(item.symbol, price.value, got.change, (got.percent or 0.0) + 0.0, got.direction,
                 item_kind(item.symbol), "; ".join(problems) or None, extra.get("open"), extra.get("high"),
                 extra.get("low"), extra.get("prev"), None if volume is None else int(volume))
