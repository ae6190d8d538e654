"""Schema 3: the fields quote tables print are stored, read back and exported; old libraries are upgraded."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from desktop.library import Library
from desktop.library.export import write_quotes
from desktop.library.schema import MIGRATIONS, QUOTE_TABLE_FIELDS, SCHEMA_VERSION, _quote_table_fields
from parsing import Quote
from tests.desktop.library.helpers import make_page, raw_for

TABLE_ROW = Quote("DGKC", 444.03, 27.70, 6.65, "up", "stock", None, 413.42, 444.71, 413.23, 416.33, 21349, "CEMENT")
SECTOR = Quote("BR - Cement", 5128.27, 137.80, 2.76, "up", "sector", None, 4990.47, 5133.43, 4989.62, None,
               31848250, None, True)


def _with_table_quotes(index: int):
    page = make_page(index)
    return replace(page, quotes=page.quotes + (TABLE_ROW, SECTOR))


def test_the_quote_table_fields_arrive_with_version_3():
    assert MIGRATIONS[2] is _quote_table_fields and SCHEMA_VERSION >= 3


def test_table_fields_are_stored_and_read_back(lib_path: Path):
    with Library(lib_path) as lib:
        page_id = lib.import_page(_with_table_quotes(1), raw_for(1), "a.html").page_id
        rows = {row.symbol: row for row in lib.quotes(page_id)}
    dgkc, cement, plain = rows["DGKC"], rows["BR - Cement"], rows["HUBC"]
    assert (dgkc.open, dgkc.high, dgkc.low, dgkc.previous_close, dgkc.volume, dgkc.sector) == (
        413.42, 444.71, 413.23, 416.33, 21349, "CEMENT")
    assert (cement.kind, cement.percent, cement.percent_computed, cement.volume) == ("sector", 2.76, True, 31848250)
    assert (plain.open, plain.volume, plain.sector, plain.percent_computed) == (None, None, None, False)


def test_exports_carry_the_table_fields(lib_path: Path, tmp_path: Path):
    with Library(lib_path) as lib:
        page_id = lib.import_page(_with_table_quotes(1), raw_for(1), "a.html").page_id
        rows = lib.quotes(page_id)
        pages = {page_id: lib.page(page_id)}
    write_quotes(tmp_path / "q.json", rows, pages)
    records = {r["symbol"]: r for r in json.loads((tmp_path / "q.json").read_text("utf-8"))}
    assert records["DGKC"]["volume"] == 21349 and records["DGKC"]["previous_close"] == 416.33
    assert records["BR - Cement"]["percent_computed"] is True and records["HUBC"]["open"] is None
    write_quotes(tmp_path / "q.csv", rows, pages)
    header = (tmp_path / "q.csv").read_text("utf-8").splitlines()[0].split(",")
    assert header[-7:] == list(QUOTE_TABLE_FIELDS)


def _version_2_library(path: Path) -> None:
    """A library as version 2 made it, with one page and one quote, written without the current code."""
    db = Database(path)
    for step in MIGRATIONS[:2]:
        step(db)
    db.conn.execute("PRAGMA user_version = 2")
    db.conn.execute(
        "INSERT INTO pages (content_hash, quotes_as_of, as_of_key, title, parser_version, quote_count)"
        " VALUES ('h1', '2025-01-13T10:00:00+05:00', '2025-01-13T05:00:00', 'Old page', 2, 1)")
    db.conn.execute(
        "INSERT INTO quotes (page_id, position, symbol, kind, price, change, percent, direction, flag, as_of_key)"
        " VALUES (1, 0, 'OGDC', 'stock', 213.07, -13.70, -6.04, 'down', NULL, '2025-01-13T05:00:00')")
    db.conn.commit()
    db.close()


def test_a_version_2_library_is_upgraded_in_place(lib_path: Path):
    _version_2_library(lib_path)
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert set(QUOTE_TABLE_FIELDS) <= set(lib.db["quotes"].columns_dict)
        [old] = lib.quotes(1)
        assert (old.symbol, old.price, old.percent, old.direction) == ("OGDC", 213.07, -6.04, "down")
        assert (old.volume, old.sector, old.percent_computed) == (None, None, False)
        new_id = lib.import_page(_with_table_quotes(2), raw_for(2), "b.html").page_id
        assert {row.symbol: row for row in lib.quotes(new_id)}["DGKC"].volume == 21349
    conn = sqlite3.connect(lib_path)
    assert conn.execute("SELECT count(*) FROM quotes WHERE page_id = 1").fetchone()[0] == 1
    conn.close()
