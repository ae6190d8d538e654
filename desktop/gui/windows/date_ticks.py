"""Ticks for a time axis: years, months, days or hours as the span needs, with the date always readable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

MINUTE, HOUR, DAY = 60, 3600, 86_400
# (seconds, unit) from the finest to the coarsest; months and years are counted on the calendar
STEPS: tuple[tuple[int, str], ...] = (
    (1, "minute"), (5, "minute"), (15, "minute"), (30, "minute"),
    (1, "hour"), (3, "hour"), (6, "hour"), (12, "hour"),
    (1, "day"), (2, "day"), (7, "day"), (14, "day"),
    (1, "month"), (3, "month"), (6, "month"),
    (1, "year"), (2, "year"), (5, "year"), (10, "year"), (25, "year"), (50, "year"), (100, "year"),
)
APPROX = {"minute": MINUTE, "hour": HOUR, "day": DAY, "month": 30 * DAY, "year": 365 * DAY}


@dataclass(frozen=True)
class TimeTicks:
    ticks: list[tuple[float, str]]  # (seconds since the epoch, label)
    title: str  # the axis title: says the date (or year) the tick labels leave out


def _floor(moment: datetime, count: int, unit: str) -> datetime:
    if unit == "year":
        return moment.replace(year=moment.year - moment.year % count, month=1, day=1, hour=0, minute=0, second=0)
    if unit == "month":
        month = (moment.month - 1) // count * count + 1
        return moment.replace(month=month, day=1, hour=0, minute=0, second=0)
    if unit == "day":
        return moment.replace(hour=0, minute=0, second=0)
    if unit == "hour":
        return moment.replace(hour=moment.hour - moment.hour % count, minute=0, second=0)
    return moment.replace(minute=moment.minute - moment.minute % count, second=0)


def _advance(moment: datetime, count: int, unit: str) -> datetime:
    if unit == "year":
        return moment.replace(year=moment.year + count)
    if unit == "month":
        months = moment.month - 1 + count
        return moment.replace(year=moment.year + months // 12, month=months % 12 + 1)
    return moment + timedelta(seconds=count * APPROX[unit])


def _label(moment: datetime, unit: str, many_years: bool) -> str:
    if unit == "year":
        return f"{moment.year}"
    if unit == "month":
        return moment.strftime("%b %Y")
    if unit == "day":
        return moment.strftime("%d %b %Y" if many_years else "%d %b").lstrip("0")
    if moment.hour == 0 and moment.minute == 0:
        return moment.strftime("%d %b").lstrip("0")  # midnight names the new day
    return moment.strftime("%H:%M")


def _title(first: datetime, last: datetime, unit: str) -> str:
    if unit in ("hour", "minute"):
        if first.date() == last.date():
            return first.strftime("%d %b %Y").lstrip("0")
        return f"{first.strftime('%d %b %Y').lstrip('0')} – {last.strftime('%d %b %Y').lstrip('0')}"
    if unit == "day" and first.year == last.year:
        return f"{first.year}"
    return "Date"


def time_ticks(low: float, high: float, max_ticks: int, offset: int = 0) -> TimeTicks:
    """Ticks between ``low`` and ``high`` (epoch seconds) shown in the UTC offset ``offset`` (seconds).

    The step is the finest in STEPS that gives at most ``max_ticks`` ticks; labels leave out what the title
    says (the day for ticks within one day, the year for ticks within one year).
    """
    if not (high > low) or max_ticks < 1:
        return TimeTicks([], "Date")
    try:
        return _ticks(low, high, max_ticks, timezone(timedelta(seconds=offset)))
    except (OverflowError, OSError, ValueError):  # a moment outside the calendar (a hostile date)
        return TimeTicks([], "Date")


def _ticks(low: float, high: float, max_ticks: int, zone: timezone) -> TimeTicks:
    span = high - low
    count, unit = next(((c, u) for c, u in STEPS if span / (c * APPROX[u]) <= max_ticks), STEPS[-1])
    first = datetime.fromtimestamp(low, zone)
    last = datetime.fromtimestamp(high, zone)
    many_years = first.year != last.year
    moment = _floor(first, count, unit)
    ticks: list[tuple[float, str]] = []
    while moment.timestamp() <= high and len(ticks) <= max_ticks + 2:
        if moment.timestamp() >= low:
            ticks.append((moment.timestamp(), _label(moment, unit, many_years)))
        moment = _advance(moment, count, unit)
    return TimeTicks(ticks, _title(first, last, unit))
