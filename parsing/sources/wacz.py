"""WACZ (Web Archive Collection Zipped: browsertrix, ArchiveBox, Webrecorder): a zip holding archive/*.warc.gz,
pages/pages.jsonl (and extraPages.jsonl), indexes and datapackage.json.

The pages imported are the ones the pages files list (url and ts; the first line is a header), each matched
to its HTML capture nearest that time; without a pages file every HTML response is a page, as in a WARC.
The WARCs are read from the zip in memory, under the zip reader's limits.
"""

from __future__ import annotations

import json
import posixpath
import zipfile
from typing import Any

from parsing.limits import MAX_FILE_BYTES
from parsing.model import ParseError
from parsing.sources.part import Part
from parsing.sources.warc import Record, WarcIndex, index_parts, seconds
from parsing.sources.zipped import read_member

MAX_PAGES_FILE = 16 * 1024 * 1024
PAGE_LISTS = ("pages/pages.jsonl", "pages/extraPages.jsonl")


def is_wacz(names: set[str]) -> bool:
    """A zip with WARC data where a WACZ keeps it (a data package without it is some other zip)."""
    return any(_is_warc(name) for name in names)


def _is_warc(name: str) -> bool:
    return posixpath.dirname(name) == "archive" and name.endswith((".warc", ".warc.gz"))


def read_wacz(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo]) -> list[Part]:
    """The listed pages of a WACZ (every HTML response when it lists none), named by number."""
    warcs = sorted(name for name in table if _is_warc(name))
    if not warcs:
        raise ParseError("The WACZ file holds no web archive data (no archive/*.warc.gz).")
    index = WarcIndex()
    for name in warcs:
        body = read_member(archive, table[name], MAX_FILE_BYTES)
        if body is None:
            index.notes.append(f"{name} in the WACZ file cannot be read (encrypted, damaged, or too large).")
            continue
        index.add(body)
    listed = _listed(archive, table)
    pages = [r for r in index.pages if r.target not in index.frames] if listed is None else _match(listed, index)
    return index_parts(index, pages, "WACZ file")


def _listed(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo]) -> list[dict[str, Any]] | None:
    """The entries of the pages files, or None when the WACZ has none."""
    entries: list[dict[str, Any]] = []
    found = False
    for name in PAGE_LISTS:
        if name not in table:
            continue
        found = True
        for line in (read_member(archive, table[name], MAX_PAGES_FILE) or b"").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("url"), str):
                entries.append(entry)
    return entries if found else None


def _match(listed: list[dict[str, Any]], index: WarcIndex) -> list[Record]:
    """For each listed page, its HTML capture nearest the listed time (each capture once)."""
    by_url: dict[str, list[Record]] = {}
    for record in index.pages:
        by_url.setdefault(record.target, []).append(record)
    chosen: list[Record] = []
    for entry in listed:
        candidates = by_url.get(entry["url"], [])
        if not candidates:
            index.notes.append(f"The WACZ file lists {entry['url']}, but holds no capture of it.")
            continue
        ts = seconds(str(entry.get("ts") or ""))
        best = min(candidates, key=lambda r: abs(seconds(r.date) - ts))
        if best not in chosen:
            chosen.append(best)
    return chosen
