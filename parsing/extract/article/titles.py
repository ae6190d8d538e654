"""The story's title: og:title, JSON-LD headline, the <h1> or <title>, with the site's name cut off."""

from __future__ import annotations

import functools
import re

from parsing.extract.metadata import TITLE_META_KEYS, HeadMeta
from parsing.sites.brecorder import TITLE_SUFFIX

MAX_TITLE_CHARS = 500
MAX_SUFFIX_WORDS = 3
SIMILAR_SHARE = 0.6
MIN_REST_WORDS = 4
MIN_TITLE_CHARS = 4
# " - Site", " | Site", " – Site", " — Site", " :: Site", " · Site", " » Site"; "Site | Title" too.
# (the lookahead names every separator's first character: positions that cannot start one are passed at once)
_SEPARATOR = re.compile(r"(?=[\s:_])(?:\s+[|\-–—·•»~/\\]\s+|\s*::\s*|\s+_|_\s+)")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=256)
def _key(text: str) -> str:
    return _NON_WORD.sub("", text.lower())


def _is_site(part: str, sites: list[str]) -> bool:
    """Whether a title segment is the site's name (or holds it, or is held by it)."""
    key = _key(part)
    if len(key) < 2:
        return False
    for site in sites:
        if key == site or (len(site) >= 4 and site in key and len(key) <= len(site) + 12):
            return True
        if len(key) >= 4 and key in site:
            return True
    return False


def strip_site(title: str, sites: list[str], headings: list[str]) -> str:
    """The title without a leading or trailing site name; a heading of the page that equals one side wins."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    keys = [_key(h) for h in headings if h]
    for start in range(len(parts)):
        for stop in range(len(parts), start, -1):
            if (start, stop) == (0, len(parts)):
                continue
            if _key(" ".join(parts[start:stop])) in keys:
                return _join(title, parts, start, stop)
    site_keys = [_key(s) for s in sites if _key(s)]
    start, stop = 0, len(parts)
    while stop - start > 1 and _is_site(parts[stop - 1], site_keys):
        stop -= 1
    while stop - start > 1 and _is_site(parts[start], site_keys):
        start += 1
    return _join(title, parts, start, stop)


def _join(title: str, parts: list[str], start: int, stop: int) -> str:
    """The original text from segment ``start`` to segment ``stop`` (separators inside are kept)."""
    if (start, stop) == (0, len(parts)):
        return title
    first, last = parts[start], parts[stop - 1]
    begin = title.find(first)
    end = title.rfind(last) + len(last)
    return title[begin:end].strip() if 0 <= begin < end else " ".join(parts[start:stop])


def _words(text: str) -> set[str]:
    return {w for w in _NON_WORD.split(text.lower()) if len(w) > 1}


def similar(one: str, other: str) -> bool:
    """Whether most words of the shorter text are in the longer one (60 percent or more)."""
    a, b = _words(one), _words(other)
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) >= SIMILAR_SHARE * len(small)


def _same_title(heading: str, title: str) -> bool:
    """Whether one is the other cut short (an og:title shortened, a <title> with the site's name added)."""
    a, b = _key(heading), _key(title)
    if not (a and b and (a.startswith(b) or b.startswith(a))):
        return False
    return min(len(a), len(b)) * 2 >= max(len(a), len(b))


def _structured_title(meta: HeadMeta, heading: str | None) -> str | None:
    """The JSON-LD headline (or name) that agrees with the page's other titles, else og:title and the like,
    else microdata."""
    others = [t for t in (meta.title_tag, meta.first(TITLE_META_KEYS), heading) if t]
    for candidate in (meta.linked.headline, meta.linked.name):
        agrees = not others or any(similar(candidate, t) for t in others) if candidate else False
        if candidate and meta.linked.is_article and agrees:
            return candidate
    return meta.first(TITLE_META_KEYS) or meta.microdata_headline


def _content_words(text: str) -> set[str]:
    return {w for w in _words(text) if len(w) >= 4}


def strip_suffix(title: str) -> str:
    """Without a short capitalised last segment ("Headline – My Website") when no site name is known."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    last, rest = parts[-1].strip(), " ".join(parts[:-1])
    if last[:1].isupper() and len(last.split()) <= MAX_SUFFIX_WORDS and len(rest.split()) >= MIN_REST_WORDS:
        return _join(title, parts, 0, len(parts) - 1)
    return title


def choose_title(meta: HeadMeta, headings: list[str], story_heading: str | None = None,
                 near: list[str] | None = None, sites: list[str] | None = None) -> str | None:
    """The title: JSON-LD headline or og:title, else <title>, with the site's name cut off; the story's
    <h1> instead when it is the same title more fully written (or when neither exists). ``near`` are the other
    headings just above the story: when the site's name was cut and a section is left ("Headline - Pakistan"),
    the part that one of them repeats is kept. ``sites`` is ``meta.site_names()`` when the caller has it."""
    title = _title(meta, headings, story_heading, near or [], meta.site_names() if sites is None else sites)
    return TITLE_SUFFIX.sub("", title) or None if title else None  # the known sites' suffixes, as a hint


def _title(meta: HeadMeta, headings: list[str], story_heading: str | None, others: list[str], sites: list[str],
           ) -> str | None:
    heading = " ".join(story_heading.split()) if story_heading else None
    near = [heading] if heading else []
    structured = _structured_title(meta, heading)
    if structured:
        title = " ".join(structured.split())
        if heading and _same_title(heading, title) and _key(heading) != _key(title):
            return heading[:MAX_TITLE_CHARS]  # the same title, written more fully
        return _without_section(strip_site(title, sites, near), title, others)[:MAX_TITLE_CHARS] or None
    if meta.title_tag:
        title = meta.title_tag
        first_part = _SEPARATOR.split(title)[0]
        named = _same_title(heading, title) or _content_words(heading) & _content_words(first_part) if heading else False
        if heading and (named or len(_key(title)) < MIN_TITLE_CHARS):
            return heading[:MAX_TITLE_CHARS]  # (a <title> of a letter or two is a placeholder, not the page's name)
        stripped = _without_section(strip_site(title, sites, near), title, others)
        return (strip_suffix(stripped) if stripped == title else stripped)[:MAX_TITLE_CHARS] or None
    return (heading or (headings[0] if headings else None) or "")[:MAX_TITLE_CHARS] or None


def _without_section(stripped: str, title: str, others: list[str]) -> str:
    """What is left of a title whose site's name was cut, without the section beside the headline, when a
    heading of the page ("Headline", from "Headline - Pakistan - Site") is one of its parts."""
    if stripped == title or not others:
        return stripped
    return strip_site(stripped, [], others)
