"""Resources of a "Webpage, Complete" save: files in its NAME_files folder, never anything outside it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

MAX_RESOURCE_BYTES = 10 * 1024 * 1024


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
        if real.stat().st_size > MAX_RESOURCE_BYTES:
            return None
        return real.read_bytes()
    except (OSError, RuntimeError, ValueError):
        return None
