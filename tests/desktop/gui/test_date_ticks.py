"""Time-axis ticks: the unit follows the span, and the date is never lost."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop.gui.windows.date_ticks import time_ticks

KARACHI = timezone(timedelta(hours=5))


def at(*args: int) -> float:
    return datetime(*args, tzinfo=KARACHI).timestamp()


def test_seconds_apart_on_one_day_give_times_and_the_date_in_the_title():
    ticks = time_ticks(at(2026, 11, 30, 11, 0), at(2026, 11, 30, 13, 0), 8, offset=5 * 3600)
    labels = [label for _value, label in ticks.ticks]
    assert labels and all(len(label) == 5 and label[2] == ":" for label in labels)
    assert ticks.title == "30 Nov 2026"


def test_a_span_across_midnight_names_the_new_day():
    ticks = time_ticks(at(2025, 3, 10, 18, 0), at(2025, 3, 11, 6, 0), 8, offset=5 * 3600)
    assert "11 Mar" in [label for _value, label in ticks.ticks]
    assert ticks.title == "10 Mar 2025 – 11 Mar 2025"


def test_weeks_give_days_with_the_year_in_the_title():
    ticks = time_ticks(at(2025, 1, 1), at(2025, 2, 20), 6, offset=5 * 3600)
    labels = [label for _value, label in ticks.ticks]
    assert labels[0].endswith("Jan") and ticks.title == "2025"


def test_years_give_years():
    ticks = time_ticks(at(2019, 3, 11), at(2025, 3, 11), 8, offset=5 * 3600)
    assert [label for _value, label in ticks.ticks] == ["2020", "2021", "2022", "2023", "2024", "2025"]


def test_months_name_the_year_too():
    ticks = time_ticks(at(2024, 11, 2), at(2025, 4, 1), 6, offset=5 * 3600)
    assert [label for _value, label in ticks.ticks][:3] == ["Dec 2024", "Jan 2025", "Feb 2025"]


def test_ticks_stay_within_the_span_and_their_count():
    for days in (0.01, 0.3, 2, 40, 400, 4000, 40000):
        low = at(2000, 1, 1)
        ticks = time_ticks(low, low + days * 86_400, 7)
        assert len(ticks.ticks) <= 9
        assert all(low <= value <= low + days * 86_400 for value, _label in ticks.ticks)


def test_an_empty_or_reversed_span_gives_no_ticks():
    assert time_ticks(5.0, 5.0, 8).ticks == []
    assert time_ticks(9.0, 5.0, 8).ticks == []


def test_moments_beyond_the_calendar_give_no_ticks_rather_than_an_error():
    assert time_ticks(-1e300, 1e300, 8).ticks == []
    assert time_ticks(0.0, 4e11, 8).ticks == []  # year 14,000
