"""Image bytes: recognised by signature, capped in size, read only from the page's own files."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGES = 50

Resolver = Callable[[str], "bytes | None"]  # a src as written in the page -> the bytes it names

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


def from_files_dir(src: str, files_dir: Path | None) -> bytes | None:
    """Bytes of ``NAME_files/...`` for a relative src, never leaving ``files_dir``."""
    if files_dir is None or not src or ":" in src.split("/", 1)[0] or src.startswith(("/", "\\")):
        return None
    parts = [unquote(p) for p in src.split("?", 1)[0].split("#", 1)[0].split("/") if p not in ("", ".")]
    if len(parts) < 2 or parts[0] != files_dir.name:
        return None
    if any(p in ("..", "") or "\\" in p or "\x00" in p for p in parts[1:]):
        return None
    path = files_dir.joinpath(*parts[1:])
    try:
        real = path.resolve(strict=True)
        if not real.is_relative_to(files_dir.resolve(strict=True)) or not real.is_file():
            return None
        if real.stat().st_size > MAX_IMAGE_BYTES:
            return None
        return real.read_bytes()
    except (OSError, RuntimeError, ValueError):
        return None
