"""A search ranked on two connections finds exactly what one connection finds, in the same order."""

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
    one = queries.search(varied.db, text, limit)
    two = varied.search(text, limit)
    assert varied._ranker is not None  # the helper really ran
    assert [(h.id, h.snippet) for h in two] == [(h.id, h.snippet) for h in one]


def test_an_empty_library_ranks_nothing(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranking, "PARALLEL_MIN_PAGES", 0)
    assert lib.search("oil") == []
    lib.close()  # the helper thread and its connection end with the library
