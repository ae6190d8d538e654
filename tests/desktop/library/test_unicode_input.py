"""Text that is not valid Unicode (lone surrogates from a shell or a file name) never breaks a query."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.library import Library
from desktop.library.fts import clean_text, fts_query
from tests.desktop.library.helpers import make_page, raw_for, write_pages

ANY_TEXT = st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=40)


@pytest.fixture
def filled(lib: Library) -> Library:
    for index in range(2):
        lib.import_page(make_page(index), raw_for(index), f"{index}.html")
    return lib


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY_TEXT)
def test_queries_take_any_text(filled: Library, text: str) -> None:
    assert isinstance(filled.search(text), list)
    assert isinstance(filled.pages(search=text), list)
    assert isinstance(filled.history(text), list)
    (fts_query(text) or "").encode("utf-8")  # what reaches SQLite is always encodable


def test_lone_surrogates_become_replacement_characters(filled: Library) -> None:
    assert clean_text("oil\udcff\ud800") == "oil\ufffd\ufffd"
    assert clean_text("اسٹاک") == "اسٹاک"
    assert filled.search("\ud800") == [] and filled.search("\udcff") == []


@pytest.mark.skipif(os.name != "posix", reason="needs byte file names")
def test_file_name_with_undecodable_bytes_is_imported(tmp_path: Path, lib: Library) -> None:
    [page] = write_pages(tmp_path, 1)
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.html"))
    page.rename(odd)
    result = lib.import_file(odd)
    assert result.status == "imported", result.message
    assert lib.page(result.page_id).file_name == "caf\ufffd.html"
