"""Text saved with its lines broken at a fixed width (Firefox's Text Files save wraps at 80 columns)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import parsing
from parsing.sources.wrapped import unwrap, wrap_width
from tests.paths import FIXTURES

STORY = ("KARACHI: The Pakistan Stock Exchange ended the session on a positive note on Monday, as the benchmark "
         "KSE-100 index gained 1,049 points to close at 118,427 amid buying in banks and fertiliser stocks.")
SECOND = ("Market activity improved, with volume on the all-share index rising to 641 million shares from 533 "
          "million in the previous session, dealers said.")
COPIES = sorted([*FIXTURES.glob("cms/*.txt"), *FIXTURES.glob("textcopy/*.txt"), *FIXTURES.glob("quotes/*/*.txt")])


def wrapped(text: str, width: int, between: str = "\n") -> str:
    """``text`` as a save that breaks lines at ``width`` writes it (a table's tab-separated rows are left whole)."""
    def wrap(line: str) -> str:
        if not line.strip() or "\t" in line:
            return line
        return "\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return between.join(wrap(line) for line in text.split("\n"))


def test_a_wrapped_story_is_joined_into_its_paragraphs():
    text = "Stocks gain\n\n" + wrapped(STORY, 80) + "\n\n" + wrapped(SECOND, 80) + "\n"
    assert 72 < (wrap_width(text.split("\n")) or 0) <= 80  # the longest line it broke
    assert unwrap(text) == f"Stocks gain\n\n{STORY}\n\n{SECOND}\n"


def test_short_lines_lists_and_table_rows_stay_apart():
    items = "\n".join(f"{s} 145.20 ▲ 1.20 (0.83%)" for s in ("HBL", "UBL", "MCB", "OGDC"))
    bullets = "  * Banks led the gains in a broad rally\n  * Cement makers fell on lower despatches"
    table = "Symbol\tPrice\tChange\nHBL\t145.20\t+1.20"
    text = "\n\n".join([wrapped(STORY, 72), items, wrapped(SECOND, 72), bullets, table])
    assert unwrap(text) == "\n\n".join([STORY, items, SECOND, bullets, table])


def test_a_line_longer_than_the_width_overflowed_and_is_not_joined():
    address = "https://www.brecorder.com/news/40350000/stocks-close-higher-as-fertiliser-and-banks-lead-the-gains"
    text = wrapped(STORY, 80) + "\n\n" + address + "\nMarkets\n\n" + wrapped(SECOND, 80)
    assert unwrap(text).split("\n")[:4] == [STORY, "", address, "Markets"]


@pytest.mark.parametrize("path", COPIES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_copy_as_saved_is_left_as_it_is(path: Path):
    text = path.read_text(encoding="utf-8")
    assert unwrap(text) == text


@pytest.mark.parametrize("width", [72, 80])
def test_every_copied_page_wrapped_reads_as_the_copy(width: int):
    differ = []
    for path in COPIES:
        copy = path.read_text(encoding="utf-8")
        page = parsing.parse_bytes(copy.encode("utf-8"), path.name)
        again = parsing.parse_bytes(wrapped(copy, width, between="\n\n").encode("utf-8"), path.name)
        if (page.title, page.paragraphs, page.quotes) != (again.title, again.paragraphs, again.quotes):
            differ.append(path.name)
    assert len(COPIES) > 60 and differ == []
