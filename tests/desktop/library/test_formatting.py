"""How moments look to people."""

from __future__ import annotations

from desktop.library.formatting import plural, short_as_of_text


def test_short_as_of_text_leaves_out_this_year_or_another_years_time():
    assert short_as_of_text("2026-11-30T16:21:00+05:00", True, this_year=2026) == "30 Nov 16:21 (est.)"
    assert short_as_of_text("2025-01-13T14:05:00+05:00", False, this_year=2026) == "13 Jan 2025"
    assert short_as_of_text("2025-01-13T14:05:00+05:00", True, this_year=2026) == "13 Jan 2025 (est.)"
    assert short_as_of_text("not a time", False, this_year=2026) == "not a time"


def test_plural_counts_one_thing_and_many():
    assert plural(1, "snapshot") == "1 snapshot"
    assert plural(1234, "snapshot") == "1,234 snapshots"
    assert plural(0, "entry", "entries") == "0 entries"


def test_right_to_left_text_is_isolated_and_other_text_is_left_alone():
    from desktop.library.formatting import isolated

    assert isolated("اسٹاک مارکیٹ") == "\u2068اسٹاک مارکیٹ\u2069"
    assert isolated("KSE-100 میں اضافہ") == "\u2068KSE-100 میں اضافہ\u2069"
    assert isolated("שוק ההון") == "\u2068שוק ההון\u2069"
    assert isolated("Stocks rally") == "Stocks rally"
    assert isolated("株価が上昇") == "株価が上昇"
