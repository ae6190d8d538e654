"""Strips: runs of field lines read as repeated items, ``SYMBOL PRICE [word|glyph|class]* CHANGE [glyph] PERCENT%``.

Items may share a line (a marquee, a ``|``-joined tape) or spread one field per line (cards); parentheses,
signs, words, glyphs, class marks, labels and separators are all optional, and anything of them may sit
between fields. Between items only separators. After a token that cannot go on an item, the rest of its line
is passed over, never re-aligned inside the line. Items printing their fields in another order (the change and
percent before the price, the percent before the change, the price before the symbol) are read only when their
numbers agree, since any three numbers fit some order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from parsing.extract.quotes.check import numbers_problem, resolve
from parsing.extract.quotes.figures import (
    BODY,
    GLYPH_DIRECTION,
    GLYPHS,
    SIGN,
    Hint,
    Num,
    make_number,
    parse_number,
    scaled_number,
)
from parsing.extract.quotes.tokens import (
    COUNT,
    GAP,
    GLYPH,
    ITEM,
    LABEL,
    MARK,
    NUM,
    SEP,
    SYM,
    SYMBOL,
    WORD,
    WORD_PATTERN,
    Tok,
    field_tokens,
)
from parsing.html.layout import MARK_DIRECTION, MARKS
from parsing.html.quote_lines import BREAK, STORY
from parsing.model import Direction, Kind, Quote
from parsing.sites.brecorder import INDEX_TITLES, is_index
from parsing.sites.vocabulary import DIRECTION_WORDS, QUOTE_HEADERS

MAX_GAP_LINES = 2  # short label lines ("Indices", "Market movers") one strip may bridge
MAX_LABEL_CHARS, MAX_LABEL_WORDS = 60, 6
PLAUSIBLE_SHARE, PLAUSIBLE_POINTS = 0.25, 0.1  # how far a percent may be from its quote's and still be one
_SOURCE_RANK = {"word": 0, "glyph": 1, "class": 2}
_AFTER_ROLES = frozenset({"open", "high", "low", "prev", "volume"})  # fields an item may print after its percent
_DATELINE = re.compile(r"(?i)\b(?:published|updated|posted)\b.{0,60}?\b(?:19|20)\d\d\b")
_SENTENCE = re.compile(r"(?:\b[a-z]{2,}[,;:]? ){4}[a-z]{2,}")  # five lower-case words in a row: prose
_MARKERS = (BREAK, STORY)
# A line that is one item in a usual shape, read with one match: SYMBOL PRICE [word] [glyph] CHANGE [glyph] PERCENT.
_ITEM_LINE = re.compile(
    rf"(?P<m0>[{MARKS}]*+)\s*+(?P<symbol>{SYMBOL})[\s{MARKS}]++(?P<price>{BODY})\s++"
    rf"(?:(?P<word>{WORD_PATTERN})(?![A-Za-z0-9])\s*+)?(?:(?P<g0>[{GLYPHS}])\s*+)?(?P<m1>[{MARKS}]*+)"
    rf"(?P<cs>{SIGN})?(?P<change>{BODY})\s*+(?:(?P<g1>[{GLYPHS}])\s*+)?"
    rf"(?P<lp>\()?(?P<ps>{SIGN})?(?P<percent>{BODY})\s?%(?(lp)\))\s*+"
)


@dataclass(slots=True)
class Item:
    """One strip item: its symbol, the directions stated around it, and its numbers or its finished quote."""

    symbol: str
    hints: list[Hint]
    start: int  # index of its first token
    end: int  # index after its last token
    numbers: tuple[Num, Num, Num] | None = None  # price, change, percent as printed
    quote: Quote | None = None  # a plainly consistent whole-line item, decided with floats
    textual: bool = False  # a word or a glyph states its direction (not only a class)
    unstated: bool = False  # a moving change that no sign, word or glyph gives a direction
    fields: dict[str, float] = field(default_factory=dict)  # printed after the percent ("Vol: 1.25M", "High ...")


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
        if len(items) > 1 and 2 * sum(not _plausible(item) for item in items) > len(items):
            continue  # rows of other figures (a results table: EPS 4.12 5.01 21.60%), not a strip
        for item in items:
            if "/" in item.symbol:
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


def _plausible(item: Item) -> bool:
    """Whether the item's numbers could be a quote, whatever their rounding or the base their percent was taken
    on: the price less the change is positive and the percent is within a quarter of change / previous close.
    Rows of other figures mostly are not (``EPS 4.12 5.01 21.60%``, ``LUCK 41.20 15.00 36.41%``)."""
    if item.quote is not None or item.numbers is None:
        return True
    price, change, percent = item.numbers
    got = resolve(change, percent, item.hints)
    base = price.value - got.change
    if base <= 0:
        return False
    wanted = got.change / base * 100
    return abs(wanted - (got.percent or 0.0)) <= max(PLAUSIBLE_SHARE * abs(wanted), PLAUSIBLE_POINTS)


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
        item = None if ended or "\t" in line else _line_item(line)
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
        item = _line_item(cell.strip())
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
    leading = next((tok.kind == GLYPH for tok in toks if tok.kind not in (SEP, GAP, MARK, LABEL)), False)
    while i < n:
        if toks[i].kind in (SEP, GAP):
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


def _line_item(line: str) -> Item | None:
    """The line as one item when it has a usual shape (one regex match), else None (the tokens decide)."""
    match = _ITEM_LINE.fullmatch(line)
    if match is None:
        return None
    m0, symbol, price_text, word, g0, m1, change_sign, change_text, g1, _lp, percent_sign, percent_text = (
        match.groups())
    marks = m0 + m1 if m1 else m0
    key = (word, g0, g1, marks)
    statement = _STATEMENTS.get(key)
    if statement is None:
        statement = _statement(word, g0, g1, marks)
        if len(_STATEMENTS) < MAX_STATEMENTS:
            _STATEMENTS[key] = statement
    word_said, agreed, textual = statement
    unstated = not (textual or change_sign or percent_sign) and change_text.strip("0.,") != ""
    quote = _plain_item(symbol, word_said, agreed, price_text, change_sign, change_text, percent_sign, percent_text)
    if quote is not None:
        return Item(symbol, [], 0, 1, None, quote, textual, unstated)
    hints: list[Hint] = [("word", word_said)] if word_said else []
    hints += [("glyph", GLYPH_DIRECTION[glyph]) for glyph in (g0, g1) if glyph]
    hints += [("class", MARK_DIRECTION[mark]) for mark in marks]
    numbers = (make_number(None, price_text, None), make_number(change_sign, change_text, None),
               make_number(percent_sign, percent_text, "%"))
    return Item(symbol, hints, 0, 1, numbers, None, textual, unstated)


_DOWN_SIGNS = ("-", "\u2212", "\u2013")
_MIXED = "mixed"  # the word, glyphs and class marks of an item state more than one direction
MAX_STATEMENTS = 4_096
# What an item's word, glyphs and class marks state, by (word, glyph, glyph, marks): a page repeats a few shapes.
_STATEMENTS: dict[tuple[str | None, str | None, str | None, str], tuple[Direction | None, str | None, bool]] = {}


def _statement(word: str | None, g0: str | None, g1: str | None, marks: str,
               ) -> tuple[Direction | None, str | None, bool]:
    """The direction the word says (None without a word); the one direction that the word, glyphs and class marks
    all state (None when none states one, ``_MIXED`` when they differ); whether a word or a glyph states it."""
    word_said = _word_direction(word) if word else None
    stated: list[Direction] = [word_said] if word_said else []
    stated += [GLYPH_DIRECTION[glyph] for glyph in (g0, g1) if glyph]
    stated += [MARK_DIRECTION[mark] for mark in marks]
    agreed = stated[0] if stated and all(said == stated[0] for said in stated) else _MIXED if stated else None
    return word_said, agreed, bool(word or g0 or g1)


def _plain_item(symbol: str, word_said: Direction | None, agreed: str | None, price_text: str,
                change_sign: str | None, change_text: str, percent_sign: str | None, percent_text: str,
                ) -> Quote | None:
    """The quote of an item whose signs, words, glyphs and numbers all agree, decided with floats; else None.

    ``agreed`` is the one direction the word, glyphs and class marks state (see ``_statement``); then the price,
    the change's sign and digits, the percent's sign and digits. The same rules as ``resolve`` and
    ``numbers_problem``, for the common case only: anything to flag goes the general way, which words the flag.
    """
    price = float(price_text.replace(",", "")) if "," in price_text else float(price_text)
    change = float(change_text.replace(",", "")) if "," in change_text else float(change_text)
    percent = float(percent_text.replace(",", "")) if "," in percent_text else float(percent_text)
    if change == 0:
        if percent != 0 or word_said not in (None, "unchanged"):
            return None  # a word saying up or down on a zero change is a flag
        return Quote(symbol, price, 0.0, 0.0, "unchanged", _kind(symbol))
    direction: Direction
    if change_sign:
        direction = "down" if change_sign in _DOWN_SIGNS else "up"
        if percent_sign and (percent_sign in _DOWN_SIGNS) != (direction == "down"):
            return None
    elif percent_sign:
        direction = "down" if percent_sign in _DOWN_SIGNS else "up"
    elif agreed == "up" or agreed == "down":
        direction = "up" if agreed == "up" else "down"
    else:
        direction = "up"  # (with a statement that is not up or down, it disagrees below)
    if agreed is not None and agreed != direction:
        return None
    if direction == "down":
        change, percent = -change, -percent
    base = price - change
    if base <= 0:
        return None
    miss = abs(change / base * 100 - percent)
    dot = percent_text.find(".")
    if miss > 0.005 or dot < 0 or len(percent_text) - dot > 3:  # not plainly inside a two-decimal rounding
        slack = (_half_unit(percent_text) + 100 * price / (base * base) * _half_unit(change_text)
                 + 100 * abs(change) / (base * base) * _half_unit(price_text) + 1e-9)
        if miss > slack:
            return None
    return Quote(symbol, price, change, percent + 0.0, direction, _kind(symbol))


@functools.lru_cache(maxsize=4096)
def _kind(symbol: str) -> Kind:
    return "index" if is_index(symbol) else "stock"


def _half_unit(text: str) -> float:
    dot = text.find(".")
    return 0.5 if dot < 0 else 0.5 * 10.0 ** (dot + 1 - len(text))


@functools.lru_cache(maxsize=256)
def _word_direction(text: str) -> Direction:
    words = " ".join(text.lower().split())
    said = DIRECTION_WORDS.get(words.removesuffix(" by"), "unchanged")
    return "up" if said == "up" else "down" if said == "down" else "unchanged"


def _hints(toks: list[Tok], j: int, kinds: tuple[int, ...], hints: list[Hint]) -> int:
    """Pass over tokens of ``kinds`` from ``j``, collecting the directions they state; the next index."""
    while j < len(toks) and toks[j].kind in kinds:
        tok = toks[j]
        if tok.kind == WORD:
            hints.append(("word", _word_direction(tok.text)))
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
        spaced = _index_number(symbol, toks[j].text)
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
    j = _trailing_glyphs(toks, j + 1, leading, hints)
    after, end = _fields_after(toks, j)
    item = _made(symbol, hints, i, end, (price, change, percent))
    item.fields = after
    return item


def _trailing_glyphs(toks: list[Tok], j: int, leading: bool, hints: list[Hint]) -> int:
    """Past the arrows right after an item's percent on its line, collecting what they state, when they are the
    item's: at the end of the line or before a separator, or in a strip that draws no arrow before its symbols."""
    k = j
    while k < len(toks) and toks[k].kind == GLYPH and toks[k].line == toks[j - 1].line:
        k += 1
    if k == j or (leading and not (toks[k - 1].last or (k < len(toks) and toks[k].kind in (SEP, GAP)))):
        return j
    hints += [("glyph", GLYPH_DIRECTION[tok.text]) for tok in toks[j:k]]
    return k


def _fields_after(toks: list[Tok], j: int) -> tuple[dict[str, float], int]:
    """Fields printed after an item's percent, each after its label ("Vol: 1.25M", "High 146.00 Low 144.10",
    "LDCP: 144.00"), and a volume without one (a count printed short, "1.25M", or a whole number in a table row's
    last cell); (the fields by role, the index after them)."""
    fields: dict[str, float] = {}
    while True:
        k, role = j, None
        while k < len(toks) and toks[k].kind == LABEL:
            role = QUOTE_HEADERS.get(" ".join(toks[k].text.lower().rstrip(" :").split()))
            k += 1
        if k >= len(toks) or (k > j and role not in _AFTER_ROLES) or (k == j and fields):
            return fields, j
        tok = toks[k]
        # (a table row's last cell: "HBL<tab>145.20<tab>+1.20<tab>+0.83%<tab>1,234,567", a whole number)
        cell = k == j and tok.tabbed and tok.last and tok.line == toks[j - 1].line and "." not in tok.text
        if tok.kind == COUNT and role in (None, "volume"):
            num, role = scaled_number(tok.text), "volume"
        elif tok.kind == NUM and (k > j or cell):
            num, role = parse_number(tok.text), role or "volume"
        else:
            return fields, j
        if num is None or num.signed or num.percent or "(" in tok.text or role in fields:
            return fields, j
        fields[role or "volume"] = num.value
        j = k + 1


def symbol_of(text: str) -> str:
    """A symbol token's symbol: an index named in words ("All Share", "KMI All-Share") by its code."""
    return INDEX_TITLES.get(text.lower().replace("-", " "), text) if " " in text or text[:2] == "Al" else text


def _index_number(symbol: str, number: str) -> str | None:
    """An index named with a space before its number ("KSE 100", "KMI 30"): the name, else None."""
    if not number.isdigit() or len(number) > 3 or len(symbol) > 5 or not is_index(symbol + number):
        return None
    return f"{symbol} {number}"


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
    got = resolve(change, percent, hints)
    problems = list(got.problems)
    numbers = numbers_problem(price, change, percent, None, got.change, got.percent)
    if numbers:
        problems.append(numbers)
    extra = item.fields
    volume = extra.get("volume")
    return Quote(item.symbol, price.value, got.change, (got.percent or 0.0) + 0.0, got.direction,
                 _kind(item.symbol), "; ".join(problems) or None, extra.get("open"), extra.get("high"), extra.get("low"),
                 extra.get("prev"), None if volume is None else int(volume))
