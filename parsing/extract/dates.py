"""Dates: ISO timestamps, written dates ("March 11, 2025", "11 Mar 2025") and datelines."""

from __future__ import annotations

import re

_MONTHS = {name[:3]: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_ISO = re.compile(r"(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:T|$)")
_MDY = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)
_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "11-Mar-24", "11-Mar-2024", "11 Mar 24": the day, the month's name and a two-digit (or four-digit) year, as
# South Asian sites print them; hyphens or spaces on both sides, and a two-digit year only with hyphens.
_HYPHENATED = re.compile(
    r"\b(?P<day>\d{1,2})-" + _MONTH.replace(r"[a-z]{0,6}\.?", "") + r"-(?P<year>(?:19|20)?\d\d)(?![\d-])", re.IGNORECASE
)
_EUROPEAN = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
# "12/31/2024", "31/12/2024" or "31-12-2024": read only where the order is plain (one of the first two numbers is
# above 12).
_SLASHED = re.compile(r"\b(?P<first>\d{1,2})([/-])(?P<second>\d{1,2})\2(?P<year>(?:19|20)\d\d)\b")
_URDU_MONTHS = {name: number for number, name in enumerate(
    ("جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"), 1)}
_URDU_DMY = re.compile(r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month>" + "|".join(_URDU_MONTHS) + r")[،,]?\s+(?P<year>(?:19|20)\d\d)\b")
# Where a date starts inside a longer line (a byline followed by its date).
DATE_START = re.compile(
    r"\b(?:(?:mon|tues?|wed|thu|thurs?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\.?,?\s|$)|" + _MONTH + r"\s+\d|\d{1,2}(?:st|nd|rd|th)?\.?\s+"
    + _MONTH.replace("?P<month>", "?:") + r"|\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-\d\d|(?:19|20)\d\d[-/.]\d)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:.{0,40}?\b)?(?:published|posted|updated|last updated|first published|date)\b"
    r"\s*(?:on|at)?\s*:?\s*(?P<rest>.{6,80})$",
    re.IGNORECASE,
)


_DIGITS = re.compile(r"\d")
_TIME_WORDS = re.compile(
    r"\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?|\b\d{3,4}\s*(?-i:GMT|UTC|[A-Z]{1,4}T)\b|\b[ap]\.?m\.?(?!\w)|"
    r"\b(?-i:GMT|UTC|[A-Z]{1,4}T)\b|[-–—|,.·•:()\s]|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"\b(?:on|at|updated|published|posted|last)\b",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def iso_date(text: str | None) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date anywhere in the first 200 characters, else None."""
    if not text or not _DIGITS.search(text):
        return None  # (every form of a date holds a figure)
    text = text.strip()[:200]
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        return _valid(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _MDY.search(text) or _DMY.search(text)
    if match:
        return _valid(int(match["year"]), _MONTHS[match["month"][:3].lower()], int(match["day"]))
    match = _ISO.search(text) or _EUROPEAN.search(text)
    if match:
        return _valid(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _HYPHENATED.search(text) if "-" in text else None
    if match:
        year = int(match["year"])
        year = year if year >= 100 else year + (1900 if year >= 70 else 2000)
        return _valid(year, _MONTHS[match["month"][:3].lower()], int(match["day"]))
    match = _URDU_DMY.search(text) if not text.isascii() else None
    if match:
        return _valid(int(match["year"]), _URDU_MONTHS[match["month"]], int(match["day"]))
    match = _SLASHED.search(text) if "/" in text or "-" in text else None
    if match:
        first, second = int(match["first"]), int(match["second"])
        if (first > 12) != (second > 12):
            month, day = (second, first) if first > 12 else (first, second)
            return _valid(int(match["year"]), month, day)
    return None


def name_and_date(text: str) -> tuple[str, str] | None:
    """(name, ISO date) of a short line that is a few words of a name and then a date, in any script
    ("ویب ڈیسک 17 دسمبر 2024", "Staff Reporter 12 Mar 2025"); None for anything else."""
    if len(text) > 80:
        return None
    for pattern in (_DMY, _MDY, _URDU_DMY):
        match = pattern.search(text)
        if match and match.start() > 0:
            name = text[: match.start()].strip(" |·•,–—-")
            words = name.split()
            rest = _TIME_WORDS.sub("", text[match.end():]).strip()
            named = all(not word[0].islower() for word in words)  # (a script without case has no capitals)
            if named and 1 < len(words) <= 4 and not rest and not _DIGITS.search(name) and not _PUNCTUATION.search(name):
                date = iso_date(match.group(0))
                return (name, date) if date else None
    return None


_READING_TIME = re.compile(r"\b\d{1,3}\s*min(?:ute)?s?\s+read\b", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[.:;!?,،۔]")


def dateline(text: str) -> str | None:
    """The date of a short dateline such as "Published March 11, 2025" or "Updated: 2025-03-11", else None."""
    if len(text) > 120:
        return None
    if text.isascii():  # (the pattern's words, case aside: "updated" holds "date")
        low = text.lower()
        if "date" not in low and "posted" not in low and "published" not in low:
            return None
    match = _DATELINE.match(text)
    if match:
        return iso_date(match["rest"])
    return None


def is_date_only(text: str) -> bool:
    """Whether a short line is nothing but a date (and perhaps a time): "March 11, 2025, 5:42 PM"."""
    if len(text) > 60 or iso_date(text) is None:
        return False
    rest = _MDY.sub("", text)
    rest = _DMY.sub("", rest)
    rest = _ISO.sub("", rest)
    if "-" in rest:
        rest = _HYPHENATED.sub("", rest)
    if not rest.isascii():
        rest = _URDU_DMY.sub("", rest)
    if "/" in rest or "-" in rest:
        rest = _SLASHED.sub("", rest)
    if "read" in rest:
        rest = _READING_TIME.sub("", rest)  # "Apr 8, 2025 • 3 min read"
    return not _TIME_WORDS.sub("", rest).strip()


_LEAD_END = re.compile(r":\s|\s[-–—]\s")
_WIRE_TAG = re.compile(r"\s*\([^()]{1,24}\)\s*$")  # "(MLN)", "(Reuters)"
MAX_LEAD_CHARS = 70
_PLACE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")  # KARACHI, Karachi


def leading_date(text: str) -> str | None:
    """The date a paragraph opens with, before its place and wire's tag end ("March 11, 2024 (MLN): ...",
    "KARACHI, March 11, 2024: ..."); None when it opens otherwise."""
    parts = _LEAD_END.split(text[:MAX_LEAD_CHARS], maxsplit=1)
    if len(parts) < 2:
        return None
    tagged = _WIRE_TAG.search(parts[0]) is not None
    head = _WIRE_TAG.sub("", parts[0]).strip()
    if not is_date_only(head):
        place, _, head = head.partition(",")
        head = head.strip()
        tagged = tagged or _PLACE.fullmatch(place.strip()) is not None
    # a date in words alone opening the story ("December 16, 2014 – a date etched in memory") is its subject, not
    # its date; a compact one ("11-Mar-24 - Prices rose") is a dateline
    return iso_date(head) if head and (tagged or " " not in head) and is_date_only(head) else None
