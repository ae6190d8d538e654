"""Bytes to text: BOM, then the declared charset, then strict UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s{0,3}=\s{0,3}["']?\s{0,3}([A-Za-z0-9._:-]{1,40})""", re.I
)
# Labels that browsers read as windows-1252 (the WHATWG encoding standard).
_AS_CP1252 = frozenset({
    "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp819", "ibm819",
    "iso_8859-1", "windows-1252", "cp1252", "x-cp1252", "iso-ir-100", "csisolatin1",
})
_DETECT_CANDIDATES = ["cp1252", "cp1256", "utf_16_le", "utf_16_be"]


def codec_for_label(label: str | None) -> str | None:
    """The Python codec for a charset label as a browser reads it, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    if label.startswith("utf-16") or label.startswith("utf16"):
        return "utf-16"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset named by a `<meta>` in the first 4 KB; a UTF-16 meta means UTF-8 (it cannot be true)."""
    match = _META_CHARSET.search(data, 0, 4096)
    if not match:
        return None
    codec = codec_for_label(match.group(1).decode("ascii", "replace"))
    return "utf-8" if codec == "utf-16" else codec


def bom_codec(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode(data: bytes, declared: str | None = None, sniff_meta: bool = True) -> tuple[str, str]:
    """Decode page bytes; returns (text, codec name as Python spells it: "utf-16-le", "cp1252")."""
    text, codec = _decode(data, declared, sniff_meta)
    return text, codecs.lookup(codec).name


def _decode(data: bytes, declared: str | None, sniff_meta: bool) -> tuple[str, str]:
    codec = bom_codec(data)
    if codec:
        return data.decode(codec, errors="replace"), codec
    for label in (declared, declared_charset(data) if sniff_meta else None):
        codec = codec_for_label(label)
        if codec == "utf-16":
            codec = None
        if codec:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    import charset_normalizer  # (loaded only for a page that is neither UTF-8 nor declared: a start-up saved)

    sample = data[:400_000]
    best = charset_normalizer.from_bytes(sample, cp_isolation=_DETECT_CANDIDATES).best()
    codec = best.encoding if best is not None else "cp1252"
    if codec in ("latin_1", "cp1250", "iso8859_1", "iso8859_15", "ascii"):
        codec = "cp1252"
    return data.decode(codec, errors="replace"), codec


def decode_page(data: bytes, kind: str) -> tuple[str, str]:
    """Decode a whole saved file: UTF-16 without a BOM is recognised first; HTML may declare its charset."""
    utf16 = looks_utf16_without_bom(data)
    if utf16 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode(utf16, errors="replace"), utf16
    return decode(data, sniff_meta=kind == "html")


def looks_utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the start is zero, like ASCII text in UTF-16."""
    head = data[:2048]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def repair_crlf_utf16le(data: bytes) -> bytes:
    """Undo Chromium's damage to a UTF-16LE part: every 0x0A byte was written as 0x0D 0x0A.

    When every 0x0A byte in the data follows a 0x0D, each of those 0x0D bytes was inserted (a genuine
    UTF-16LE line break is 0A 00 and would follow a zero or a character byte), so dropping them realigns
    the code units.
    """
    newlines = data.count(b"\n")
    if newlines and data.count(b"\r\n") == newlines:
        return data.replace(b"\r\n", b"\n")
    return data
