"""WACZ (Web Archive Collection Zipped: browsertrix, ArchiveBox, Webrecorder): a zip holding archive/*.warc.gz,
pages/pages.jsonl (and extraPages.jsonl), indexes and datapackage.json.

The pages imported are the ones the pages files list (url and ts; the first line is a header), each matched
to its HTML capture nearest that time; without a pages file (or one that lists nothing, or only pages the
archive does not hold) every HTML response is a page, as in a WARC.
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
    detected = [r for r in index.pages if r.target not in index.frames]
    listed = _listed(archive, table)
    pages = _match(listed, index) if listed else []
    if listed and not pages and detected:
        index.notes.append("None of the pages the WACZ file lists are in its web archive data, so every page in it "
                           "was read.")
    return index_parts(index, pages or detected, "WACZ file")


def _listed(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo]) -> list[dict[str, Any]]:
    """The entries of the pages files (none when the WACZ has no pages file, or one with only its header line)."""
    entries: list[dict[str, Any]] = []
    for name in PAGE_LISTS:
        if name not in table:
            continue
        for line in (read_member(archive, table[name], MAX_PAGES_FILE) or b"").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("url"), str):
                entries.append(entry)
    return entries


def _match(listed: list[dict[str, Any]], index: WarcIndex) -> list[Record]:
    """For each listed page, its HTML capture nearest the listed time (each capture once)."""
    by_url: dict[str, list[Record]] = {}
    for record in index.pages:
        by_url.setdefault(_same_page(record.target), []).append(record)
    chosen: list[Record] = []
    for entry in listed:
        candidates = by_url.get(_same_page(entry["url"]), [])
        if not candidates:
            index.notes.append(f"The WACZ file lists {entry['url']}, but holds no capture of it.")
            continue
        ts = seconds(_iso(str(entry.get("ts") or "")))
        best = min(candidates, key=lambda r: abs(seconds(r.date) - ts))
        if best not in chosen:
            chosen.append(best)
    return chosen


def _same_page(url: str) -> str:
    """An address without its fragment, and with "/" for an empty path (crawlers list "https://x#top" or
    "https://x" for the capture of "https://x/")."""
    url = url.split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    return url + "/" if sep and "/" not in rest else url


def _iso(ts: str) -> str:
    """A listed time as ISO 8601: older pages files give a 14-digit WARC timestamp (20250614100203)."""
    if len(ts) == 14 and ts.isdigit():
        return f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:]}Z"
    return ts
