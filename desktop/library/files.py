"""Finding saved pages under the paths a user gives: files as given, folders walked recursively."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".mhtml", ".mht", ".txt"})
COMPANION_SUFFIX = "_files"  # "Webpage, Complete" keeps a page's images in NAME_files/ beside NAME.html


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


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
        yield folder, f"cannot open folder: {_os_reason(error)}"
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield folder, "folder skipped: a symbolic link leads back into a folder already read"
        return
    seen.add(key)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        yield folder, f"cannot open folder: {_os_reason(error)}"
        return
    names = {e.name for e in entries}
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as error:
            yield path, f"cannot read: {_os_reason(error)}"
            continue
        if is_dir:
            if not _is_companion_folder(entry, names):
                yield from _walk(path, seen)
        elif path.suffix.lower() in PAGE_SUFFIXES:
            if entry.is_symlink() and not path.exists():
                yield path, "broken symbolic link"
            else:
                yield path, None


def iter_page_files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str | None]]:
    """Each candidate file with None, or a path with the reason it cannot be read.

    A file named explicitly is always offered (the parser decides what it is); folders are walked
    recursively and give only saved-page types. Symbolic-link loops and unreadable entries come back
    as messages, never as exceptions.
    """
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        try:
            is_dir, exists, is_link = path.is_dir(), path.exists(), path.is_symlink()
        except OSError as error:
            yield path, f"cannot read: {_os_reason(error)}"
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif exists:
            yield path, None
        elif is_link:
            yield path, "broken symbolic link"
        else:
            yield path, "no such file or folder"
