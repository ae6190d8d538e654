"""Library speed: importing 1,000 realistic 200 KB pages, and search, market view and history over 10,000.

Run: .venv/bin/python tests/benchmarks/bench_library.py [--import 1000] [--pages 10000] [--workers 2]
     [--keep PATH]  (build the query library at PATH once and reuse it on later runs)
     [--saved-pages 'test-pages/*/source.html']  (the size for real saved pages, e.g. the readability test pages)
Goals: import ≤ 10 s (parsing included), search ≤ 50 ms (worst ≤ 100 ms), market view ≤ 100 ms, a symbol's
history as the window reads it (columns) ≤ 100 ms, the page list's first screen ≤ 100 ms, ≤ 30 KB per page.
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from biglib import build_library  # noqa: E402
from pagegen import br_article_html  # noqa: E402

import parsing  # noqa: E402
from desktop.library import Library  # noqa: E402
from desktop.library.listing import PageFilter  # noqa: E402

SEARCHES = ("rupee", "cement makers", "remittances Gulf", "KSE-100", "inflation eased percent", "the", "budg*",
            '"unbalanced')


def timed_ms(action: Callable[[], object], runs: int = 9) -> tuple[float, float]:
    """Median and worst wall time of ``runs`` calls, in milliseconds, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def write_pages(folder: Path, count: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(count):
        data = br_article_html(index, size_kb=200)
        (folder / f"page_{index:04d}.html").write_bytes(data)
        total += len(data)
    return total


def library_bytes(path: Path) -> int:
    with Library(path) as library:
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def bench_import(tmp: Path, count: int, workers: int) -> None:
    folder = tmp / "pages"
    size = write_pages(folder, count)
    print(f"{count:,} generated pages, {size / count / 1024:.0f} KB each on average")
    files = sorted(folder.iterdir())
    start = time.perf_counter()
    for path in files:
        parsing.parse_file(path)
    parse_s = time.perf_counter() - start
    print(f"  parsing alone: {parse_s:.2f} s ({parse_s / count * 1000:.1f} ms per page)")
    for n in sorted({1, workers}):
        target = tmp / f"import-{n}.db"
        with Library(target) as library:
            start = time.perf_counter()
            results = library.import_paths([folder], workers=n)
            import_s = time.perf_counter() - start
            start = time.perf_counter()
            again = library.import_paths([folder], workers=n)
            again_s = time.perf_counter() - start
        imported = sum(r.status == "imported" for r in results)
        duplicates = sum(r.status == "duplicate" for r in again)
        print(f"  import with {n} process(es) writing from one: {import_s:.2f} s for {imported:,} pages "
              f"(goal ≤ 10 s); importing them again: {again_s:.2f} s ({duplicates:,} duplicates)")
        print(f"  library size: {library_bytes(target) / count / 1024:.1f} KB per page "
              "(compressed original, text, quotes, full-text index)")
    with Library(tmp / "import-1.db") as library:
        start = time.perf_counter()
        library.compact()
        compact_s = time.perf_counter() - start
    print(f"  after market-reader compact ({compact_s:.1f} s): {library_bytes(tmp / 'import-1.db') / count / 1024:.1f} KB "
          "per page (goal ≤ 30 KB)")


def bench_saved_pages(tmp: Path, pattern: str) -> None:
    """Library size for real saved pages, the files matching ``pattern`` (e.g. 'test-pages/*/source.html' of
    the readability test pages), after the import and after market-reader compact."""
    files = sorted(Path(name) for name in glob.glob(pattern))
    target = tmp / "saved.db"
    with Library(target) as library:
        results = library.import_paths(files)
    count = sum(r.status == "imported" for r in results)
    average = sum(f.stat().st_size for f in files) / max(len(files), 1) / 1024
    print(f"{count:,} saved pages matching {pattern} ({average:.0f} KB each on average)")
    print(f"  library size: {library_bytes(target) / count / 1024:.1f} KB per page after the import")
    with Library(target) as library:
        library.compact()
    print(f"  after market-reader compact: {library_bytes(target) / count / 1024:.1f} KB per page")


def first_screen(library: Library, sort: str, wanted: PageFilter) -> None:
    """What the window's list does on a reload: every id in order, the first 200 rows, the counts."""
    ids, _counts = library.page_listing(sort, True, wanted)
    library.listed_pages(ids[:200])


def bench_list(library: Library) -> None:
    for label, sort, wanted in (("all pages, newest published first", "published", PageFilter()),
                                ("all pages by title", "title", PageFilter()),
                                ("unread only", "published", PageFilter(unread=True)),
                                ("matching 'rupee'", "published", PageFilter(search="rupee"))):
        median, worst = timed_ms(lambda sort=sort, wanted=wanted: first_screen(library, sort, wanted), runs=5)
        print(f"  page list, first screen, {label}: median {median:.1f} ms, worst {worst:.1f} ms (goal ≤ 100)")


def bench_queries(tmp: Path, count: int, keep: Path | None) -> None:
    path = keep or tmp / "big.db"
    start = time.perf_counter()
    if keep is None or not keep.exists():
        build_library(path, count)
        print(f"{count:,}-page library built from generated pages in {time.perf_counter() - start:.1f} s")
    with Library(path) as library:
        count = library.page_count()
        print(f"{count:,}-page library opened in {time.perf_counter() - start:.1f} s")
        for text in SEARCHES:
            results = library.search_results(text)
            among = f", the best of the newest {results.window:,} matches" if results.window else ""
            median, worst = timed_ms(lambda text=text: library.search(text))
            print(f"  search {text!r:27} {len(results.hits):>4} hits: median {median:6.1f} ms, worst {worst:6.1f} ms"
                  f" (goal ≤ 50){among}")
        median, worst = timed_ms(library.latest_quotes)
        print(f"  market view (latest quote per symbol): median {median:.1f} ms, worst {worst:.1f} ms (goal ≤ 100)")
        median, worst = timed_ms(lambda: library.history_series("OGDC"))
        print(f"  history_series('OGDC'), {len(library.history_series('OGDC')):,} snapshots as columns (what the "
              f"history window reads): median {median:.1f} ms, worst {worst:.1f} ms (goal ≤ 100)")
        median, worst = timed_ms(lambda: library.history("OGDC"), runs=3)
        print(f"  history('OGDC') as rows (the command line's): median {median:.1f} ms, worst {worst:.1f} ms")
        median, worst = timed_ms(lambda: library.movers(None))
        print(f"  market movers: median {median:.1f} ms, worst {worst:.1f} ms")
        median, worst = timed_ms(library.pages, runs=5)
        print(f"  list all pages: median {median:.1f} ms, worst {worst:.1f} ms")
        median, worst = timed_ms(lambda: library.pages(search="rupee"), runs=5)
        print(f"  list pages matching 'rupee': median {median:.1f} ms, worst {worst:.1f} ms")
        median, worst = timed_ms(lambda: (library.quotes(count // 2), library.article(count // 2)))
        print(f"  one page's quotes and article: median {median:.2f} ms")
        bench_list(library)
    print(f"  library size: {library_bytes(path) / count / 1024:.1f} KB per page (short stand-in originals)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import", dest="import_count", type=int, default=1_000, help="pages to import")
    parser.add_argument("--pages", type=int, default=10_000, help="pages in the query library")
    parser.add_argument("--workers", type=int, default=2, help="parsing processes to compare with one")
    parser.add_argument("--keep", type=Path, help="build the query library here once, reuse it afterwards")
    parser.add_argument("--saved-pages", metavar="GLOB", help="also import the saved pages matching GLOB")
    options = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    with tempfile.TemporaryDirectory() as tmp:
        if options.import_count:
            bench_import(Path(tmp), options.import_count, options.workers)
        if options.saved_pages:
            bench_saved_pages(Path(tmp), options.saved_pages)
        if options.pages:
            bench_queries(Path(tmp), options.pages, options.keep)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
