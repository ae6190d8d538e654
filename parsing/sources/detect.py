"""What a file is, from its content (never its name): which saved form, or something that is not a page."""

from __future__ import annotations

import re
import zlib

from parsing.model import NotAPage, ParseError
from parsing.sources.encoding import bom_codec, looks_utf16_without_bom

WARC_VERSIONS = (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/0.18\r\n", b"WARC/0.17\r\n")
PDF_HEADER_WINDOW = 1024  # PDF readers accept junk before %PDF- within the first kilobyte

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x00\x05\x16\x07", "macOS's hidden record of another file's details (a \u201c._\u201d file)"),
)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|"
    rb"article|table|link|script|style|!--)[\s>/]",
    re.I | re.S,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|head)[\s>]|<!doctype html", re.I)
_HEADER_BYTES = 65_536  # the top headers of an MHTML file (a long URL or a much-folded Subject) fit in this
_HEADER_LINE = re.compile(rb"[A-Za-z0-9-]{1,60}:")
_MULTIPART_RELATED = re.compile(rb"^content-type:[ \t]{0,10}multipart/related", re.I | re.M)
_SAVED_BY = b"From: <Saved by "
_LINK_URL = re.compile(rb"^URL=(\S{1,2000})", re.M)
ARC = ("This is an ARC file, the web archive format before WARC, which Market Reader does not read: convert it to "
       "WARC (warcio and JWAT can) and import that.")
TAR = "This is a tar archive (maybe compressed): unpack it, then import the folder it holds."


def sniff(data: bytes, name: str = "") -> str:
    """'pdf', 'webarchive', 'warc', 'zip', 'gzip' (one saved page, compressed), 'mhtml', 'html' or 'text'.

    Raises ParseError for an empty file, NotAPage for one that is plainly something else (an image, a
    program); ``data`` may be only the start of a file (a folder's files are told apart by their first
    bytes), except that a gzip file is told from a compressed WARC by its first inflated bytes.
    """
    if not data[:4096].strip() and not data.strip():  # the full strip copies: only for blank starts
        raise ParseError("The file is empty.")
    container = _container(data)
    if container is not None:
        return container
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise NotAPage(f"This is {what}, not a saved web page.")
    if data[:4] == b"RIFF":
        raise NotAPage("This is an image, audio or video file, not a saved web page.")
    if mime_headers(data) is not None:
        return "mhtml"
    _refuse_shortcut(data[:4096])
    head = data[:8192]
    if bom_codec(data) == "utf-16" or looks_utf16_without_bom(data):
        return "html" if _looks_html_utf16(data) else "text"
    if _is_binary(head):
        raise NotAPage("This file is not a saved web page or text: it holds binary data.")
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if _HTML_START.match(data, start) or _HTML_START.match(_after_comments(data[start : start + 65_536])):
        return "html"
    if _HTML_ANYWHERE.search(head, 0, 512):  # a short preamble, not a text that quotes markup
        return "html"
    return "text"


def _container(data: bytes) -> str | None:
    """The forms told by their first bytes: PDF, Safari web archive, WARC (maybe gzip-compressed), zip."""
    at = data.find(b"%PDF-", 0, PDF_HEADER_WINDOW)
    if at == 0 or (at > 0 and b"%%EOF" in data[-2048:]):
        return "pdf"
    if data.startswith(b"bplist00") or _xml_webarchive(data[:4096]):
        return "webarchive"
    if data.startswith(WARC_VERSIONS):
        return "warc"
    if data.startswith(b"filedesc://"):
        raise NotAPage(ARC)
    if data[:2] == b"\x1f\x8b":
        return _gzip_kind(_inflated_start(data))
    if _is_tar(data):
        raise NotAPage(TAR)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    return None


def _refuse_shortcut(head: bytes) -> None:
    """A saved link (Windows .url, a Linux desktop launcher) is not a page: say where it leads."""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"[InternetShortcut]") or (head.startswith(b"[Desktop Entry]") and b"Type=Link" in head):
        match = _LINK_URL.search(head)
        raise NotAPage(shortcut_message(match.group(1).decode("utf-8", "replace") if match else None))


def shortcut_message(url: str | None) -> str:
    target = f" to {url}" if url else ""
    return (f"This is a saved link{target}, not a saved page: open the link in the browser and save the page "
            "itself.")


def _xml_webarchive(head: bytes) -> bool:
    """An XML property list (older tools write web archives so) that names the archive's main resource."""
    return head.lstrip().startswith(b"<?xml") and b"<plist" in head[:1024] and b"WebMainResource" in head


def _inflated_start(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(31).decompress(data[:65_536], 8192)
    except zlib.error:
        return b""


def _gzip_kind(inflated: bytes) -> str:
    """'warc' for a compressed WARC, 'gzip' for one saved page compressed on its own (page.html.gz); else the
    file is not a page (a compressed text or log, a .tar.gz of a folder)."""
    if inflated.startswith(b"WARC/"):
        return "warc"
    if inflated.startswith(b"filedesc://"):
        raise NotAPage(ARC)
    if _is_tar(inflated):
        raise NotAPage(TAR)
    try:
        inner = sniff(inflated) if inflated[:2] != b"\x1f\x8b" else "gzip"
    except ParseError:
        inner = "text"
    if inner in ("text", "gzip"):
        raise NotAPage("This is a gzip-compressed file, not a saved web page.")
    return "gzip"


def _is_tar(data: bytes) -> bool:
    return data[257:262] == b"ustar"


def mime_headers(data: bytes) -> bytes | None:
    """The top header block of an MHTML file (maybe cut short), or None when the file does not start with one.

    It is one when its header lines name multipart/related, or when it is a saved page's header block that
    the file ends inside (a cut file, which the MHTML reader reports).
    """
    if data.startswith(_SAVED_BY) or (len(data) < len(_SAVED_BY) and _SAVED_BY.startswith(data.rstrip())):
        saved_by = True
    elif _HEADER_LINE.match(data):
        saved_by = False
    else:
        return None
    head = data[:_HEADER_BYTES].replace(b"\r\n", b"\n")
    end = head.find(b"\n\n")
    block = head if end < 0 else head[:end]
    lines = block.split(b"\n")
    cut = end < 0 and len(data) <= _HEADER_BYTES
    if cut:
        lines.pop()  # the file ends inside its last line
    if not all(_HEADER_LINE.match(line) or line[:1] in (b" ", b"\t") for line in lines):
        return None
    if _MULTIPART_RELATED.search(block):
        return block
    mime = saved_by or b"\nmime-version:" in block.lower() or block.lower().startswith(b"mime-version:")
    return block if cut and mime else None


MAX_NULS = 4  # a stray NUL or two in a text page is damage, not a binary file
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


def _after_comments(head: bytes) -> bytes:
    """The start of ``head`` past leading whitespace and comments."""
    head = head.lstrip()
    for _ in range(20):
        if not head.startswith(b"<!--"):
            break
        end = head.find(b"-->", 4)
        if end < 0:
            break
        head = head[end + 3 :].lstrip()
    return head


def _looks_html_utf16(data: bytes) -> bool:
    head = data[:4096].replace(b"\x00", b"").lower()
    return b"<html" in head or b"<!doctype" in head or b"<body" in head or b"<div" in head


def _is_binary(head: bytes) -> bool:
    """Control bytes (other than whitespace and ESC) make up more than a few percent of the start."""
    if head.count(0) > MAX_NULS:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(4, len(head) // 50)
