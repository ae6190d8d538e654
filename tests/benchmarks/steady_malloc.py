"""Run a benchmark with glibc's allocator held steady, so that its figures do not jump from run to run.

By default glibc gives memory back to the system when the top of the heap is free (trimming) and maps blocks
above a threshold that moves with what was freed before. Which of these a parse meets depends on everything the
process did earlier, and a page-fault-bound lexbor tree build of a 200 KB page then takes 0.35 ms in one run and
0.6 ms in the next (the parser's time moves with it, less in proportion): the same code measured 3.8x and 5.8x
lexbor. Fixed thresholds (no trimming, blocks under 32 MB from the heap) give the quicker, steady figures.
"""

from __future__ import annotations

import os
import sys

TUNABLES = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
AS_IS = "--malloc-as-is"


def steady(argv: list[str]) -> list[str]:
    """Start the script again with the steady allocator (Linux, unless ``--malloc-as-is`` is given or glibc
    tunables are set already); the arguments without ``--malloc-as-is``."""
    if AS_IS in argv:
        return [arg for arg in argv if arg != AS_IS]
    if sys.platform.startswith("linux") and "GLIBC_TUNABLES" not in os.environ:
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "GLIBC_TUNABLES": TUNABLES})
    return argv


def described() -> str:
    """How the allocator runs, for the figures' heading."""
    if os.environ.get("GLIBC_TUNABLES") == TUNABLES:
        return "glibc allocator held steady (steady_malloc.py)"
    return "allocator as it is"
