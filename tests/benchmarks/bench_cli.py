"""The command line as a user runs it: ``market-reader parse --json`` over 50 saved pages of 190 KB, each run a
new process (start-up, imports and JSON output included), against the same work done by trafilatura and by a
bare lexbor tree build, each in a process of its own.

Run: .venv/bin/python tests/benchmarks/bench_cli.py [--pages 50] [--runs 5]

Every side reads the same files from a temporary folder; the figure for each is the best and the median wall
time of ``runs`` runs, taken in turn so that other load on the machine falls on all of them alike.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

from pagegen import br_article_html  # noqa: E402

TRAFILATURA = """
import sys, trafilatura
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as handle:
        print(trafilatura.extract(handle.read(), output_format="json", with_metadata=True) or "")
"""
LEXBOR = """
import sys
from selectolax.lexbor import LexborHTMLParser
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        LexborHTMLParser(handle.read())
"""


def commands(files: list[str]) -> dict[str, list[str]]:
    ours = shutil.which("market-reader", path=str(Path(sys.executable).parent))
    found = {"market-reader parse --json": [ours or sys.executable, *([] if ours else ["-m", "desktop"]), "parse",
                                             "--json", *files],
             "lexbor tree build only": [sys.executable, "-c", LEXBOR, *files]}
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): skipped")
    else:
        found["trafilatura json + metadata"] = [sys.executable, "-c", TRAFILATURA, *files]
    return found


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--pages", type=int, default=50)
    args.add_argument("--runs", type=int, default=5)
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index in range(opts.pages):
            path = Path(folder) / f"page-{index:03d}.html"
            path.write_bytes(br_article_html(index, 190))
            files.append(str(path))
        runs = commands(files)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(opts.runs + 1):  # the first round warms the disk cache and is not counted
            for name, command in runs.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - start)
    print(f"{opts.pages} pages of 190 KB, a process per run, best and median of {opts.runs} runs (s):")
    best = {name: min(values[1:]) for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:30} {best[name]:6.3f}  {statistics.median(values[1:]):6.3f}")
    ours = best["market-reader parse --json"]
    print(f"ours / lexbor: {ours / best['lexbor tree build only']:.1f}x")
    if "trafilatura json + metadata" in best:
        print(f"trafilatura / ours: {best['trafilatura json + metadata'] / ours:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
