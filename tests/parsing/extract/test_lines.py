"""What one line is, read alone: the judgements the text copy and the section label rely on."""

from __future__ import annotations

import pytest

from parsing.extract import lines


@pytest.mark.parametrize(("text", "expected"), [
    ("28 minutes ago", True), ("an hour ago", True), ("Yesterday", True), ("Updated 2 days ago", True),
    ("28 minutes ago the index fell", False), ("Ago", False),
])
def test_relative_time(text, expected):
    assert lines.is_relative_time(text) is expected


def test_byline_stamped_with_a_relative_time():
    assert lines.ends_relative_time("BR Web Desk 28 minutes ago")
    assert lines.without_relative_time("BR Web Desk 28 minutes ago") == "BR Web Desk"


@pytest.mark.parametrize(("check", "yes", "no"), [
    (lines.is_copyright, "Copyright Business Recorder, 2004", "Copyright law was changed by parliament on Monday."),
    (lines.is_copyright, "© 2025 The Ledger. All rights reserved.", "The rights of reserved seats were debated."),
    (lines.is_logo, "Business Recorder Logo", "The logo of the bank was changed last year."),
    (lines.is_figure, "172,766", "172,766 cases"),
    (lines.is_caption, "A money changer counts US dollars. Photo: Reuters/File", "He took a photo of the crowd."),
    (lines.is_caption, "Rescue workers at the site (Photo: AFP)", "Rescue workers reached the site."),
    (lines.is_notice, "Sign up for the BR Morning Brief…", "He signed up for the army in 1990."),
    (lines.is_notice, "We use cookies to improve your experience. Accept all", "The bakery sells cookies."),
    (lines.is_date_line, "01 Nov, 2023", "01 Nov, 2023 was a busy day for the exchange."),
    (lines.is_list_heading, "Most Read", "Most readers agreed with the decision."),
])
def test_line_judgements(check, yes, no):
    assert check(yes) and not check(no)


@pytest.mark.parametrize(("text", "label"), [
    ("Print Print 2025-08-28", "Print"),
    ("Markets", "Markets"),
    ("Markets / Stocks", "Markets › Stocks"),
    ("172,766", None),
    ("01 Nov, 2023", None),
    ("Business Recorder Logo", None),
    ("Share", None),
    ("The index fell sharply.", None),
    ("Home News Business Sport World", None),
])
def test_section_label(text, label):
    assert lines.section_label(text) == label


def test_section_label_can_be_held_to_fewer_words():
    assert lines.section_label("Home News Business") == "Home News Business"
    assert lines.section_label("Home News Business", 2) is None
