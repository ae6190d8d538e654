"""How numbers and dates look to people: thousands separators, arrows, short dates."""

from __future__ import annotations

import html
import math
import unicodedata
from datetime import date

from desktop.library.times import parse_moment

UP_ARROW = "▲"
DOWN_ARROW = "▼"


def arrow(direction: str) -> str:
    return {"up": UP_ARROW, "down": DOWN_ARROW}.get(direction, "•")


def price_text(value: float) -> str:
    """Prices with thousands separators; whole index levels without decimals."""
    if abs(value) >= 1000 and float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def change_text(value: float) -> str:
    return f"{value:+,.2f}" if value else "0.00"


def percent_text(value: float, direction: str) -> str:
    sign = f"{value:+.2f}%" if value else "0.00%"
    return f"{arrow(direction)} {sign}"


def date_text(iso: str | None) -> str:
    """'2025-01-13' -> '13 Jan 2025'; unknown -> ''."""
    if not iso:
        return ""
    try:
        return date.fromisoformat(iso[:10]).strftime("%d %b %Y")
    except ValueError:
        return iso


def datetime_text(iso: str | None) -> str:
    """An ISO datetime as '13 Jan 2025 14:05' (the time as written, in its own zone); unknown -> ''."""
    if not iso:
        return ""
    moment = parse_moment(iso)
    return moment.strftime("%d %b %Y %H:%M") if moment is not None else iso


ESTIMATE_MARK = " (est.)"  # after a moment the page did not record (taken from the file's date)


def as_of_text(iso: str, estimated: bool) -> str:
    """When quotes are from, with "(est.)" when the page did not record it."""
    return datetime_text(iso) + (ESTIMATE_MARK if estimated else "")


def short_as_of_text(iso: str, estimated: bool, this_year: int | None = None) -> str:
    """As ``as_of_text`` but short enough for a list's column, the way mail programs list dates: a moment of
    ``this_year`` (default: the current one) without its year, '30 Nov 16:21 (est.)'; one of another year without
    its time, '13 Jan 2025 (est.)' (a tooltip gives the whole moment)."""
    moment = parse_moment(iso)
    if moment is None:
        return as_of_text(iso, estimated)
    year = date.today().year if this_year is None else this_year
    text = moment.strftime("%d %b %H:%M" if moment.year == year else "%d %b %Y")
    return text + (ESTIMATE_MARK if estimated else "")


def moment_key(iso: str | None) -> float:
    """Seconds since the epoch, for ordering moments written with different UTC offsets (unknown: +inf)."""
    moment = parse_moment(iso)
    return moment.timestamp() if moment is not None else math.inf


def plain_rich_text(text: str) -> str:
    """Text shown where Qt may take it for markup (tooltips): escaped, line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 change', '9 changes', '1,234 symbols'."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


RIGHT_TO_LEFT = frozenset(("R", "AL"))


def isolated(text: str) -> str:
    """``text`` set apart from the words around it when it holds right-to-left script, so an Urdu or Arabic title
    keeps its place in "title — Market Reader" (else the whole line is laid out right to left and the app's
    name comes first). Left-to-right text is returned as it is."""
    if any(unicodedata.bidirectional(char) in RIGHT_TO_LEFT for char in text):
        return f"\u2068{text}\u2069"  # first strong isolate … pop directional isolate
    return text
