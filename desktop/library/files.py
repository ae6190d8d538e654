"""Finding saved pages under the paths a user gives: files as given, folders walked recursively."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".mhtml", ".mht", ".txt"})
COMPANION_SUFFIX = "_files"  # "Webpage, Complete" keeps a page's images in NAME_files/ beside NAME.html


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
    """True for NAME_files/ when NAME.html (or .htm, .xhtml) sits beside it: read by the page's parser."""
    if not entry.name.endswith(COMPANION_SUFFIX):
        return False
    stem = entry.name[: -len(COMPANION_SUFFIX)]
    return any(stem + suffix in names for suffix in (".html", ".htm", ".xhtml"))


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str | None]]:
    try:
        info = folder.stat()
    except OSError as error:
        yield folder, Skipped(f"cannot open folder: {_os_reason(error)}")
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield folder, Skipped("a symbolic link leads back into a folder already read")
        return
    seen.add(key)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        yield folder, Skipped(f"cannot open folder: {_os_reason(error)}")
        return
    names = {e.name for e in entries}
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as error:
            yield path, _unreadable(error)
            continue
        if is_dir:
            if not _is_companion_folder(entry, names):
                yield from _walk(path, seen)
        elif path.suffix.lower() in PAGE_SUFFIXES:
            problem = _file_problem(path)
            yield path, Skipped(problem) if problem == NOT_REGULAR else problem


def iter_page_files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str | None]]:
    """Each candidate file with None, or a path with the reason it cannot be read.

    A regular file named explicitly is always offered (the parser decides what it is); pipes, devices
    and sockets never are, named or found, since reading them could block or never end. Folders are walked
    recursively and give only saved-page types. Symbolic-link loops and unreadable entries come back
    as messages, never as exceptions; a message that is a ``Skipped`` marks an entry passed over in a
    folder (not a failed file).
    """
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
        except OSError as error:
            yield path, f"cannot read: {_os_reason(error)}"
            continue
        if is_dir:
            yield from _walk(path, seen)
        else:
            yield path, _file_problem(path)
