"""Reader state: read, starred, tags and notes; kept through a reopen, a re-import and a re-parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.library import Library
from desktop.library.state import BadTag, UnknownPages, reading_minutes
from tests.desktop.library.helpers import make_page, raw_for


@pytest.fixture
def three(lib: Library) -> Library:
    for index in range(3):
        lib.import_page(make_page(index, body=("word " * 450,)), raw_for(index), f"p{index}.html")
    return lib


def test_new_pages_are_unread_unstarred_untagged(three: Library) -> None:
    states = three.page_states([1, 2, 3])
    assert [(s.read, s.starred, s.tags, s.note) for s in states.values()] == [(False, False, (), None)] * 3
    assert states[1].words == 450 and states[1].reading_minutes == 3
    assert three.state_counts() == {"pages": 3, "unread": 3, "starred": 0}


def test_marks_flags_and_notes_change_only_what_they_name(three: Library) -> None:
    assert three.set_read([1, 2]) == 2
    assert three.set_read([1]) == 0  # already read
    assert three.set_starred([3]) == 1
    three.set_note(2, "  Check the cement figures.  ")
    states = three.page_states([1, 2, 3])
    assert [s.read for s in states.values()] == [True, True, False]
    assert [s.starred for s in states.values()] == [False, False, True]
    assert states[2].note == "Check the cement figures." and states[1].note is None
    three.set_note(2, "   ")
    assert three.page_states([2])[2].note is None
    assert three.set_read([2], read=False) == 1
    assert three.state_counts() == {"pages": 3, "unread": 2, "starred": 1}


def test_an_unknown_page_changes_nothing(three: Library) -> None:
    with pytest.raises(UnknownPages, match="no page 9 in the library"):
        three.set_read([1, 9])
    with pytest.raises(UnknownPages):
        three.add_tags([2, 8], ["oil"])
    assert not three.page_states([1])[1].read and three.tags() == []


def test_tags_are_shared_renamed_merged_and_removed_everywhere(three: Library) -> None:
    three.add_tags([1, 2], ["Oil", " energy  sector "])
    three.add_tags([3], ["oil"])  # the same tag whatever its case
    assert [(t.name, t.pages) for t in three.tags()] == [("energy sector", 2), ("Oil", 3)]
    assert three.page_states([1])[1].tags == ("energy sector", "Oil")
    assert three.rename_tag("oil", "Petroleum") == 3
    assert three.page_states([3])[3].tags == ("Petroleum",)
    assert three.rename_tag("energy sector", "petroleum") == 2  # merged into the existing tag
    assert [(t.name, t.pages) for t in three.tags()] == [("Petroleum", 3)]
    assert three.remove_tags([1], ["PETROLEUM"]) == 1
    assert three.delete_tag("Petroleum") == 2
    assert three.tags() == [] and three.page_states([2])[2].tags == ()
    with pytest.raises(BadTag):
        three.add_tags([1], ["   "])
    with pytest.raises(BadTag, match="no tag"):
        three.rename_tag("nothing", "else")


def test_set_tags_replaces_and_forgets_unused(three: Library) -> None:
    three.set_tags(1, ["a", "b"])
    three.set_tags(1, ["b", "c"])
    assert three.page_states([1])[1].tags == ("b", "c")
    assert [t.name for t in three.tags()] == ["b", "c"]


def test_state_survives_reopen_reimport_and_reparse(lib_path: Path) -> None:
    with Library(lib_path) as lib:
        lib.import_page(make_page(1), raw_for(1), "a.html")
        lib.set_read([1])
        lib.set_starred([1])
        lib.add_tags([1], ["watch"])
        lib.set_note(1, "note")
    with Library(lib_path) as lib:
        again = lib.import_page(make_page(1), raw_for(1), "a.html")
        assert again.status == "duplicate"
        assert [r.status for r in lib.reparse()] == ["imported"]
        state = lib.page_states([1])[1]
        assert (state.read, state.starred, state.tags, state.note) == (True, True, ("watch",), "note")


def test_deleting_a_page_forgets_its_tags(three: Library) -> None:
    three.add_tags([1], ["only-here"])
    three.add_tags([2], ["kept"])
    assert three.delete_page(1)
    assert [t.name for t in three.tags()] == ["kept"]


def test_reading_minutes() -> None:
    assert [reading_minutes(n) for n in (0, 1, 200, 201, 1000)] == [0, 1, 1, 2, 5]
