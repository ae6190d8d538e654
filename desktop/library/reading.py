"""Getting a page ready to store: read the file, skip known content, parse, hash and compress."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import parsing
from desktop.library.fts import clean_text
from desktop.library.packing import Packer
from desktop.library.records import ImportResult
from desktop.library.times import saved_date_text

log = logging.getLogger(__name__)

MAX_FILE_BYTES = getattr(parsing, "MAX_FILE_BYTES", 256 * 1024 * 1024)

Lookup = Callable[[str], "tuple[int, str] | None"]  # content hash -> (page id, quotes as-of) if stored


@dataclass(frozen=True, slots=True)
class Prepared:
    """A parsed page with everything the writer needs, so the write transaction stays short."""

    page: parsing.Page
    digest: str
    packed: bytes  # the original bytes, compressed (see packing)
    size: int
    file_name: str
    mtime: float | None
    path: str  # as the user gave it, for the report


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def prepare(page: parsing.Page, raw: bytes, file_name: str, mtime: float | None, path: str,
            digest: str | None = None, packer: Packer | None = None) -> Prepared:
    packed = (packer or Packer()).pack(raw)
    name = clean_text(file_name)  # a name with undecodable bytes cannot be stored as text
    return Prepared(page, digest or content_hash(raw), packed, len(raw), name, mtime, path)


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def parse_problem(error: Exception, shown: str) -> str:
    """Why the parser could not read a page, for the user: its own sentence, else a general one (logged)."""
    if isinstance(error, parsing.ParseError):
        return error.message
    if isinstance(error, (MemoryError, RecursionError)):
        return "the page is too large or too deeply nested to read"
    log.error("the page reader failed on %s", shown, exc_info=error)
    return "the page could not be read (unexpected error; see the log)"


def parse_guarded(read: Callable[[], parsing.Page], shown: str) -> parsing.Page | ImportResult:
    """Run the parser; a page it cannot read becomes a failed result with the reason."""
    try:
        return read()
    except Exception as error:  # one unreadable page never stops an import
        return ImportResult(shown, "failed", None, parse_problem(error, shown))


def duplicate_result(path: str, found: tuple[int, str]) -> ImportResult:
    page_id, as_of = found
    return ImportResult(path, "duplicate", page_id, f"already in library (saved {saved_date_text(as_of)})")


NOT_REGULAR = "not a regular file (a pipe, device or socket cannot be a saved page)"
TOO_LARGE = "the file is too large to be a saved page"


def read_capped(path: Path) -> tuple[bytes, os.stat_result] | str:
    """The bytes of a regular file (following links) and its status, or why they cannot be had.

    Pipes, devices and sockets are refused before any read (a pipe would block, /dev/zero never ends);
    the file is opened without blocking and checked again on the open handle, and never more than
    the size cap plus one byte is read, whatever the file claims its size is.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return NOT_REGULAR
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        return f"cannot read the file: {_os_reason(error)}"
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return NOT_REGULAR
            if info.st_size > MAX_FILE_BYTES:
                return TOO_LARGE
            raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            return f"cannot read the file: {_os_reason(error)}"
    return (raw, info) if len(raw) <= MAX_FILE_BYTES else TOO_LARGE


def read_file(path: Path, lookup: Lookup, packer: Packer | None = None) -> Prepared | ImportResult:
    """A saved page file ready to store, or the report of why it will not be (duplicate, unreadable)."""
    shown = str(path)
    got = read_capped(path)
    if isinstance(got, str):
        return ImportResult(shown, "failed", None, got)
    raw, info = got
    digest = content_hash(raw)
    found = lookup(digest)
    if found is not None:
        return duplicate_result(shown, found)
    files_dir = path.with_name(f"{path.stem}_files")
    folder = files_dir if files_dir.is_dir() else None
    page = parse_guarded(lambda: parsing.parse_bytes(raw, path.name, folder), shown)
    if isinstance(page, ImportResult):
        return page
    return prepare(page, raw, path.name, info.st_mtime, shown, digest, packer)


def read_data(data: bytes, name: str, mtime: float | None, lookup: Lookup,
              packer: Packer | None = None) -> Prepared | ImportResult:
    """Page bytes that came without a file, ready to store (or the reason they will not be)."""
    digest = content_hash(data)
    found = lookup(digest)
    if found is not None:
        return duplicate_result(name, found)
    page = parse_guarded(lambda: parsing.parse_bytes(data, name), name)
    if isinstance(page, ImportResult):
        return page
    return prepare(page, data, name, mtime, name, digest, packer)
