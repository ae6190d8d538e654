"""The library commands as a user types them: `market-reader --library X COMMAND ...`."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import build_parser
from tests.desktop.cli.runner import run
from tests.desktop.library.helpers import write_hostile, write_pages
from tests.paths import ROOT

LIBRARY_COMMANDS = ("import", "pages", "quotes", "search", "show", "export", "reparse")
PAGE_KEYS = {"id", "title", "section", "published", "saved", "quotes_as_of", "source_url", "file_name", "format",
             "quote_count"}
QUOTE_KEYS = {"page_id", "as_of", "symbol", "kind", "price", "change", "percent", "direction"}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A library with three generated pages and the real sample, imported through the command."""
    folder = tmp_path_factory.mktemp("drop")
    write_pages(folder / "pages", 3)
    sample = ROOT.parent / "shared" / "samples" / "000_41355db6c868b72e.txt"
    if sample.exists():
        shutil.copy(sample, folder / "pages" / "sample.txt")
    library = folder / "library.db"
    result = run(library, "import", str(folder / "pages"))
    assert result.returncode == 0, result.stderr
    return library, folder


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_library_command_has_help_text() -> None:
    parsers = _subparsers()
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    for name in LIBRARY_COMMANDS:
        assert helps.get(name), f"{name} has no help line"
        assert parsers[name].description, f"{name} has no description"
        for option in parsers[name]._actions:
            assert option.help, f"{name} {option.option_strings or option.dest} has no help"


def test_import_json_lines_and_exit_status(tmp_path: Path) -> None:
    good = write_pages(tmp_path / "drop", 2)
    bad = write_hostile(tmp_path / "drop")
    library = tmp_path / "library.db"
    result = run(library, "import", "--json", str(tmp_path / "drop"))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(set(r) == {"path", "status", "page_id", "message"} for r in records)
    by_path = {r["path"]: r for r in records}
    assert len(records) == 6
    for path in good:
        assert by_path[str(path)]["status"] == "imported" and isinstance(by_path[str(path)]["page_id"], int)
    for path in bad.values():
        assert by_path[str(path)]["status"] == "failed" and by_path[str(path)]["page_id"] is None
        assert by_path[str(path)]["message"]
    again = run(library, "import", "--json", *map(str, good))
    assert again.returncode == 0
    assert [json.loads(line)["status"] for line in again.stdout.splitlines()] == ["duplicate", "duplicate"]
    assert "already in library (saved " in again.stdout


def test_library_from_the_environment(tmp_path: Path) -> None:
    library = tmp_path / "env.db"
    [page] = write_pages(tmp_path / "drop", 1)
    result = run(None, "import", str(page), env={"MARKET_READER_LIBRARY": str(library)})
    assert result.returncode == 0 and "1 imported" in result.stdout
    assert library.exists()


def test_pages_json_and_table(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    rows = json.loads(run(library, "pages", "--json", "--sort", "title", "--ascending").stdout)
    assert len(rows) >= 3 and all(PAGE_KEYS <= set(r) for r in rows)
    titles = [r["title"].lower() for r in rows]
    assert titles == sorted(titles)
    table = run(library, "pages").stdout.splitlines()
    assert table[0].split()[:4] == ["ID", "Published", "Saved", "Quotes"]
    assert len(table) == len(rows) + 2


def test_quotes_sorted_limited_and_filtered(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    rows = json.loads(run(library, "quotes", "--latest", "--sort", "-percent", "--limit", "5", "--json").stdout)
    assert len(rows) == 5 and all(QUOTE_KEYS <= set(r) for r in rows)
    assert [r["percent"] for r in rows] == sorted((r["percent"] for r in rows), reverse=True)
    indices = json.loads(run(library, "quotes", "--kind", "index", "--json").stdout)
    assert indices and {r["kind"] for r in indices} == {"index"}
    page = json.loads(run(library, "quotes", "--page", "1", "--json").stdout)
    assert {r["page_id"] for r in page} == {1} and len(page) == 34
    text = run(library, "quotes", "--page", "1", "--sort", "price").stdout
    assert "," in text and ("▼" in text or "▲" in text)
    assert run(library, "quotes", "--page", "999").returncode == 1


def test_quotes_csv(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    rows = list(csv.DictReader(io.StringIO(run(library, "quotes", "--csv").stdout)))
    assert rows and QUOTE_KEYS <= set(rows[0])


def test_search_shapes_and_hostile_query(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    hits = json.loads(run(library, "search", "--json", "report").stdout)
    assert hits and all(set(h) == {"id", "title", "snippet"} for h in hits)
    assert any("[report]" in h["snippet"].lower() for h in hits)
    for query in ('"unbalanced', "AND OR", "*", "C++", "KSE-100", "اسٹاک"):
        result = run(library, "search", "--json", query)
        assert result.returncode == 0 and isinstance(json.loads(result.stdout), list), query


def test_search_says_when_only_the_newest_matches_were_ranked(filled: tuple[Path, Path],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.library import ranking

    library, _folder = filled
    assert "imported last" not in run(library, "search", "report").stderr
    monkeypatch.setattr(ranking, "RANK_WINDOW", 1)
    result = run(library, "search", "--json", "report")
    hits = json.loads(result.stdout)  # the JSON keeps its shape; the note goes to stderr
    assert len(hits) == 1 and set(hits[0]) == {"id", "title", "snippet"}
    assert "the best of the 1 imported last" in result.stderr
    assert "imported last" in run(library, "search", "report").stderr


def test_show_prints_the_article(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    rows = json.loads(run(library, "pages", "--json").stdout)
    result = run(library, "show", str(rows[0]["id"]))
    assert result.returncode == 0 and result.stdout.startswith(rows[0]["title"])
    assert run(library, "show", "999").returncode == 1


def test_export_csv_and_json(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    pages = json.loads(run(library, "export", "--format", "json").stdout)
    assert all(PAGE_KEYS <= set(p) and len(p["quotes"]) == p["quote_count"] for p in pages)
    rows = list(csv.DictReader(io.StringIO(run(library, "export").stdout)))
    assert len(rows) == sum(p["quote_count"] for p in pages)
    by_id = {p["id"]: p for p in pages}
    connection = sqlite3.connect(library)
    hashes = dict(connection.execute("SELECT id, content_hash FROM pages"))
    connection.close()
    for row in rows:  # every row says where its quote came from: moment, page, address, file
        page = by_id[int(row["page_id"])]
        assert (row["quotes_as_of"], row["title"], row["content_hash"]) == (
            page["quotes_as_of"], page["title"], hashes[page["id"]])
        assert row["source_url"] == (page["source_url"] or "") and len(row["content_hash"]) == 64
    assert all(p["content_hash"] == hashes[p["id"]] for p in pages)


def test_library_option_after_the_command(filled: tuple[Path, Path], tmp_path: Path) -> None:
    library, _folder = filled
    before = run(library, "pages", "--json")
    after = run(None, "pages", "--json", "--library", str(library))
    assert after.returncode == 0 and len(json.loads(after.stdout)) >= 3
    assert json.loads(after.stdout) == json.loads(before.stdout)
    both = run(tmp_path / "empty.db", "pages", "--json", "--library", str(library))
    assert json.loads(both.stdout) == json.loads(before.stdout)  # the one nearest the command wins


def test_reparse_reads_every_page_again(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    result = run(library, "reparse", "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["status"] == "imported" for r in records)


def test_newer_library_is_refused_with_a_message(tmp_path: Path) -> None:
    library = tmp_path / "new.db"
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = run(library, "pages")
    assert result.returncode == 2
    assert "newer Market Reader" in result.stderr and "Traceback" not in result.stderr


def test_search_and_history_take_undecodable_arguments(filled: tuple[Path, Path]) -> None:
    library, _folder = filled
    # what Python makes of bytes that are not UTF-8 on the command line (surrogate escapes)
    for args in ([b"search", b"\xff"], [b"search", b"oil\xff", b"--json"], [b"history", b"\xff"],
                 [b"pages", b"--search", b"\xed\xa0\x80"]):
        result = run(library, *map(os.fsdecode, args))
        assert result.returncode == (1 if args[0] == b"history" else 0), result.stderr  # 1: symbol not quoted
        assert "Traceback" not in result.stderr


def test_export_carries_the_quote_table_fields(tmp_path: Path) -> None:
    library = tmp_path / "library.db"
    fixture = ROOT / "tests" / "fixtures" / "quotes" / "br_sectors" / "br_sectors.txt"
    assert run(library, "import", str(fixture)).returncode == 0
    [page] = json.loads(run(library, "export", "--format", "json").stdout)
    cement = next(q for q in page["quotes"] if q["symbol"] == "BR - Cement")
    assert (cement["kind"], cement["percent_computed"], cement["volume"]) == ("sector", True, 705792)
    rows = list(csv.DictReader(io.StringIO(run(library, "export").stdout)))
    row = next(r for r in rows if r["symbol"] == "BR - Cement")
    assert (row["open"], row["volume"], row["percent_computed"], row["sector"]) == ("39235.54", "705792", "1", "")
    assert run(library, "quotes", "--page", str(page["id"]), "--kind", "sector", "--json").returncode == 0


@pytest.mark.parametrize("command", [("pages",), ("search", "rupee"), ("quotes", "--latest"), ("show", "1")])
def test_a_reading_command_never_creates_a_library(tmp_path: Path, command: tuple[str, ...]) -> None:
    mistyped = tmp_path / "Libary" / "library.db"
    result = run(mistyped, *command)
    assert result.returncode == 2
    assert f"there is no library at {mistyped}" in result.stderr
    assert not mistyped.parent.exists()
    created = run(mistyped, "import", str(ROOT / "resources" / "samples"))
    assert created.returncode == 0 and mistyped.exists()
