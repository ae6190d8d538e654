"""One saved page compressed on its own with gzip (``page.html.gz``, ``page.mhtml.gz``), inflated in memory."""

from __future__ import annotations

import zlib

from parsing.limits import INFLATE_RATIO, MAX_FILE_BYTES
from parsing.model import ParseError

BOMB = "The gzip file inflates to far more than its size; it looks like a zip bomb, so it was not read."


def gunzip(data: bytes) -> bytes:
    """The first gzip member inflated, within the file size cap and ``INFLATE_RATIO`` times its compressed size."""
    cap = min(MAX_FILE_BYTES, max(1 << 20, INFLATE_RATIO * len(data)))
    decomp = zlib.decompressobj(31)
    try:
        out = decomp.decompress(data, cap + 1)
    except zlib.error:
        raise ParseError("The gzip file is damaged and cannot be read.") from None
    if len(out) > cap:
        raise ParseError(BOMB)
    if not decomp.eof:
        raise ParseError("The gzip file is cut short.")
    return out
