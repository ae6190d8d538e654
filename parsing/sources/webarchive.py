"""Safari's ``.webarchive``: a property list (binary, or XML from older tools) read with the standard plistlib.

WebKit's layout: ``WebMainResource`` holds the page (``WebResourceData``, ``WebResourceURL``,
``WebResourceMIMEType``, ``WebResourceTextEncodingName``); ``WebSubresources`` lists images, stylesheets and
scripts, each under its absolute address; ``WebSubframeArchives`` nests the archives of the page's frames.
Safari records no save time, so ``saved`` stays empty and the library estimates it from the file's date.
"""

from __future__ import annotations

import plistlib
import struct
from typing import Any
from xml.parsers.expat import ExpatError

from parsing.limits import MAX_WEBARCHIVE_RESOURCES
from parsing.model import Document, NotAPage, ParseError
from parsing.sources.detect import shortcut_message
from parsing.sources.html import read_html
from parsing.sources.urls import url_resolver

MAX_FRAME_DEPTH = 3
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_webarchive(data: bytes) -> Document:
    """The archive's main page, its images looked up by address among the subresources."""
    root = _load(data)
    main = root.get("WebMainResource") if isinstance(root, dict) else None
    if not isinstance(main, dict) and isinstance(root, dict) and isinstance(root.get("URL"), str):
        raise NotAPage(shortcut_message(root["URL"]))  # a .webloc: the link macOS saves when one is dragged out
    if not isinstance(main, dict):
        raise NotAPage("This property list is not a Safari web archive (it has no WebMainResource).")
    page = main.get("WebResourceData")
    if not isinstance(page, bytes):
        raise ParseError("The Safari web archive is damaged: its page is missing.")
    mime = _text(main.get("WebResourceMIMEType")).lower()
    if mime not in HTML_TYPES:
        raise ParseError(f"The Safari web archive holds {mime or 'unnamed'} content, not a web page.")
    url = _text(main.get("WebResourceURL")) or None
    table: dict[str, bytes] = {}
    _collect(root, table, 0)
    document = read_html(page, url_resolver(table.get, url), _text(main.get("WebResourceTextEncodingName")))
    return Document("webarchive", document.encoding, markup=document.markup, source_url=url,
                    resources=document.resources)


def _load(data: bytes) -> Any:
    try:
        return plistlib.loads(data)
    except RecursionError:
        raise ParseError("The Safari web archive nests its contents too deeply to read.") from None
    except (plistlib.InvalidFileException, ValueError, struct.error, OverflowError, IndexError, KeyError,
            TypeError, UnicodeDecodeError, ExpatError) as error:  # ExpatError: a cut or damaged XML list
        raise ParseError(f"The Safari web archive is damaged or cut short ({type(error).__name__}).") from None


def _collect(archive: dict[str, Any], table: dict[str, bytes], depth: int) -> None:
    """Subresources by address, with those of the frames' archives a few levels down."""
    items = archive.get("WebSubresources")
    if isinstance(items, list):
        if len(items) + len(table) > MAX_WEBARCHIVE_RESOURCES:
            raise ParseError(f"The Safari web archive holds more than {MAX_WEBARCHIVE_RESOURCES:,} resources; "
                             "it is not a saved page.")
        for item in items:
            if isinstance(item, dict):
                _add(item, table)
    frames = archive.get("WebSubframeArchives")
    if isinstance(frames, list) and depth < MAX_FRAME_DEPTH:
        for frame in frames[:100]:
            if isinstance(frame, dict):
                main = frame.get("WebMainResource")
                if isinstance(main, dict):
                    _add(main, table)
                _collect(frame, table, depth + 1)


def _add(resource: dict[str, Any], table: dict[str, bytes]) -> None:
    url, body = resource.get("WebResourceURL"), resource.get("WebResourceData")
    if isinstance(url, str) and isinstance(body, bytes):
        table.setdefault(url, body)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
