"""Dates as pages write them: ISO timestamps, "March 11, 2025", "11 Mar 2025", datelines, date-only lines."""

from __future__ import annotations

import pytest

from parsing.extract.dates import dateline, is_date_only, iso_date


@pytest.mark.parametrize(("text", "iso"), [
    ("2025-03-11T10:00:00+05:00", "2025-03-11"),
    ("20250311T1000", "2025-03-11"),
    ("March 11, 2025", "2025-03-11"),
    ("Tue, 11th March 2025", "2025-03-11"),
    ("11 Mar, 2025 05:42pm", "2025-03-11"),
    ("28.04.2019", "2019-04-28"),
    ("2025-13-01", None),
    ("172,766", None),
    ("", None),
])
def test_iso_date(text, iso):
    assert iso_date(text) == iso


def test_datelines_and_date_only_lines():
    assert dateline("Published March 11, 2025") == "2025-03-11"
    assert dateline("Last updated: 2025-03-11 10:00") == "2025-03-11"
    assert dateline("Prices published on the exchange rose") is None
    assert is_date_only("March 11, 2025, 5:42 PM PKT") and is_date_only("01 Nov, 2023")
    assert not is_date_only("Rates held on March 11, 2025 by the bank")
