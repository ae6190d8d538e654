"""Library records as plain dicts for JSON and CSV: one conversion per record type, keys chosen by callers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.library.records import PageRow, QuoteRow, StoredArticle

# The keys each output gives, in its order (the command line's JSON shapes).
PAGE_KEYS = ("id", "title", "section", "published", "saved", "quotes_as_of", "source_url", "file_name", "format",
             "quote_count", "as_of_estimated", "imported_at")
QUOTE_KEYS = ("page_id", "as_of", "symbol", "kind", "price", "change", "percent", "direction", "flag",
              "as_of_estimated", "open", "high", "low", "previous_close", "volume", "sector", "percent_computed")
# What a quote table adds to a quote; appended to each quote output after its earlier keys.
TABLE_KEYS = ("open", "high", "low", "previous_close", "volume", "sector", "percent_computed")
HISTORY_KEYS = ("page_id", "as_of", "price", "change", "percent", "direction", "as_of_estimated", "page_title")


def pick(record: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The entries of ``record`` named by ``keys``, in that order."""
    return {key: record[key] for key in keys}


def page_record(row: PageRow) -> dict[str, Any]:
    """Every field of a listed page."""
    return {
        "id": row.id, "title": row.title, "section": row.section, "published": row.published,
        "saved": row.saved, "quotes_as_of": row.quotes_as_of, "as_of_estimated": row.as_of_estimated,
        "source_url": row.source_url, "file_name": row.file_name, "format": row.format,
        "quote_count": row.quote_count, "imported_at": row.imported_at, "content_hash": row.content_hash,
    }


def quote_record(row: QuoteRow) -> dict[str, Any]:
    """Every field of a stored quote, with the snapshot it belongs to."""
    return {
        "page_id": row.page_id, "as_of": row.as_of, "as_of_estimated": row.as_of_estimated,
        "position": row.position, "symbol": row.symbol, "kind": row.kind, "price": row.price,
        "change": row.change, "percent": row.percent, "direction": row.direction, "flag": row.flag,
        "page_title": row.page_title, "open": row.open, "high": row.high, "low": row.low,
        "previous_close": row.previous_close, "volume": row.volume, "sector": row.sector,
        "percent_computed": row.percent_computed,
    }


def article_record(article: StoredArticle) -> dict[str, Any]:
    """A page with its article: the listed fields, then byline, summary, paragraphs, related and images."""
    return {
        **pick(page_record(article.page), PAGE_KEYS),
        "byline": article.byline, "summary": article.summary, "paragraphs": list(article.paragraphs),
        "related": list(article.related),
        "images": [{"name": i.name, "media_type": i.media_type, "bytes": len(i.data), "caption": i.caption,
                    "after_paragraph": i.after_paragraph} for i in article.images],
    }
