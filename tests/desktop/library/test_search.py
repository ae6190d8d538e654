"""Full-text search: ranked hits with highlighted snippets, and no input that can raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.library import Library
from desktop.library.fts import fts_query
from tests.desktop.library.helpers import make_page, raw_for

HOSTILE = ['"unbalanced', 'a"b', "AND OR", "AND", "NOT", "oil AND", "(", ")", "*", "**", "+", "'", "%", "\\",
           "C++", "5%", "3,882", "oil & gas", "-rupee", "KSE-100", "foo:bar", "title:oil", "\x00", "oil\x00gas",
           "", "   ", '""', '"""', "NEAR(a b)", "^oil", "{title}: oil", "اسٹاک ایکسچینج", "x" * 5000]


@pytest.fixture
def filled(lib: Library) -> Library:
    bodies = {
        1: ("The KSE-100 index fell as C++ programmers watched.", "Oil & gas stocks led the fall."),
        2: ("Cement makers said the rupee was stable.", "کراچی اسٹاک ایکسچینج میں مندی رہی"),
        3: ("Oil prices oil output oil demand and more oil.", "Nothing else."),
    }
    for index, body in bodies.items():
        lib.import_page(make_page(index, body=body, title=f"Story {index}"), raw_for(index), f"{index}.html")
    return lib


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(filled: Library, text: str) -> None:
    hits = filled.search(text)
    assert isinstance(hits, list)
    assert isinstance(filled.pages(search=text), list)


def test_words_match_as_words(filled: Library) -> None:
    assert [h.id for h in filled.search("KSE-100")] == [1]
    assert [h.id for h in filled.search("C++")] == [1]
    assert [h.id for h in filled.search("AND")] == [3]  # "and" is a word in page 3's body
    assert [h.id for h in filled.search("اسٹاک")] == [2]
    assert filled.search("") == [] and filled.search("*") == []


def test_ranked_and_highlighted(filled: Library) -> None:
    hits = filled.search("oil")
    assert [h.id for h in hits] == [3, 1]  # page 3 says oil four times
    assert "[Oil]" in hits[0].snippet or "[oil]" in hits[0].snippet
    assert hits[0].title == "Story 3"


def test_prefix_and_all_words(filled: Library) -> None:
    assert [h.id for h in filled.search("cem*")] == [2]
    assert filled.search("cement oil") == []
    assert len(filled.search("oil", limit=1)) == 1


def test_query_quoting() -> None:
    assert fts_query('oil "gas') == '"oil" """gas"'
    assert fts_query("rup*") == '"rup"*'
    assert fts_query(" * \x00 ") is None
    assert fts_query(None) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_is_a_valid_search(filled: Library, text: str) -> None:
    assert isinstance(filled.search(text), list)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_quoted_query_is_accepted_by_fts5(text: str) -> None:
    import sqlite3

    query = fts_query(text)
    if query is None:
        return
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    conn.execute("INSERT INTO t VALUES ('some words here')")
    conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query]).fetchall()  # raises if the quoting is wrong


def test_snippet_marks_words_around_the_first_match() -> None:
    from desktop.library.snippets import make_snippet

    body = "one two three four five six seven Rupee eight nine ten eleven twelve thirteen fourteen fifteen"
    assert make_snippet((body,), "rupee", size=6) == "…five six seven [Rupee] eight nine…"
    assert make_snippet(("KSE-100 fell; the KSE-100 rose",), "KSE-100", size=12) == (
        "[KSE]-[100] fell; the [KSE]-[100] rose"
    )
    assert make_snippet((None, "Budgetary talk", "title"), "budg*") == "[Budgetary] talk"
    assert make_snippet(("Café prices",), "cafe") == "[Café] prices"
    assert make_snippet(("کراچی اسٹاک ایکسچینج",), "اسٹاک") == "کراچی [اسٹاک] ایکسچینج"


WORDS = st.sampled_from(["oil", "Oil", "OIL", "oils", "boil", "rupee", "gas", "the", "a", "x1", "KSE", "100"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", ", ", "-", "... ", "\n\n", " (", ") "])), max_size=80),
       st.lists(st.sampled_from(["oil", "rupee", "gas", "bo*", "o*", "kse-100", "the", "zzz"]), min_size=1, max_size=3),
       st.integers(1, 14), st.integers(0, 40))
def test_snippet_read_from_near_the_first_match_is_the_one_read_from_the_start(
        parts: list[tuple[str, str]], query: list[str], size: int, look_back: int) -> None:
    from desktop.library import snippets

    body = "".join(word + gap for word, gap in parts)
    fields = (body, "Gas and oil summary", None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snippets, "LOOK_BACK", look_back)  # short look-backs reach the edge cases
        fast = snippets.make_snippet(fields, " ".join(query), size)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snippets, "_ascii_start", lambda _text, _needles: 0)  # every word read from the start
        slow = snippets.make_snippet(fields, " ".join(query), size)
    assert fast == slow


def test_snippet_without_a_visible_match_shows_the_opening() -> None:
    from desktop.library.snippets import make_snippet

    assert make_snippet(("", "alpha beta gamma delta"), "zeta", size=3) == "alpha beta gamma…"
    assert make_snippet((None, None), "x") == ""


def test_every_match_is_ranked_not_only_the_newest(lib: Library) -> None:
    best = ("Oil oil oil: oil prices, oil output and oil demand.",)
    lib.import_page(make_page(0, body=best, title="Oil"), raw_for(0), "0.html")
    for index in range(1, 6):
        body = (f"Page {index} mentions oil once among many other words about the market.",)
        lib.import_page(make_page(index, body=body, title=f"Story {index}"), raw_for(index), f"{index}.html")
    hits = lib.search("oil", limit=1)
    assert [h.id for h in hits] == [1]  # the oldest page, the best match
    assert len(lib.search("oil", limit=50)) == 6


def test_database_trouble_is_not_hidden_as_no_hits(filled: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from desktop.library import LibraryError, queries

    def broken(*_args: object) -> list:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(queries, "_ranked_hits", broken)
    with pytest.raises(LibraryError, match="disk I/O error"):
        filled.search("oil")
