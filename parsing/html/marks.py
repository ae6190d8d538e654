"""What an element says about its content, as bits: from its tag, ARIA role, hidden state, class and id words."""

from __future__ import annotations

import functools
import re

from parsing.sites.vocabulary import (
    BYLINE_WORDS,
    CAPTION_WORDS,
    DATE_WORDS,
    FURNITURE_ROLES,
    FURNITURE_TAGS,
    HIDDEN_PAIRS,
    HIDDEN_WORDS,
    LAYOUT_WORDS,
    MODIFIER_CLASS,
    NEGATIVE_PAIRS,
    NEGATIVE_PREFIXES,
    NEGATIVE_WORDS,
    NOT_NEGATIVE,
    NOTICE_PREFIXES,
    POSITIVE_WORDS,
    READ_INSIDE,
    STORY_ITEMPROPS,
    STORY_PAIRS,
    STORY_TAGS,
    TEASER_WORDS,
)

# Mark bits of an element.
NEGATIVE = 1  # furniture by its words, tag or role
POSITIVE = 2  # words of content ("entry", "post-body")
STORY = 4  # <article>, <main>, role=main, itemprop=articleBody, "article-body": the story's own container
TEASER = 8
CAPTION = 16
BYLINE = 32
DATE = 64
HIDDEN = 128  # hidden, display:none, screen-reader-only
FIGURE = 256
LAYOUT_NEGATIVE = 512  # furniture by layout only (sidebar words, <form>, <header>): trusted only when small
NOTICE = 1024  # a cookie, consent, subscription or sign-up notice
ARIA_HIDDEN = 2048  # aria-hidden: trusted only when small (a consent dialog hides the page behind it)
SKIPPABLE = 4096  # furniture whose content never matters (menus, footers, comments, share bars, ads)
SEMANTIC = TEASER | BYLINE | DATE | CAPTION

MAX_ATTR_CHARS = 400  # of class, id and style: longer values are cut (hostile pages; bounded caches)
MAX_CLASS_WORDS = 5  # a class token of more words is a slug made from a title, not vocabulary
MAX_ID_WORDS = 3
_ATOMIC = re.compile(r"[()$#%:!@]")  # atomic CSS ("Fz(14px)", "md:flex"): styling, not vocabulary
_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_RARE_KEYS = frozenset({"style", "role", "itemprop", "rel", "hidden", "aria-hidden"})  # the rest of the marks' keys
_TAG_BITS = {"figure": FIGURE, "figcaption": CAPTION, "time": DATE}


def words_of(klass: str, ident: str = "") -> list[str]:
    """Lower-case words of class and id tokens, leaving out state and taxonomy modifiers and slugs.

    A token of many words is a slug made from a heading or title ("sharing-with-a-single-developer"),
    not the template's vocabulary: its words say nothing about the element's role.
    """
    found: list[str] = []
    for token in klass.split():
        found.extend(_token_words(token, MAX_CLASS_WORDS))
    for token in ident.split():
        found.extend(_token_words(token, MAX_ID_WORDS))
    return found


@functools.lru_cache(maxsize=16_384)
def _token_words(token: str, slug_words: int) -> tuple[str, ...]:
    if MODIFIER_CLASS.search(token) or _ATOMIC.search(token):
        return ()
    words = tuple(w.lower() for w in _SPLIT.split(token) if w)
    return words if len(words) <= slug_words else ()


def _has_pair(words: list[str], pairs: frozenset[tuple[str, str]]) -> bool:
    return any((words[i - 1], words[i]) in pairs for i in range(1, len(words)))


def _is_negative(words: list[str]) -> bool:
    for word in words:
        if word in NOT_NEGATIVE:
            continue
        if word in NEGATIVE_WORDS or word.startswith(NEGATIVE_PREFIXES):
            return True
    return _has_pair(words, NEGATIVE_PAIRS)


@functools.lru_cache(maxsize=16_384)
def class_marks(klass: str, ident: str) -> int:
    """Mark bits from the words of an element's class and id (cached: templates repeat their markup)."""
    words = words_of(klass, ident)
    if not words:
        return 0
    bits = 0
    unique = set(words)
    if _is_negative(words):
        bits |= NEGATIVE
        if any(w.startswith(NOTICE_PREFIXES) for w in unique):
            bits |= NOTICE
        if unique.isdisjoint(READ_INSIDE):
            bits |= SKIPPABLE
    elif not unique.isdisjoint(LAYOUT_WORDS):
        bits |= LAYOUT_NEGATIVE
    elif not unique.isdisjoint(POSITIVE_WORDS):
        bits |= POSITIVE | (STORY if _has_pair(words, STORY_PAIRS) else 0)
    if not unique.isdisjoint(TEASER_WORDS):
        bits |= TEASER
    if not unique.isdisjoint(CAPTION_WORDS) or "caption" in "".join(words):
        bits |= CAPTION
    if not unique.isdisjoint(BYLINE_WORDS):
        bits |= BYLINE
    if not unique.isdisjoint(DATE_WORDS):
        bits |= DATE
    if "".join(words) in HIDDEN_WORDS or "sronly" in unique or _has_pair(words, HIDDEN_PAIRS):
        bits |= HIDDEN
    return bits


@functools.lru_cache(maxsize=256)
def tag_marks(tag: str) -> int:
    """Mark bits of an element without attributes."""
    return _marks(tag, None, None, None, None, None, None, False, None)


def element_marks(tag: str, attrs: dict[str, str | None]) -> int:
    """All mark bits of one element (cached on the attributes that matter: templates repeat them)."""
    get = attrs.get
    klass, ident = get("class"), get("id")
    if _RARE_KEYS.isdisjoint(attrs):  # (most elements: a class, an id, attributes that mark nothing)
        return _marks(tag, klass and klass[:MAX_ATTR_CHARS], ident and ident[:MAX_ATTR_CHARS])
    style = get("style")
    return _marks(tag, klass and klass[:MAX_ATTR_CHARS], ident and ident[:MAX_ATTR_CHARS], get("role"),
                  get("itemprop"), get("rel"), style and style[:MAX_ATTR_CHARS], "hidden" in attrs,
                  get("aria-hidden"))


@functools.lru_cache(maxsize=32_768)
def _marks(tag: str, klass: str | None, ident: str | None, role: str | None = None, itemprop: str | None = None,
           rel: str | None = None, style: str | None = None, hidden: bool = False, aria_hidden: str | None = None,
           ) -> int:
    bits = HIDDEN if hidden or (style and _HIDDEN_STYLE.search(style)) else 0
    if (aria_hidden or "").strip().lower() == "true":
        bits |= ARIA_HIDDEN
    if klass or ident:
        bits |= class_marks(klass or "", ident or "")
    role = (role or "").strip().lower()
    itemprop = (itemprop or "").strip().lower()
    if tag in STORY_TAGS or role == "main" or itemprop in STORY_ITEMPROPS:
        bits = (bits | STORY | POSITIVE) & ~(NEGATIVE | SEMANTIC)
    elif tag in FURNITURE_TAGS or role in FURNITURE_ROLES:
        bits |= NEGATIVE | SKIPPABLE if tag != "header" else LAYOUT_NEGATIVE
    elif tag == "form":
        bits |= LAYOUT_NEGATIVE
    bits |= _TAG_BITS.get(tag, 0)
    if "author" in itemprop or (rel or "").strip().lower() == "author":
        bits |= BYLINE
    if bits & (SEMANTIC | STORY):
        bits &= ~SKIPPABLE
    if itemprop == "datepublished":
        bits |= DATE
    return bits
