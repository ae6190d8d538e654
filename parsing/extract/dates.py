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
_EUROPEAN = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
# Where a date starts inside a longer line (a byline followed by its date).
DATE_START = re.compile(
    r"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s|" + _MONTH + r"\s+\d|\d{1,2}(?:st|nd|rd|th)?\.?\s+"
    + _MONTH.replace("?P<month>", "?:") + r"|(?:19|20)\d\d[-/.]\d)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:.{0,40}?\b)?(?:published|posted|updated|last updated|first published|date)\b"
    r"\s*(?:on|at)?\s*:?\s*(?P<rest>.{6,80})$",
    re.IGNORECASE,
)


_TIME_WORDS = re.compile(
    r"\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?|\b\d{3,4}\s*(?-i:GMT|UTC|[A-Z]{2,4}T)\b|\b[ap]\.?m\.?(?!\w)|"
    r"\b(?-i:GMT|UTC|[A-Z]{2,4}T)\b|[-–—|,.·:()\s]|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"\b(?:on|at|updated|published|posted|last)\b",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def iso_date(text: str | None) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date anywhere in the first 200 characters, else None."""
    if not text:
        return None
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
    return None


def dateline(text: str) -> str | None:
    """The date of a short dateline such as "Published March 11, 2025" or "Updated: 2025-03-11", else None."""
    if len(text) > 120:
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
    return not _TIME_WORDS.sub("", rest).strip()
