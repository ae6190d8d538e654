"""Libraries written by earlier versions are upgraded in place and read as before.

tests/fixtures/library-v1.db and library-v2.db were written by Market Reader's own code at library
versions 1 and 2 (three pages imported with make_page, the last one deleted; the second paragraph is Urdu).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.library import Library, LibraryError
from desktop.library.originals import original_bytes
from desktop.library.schema import SCHEMA_VERSION
from tests.desktop.library.helpers import make_page, raw_for
from tests.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
URDU = "دوسرا پیراگراف یہاں ہے۔"


@pytest.fixture(params=[1, 2])
def old_library(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / f"library-v{request.param}.db"
    shutil.copyfile(FIXTURES / target.name, target)
    return target


def test_old_library_is_upgraded_and_keeps_every_page(old_library: Path) -> None:
    with Library(old_library) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [r.id for r in lib.pages(sort="title", descending=False)] == [1, 2]
        article = lib.article(2)
        assert article is not None
        assert article.paragraphs == ("Paragraph one of report 1 about the rupee.", URDU)
        assert article.related == ("Related story",) and len(article.images) == 1
        assert len(lib.quotes(1)) == 7 and [q.page_id for q in lib.history("OGDC")] == [1, 2]
        assert original_bytes(lib.db, 1) == raw_for(0)
        assert [h.id for h in lib.search("report 1")] == [2]
        assert {h.id for h in lib.search("پیراگراف")} == {1, 2}
        assert "rupee" in lib.search("rupee")[0].snippet.lower()
        states = lib.page_states([1, 2])
        assert states[2].words == 8 + 4 and not states[2].read and states[2].tags == ()  # counted by the upgrade


def test_upgraded_library_drops_the_duplicate_text_and_keeps_the_index_valid(old_library: Path) -> None:
    with Library(old_library) as lib:
        columns = set(lib.db["pages"].columns_dict)
        assert not {"body", "paragraphs", "related"} & columns
        assert lib.db.execute("SELECT count(*) FROM texts").fetchone()[0] == 2
        assert "content=''" in lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'pages_fts'").fetchone()[0]
        lib.db.execute("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')")
        assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_upgraded_library_takes_new_pages_deletes_and_reparses(old_library: Path) -> None:
    with Library(old_library) as lib:
        new_id = lib.import_page(make_page(20), raw_for(20), "p20.html").page_id
        # version 2 already never gave a deleted id again (page 3 was deleted); version 1 did not know how
        assert new_id == (4 if old_library.name == "library-v2.db" else 3)
        assert [h.id for h in lib.search("report 20")] == [new_id]
        assert lib.delete_page(1)
        assert lib.search("report 0") == []
        results = lib.reparse()
        assert [r.status for r in results] == ["imported", "imported"]
        assert lib.search("rupee") == []  # the text now comes from the stored original, which has none
        lib.db.execute("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')")
    with Library(old_library) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert sorted(r.id for r in lib.pages()) == [2, new_id]


def test_old_library_on_read_only_storage_is_refused_with_a_sentence(old_library: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import library as library_module

    def refuse(_path: Path) -> object:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(library_module, "connect", refuse)
    with pytest.raises(LibraryError, match="older Market Reader"):
        Library(old_library, read_only_fallback=True)
