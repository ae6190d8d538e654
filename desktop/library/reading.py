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
from desktop.library.files import HTML_SUFFIXES, claims_page
from desktop.library.fts import clean_text
from desktop.library.packing import Packer
from desktop.library.records import ImportResult, ImportStatus
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
HEAD_BYTES = 65_536  # enough to tell every saved form (an MHTML header block, SingleFile's comment)
Outcome = list["Prepared | ImportResult"]  # one entry per page of the file (or one report for the file)


def read_capped(path: Path, head: bool = False) -> tuple[bytes, os.stat_result] | str:
    """The bytes of a regular file (following links) and its status, or why they cannot be had.

    Pipes, devices and sockets are refused before any read (a pipe would block, /dev/zero never ends);
    the file is opened without blocking and checked again on the open handle, and never more than
    the size cap plus one byte is read, whatever the file claims its size is. With ``head``, only the
    first HEAD_BYTES are read, whatever the file's size.
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
            if head:
                return handle.read(HEAD_BYTES), info
            if info.st_size > MAX_FILE_BYTES:
                return TOO_LARGE
            raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            return f"cannot read the file: {_os_reason(error)}"
    return (raw, info) if len(raw) <= MAX_FILE_BYTES else TOO_LARGE


def not_a_page(head: bytes, path: Path) -> str | None:
    """Why a file met in a folder is passed over, judged by its first bytes: it is plainly something else
    (an image, a program, a stylesheet, a spreadsheet). None when it may be a saved page."""
    try:
        form = parsing.identify(head)
    except parsing.NotAPage as error:  # macOS writes "._page.html" beside "page.html" on some drives
        return None if claims_page(path) and not path.name.startswith("._") else error.message
    except parsing.ParseError as error:  # an empty file
        return None if claims_page(path) else error.message
    if form == "text" and not path.name.lower().endswith(TEXT_COPY_SUFFIXES):
        return (f"This is {_text_kind(path)}, not a saved web page (in a folder, only text files named .txt are read "
                "as copied pages; open this one on its own to read it as one).")
    return None


# A text file is read as a copied page when it is named as one, or named as a web page (a copy pasted into
# "page.html"): its name says it is a page, as a directly named file's always does.
TEXT_COPY_SUFFIXES = (".txt", ".text", *HTML_SUFFIXES)
_TEXT_KINDS = {
    ".csv": "a spreadsheet (CSV)", ".tsv": "a spreadsheet (TSV)", ".css": "a stylesheet", ".js": "a script",
    ".json": "a JSON data file", ".xml": "an XML file", ".svg": "an SVG image", ".md": "a Markdown text",
}


def _text_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    return _TEXT_KINDS.get(suffix, f"a text file ({suffix})" if suffix else "a text file")


def read_file(path: Path, lookup: Lookup, in_folder: bool = False, packer: Packer | None = None) -> Outcome:
    """Each page of a saved file ready to store, or the report of why it will not be (already stored,
    unreadable, not a saved page). ``in_folder``: the file was met in a folder, where a file that is plainly
    not a saved page is "ignored" rather than failed."""
    shown = str(path)
    if in_folder:
        got_head = read_capped(path, head=True)
        reason = not_a_page(got_head[0], path) if not isinstance(got_head, str) else None
        if reason is not None:
            return [ImportResult(shown, "ignored", None, reason)]
    may_ignore = in_folder and not claims_page(path)
    got = read_capped(path)
    if isinstance(got, str):
        status: ImportStatus = "ignored" if may_ignore and got == TOO_LARGE else "failed"
        return [ImportResult(shown, status, None, got)]
    raw, info = got
    return _read_pages(raw, path.name, info.st_mtime, shown, lookup, path, may_ignore, packer)


def read_data(data: bytes, name: str, mtime: float | None, lookup: Lookup, packer: Packer | None = None) -> Outcome:
    """Page bytes that came without a file, ready to store (or the reason they will not be)."""
    return _read_pages(data, name, mtime, name, lookup, packer=packer)


def _read_pages(raw: bytes, name: str, mtime: float | None, shown: str, lookup: Lookup, path: Path | None = None,
                may_ignore: bool = False, packer: Packer | None = None) -> Outcome:
    """Every page of a file's bytes. A page is known by the hash of its own bytes (the whole file for a
    one-page form, a zip member or a WARC record inside a container), checked before it is extracted."""
    digest = content_hash(raw)
    found = lookup(digest)
    if found is not None:
        return [duplicate_result(shown, found)]
    try:
        parts = parsing.read_parts(raw, name, path)
    except parsing.NotAPage as error:
        return [ImportResult(shown, "ignored" if may_ignore else "failed", None, error.message)]
    except Exception as error:  # one unreadable file never stops an import
        return [ImportResult(shown, "failed", None, parse_problem(error, shown))]
    return [_read_part(part, digest if part.own is raw else None, name, mtime, shown, lookup, packer)
            for part in parts]


def _read_part(part: parsing.Part, digest: str | None, name: str, mtime: float | None, shown: str,
               lookup: Lookup, packer: Packer | None) -> Prepared | ImportResult:
    if part.name:
        name, shown = f"{name}#{part.name}", f"{shown}#{part.name}"
    if part.document is None:
        return ImportResult(shown, "failed", None, part.problem or "the page cannot be read")
    if digest is None:
        digest = content_hash(part.own)
        found = lookup(digest)
        if found is not None:
            return duplicate_result(shown, found)
    page = parse_guarded(lambda: parsing.parse_part(part), shown)
    if isinstance(page, ImportResult):
        return page
    return prepare(page, part.original(), name, mtime, shown, digest, packer)
