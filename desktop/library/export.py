"""Writing quotes to CSV or JSON with provenance: when the quotes are from, which page, which file."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop.library.compare import SymbolMove
from desktop.library.records import PageRow, QuoteRow
from desktop.library.serialize import TABLE_KEYS, pick, quote_record

FIELDS = [
    "symbol", "kind", "price", "change", "percent", "direction",
    "quotes_as_of", "as_of_estimated", "page_id", "page_title", "source_url", "file_hash",
    *TABLE_KEYS,
]


def quote_records(quotes: Sequence[QuoteRow], pages: Mapping[int, PageRow | None]) -> list[dict[str, object]]:
    """Each quote with where it came from: the moment, the page, its address and the saved file's hash."""
    records = []
    for q in quotes:
        page = pages.get(q.page_id)
        record = {**quote_record(q), "quotes_as_of": q.as_of}
        record.update(page_title=page.title if page else q.page_title, source_url=page.source_url if page else None,
                      file_hash=page.content_hash if page else None)
        records.append(pick(record, FIELDS))
    return records


def write_quotes(target: Path, quotes: Sequence[QuoteRow], pages: Mapping[int, PageRow | None]) -> None:
    """JSON when the name ends in .json, else CSV."""
    write_records(target, quote_records(quotes, pages), FIELDS)


def _provenance(prefix: str, page: PageRow) -> dict[str, object]:
    return {
        f"{prefix}_page_id": page.id, f"{prefix}_title": page.title, f"{prefix}_quotes_as_of": page.quotes_as_of,
        f"{prefix}_source_url": page.source_url, f"{prefix}_file_hash": page.content_hash,
    }


def write_comparison(target: Path, moves: Sequence[SymbolMove], page_a: PageRow, page_b: PageRow) -> None:
    """Each symbol's move between two pages, with both pages' provenance on every row."""
    records = [{**m.to_json(), **_provenance("a", page_a), **_provenance("b", page_b)} for m in moves]
    fields = list(records[0]) if records else list(SymbolMove("", "", None, None).to_json())
    write_records(target, records, fields)


def write_records(target: Path, records: list[dict[str, object]], fields: list[str]) -> None:
    if target.suffix.lower() == ".json":
        target.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(records)
