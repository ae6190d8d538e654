"""Dates as pages write them: ISO timestamps, "March 11, 2025", "11 Mar 2025", datelines, date-only lines."""

from __future__ import annotations

import pytest

from parsing.extract.dates import dateline, is_date_only, iso_date, leading_date, name_and_date


@pytest.mark.parametrize(("text", "iso"), [
    ("2025-03-11T10:00:00+05:00", "2025-03-11"),
    ("20250311T1000", "2025-03-11"),
    ("March 11, 2025", "2025-03-11"),
    ("Tue, 11th March 2025", "2025-03-11"),
    ("11 Mar, 2025 05:42pm", "2025-03-11"),
    ("28.04.2019", "2019-04-28"),
    ("Tue, 12/31/2024 - 17:00", "2024-12-31"),
    ("31/12/2024", "2024-12-31"),
    ("05/06/2024", None),  # May 6 or 5 June: not read
    ("17 دسمبر 2024", "2024-12-17"),
    ("2025-13-01", None),
    ("11-Mar-24", "2024-03-11"),  # as South Asian sites print it
    ("APP | 22-Feb-2024", "2024-02-22"),
    ("03-Jan-98", "1998-01-03"),
    ("KSE-100-Mar-24", None),
    ("11-Mar-2024-update", None),
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
    assert is_date_only("March 11, 2024 | 10:15 PM PKT") and is_date_only("11-Mar-24")
    assert is_date_only("Mar 11, 2024, 09:00 ET")  # a zone of one letter and T


@pytest.mark.parametrize(("text", "found"), [
    ("ویب ڈیسک 17 دسمبر 2024", ("ویب ڈیسک", "2024-12-17")),
    ("Staff Reporter | 12 Mar 2025 10:41am", ("Staff Reporter", "2025-03-12")),
    ("The rupee fell on 12 Mar 2025", None),
    ("Rates 12 Mar 2025 and more", None),
    ("12 Mar 2025", None),
])
def test_name_and_date(text, found):
    assert name_and_date(text) == found


@pytest.mark.parametrize(("text", "date"), [
    ("March 11, 2024 (MLN): The KSE-100 index closed lower.", "2024-03-11"),
    ("KARACHI, March 11, 2024: The rupee closed flat.", "2024-03-11"),
    ("11-Mar-24 - Prices rose across the board.", "2024-03-11"),
    ("LAHORE: Textile exporters met the minister.", None),
    ("KARACHI: On March 11, 2024 the bank said so.", None),  # a date inside the sentence
    ("Rates: 12 percent, as expected.", None),
    ("December 16, 2014 – a date etched in the memory of every Pakistani.", None),  # the story's subject
    ("August 27, 2008: the day the KSE-100 was frozen at 9,144 points.", None),
])
def test_leading_date(text, date):
    assert leading_date(text) == date
