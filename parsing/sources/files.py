"""Resources of a "Webpage, Complete" save: files in the folder the page's own relative paths name.

Chromium always calls that folder ``NAME_files`` whatever the language of its window, and current Firefox
does too; old Firefox, Internet Explorer and Word translated the suffix ("-Dateien", "_fichiers", ".files",
...), and the page or its folder can be renamed after it was saved. So the folder is never guessed: an image is
read from the relative path the HTML uses, when that path leads into a folder right beside the page (whatever
its name), never outside that folder, and within the size cap. ``linked_folders`` names the folders a page
loads resources from, so a folder walk can tell a renamed companion folder from a folder of other pages.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from unicodedata import normalize
from urllib.parse import unquote

from parsing.limits import MAX_RESOURCE_BYTES
from parsing.model import Resolver

# Companion-folder suffixes seen in the wild: "_files" (Chromium, Firefox, English Internet Explorer and Office)
# and the translations in old Firefox and Office's FolderSuffix table.
FOLDER_SUFFIXES = (
    "_files", ".files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_bestanden", "_file", "-filer",
    "_tiedostot", "_pliki", "_soubory", "_elemei", "_dosyalar", "_ficheiros", "_fitxers", "_fitxategiak",
    "_datoteke", "_failid", "_fails", "_bylos", "_fajlovi",
)
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
LINK_SCAN_BYTES = 1 << 20  # a page names its stylesheet, scripts and most images in its first megabyte
# the first folder of a relative resource path: images, frames, scripts (src and the like), stylesheets (<link href>)
_RESOURCE_PATH = re.compile(
    rb"""(?:\b(?:src|srcset|data-src|poster|background)|<link\b[^>]{0,500}?\bhref)\s*=\s*"""
    rb"""(?:"\s*(?:\./)?([^"<>/\\]{1,255})[/\\]|'\s*(?:\./)?([^'<>/\\]{1,255})[/\\]"""
    rb"""|(?:\./)?([^"'\s<>/\\]{1,255})[/\\])""",
    re.I,
)
_FRAME_PATH = re.compile(
    rb"""<i?frame\b[^>]{0,500}?\bsrc\s*=\s*"""
    rb"""(?:"\s*(?:\./)?([^"<>/\\]{1,255})[/\\]|'\s*(?:\./)?([^'<>/\\]{1,255})[/\\]"""
    rb"""|(?:\./)?([^"'\s<>/\\]{1,255})[/\\])""",
    re.I,
)


def companion_stem(folder: str) -> str | None:
    """The page name a folder called ``NAME<suffix>`` belongs to, for the known suffixes; else None."""
    for suffix in FOLDER_SUFFIXES:
        if folder.endswith(suffix) and len(folder) > len(suffix):
            return folder[: -len(suffix)]
    return None


def companion_resolver(page: Path) -> Resolver:
    """src -> bytes of a file in the page's companion folder (see the module's text); None otherwise."""

    def resolve(src: str) -> bytes | None:
        return from_companion(src, page)

    return resolve


def from_companion(src: str, page: Path) -> bytes | None:
    """Bytes of the file a relative src names in a companion folder beside ``page``, or None."""
    if not src or ":" in src.split("/", 1)[0] or src.startswith(("/", "\\")):
        return None  # web addresses, data: URIs, absolute and network paths are never files here
    path = src.split("#", 1)[0].split("?", 1)[0].replace("\\", "/")
    decoded = unquote(path)
    # a page saved on a Mac may have its names on disk decomposed (NFD: "e" + accent) while its paths are not
    for candidate in dict.fromkeys((path, decoded, normalize("NFD", decoded), normalize("NFC", decoded))):
        parts = [p for p in candidate.split("/") if p not in ("", ".")]
        if len(parts) < 2 or any(p == ".." or "\x00" in p for p in parts):
            continue
        if not _belongs_to(parts[0], page):
            continue
        data = _read_inside(page.parent, parts[0], parts[1:])
        if data is not None:
            return data
    return None


def _belongs_to(folder: str, page: Path) -> bool:
    """Any folder beside the page but one that shares the page's own name."""
    return normalize("NFC", folder) != normalize("NFC", page.name)


def linked_folders(markup: bytes) -> frozenset[str]:
    """The folders (first step of a relative path, as named on disk: unescaped, NFC) from which a page loads
    images, frames, scripts or stylesheets; links to other pages (``<a href>``) do not count.

    ``markup`` is the start of an HTML file in an ASCII-compatible encoding or UTF-16."""
    return _folders(markup, _RESOURCE_PATH)


def frame_folders(markup: bytes) -> frozenset[str]:
    """The folders from which a page loads frames (``<iframe src>``, ``<frame src>``): the only pages a page's
    own folder of resources holds. A folder of pages that the page loads an image from is still a folder of
    pages."""
    return _folders(markup, _FRAME_PATH)


def _folders(markup: bytes, pattern: re.Pattern[bytes]) -> frozenset[str]:
    head = markup[:LINK_SCAN_BYTES]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:2000].count(0) > 500:
        head = head.replace(b"\x00", b"")  # UTF-16: the markup's ASCII without its zero bytes
    found = set()
    for match in pattern.finditer(head):
        raw = next(group for group in match.groups() if group is not None)
        name = normalize("NFC", unquote(html.unescape(raw.decode("utf-8", "replace"))))
        if name not in (".", "..") and ":" not in name:
            found.add(name)
    return frozenset(found)


def _read_inside(beside: Path, folder: str, parts: list[str]) -> bytes | None:
    """The file at ``beside/folder/parts`` when it is a regular file inside that folder and the folder is
    really beside the page: not a link itself, and links inside it lead nowhere outside it."""
    try:
        if (beside / folder).is_symlink():
            return None
        home = (beside / folder).resolve(strict=True)
        real = home.joinpath(*parts).resolve(strict=True)
        if home.parent != beside.resolve(strict=True) or not real.is_relative_to(home):
            return None
        if not real.is_file() or real.stat().st_size > MAX_RESOURCE_BYTES:
            return None
        with real.open("rb") as handle:
            data = handle.read(MAX_RESOURCE_BYTES + 1)
    except (OSError, RuntimeError, ValueError):
        return None
    return data if len(data) <= MAX_RESOURCE_BYTES else None
