"""Compressed storage: saved originals and article text, zstd with a dictionary trained on the library's pages.

Every stored blob says how to read it back: a zstd frame starts with its magic number and names the
dictionary it was written with (a dictionary trained by zstd carries an id), anything else is a zlib
stream from an older version of the library. The dictionaries live in the library itself, so a library
file is complete on its own.
"""

from __future__ import annotations

import functools
import json
import logging
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import zstandard

log = logging.getLogger(__name__)

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# Level 3 with a dictionary: 0.5-0.8 ms per 200 KB page, as fast as zlib level 1 was, and 15-25% smaller
# (measured on generated pages and on 130 real news pages from many sites; see README "Speed").
ORIGINAL_LEVEL = 3
# `market-reader compact` (and the window, when idle) stores originals again at this level: 20-30 ms a page
# instead of 1, for originals 16-17% smaller (generated pages 35.1 -> 29.2 KB, real ones 29.1 -> 24.4 KB;
# level 19 takes twice as long for 0.1-0.4 KB more).
DENSE_LEVEL = 15
TEXT_LEVEL = 3
DICTIONARY_BYTES = 112 * 1024
TRAIN_MIN_PAGES = 48  # zstd needs a few dozen samples to learn anything useful
TRAIN_MAX_PAGES = 128
TRAIN_SAMPLE_FILES = 64  # files read to learn from before a large first import
SAMPLE_BYTES = 64 * 1024  # of each: the page head, navigation and scripts a site repeats; 0.2 s to learn from
# 64 such samples against 1.5 s for 96 whole 200 KB pages, for a dictionary as good (35.1 vs 35.3 KB a page)
DICTIONARY_TABLE = "dictionaries"
ORIGINALS_KIND = "originals"


class DamagedData(Exception):
    """Stored bytes that cannot be unpacked (damaged, or written with a dictionary that is missing)."""


@dataclass(frozen=True)
class Packer:
    """Compresses originals for storage; with ``dictionary`` when the library has trained one."""

    dictionary: bytes | None = None

    def pack(self, raw: bytes) -> bytes:
        return _compressor(self.dictionary, ORIGINAL_LEVEL).compress(raw)

    def pack_dense(self, raw: bytes) -> bytes:
        """``raw`` compressed as tightly as compaction stores it (slower; zstd releases the GIL meanwhile)."""
        return _compressor(self.dictionary, DENSE_LEVEL).compress(raw)


@functools.lru_cache(maxsize=8)
def _prepared(dictionary: bytes, level: int) -> zstandard.ZstdCompressionDict:
    """A dictionary digested once for compressing (digesting 112 KB costs more than compressing a page)."""
    prepared = zstandard.ZstdCompressionDict(dictionary)
    prepared.precompute_compress(level=level)
    return prepared


@functools.lru_cache(maxsize=8)
def _decompression_dictionary(dictionary: bytes) -> zstandard.ZstdCompressionDict:
    return zstandard.ZstdCompressionDict(dictionary)


def _compressor(dictionary: bytes | None, level: int) -> zstandard.ZstdCompressor:
    """A new compressor each time (they are not to be shared between threads); the dictionary is shared."""
    if dictionary is None:
        return zstandard.ZstdCompressor(level=level)
    return zstandard.ZstdCompressor(dict_data=_prepared(dictionary, level))


def frame_dictionary(data: bytes) -> int:
    """The id of the dictionary a zstd frame was written with (0: none)."""
    return int(zstandard.get_frame_parameters(data).dict_id)


def unpack(data: bytes, dictionaries: dict[int, bytes]) -> bytes:
    """The bytes stored in ``data``: a zstd frame (with one of ``dictionaries`` if it names one) or zlib."""
    try:
        if not data.startswith(ZSTD_MAGIC):
            return zlib.decompress(data)
        wanted = frame_dictionary(data)
        if wanted and wanted not in dictionaries:
            raise DamagedData(f"compression dictionary {wanted} is missing")
        known = _decompression_dictionary(dictionaries[wanted]) if wanted else None
        reader = zstandard.ZstdDecompressor(dict_data=known) if known else zstandard.ZstdDecompressor()
        return bytes(reader.decompress(data))
    except (zlib.error, zstandard.ZstdError) as error:
        raise DamagedData(str(error)) from error


def pack_text(paragraphs: Sequence[str], related: Sequence[str]) -> bytes:
    """An article's paragraphs and related stories as one compressed JSON document."""
    document = json.dumps({"p": list(paragraphs), "r": list(related)}, ensure_ascii=False)
    return _compressor(None, TEXT_LEVEL).compress(document.encode("utf-8"))


def unpack_text(data: bytes | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Paragraphs and related stories from ``pack_text``'s output (empty when nothing is stored)."""
    if not data:
        return (), ()
    document: dict[str, Any] = json.loads(unpack(data, {}).decode("utf-8"))
    return tuple(document.get("p", ())), tuple(document.get("r", ()))


def body_text(paragraphs: Iterable[str]) -> str:
    """The article body as the full-text index holds it."""
    return "\n\n".join(paragraphs)


def train(samples: list[bytes]) -> bytes | None:
    """A dictionary learnt from ``samples``, or None when they are too few or too alike to teach one."""
    if len(samples) < TRAIN_MIN_PAGES:
        return None
    samples = [sample[:SAMPLE_BYTES] for sample in samples]
    try:
        chunks: list[bytes | bytearray | memoryview] = list(samples)
        return bytes(zstandard.train_dictionary(DICTIONARY_BYTES, chunks, level=ORIGINAL_LEVEL).as_bytes())
    except zstandard.ZstdError as error:
        log.info("no compression dictionary from %d pages: %s", len(samples), error)
        return None


def dictionary_id(dictionary: bytes) -> int:
    return int(zstandard.ZstdCompressionDict(dictionary).dict_id())
