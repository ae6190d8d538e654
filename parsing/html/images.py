"""Image bytes: recognised by signature and capped in size; inline data: URIs decoded."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGES = 50

_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src",
                 "data-full-src")
_DATA_URI = re.compile(r"data:(image/[a-z0-9.+-]{1,20})?(;[a-z0-9=.-]{1,40}){0,3};base64,", re.I)


def media_type(data: bytes) -> str | None:
    """The raster image type the bytes really are (PNG, JPEG, GIF, WebP), else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def checked(data: bytes | None) -> tuple[str, bytes] | None:
    """(media type, bytes) for a real raster image within the size cap."""
    if not data or len(data) > MAX_IMAGE_BYTES:
        return None
    kind = media_type(data)
    return (kind, data) if kind else None


def from_data_uri(src: str) -> bytes | None:
    match = _DATA_URI.match(src)
    if not match or len(src) > MAX_IMAGE_BYTES * 2:
        return None
    try:
        return base64.b64decode(src[match.end():], validate=False)
    except (binascii.Error, ValueError):
        return None


def image_source(attrs: Mapping[str, str | None]) -> str:
    """The image's address: a lazy-loading attribute (or the first ``srcset`` entry) wins over an empty src or
    an inline placeholder."""
    src = (attrs.get("src") or "").strip()
    if not src or src.startswith("data:"):
        for key in _LAZY_SOURCES:
            lazy = (attrs.get(key) or "").strip()
            if lazy:
                return lazy
        srcset = (attrs.get("data-srcset") or attrs.get("srcset") or "").strip()
        if srcset:
            return srcset.split(",")[0].split()[0]
    return src
