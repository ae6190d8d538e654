"""Article extraction speed on the development set (130 real pages, ../shared/corpora), against trafilatura.

Run: .venv/bin/python tests/benchmarks/bench_articles.py [--rounds 3] [--malloc-as-is]

Both sides run in this process, page by page in turn, best of ``rounds`` per page: Market Reader's whole
parse (quotes, article, images) against trafilatura's extract plus extract_metadata, as the shared scorer
calls it; with glibc's allocator held steady as ``bench_parsing.py`` does (``--malloc-as-is`` to measure
without). Quality is scored by ../shared/tools/score_articles.py (tests/parsing/extract/test_development_set.py
holds its floors).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from steady_malloc import described, steady  # noqa: E402

import parsing  # noqa: E402
from tests.paths import SHARED  # noqa: E402

CORPUS = SHARED / "corpora" / "readability-test-pages.tar.xz"


def pages() -> list[bytes]:
    with tarfile.open(CORPUS) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith("/source.html")),
                         key=lambda m: m.name)
        found = []
        for member in members:
            handle = tar.extractfile(member)
            if handle is not None:
                found.append(handle.read())
        return found


def interleaved(funcs: dict[str, Callable[[bytes], object]], data: list[bytes], rounds: int) -> dict[str, list[float]]:
    best = {name: [float("inf")] * len(data) for name in funcs}
    for _ in range(rounds):
        for n, page in enumerate(data):
            for name, func in funcs.items():
                start = time.perf_counter()
                func(page)
                best[name][n] = min(best[name][n], time.perf_counter() - start)
    return best


def _ours(page: bytes) -> object:
    return parsing.parse_bytes(page, "source.html")


def _trafilatura(page: bytes) -> object:
    import trafilatura

    return trafilatura.extract_metadata(page), trafilatura.extract(page)


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--rounds", type=int, default=3)
    opts = args.parse_args(steady(sys.argv[1:]))
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: nothing to measure")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    data = pages()
    funcs: dict[str, Callable[[bytes], object]] = {"ours": _ours}
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): measuring Market Reader alone")
    else:
        funcs["trafilatura"] = _trafilatura
    for page in data[:10]:
        _ours(page)  # warm caches and regex compilation
    best = interleaved(funcs, data, opts.rounds)
    print(f"{len(data)} pages, one core, best of {opts.rounds} per page, {described()}")
    for name, seconds in best.items():
        print(f"{name:12} {statistics.mean(seconds) * 1000:7.2f} ms/page (median {statistics.median(seconds) * 1000:.2f})")
    if "trafilatura" in best:
        ratio = statistics.mean(best["trafilatura"]) / statistics.mean(best["ours"])
        print(f"trafilatura / ours: {ratio:.1f}x (goal >= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
