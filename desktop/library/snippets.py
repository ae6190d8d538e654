"""Search snippets: a few words around the first match, matches in [brackets].

Built in Python from the stored text of the pages kept: FTS5's snippet() re-reads every match of the
query and cost 18-110 ms for 200 hits over 10,000 pages, this costs a few.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Callable, Sequence
from itertools import islice

# Letters and digits with their combining marks, as FTS5's unicode61 tokenizer splits words.
TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+")
LEAD = 3  # words shown before the first match
LOOK_BACK = 120  # characters before the first possible match where the words before it are looked for


def fold(word: str) -> str:
    """Case and diacritics folded, as unicode61 compares tokens."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_terms(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole words and prefixes (from ``word*``) to highlight, folded."""
    words: set[str] = set()
    prefixes: list[str] = []
    for raw in text.replace("\x00", " ").split():
        tokens = [fold(t) for t in TOKEN.findall(raw.rstrip("*"))]
        if not tokens:
            continue
        if raw.endswith("*"):
            prefixes.append(tokens.pop())
        words.update(tokens)
    return frozenset(words), tuple(prefixes)


def _render(text: str, window: list[re.Match[str]], marked: Callable[[int, str], bool], before: bool,
            after: bool) -> str:
    parts: list[str] = ["…"] if before else []
    cursor = window[0].start()
    for index, token in enumerate(window):
        parts.append(text[cursor:token.start()])
        parts.append(f"[{token.group()}]" if marked(index, token.group()) else token.group())
        cursor = token.end()
    if after:
        parts.append("…")
    return "".join(parts)


def _around_first_match(text: str, size: int, is_match: Callable[[str], bool], start: int = 0) -> str | None:
    """The words around the first match in ``text`` at or after ``start`` (a word boundary), reading no
    further than the window needs."""
    recent: deque[re.Match[str]] = deque(maxlen=LEAD)
    tokens = TOKEN.finditer(text, start)
    for seen, token in enumerate(tokens):
        if is_match(token.group()):
            lead = len(recent)
            if start and lead < LEAD:
                return _around_first_match(text, size, is_match)  # too few words before it: read from the start
            window = [*recent, token, *islice(tokens, max(size - lead - 1, 0))]
            more = next(tokens, None) is not None
            def marked(index: int, word: str, lead: int = lead) -> bool:
                return index >= lead and is_match(word)

            earlier = seen > lead or (start > 0 and TOKEN.search(text, 0, start) is not None)
            return _render(text, window, marked, earlier, more)
        recent.append(token)
    return None


def _ascii_start(text: str, needles: tuple[str, ...]) -> int | None:
    """Where to start looking for the first match in ASCII ``text`` (None: there is none).

    In ASCII text a word matches only where its lower-case form appears, so the search can start a few
    words before the first place any needle appears, instead of reading every word from the start.
    """
    lowered = text.lower()
    found = [at for at in (lowered.find(needle) for needle in needles) if at >= 0]
    if not found:
        return None
    start = max(min(found) - LOOK_BACK, 0)
    while start > 0 and text[start - 1].isalnum():
        start -= 1  # back to the start of a word
    return start


def _opening(text: str, size: int) -> str | None:
    tokens = TOKEN.finditer(text)
    window = list(islice(tokens, size))
    if not window:
        return None
    return _render(text, window, lambda _i, _word: False, False, next(tokens, None) is not None)


def make_snippet(fields: Sequence[str | None], text: str, size: int = 12) -> str:
    """About ``size`` words of the first field that contains a word of ``text`` (else the opening words
    of the first field with any), each matching word in [brackets]."""
    words, prefixes = query_terms(text)

    def is_match(token: str) -> bool:
        folded = fold(token)
        return folded in words or folded.startswith(prefixes)

    needles = (*words, *prefixes)
    plain = all(needle.isascii() for needle in needles)
    for field in fields:
        if not field:
            continue
        start: int | None = 0
        if plain and field.isascii():
            start = _ascii_start(field, needles)
        found = _around_first_match(field, size, is_match, start) if start is not None else None
        if found is not None:
            return found
    return next((opening for field in fields if field and (opening := _opening(field, size))), "")
