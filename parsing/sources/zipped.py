"""A zip of saved pages (a "Webpage, Complete" zipped to send it, or several pages), read in memory only.

Nothing is ever written to disk: member names are only keys of an in-memory table, so ``../../x`` cannot
reach anything; such names are still refused and counted, since no browser writes them. The table of
contents is checked before anything is decompressed (number of members, declared total size, compression
ratio), and every read is bounded, so a member that lies about its size is cut off, never read whole.
A page is any member that is a saved form by its content: an HTML page (not one inside a page's companion
folder, where Chrome keeps frames), MHTML, a web archive, a WARC or WACZ, or a PDF. Text files are not taken
for text copies (a zip's read-me is not a page); a zip inside the zip is read the same way, but zips inside that
are not opened (a WACZ always is).
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from unicodedata import normalize
from urllib.parse import unquote

from parsing.html.images import media_type
from parsing.limits import (
    MAX_FILE_BYTES,
    MAX_HTML_BYTES,
    MAX_RESOURCE_BYTES,
    MAX_ZIP_MEMBERS,
    MAX_ZIP_RATIO,
    MAX_ZIP_TOTAL_BYTES,
    ZIP_RATIO_FLOOR,
)
from parsing.model import NotAPage, ParseError, Resolver
from parsing.sources.detect import sniff
from parsing.sources.files import (
    LINK_SCAN_BYTES,
    PAGE_SUFFIXES,
    companion_stem,
    frame_folders,
    linked_folders,
)
from parsing.sources.html import read_html
from parsing.sources.part import Hits, Part, unreadable
from parsing.sources.singlefile import SavedBy, read_singlefile, saved_by
from parsing.sources.stubs import refuse_stub

OTHER_FORMS = (".mhtml", ".mht", ".webarchive", ".warc", ".warc.gz", ".wacz", ".pdf")
Nested = Callable[[bytes, int], list[Part]]  # (member bytes, depth) -> its pages, through the form dispatcher
HEAD_BYTES = 65_536
MAX_ZIP_DEPTH = 1  # a zip inside the zip is opened; one inside that is not
_UNSAFE = re.compile(r"(^|/)\.\.(/|$)|^/|^[a-zA-Z]:|\x00")
BOMB = ("The zip file would unpack to far more than its size ({}); it looks like a zip bomb, so it was not "
        "opened.")
UNREADABLE = "This file in the zip cannot be read (damaged, or too large)."
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)  # what zipfile unpacks
ENCRYPTED = ("This file in the zip is protected with a password, which Market Reader does not ask for: unzip it "
             "with its password and import the files it holds.")
# what reading a damaged or encrypted member can raise
_READ_ERRORS = (RuntimeError, NotImplementedError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error)


class OnlyDeeperZips(NotAPage):
    """A zip whose only possible pages are in zips too deep to open."""


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, its table of contents checked against the limits (nothing decompressed yet)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ParseError("The zip file is damaged or cut short (its table of contents is missing).") from None
    except (OSError, ValueError, EOFError, NotImplementedError) as error:
        raise ParseError(f"The zip file is damaged ({type(error).__name__}).") from None
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ParseError(f"The zip file holds {len(infos):,} files (more than {MAX_ZIP_MEMBERS:,}); it is not a "
                         "saved page.")
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ParseError(BOMB.format(f"{total / 2**20:,.0f} MB in all"))
    for info in infos:
        if info.file_size > ZIP_RATIO_FLOOR and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise ParseError(BOMB.format(f"one file is compressed {ratio:,} to 1"))
    return archive


def safe_name(name: str) -> str | None:
    """The member's path with / separators, or None for folders and absolute, drive or parent-folder names."""
    name = name.replace("\\", "/")
    if not name or name.endswith("/") or _UNSAFE.search(name):
        return None
    return posixpath.normpath(name)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """At most ``cap`` bytes of a member; None when it is larger, encrypted or cannot be decompressed."""
    if info.flag_bits & 0x1:
        return None
    try:
        with archive.open(info) as handle:
            data = handle.read(cap + 1)
    except _READ_ERRORS:
        return None
    return data if len(data) <= cap else None


def members(archive: zipfile.ZipFile) -> tuple[dict[str, zipfile.ZipInfo], int]:
    """The members by safe name, and how many names were refused as unsafe."""
    table: dict[str, zipfile.ZipInfo] = {}
    unsafe = 0
    for info in archive.infolist():
        name = safe_name(normalize("NFC", member_name(info)))  # macOS writes names decomposed (NFD)
        if name is None:
            unsafe += not info.filename.endswith("/")
        else:
            table.setdefault(name, info)
    return table, unsafe


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it. Without the UTF-8 flag the zip module reads a name as code page 437
    (old Windows); Info-ZIP and others on Linux and macOS write UTF-8 there without the flag, so a name whose bytes
    are valid UTF-8 is read as UTF-8 (names in code page 437 with letters beyond ASCII almost never are)."""
    if info.flag_bits & 0x800 or info.filename.isascii():
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def office_kind(names: set[str]) -> str | None:
    """What a zip is when it is a document format built on zip."""
    if "[Content_Types].xml" in names:
        return "an Office document (Word, Excel or PowerPoint)"
    if "mimetype" in names and "META-INF/container.xml" in names:
        return "an e-book (EPUB)"
    if "mimetype" in names and "content.xml" in names:
        return "an OpenDocument file (text, spreadsheet or presentation)"
    return None


def member_resolver(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo], page: str, hits: Hits
                    ) -> Resolver:
    """src relative to the page's member -> bytes of the member it names, never above the zip's root."""
    base = posixpath.dirname(page)

    def resolve(src: str) -> bytes | None:
        if not src or ":" in src.split("/", 1)[0] or src.startswith(("/", "\\")):
            return None
        path = src.split("#", 1)[0].split("?", 1)[0].replace("\\", "/")  # as member names, and files beside a page
        for candidate in dict.fromkeys((path, normalize("NFC", unquote(path)))):  # as the members' names
            joined = posixpath.normpath(posixpath.join(base, candidate))
            if joined == ".." or joined.startswith(("../", "/")):
                return None
            info = table.get(joined)
            if info is not None:
                data = read_member(archive, info, MAX_RESOURCE_BYTES)
                return hits.found(joined, data) if data is not None and media_type(data) else data
        return None

    return resolve


def in_companion(name: str, stems: dict[str, set[str]], linked: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether the member sits in a page's companion folder ("page_files/", "page-Dateien/", ...): a folder
    beside an HTML page, named after it with any suffix, or with a known companion suffix, or (``linked``: the
    renamed companion folders beside the pages of each folder) one a page beside it loads resources from."""
    parts = name.split("/")
    for depth in range(len(parts) - 1):
        parent = "/".join(parts[:depth])
        beside = stems.get(parent, set())
        folder = parts[depth]
        if companion_stem(folder) in beside:
            return True
        if len(beside) <= 200 and any(folder.startswith(stem) and folder != stem for stem in beside):
            return True
        if linked is not None and folder in linked.get(parent, ()):
            return True
    return False


def renamed_companions(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo], stems: dict[str, set[str]]
                       ) -> dict[str, frozenset[str]]:
    """For each folder of the zip that holds pages: the folders beside them that are not named as companions but
    that a page there loads resources from and that hold no folders themselves (a renamed "NAME_files")."""
    candidates: dict[str, set[str]] = {}
    nested: set[str] = set()
    for name in table:
        parts = name.split("/")
        for depth in range(len(parts) - 1):
            parent = "/".join(parts[:depth])
            if parent in stems and not in_companion("/".join(parts[: depth + 2]), stems):
                candidates.setdefault(parent, set()).add(parts[depth])
                if depth + 2 < len(parts):
                    nested.add("/".join(parts[: depth + 1]))
    found: dict[str, frozenset[str]] = {}
    for parent, folders in candidates.items():
        prefix = f"{parent}/" if parent else ""
        pages = {f"{prefix}{stem}" for stem in sorted(stems[parent])[:200]}
        linked: set[str] = set()
        framed: set[str] = set()
        for name in table:
            if name.rsplit(".", 1)[0] in pages and name.lower().endswith(PAGE_SUFFIXES):
                head = read_member_head(archive, table[name], LINK_SCAN_BYTES) or b""
                linked |= linked_folders(head)
                framed |= frame_folders(head)
        found[parent] = frozenset(f for f in folders & linked if f"{prefix}{f}" not in nested
                                  and (f in framed or not _holds_pages(table, f"{prefix}{f}/")))
    return found


def _holds_pages(table: dict[str, zipfile.ZipInfo], folder: str) -> bool:
    """Whether the zip has saved pages inside ``folder`` (a name ending in "/"): a folder of other pages."""
    return any(name.startswith(folder) and name.lower().endswith(PAGE_SUFFIXES) for name in table)


def read_zip(data: bytes, depth: int, nested: Nested) -> list[Part]:
    """Every page in the zip, in the order of the members' names; a WACZ goes to its own reader."""
    archive = open_zip(data)
    table, unsafe = members(archive)
    kind = office_kind(set(table))
    if kind:
        raise NotAPage(f"This is {kind}, not a saved web page.")
    from parsing.sources.wacz import is_wacz, read_wacz

    if is_wacz(set(table)):
        return read_wacz(archive, table)
    stems: dict[str, set[str]] = {}
    for name in table:
        if name.lower().endswith(PAGE_SUFFIXES):
            parent, _, leaf = name.rpartition("/")
            stems.setdefault(parent, set()).add(leaf.rsplit(".", 1)[0])
    linked = renamed_companions(archive, table, stems)
    parts: list[Part] = []
    skipped_zips = 0
    for name in sorted(table):
        if in_companion(name, stems, linked):
            continue
        found = _member_pages(archive, table, name, depth, nested)
        skipped_zips += found is None
        parts.extend(found or [])
    if not parts and any(info.flag_bits & 0x1 for info in table.values()):
        raise ParseError("The zip file is protected with a password, which Market Reader does not ask for: unzip "
                         "it with its password and import the files it holds.")
    if not parts:
        extra = " (zips inside it are not opened)" if skipped_zips else ""
        raise (OnlyDeeperZips if skipped_zips else NotAPage)(
            f"The zip file holds no saved page (no web page, MHTML, web archive, WARC or PDF){extra}.")
    if unsafe:
        note = f"{unsafe} file(s) in the zip with unsafe names (like ../x or C:\\x) were ignored."
        parts[0] = _with_note(parts[0], note)
    return parts


def _member_pages(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo], name: str, depth: int,
                  nested: Nested) -> list[Part] | None:
    """The pages one member holds ([] for a resource or another kind of file; None for a zip not opened)."""
    info = table[name]
    is_page_name = name.lower().endswith(PAGE_SUFFIXES + OTHER_FORMS)
    head = read_member_head(archive, info)
    if head is None:
        return [unreadable(name, _why_unreadable(info))] if is_page_name else []
    try:
        form = sniff(head)
    except ParseError:
        return []  # an image, a font, an empty file: part of a page, not a page
    if form == "text":
        return []  # stylesheets, scripts, JSON, a read-me: not saved pages
    body = read_member(archive, info, MAX_HTML_BYTES if form == "html" else MAX_FILE_BYTES)
    if body is None:
        return [unreadable(name, UNREADABLE)]
    try:
        if form == "zip":
            return _inner_zip(body, name, depth, nested)
        if form == "html":
            return [_html_member(archive, table, name, body, nested, depth)]
        return [_renamed(part, name) for part in nested(body, depth + 1)]
    except NotAPage:
        return []
    except ParseError as error:
        return [unreadable(name, error.message, body)]


def _inner_zip(data: bytes, name: str, depth: int, nested: Nested) -> list[Part] | None:
    """A zip inside the zip: a WACZ is read (it is one saved form), and so is another zip at the first level (a
    folder of zipped saves, zipped again to send it); deeper zips are not opened (None)."""
    from parsing.sources.wacz import is_wacz, read_wacz

    archive = open_zip(data)
    table, _unsafe = members(archive)
    if is_wacz(set(table)):
        return [_renamed(part, name) for part in read_wacz(archive, table)]
    if depth + 1 > MAX_ZIP_DEPTH:
        return None
    try:
        return [_renamed(part, name) for part in nested(data, depth + 1)]
    except OnlyDeeperZips:
        return None


def _why_unreadable(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x1:
        return ENCRYPTED
    if info.compress_type not in _METHODS:
        return ("This file in the zip is compressed with a method Market Reader cannot unpack (such as Deflate64 or "
                "PPMd): unzip it with another program and import the files it holds.")
    return UNREADABLE


def read_member_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int = HEAD_BYTES) -> bytes | None:
    if info.flag_bits & 0x1:
        return None
    try:
        with archive.open(info) as handle:
            return handle.read(size)
    except _READ_ERRORS:
        return None


def _html_member(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo], name: str, body: bytes,
                 nested: Nested, depth: int) -> Part:
    """An HTML page of the zip; its images come from the members its relative paths name."""
    mark = saved_by(body)
    if mark is not None and mark.zipped:
        return _renamed(read_singlefile_zip(body, mark), name)
    if mark is not None:
        document = read_singlefile(body, mark)
        refuse_stub(document)
        return Part(name, document, body)
    hits = Hits()
    document = read_html(body, member_resolver(archive, table, name, hits))
    refuse_stub(document)

    def keep() -> bytes:
        return body if not hits.keys else pack({name: body, **{key: _read(archive, table, key) for key in hits.keys}})

    return Part(name, document, body, keep=keep)


def _read(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo], key: str) -> bytes:
    return read_member(archive, table[key], MAX_RESOURCE_BYTES) or b""


def pack(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` (stored uncompressed: the library compresses what it keeps)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def _renamed(part: Part, member: str) -> Part:
    name = f"{member}#{part.name}" if part.name else member
    return Part(name, part.document, part.own, part.problem, part.keep)


def _with_note(part: Part, note: str) -> Part:
    if part.document is None:
        return part
    document = replace(part.document, notes=(*part.document.notes, note))
    return Part(part.name, document, part.own, part.problem, part.keep)


def read_singlefile_zip(data: bytes, mark: SavedBy) -> Part:
    """SingleFile's HTML-and-zip form: ``manifest.json`` names the page (index.html) and the capture time."""
    try:
        archive = open_zip(data)
    except ParseError:  # the user knows the file as a web page, not as a zip
        raise ParseError("This SingleFile page (a web page that holds its contents as a zip) is damaged or cut "
                         "short: save the page again.") from None
    table, _unsafe = members(archive)
    manifest = _manifest(archive, table)
    page = safe_name(str(manifest.get("indexFilename") or "index.html")) or "index.html"
    if page not in table:
        raise ParseError("The SingleFile archive holds no index.html page.")
    body = read_member(archive, table[page], MAX_HTML_BYTES)
    if body is None:
        raise ParseError("The SingleFile archive's page cannot be read (encrypted, damaged, or too large).")
    document = read_html(body, member_resolver(archive, table, page, Hits()))
    original = manifest.get("originalUrl")
    url = mark.url or (original if isinstance(original, str) and original.startswith("http") else None)
    saved = _iso(manifest.get("archiveTime")) or mark.saved
    return Part("", replace(document, format="singlefile", source_url=url, saved=saved), data)


def _manifest(archive: zipfile.ZipFile, table: dict[str, zipfile.ZipInfo]) -> dict[str, object]:
    raw = read_member(archive, table["manifest.json"], 1 << 20) if "manifest.json" in table else None
    try:
        loaded = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _iso(value: object) -> str | None:
    """An ISO time as SingleFile writes it (2026-11-30T14:27:38.280Z), to the second with its offset."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat(timespec="seconds")
    except ValueError:
        return None
