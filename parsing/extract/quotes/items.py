"""A strip item, and the quick reading of a line that is one item in the usual shape (``SYMBOL PRICE [word]
[arrow] CHANGE [arrow] PERCENT%``): one regex match, and the quote decided with floats when every sign, word,
arrow and number agrees; anything else goes the general way (``strips``), which words the flags.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from parsing.extract.quotes.figures import BODY, GLYPH_DIRECTION, GLYPHS, SIGN, Hint, Num, make_number
from parsing.extract.quotes.tokens import SYMBOL, WORD_PATTERN
from parsing.html.layout import MARK_DIRECTION, MARKS
from parsing.model import Direction, Kind, Quote
from parsing.sites.brecorder import is_index
from parsing.sites.vocabulary import DIRECTION_WORDS

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


def line_item(line: str) -> Item | None:
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
    # (an item that states no direction at all is read the general way, which keeps its numbers: see
    # ``strips.bare_losses``)
    quote = None if unstated and not marks else _plain_item(symbol, word_said, agreed, price_text, change_sign,
                                                            change_text, percent_sign, percent_text)
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
    word_said = word_direction(word) if word else None
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
        return Quote(symbol, price, 0.0, 0.0, "unchanged", item_kind(symbol))
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
    return Quote(symbol, price, change, percent + 0.0, direction, item_kind(symbol))


@functools.lru_cache(maxsize=4096)
def item_kind(symbol: str) -> Kind:
    return "index" if is_index(symbol) else "stock"


def _half_unit(text: str) -> float:
    dot = text.find(".")
    return 0.5 if dot < 0 else 0.5 * 10.0 ** (dot + 1 - len(text))


@functools.lru_cache(maxsize=256)
def word_direction(text: str) -> Direction:
    words = " ".join(text.lower().split())
    said = DIRECTION_WORDS.get(words.removesuffix(" by"), "unchanged")
    return "up" if said == "up" else "down" if said == "down" else "unchanged"
