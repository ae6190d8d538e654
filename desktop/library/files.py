"""Finding saved pages under the paths a user gives: files as given, folders walked recursively.

Every file of a folder is offered, whatever its name (the reader tells a saved page by its content and
accounts for the rest), except the files of a page's companion folder, which belong to that page: a folder
named after a page beside it (``NAME_files``, ``NAME-Dateien``...), or a renamed one that a page beside it loads
its images, frames or stylesheets from and that holds no folders of its own (a folder of other pages, as a
mirrored site has, is walked).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from unicodedata import normalize

from parsing.sources.files import LINK_SCAN_BYTES, companion_stem, frame_folders, linked_folders

# Names that say "a saved page": such a file that turns out to be something else has failed; any other file
# that is not a page is only passed over ("ignored").
PAGE_SUFFIXES = frozenset({
    ".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".txt", ".webarchive", ".warc", ".wacz",
})
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def claims_page(path: Path) -> bool:
    """Whether the file's name says it is a saved page (a .warc.gz counts as .warc)."""
    name = path.name.lower()
    return Path(name.removesuffix(".gz")).suffix in PAGE_SUFFIXES


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read (``problem`` None) or an entry that cannot be; ``in_folder`` when a folder walk met it."""

    path: Path
    problem: str | None = None
    in_folder: bool = False


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


NOT_REGULAR = "not a regular file (a pipe, device or socket cannot be a saved page)"


class Skipped(str):
    """A reason that marks an entry passed over while walking a folder (a symbolic-link loop, a folder
    that cannot be opened, a pipe or device among the pages), not a file that failed to import.

    It is a str, so callers that treat any reason as a failed entry keep working.
    """

    __slots__ = ()


def _unreadable(error: OSError) -> str:
    """Why an entry cannot be read; a symbolic link that leads to itself is skipped, not failed."""
    if error.errno == errno.ELOOP:
        return Skipped("a symbolic link loop (the link leads to itself)")
    return f"cannot read: {_os_reason(error)}"


def _file_problem(path: Path) -> str | None:
    """None for a regular file (after following links), else why it is not offered for reading."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as error:
        return _unreadable(error)
    return None if stat.S_ISREG(mode) else NOT_REGULAR


def _is_companion_folder(entry: os.DirEntry[str], names: set[str]) -> bool:
    """True for NAME_files/ (or a translated suffix: NAME-Dateien/, NAME_fichiers/, NAME.files/...) when the
    page NAME.html sits beside it (NAME.HTM too, as old Windows programs wrote it; ``names`` are lower-cased NFC):
    its files are the page's images, read with it."""
    stem = companion_stem(normalize("NFC", entry.name))
    return stem is not None and any((stem + suffix).lower() in names for suffix in HTML_SUFFIXES)


MAX_LINK_SCANS = 200  # pages beside a folder that are read for their links; a folder of thousands is not scanned


class _Linked:
    """The folders the HTML pages of one folder load resources from, and those they load frames from, read once,
    when first asked."""

    def __init__(self, entries: list[os.DirEntry[str]]) -> None:
        self._pages = [e for e in entries if e.name.lower().endswith(HTML_SUFFIXES)]
        self._folders: frozenset[str] | None = None
        self._frames: frozenset[str] = frozenset()

    def __contains__(self, folder: str) -> bool:
        if self._folders is None:
            self._read()
        return normalize("NFC", folder) in (self._folders or ())

    def frames_from(self, folder: str) -> bool:
        """Whether a page here loads a frame from ``folder`` (asked after ``in``)."""
        return normalize("NFC", folder) in self._frames

    def _read(self) -> None:
        found: set[str] = set()
        frames: set[str] = set()
        for entry in self._pages[:MAX_LINK_SCANS]:
            try:
                if not entry.is_file() or _file_problem(Path(entry.path)) is not None:
                    continue  # a pipe named like a page would block the walk
                with open(entry.path, "rb") as handle:
                    head = handle.read(LINK_SCAN_BYTES)
            except OSError:
                continue
            found |= linked_folders(head)
            frames |= frame_folders(head)
        self._folders, self._frames = frozenset(found), frozenset(frames)


def _is_renamed_companion(entry: os.DirEntry[str], linked: _Linked) -> bool:
    """A folder a page beside it loads images, stylesheets or frames from, holding no folders (a mirrored site
    has them) and no saved pages but the frames a page loads from it (a folder of other saved pages that a page
    shows one image from is still walked)."""
    if entry.name not in linked:
        return False
    path = Path(entry.path)
    return not _holds_folders(path) and (linked.frames_from(entry.name) or not _holds_pages(path))


def _holds_pages(path: Path) -> bool:
    try:
        with os.scandir(path) as listing:
            return any(claims_page(Path(entry.path)) for entry in listing)
    except OSError:
        return True  # the walk reports it


def _holds_folders(path: Path) -> bool:
    try:
        with os.scandir(path) as listing:
            return any(entry.is_dir() for entry in listing)
    except OSError:
        return True  # the walk reports it


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Found]:
    try:
        info = folder.stat()
    except OSError as error:
        yield Found(folder, Skipped(f"cannot open folder: {_os_reason(error)}"), True)
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield Found(folder, Skipped("a symbolic link leads back into a folder already read"), True)
        return
    seen.add(key)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        yield Found(folder, Skipped(f"cannot open folder: {_os_reason(error)}"), True)
        return
    names = {normalize("NFC", e.name).lower() for e in entries}  # a Mac may have written either form
    linked = _Linked(entries)
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as error:
            yield Found(path, _unreadable(error), True)
            continue
        if is_dir:
            if not _is_companion_folder(entry, names) and not _is_renamed_companion(entry, linked):
                yield from _walk(path, seen)
        else:
            problem = _file_problem(path)
            yield Found(path, Skipped(problem) if problem == NOT_REGULAR else problem, True)


def find_files(paths: Iterable[Path | str]) -> Iterator[Found]:
    """Each file to read, or an entry with the reason it cannot be read.

    A regular file named explicitly is always offered (the parser decides what it is); pipes, devices
    and sockets never are, named or found, since reading them could block or never end. Folders are walked
    recursively and give every file but those of a page's companion folder. Symbolic-link loops and
    unreadable entries come back as messages, never as exceptions; a message that is a ``Skipped`` marks an
    entry passed over in a folder (not a failed file).
    """
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
        except OSError as error:
            yield Found(path, f"cannot read: {_os_reason(error)}")
            continue
        if is_dir:
            yield from _walk(path, seen)
        else:
            yield Found(path, _file_problem(path))


def iter_page_files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str | None]]:
    """``find_files`` as (path, problem) pairs."""
    return ((found.path, found.problem) for found in find_files(paths))
