"""Writing quotes to CSV or JSON with provenance: when the quotes are from, which page, which file."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop.library.records import PageRow, QuoteRow

FIELDS = [
    "symbol", "kind", "price", "change", "percent", "direction",
    "quotes_as_of", "as_of_estimated", "page_id", "page_title", "source_url", "file_hash",
]


def quote_records(quotes: Sequence[QuoteRow], pages: Mapping[int, PageRow | None]) -> list[dict[str, object]]:
    records = []
    for q in quotes:
        page = pages.get(q.page_id)
        records.append({
            "symbol": q.symbol, "kind": q.kind, "price": q.price, "change": q.change, "percent": q.percent,
            "direction": q.direction, "quotes_as_of": q.as_of, "as_of_estimated": q.as_of_estimated,
            "page_id": q.page_id, "page_title": page.title if page else q.page_title,
            "source_url": page.source_url if page else None, "file_hash": page.content_hash if page else None,
        })
    return records


def write_quotes(target: Path, quotes: Sequence[QuoteRow], pages: Mapping[int, PageRow | None]) -> None:
    """JSON when the name ends in .json, else CSV."""
    records = quote_records(quotes, pages)
    if target.suffix.lower() == ".json":
        target.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(records)
