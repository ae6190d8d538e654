"""What one line of a page's text is, read from the line alone: a date, a relative time, a copyright line, a logo's
alt text, a figure, a photo caption, a sign-up line, a section label. Shared by the HTML and the text-copy side."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from parsing.extract.dates import dateline, is_date_only
from parsing.sites.vocabulary import (
    FOOTER_TEXT,
    FURNITURE_LINES,
    LIST_HEADINGS,
    MAX_WRITER_NOTE,
    NOTICE_TEXT,
    SECTION_NAMES,
    WRITER_NOTE,
)

MAX_LABEL_WORDS = 4
MAX_NAME_CHARS = 40
MAX_NOTICE_CHARS = 600
MAX_CAPTION_CHARS = 500
PULL_QUOTE_REACH = 12  # paragraphs on either side of a pull quote where the text it repeats may be
MIN_REPEAT_CHARS = 40  # a shorter line may well recur inside a paragraph
MAX_REPEAT_CHARS = 300  # a pull quote is no longer
MAX_CACHED_KEY = 300  # longer lines (a story's text compared whole) are keyed afresh, never kept
_WORDS = re.compile(r"\w+", re.UNICODE)
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_NAME_PARTS = re.compile(r"\s+[·•|]\s+")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_AGO = r"(?:about\s+|nearly\s+|over\s+)?(?:\d{1,3}|an?|one|few)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\.?\s+ago"
_RELATIVE = re.compile(rf"^(?:(?:updated|posted|published)\s+)?{_AGO}$|^(?:just now|yesterday|today)$", re.IGNORECASE)
_ENDS_AGO = re.compile(rf"\s{_AGO}$", re.IGNORECASE)
# The patterns below that search a whole line are matched against it lower-cased: case-blind ones are slower.
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)\s)|^copyright\b.{0,80}\b(?:19|20)\d\d\b|\ball rights reserved\b|"
                        r"©\s?(?:19|20)\d\d\b")
_COOKIES = re.compile(r"\bcookies?\b.{0,200}\b(?:consent|accept|preferences|settings|privacy|partners|advertising)\b|"
                      r"\b(?:consent|accept|partners|privacy)\b.{0,200}\bcookies?\b")
_LOGO = re.compile(r"\blogo$", re.IGNORECASE)
# A credit at the end of a caption: "... Photo: Reuters/File", "(Image: AFP)", "... Chart: Recorder Report".
_CREDIT = re.compile(
    r"(?:(?<!\bin )\b(?:photos?|images?|pictures?|pic|file photo|credits?|courtesy|source|chart|graphic|"
    r"infographic|illustration)\s*[:|/]\s*[^\s].{0,60}|"
    r"\bfile photo|\(\s*(?:photo|image|file)[^)]{0,60}\))\s*$"
)
_SIGN_UP = re.compile(
    r"^(?:sign ?up|subscribe|register|join|get)\b.{0,80}\b(?:newsletter|brief|briefing|inbox|alerts?|updates|"
    r"digest)\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)
_COMMENTS = re.compile(
    r"^(?:(?:\d+|no|one|two)\s+)?(?:comments?|responses?|replies|reactions|thoughts?)"
    r"(?:\s*\(\d+\)|\s+(?:to|on)\s+[“\"‘«].*)?$|^(?:leave|post|add|write) a (?:reply|comment)$|"
    r"^(?:closed for comments|comments (?:are )?closed)\.?$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*[›»>/|•·]\s*")


def line_key(text: str) -> str:
    """A line lower-cased without punctuation and spacing, for comparing lines and titles."""
    return _short_key(text) if len(text) <= MAX_CACHED_KEY else " ".join(_WORDS.findall(text.lower()))


@functools.lru_cache(maxsize=512)
def _short_key(text: str) -> str:
    """``line_key`` of a short line, cached: a page's title and headings are compared many times."""
    return " ".join(_WORDS.findall(text.lower()))


def repeating(paragraphs: list[str], candidates: Collection[int]) -> list[int]:
    """Indexes among ``candidates`` of the paragraphs that repeat a part of a longer one outside them (a pull
    quote: a sentence of the story set apart from the text it comes from)."""
    keys = {n: line_key(paragraphs[n].rstrip(".…")) for n in candidates
            if MIN_REPEAT_CHARS <= len(paragraphs[n]) <= MAX_REPEAT_CHARS}
    if not keys:
        return []
    found = []
    others: dict[int, str] = {}

    def other(m: int) -> str:
        if m not in others:
            others[m] = line_key(paragraphs[m])
        return others[m]

    for n, key in sorted(keys.items()):  # a pull quote repeats text near it: only the paragraphs around it are read
        around = range(max(0, n - PULL_QUOTE_REACH), min(len(paragraphs), n + PULL_QUOTE_REACH + 1))
        if key and any(m not in candidates and len(paragraphs[m]) > len(key) and key in other(m) for m in around):
            found.append(n)
    return found


def is_name(text: str) -> bool:
    """A short line of two to four capitalised words, none a button's, and nothing else: a person's name
    ("Aamir Shafaat Khan")."""
    words = text.split()
    return (len(text) <= MAX_NAME_CHARS and 2 <= len(words) <= 4
            and all(_NAME_WORD.match(word) is not None and word[0].isupper() for word in words)
            and not any(word in FURNITURE_LINES for word in line_key(text).split()))  # "Facebook X Whatsapp"


def name_in(text: str) -> str | None:
    """The name of a line that is a person's name, alone or before buttons ("Sadia Khalid · Follow"); else None."""
    if is_name(text):
        return text
    parts = _NAME_PARTS.split(text)
    if len(parts) > 1 and is_name(parts[0]) and all(line_key(part) in FURNITURE_LINES for part in parts[1:]):
        return parts[0]
    return None


def is_relative_time(text: str) -> bool:
    """ "28 minutes ago", "an hour ago", "Yesterday": when something was posted, relative to the reading."""
    return len(text) < 40 and _RELATIVE.match(text.strip()) is not None


def ends_relative_time(text: str) -> bool:
    """ "BR Web Desk 28 minutes ago", "Gold price rises 2 hours ago": a byline or headline stamped with a time."""
    return len(text) < 200 and _ENDS_AGO.search(text) is not None


def without_relative_time(text: str) -> str:
    """The line without the relative time it ends with ("BR Web Desk 28 minutes ago" is "BR Web Desk")."""
    return _ENDS_AGO.sub("", text).strip() if ends_relative_time(text) else text


def is_copyright(text: str) -> bool:
    """A footer's copyright or legal line: "Copyright Business Recorder, 2004", "... All rights reserved.",
    "... registered in England and Wales", "... may not be reproduced without the written permission ..." """
    if len(text) >= MAX_NOTICE_CHARS:
        return False
    low = text.lower()
    return (_COPYRIGHT.search(low) is not None or FOOTER_TEXT.search(low) is not None
            or (len(text) <= MAX_WRITER_NOTE and WRITER_NOTE.match(text) is not None))


def is_logo(text: str) -> bool:
    """A logo image's alt text, as a copy of the page gives it ("Business Recorder Logo")."""
    return len(text.split()) <= 6 and _LOGO.search(text) is not None


def is_figure(text: str) -> bool:
    """A line of figures and signs with no word in it ("172,766", "1.2%", "12 | 34")."""
    return _LETTER.search(text) is None


def is_caption(text: str) -> bool:
    """A photo caption, known by the credit it ends with ("... Photo: Reuters/File")."""
    return len(text) < MAX_CAPTION_CHARS and _CREDIT.search(text.lower()) is not None


def is_notice(text: str) -> bool:
    """A sign-up, subscription or cookie line ("Sign up for the BR Morning Brief...")."""
    if len(text) > MAX_NOTICE_CHARS:
        return False
    low = text.lower()
    return _SIGN_UP.match(text) is not None or NOTICE_TEXT.search(low) is not None or _COOKIES.search(low) is not None


def is_date_line(text: str) -> bool:
    """A line that only dates the page: "01 Nov, 2023", "Published March 11, 2025", "28 minutes ago"."""
    return is_date_only(text) or is_relative_time(text) or (len(text) <= 80 and dateline(text) is not None)


def is_clock_time(text: str) -> bool:
    """A line that is only a time of day ("3:35pm", "15:35", "10:42 PKT"): the stamp of a live blog's entry."""
    return len(text) <= 16 and _CLOCK.match(text) is not None


def is_comments_heading(text: str) -> bool:
    """The heading of readers' comments: "Comments (3)", "12 comments", "2 responses to “…”", "Leave a Reply",
    "Closed for comments."."""
    return len(text) < 300 and _COMMENTS.match(text) is not None


def is_list_heading(text: str) -> bool:
    """The heading of a list of other stories ("Latest", "Most read", "Top stories")."""
    return line_key(text) in LIST_HEADINGS


def never_text(text: str) -> bool:
    """Whether a line is page furniture that is never a title, a section or a paragraph."""
    return (line_key(text) in FURNITURE_LINES or is_date_line(text) or is_copyright(text) or is_logo(text)
            or is_figure(text) or is_caption(text) or is_notice(text) or is_list_heading(text))


def section_label(text: str, max_words: int = MAX_LABEL_WORDS) -> str | None:
    """A breadcrumb or kicker as a section name: dates and repeated words dropped ("Print Print 2025-08-28"
    is "Print", "Markets / Stocks" is "Markets › Stocks"); None for a sentence, a figure, a date or furniture,
    or for more than ``max_words`` words outside a breadcrumb."""
    words = [w for w in text.split() if not _is_date_word(w)]
    kept: list[str] = []
    for word in words:
        if not kept or word.lower() != kept[-1].lower():
            kept.append(word)
    label = _SEPARATORS.sub(" › ", " ".join(kept)).strip(" ›")
    crumbs = label.count("›")
    if not label or len(label.split()) - crumbs > (MAX_LABEL_WORDS if crumbs else max_words):
        return None
    if label.endswith((".", "!", "?", ":")) or is_date_line(text) and label == text:
        return None
    if line_key(label) in SECTION_NAMES:
        return label
    return None if never_text(label) else label


def _is_date_word(word: str) -> bool:
    return is_date_only(word) and len(word) >= 8  # "2025-08-28", "28.08.2025"
