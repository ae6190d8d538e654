"""A search ranked on two connections finds exactly what one connection finds, in the same order; a search
matching more pages than the ranking window ranks the newest of them and says so."""

from __future__ import annotations

import pytest

from desktop.library import Library, queries, ranking
from tests.desktop.library.helpers import make_page, raw_for

WORDS = ("oil", "cement", "rupee", "budget", "gold", "banks")


@pytest.fixture
def varied(lib: Library, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setattr(ranking, "PARALLEL_MIN_PAGES", 0)
    for index in range(60):
        words = " ".join(WORDS[(index * k) % len(WORDS)] for k in range(1, 2 + index % 5))
        body = (f"Report {index} on {words}.", "oil " * (index % 7) + "closing words")
        lib.import_page(make_page(index, body=body, title=f"{WORDS[index % 6]} story {index}"), raw_for(index),
                        f"{index}.html")
    return lib


@pytest.mark.parametrize("text", ["oil", "cement rupee", "story", "b*", "closing words", "nothing-here"])
@pytest.mark.parametrize("limit", [1, 7, 200])
def test_two_connections_rank_as_one(varied: Library, text: str, limit: int) -> None:
    one = queries.search(varied.db, text, limit).hits
    two = varied.search(text, limit)
    assert varied._ranker is not None  # the helper really ran
    assert [(h.id, h.snippet) for h in two] == [(h.id, h.snippet) for h in one]


def test_an_empty_library_ranks_nothing(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranking, "PARALLEL_MIN_PAGES", 0)
    assert lib.search("oil") == []
    lib.close()  # the helper thread and its connection end with the library


def every_match_ranked(library: Library, text: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    with monkeypatch.context() as patch:
        patch.setattr(ranking, "RANK_WINDOW", 1_000_000)
        return [h.id for h in queries.search(library.db, text, 200).hits]


@pytest.mark.parametrize("text", ["oil", "closing words", "b*"])
@pytest.mark.parametrize("two_connections", [False, True])
def test_a_common_query_ranks_the_newest_matches(varied: Library, monkeypatch: pytest.MonkeyPatch, text: str,
                                                  two_connections: bool) -> None:
    full = every_match_ranked(varied, text, monkeypatch)
    assert len(full) > 5
    monkeypatch.setattr(ranking, "RANK_WINDOW", 5)
    newest = set(sorted(full)[-5:])
    helper = varied._rank_helper() if two_connections else None
    results = queries.search(varied.db, text, 3, helper)
    assert results.window == 5
    assert [h.id for h in results.hits] == [i for i in full if i in newest][:3]  # in the order of the full ranking
    assert varied.search_results(text, 3) == results


def test_a_query_within_the_window_ranks_every_match(varied: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    full = every_match_ranked(varied, "cement", monkeypatch)
    monkeypatch.setattr(ranking, "RANK_WINDOW", len(full))  # exactly as many matches as the window holds
    results = varied.search_results("cement", 200)
    assert results.window is None
    assert [h.id for h in results.hits] == full
