"""Field lines: lines made only of quote tokens (symbols, numbers, glyphs, direction words, labels, separators).

A line holding any other word is never a field line, so prose never gives a quote. One anchored fullmatch
rejects a prose line at its first ordinary word; only field lines are split into tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from parsing.extract.quotes.figures import BODY, GLYPHS, NUMBER, NUMBER_IN_RUPEES
from parsing.html.layout import MARKS
from parsing.sites.vocabulary import DIRECTION_WORDS, FIELD_LABELS

MAX_FIELD_LINE = 20_000  # a marquee of 300 items fits; longer lines are never read as a strip

# Token kinds: the group numbers of _TOKEN, in the order the alternatives are tried. GAP stands for a short
# label line inside a strip ("Market movers"), which no item may span; ITEM for a line read whole as one item.
# COUNT is a count printed short ("1.25M", "850.3K", "2.1bn"): a volume after an item's percent.
# TIME is a time of day ("10:32", "3:30 PM", "15:30 PKT") and RANK an item's place in a list ("1."): printed
# around items, they set items apart as separators do.
MARK, GLYPH, NUM, WORD, LABEL, SYM, SEP, COUNT, TIME, RANK, GAP, ITEM = range(1, 13)

SYMBOL = r"[A-Z][A-Z0-9]{0,11}(?:[-./&][A-Z0-9]{1,7})?"


def _words(words: Iterable[str]) -> str:
    """An alternation of the words, longest first, any run of spaces inside them."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s{1,3}") for word in ordered)


_END = rf"(?=[\s|·•,;/{MARKS}{GLYPHS}]|$)"
WORD_PATTERN = rf"(?i:{_words(DIRECTION_WORDS)})(?:\s{{1,3}}(?i:by))?"
_LABEL = rf"(?i:{_words(FIELD_LABELS)})"


def _alternatives(number: str) -> tuple[str, ...]:
    return (
        f"([{MARKS}])",
        f"([{GLYPHS}])",
        # "(-5.8%)BOP": an item's last number may touch the next symbol; "+1.20(+0.83%)": a number may touch the
        # next one's parenthesis
        f"({number})(?:(?<=[%)])|{_END}|(?=\\())",
        rf"({WORD_PATTERN})(?:(?<=[Bb][Yy])(?![A-Za-z])|(?![A-Za-z0-9]))",  # "Up by0.14" (a hidden word), not "UP0"
        rf"({_LABEL}(?:\s{{0,2}}:)?)(?![A-Za-z])",  # "Price3.66": a hidden label glued to its value
        # "KSE-100: 118,427.35 | ..." (the colon is not part of the symbol), "HBL (XD) 145.20" (a note: ex-dividend,
        # ex-bonus, ex-rights, non-compliant), "KSE-100 Index 118,427.35" (neither is the word "Index"); the all-share
        # indices named in words ("All Share Index": see ``parts.symbol_of``)
        rf"({SYMBOL}|(?:KMI )?All[ -]Shares?)(?:\s?\((?:X[DBRW]{{1,3}}|NC)\)|\s(?:Index|INDEX))?:?{_END}",
        r"([|·•;,/]|[—–](?=\s)|[()](?=\s|$))",  # (a parenthesis alone: a number's, in an element of its own)
        rf"({BODY}(?:[KMB]|\s?(?:mn|bn|mln)))(?![A-Za-z0-9])",
        r"((?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\s?(?i:[ap]\.?m\.?))?(?:\s?PKT)?)(?![A-Za-z0-9:])",
        r"([0-9]{1,3}\.)(?=\s)",
    )


def _patterns(number: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(one token, a whole field line) with numbers as ``number`` reads them."""
    alternatives = _alternatives(number)
    token = re.compile(r"\s*+(?:" + "|".join(alternatives) + ")")
    line = re.compile(r"\s*+(?:(?>" + "|".join(alt.replace("(", "(?:", 1) for alt in alternatives) + r")\s*+)++")
    return token, line


# Most lines name no currency: they are read with the plain number grammar, which is quicker.
_TOKEN, _FIELD_LINE = _patterns(NUMBER)
_TOKEN_RS, _FIELD_LINE_RS = _patterns(NUMBER_IN_RUPEES)


class Tok(NamedTuple):
    """One token of a field line (or, for ITEM, the whole line read as one strip item)."""

    kind: int
    text: str
    line: int  # the line's index
    first: bool  # the first token of its line
    last: bool  # the last token of its line
    tabbed: bool  # its line has table cells
    item: object = None  # the strips' Item, for an ITEM token


def field_tokens(line: str, number: int) -> list[Tok] | None:
    """The line's tokens when it is a field line, else None."""
    rupees = "Rs" in line or "PKR" in line
    if len(line) > MAX_FIELD_LINE or (_FIELD_LINE_RS if rupees else _FIELD_LINE).fullmatch(line) is None:
        return None
    token = _TOKEN_RS if rupees else _TOKEN
    found = [(int(m.lastindex or 0), m.group(m.lastindex or 0)) for m in token.finditer(line)]
    tabbed = "\t" in line
    last = len(found) - 1
    return [Tok(kind, text, number, n == 0, n == last, tabbed) for n, (kind, text) in enumerate(found)]


def is_field_line(line: str) -> bool:
    """Whether the line holds nothing but quote tokens."""
    rupees = "Rs" in line or "PKR" in line
    return len(line) <= MAX_FIELD_LINE and (_FIELD_LINE_RS if rupees else _FIELD_LINE).fullmatch(line) is not None
