"""Window speed: start-up on a 10,000-page library, selecting a page, sorting 100,000 rows,
the market view and a symbol's history window, and how long the event loop stalls during a 1,000-page import.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_window.py [--pages 10000] [--import 1000]
     [--keep PATH]  (build the library at PATH once and reuse it on later runs)
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

STARTUP_CHILD = """
import sys, time
start = float(sys.argv[2])
from desktop.gui.app import create_main_window, ensure_app
from PySide6.QtCore import QEventLoop, QTimer
app = ensure_app()
window = create_main_window(sys.argv[1])
window.show()
app.processEvents()
shown = time.time() - start
loop = QEventLoop()
timer = QTimer(interval=1)
timer.timeout.connect(lambda: loop.quit() if window.pages.model.rowCount() else None)
timer.start()
loop.exec()
app.processEvents()
print(f"{shown:.3f} {time.time() - start:.3f}")
"""


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def startup_seconds(library: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds from process start to the window shown, and to the page list filled."""
    shown, filled = [], []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-c", STARTUP_CHILD, str(library), repr(start)],
                             capture_output=True, text=True, check=True)
        first, second = out.stdout.strip().splitlines()[-1].split()
        shown.append(float(first))
        filled.append(float(second))
    return median(shown), median(filled)


def resort_ms(app: object, window: object) -> float:
    """A click on the Title header: the new order fetched from the library and shown (the order not current)."""
    from PySide6.QtCore import Qt

    from desktop.gui.models.page_model import TITLE

    loaded: list[bool] = []
    window.pages.pages_loaded.connect(lambda: loaded.append(True))  # type: ignore[attr-defined]
    column, order = window.pages.model.sort_state()  # type: ignore[attr-defined]
    ascending = Qt.SortOrder.AscendingOrder
    wanted = Qt.SortOrder.DescendingOrder if (column, order) == (TITLE, ascending) else ascending
    t = time.perf_counter()
    window.pages.sort_by(TITLE, wanted)  # type: ignore[attr-defined]
    wait(app, lambda: bool(loaded))
    return (time.perf_counter() - t) * 1000


def wait(app: object, condition: object, limit: float = 60.0) -> None:
    """Run the event loop until ``condition()`` holds, sleeping between checks as a real window's loop does
    (a loop that spun would take a core from the background threads it waits for)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():  # type: ignore[operator]
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + limit
    timer = QTimer(interval=1)
    timer.timeout.connect(lambda: loop.quit() if condition() or time.perf_counter() > deadline else None)  # type: ignore[operator]
    timer.start()
    loop.exec()
    timer.stop()


def select_page_ms(app: object, window: object, samples: int = 30) -> float:
    ids = [window.pages.model.page_at(r).id for r in range(min(window.pages.model.rowCount(), 500))]
    times = []
    for page_id in random.Random(1).sample(ids, min(samples, len(ids))):
        t = time.perf_counter()
        window.show_page(page_id)
        window.quotes.chart.plot.grab()
        window.article.grab()
        times.append((time.perf_counter() - t) * 1000)
    return median(times)


def sort_100k_ms(app: object) -> float:
    from PySide6.QtCore import Qt

    from desktop.gui.panes.quote_grid import QuotePane
    from desktop.library.records import QuoteRow

    rng = random.Random(7)
    rows = [QuoteRow(1, "2025-01-01T00:00:00+05:00", False, i, f"S{i:05d}", "stock", rng.uniform(1, 900),
                     rng.uniform(-9, 9), rng.uniform(-10, 10), rng.choice(["up", "down"]), None, None)
            for i in range(100_000)]
    pane = QuotePane()
    pane.resize(800, 700)
    pane.show()
    pane.set_quotes(rows)
    app.processEvents()  # type: ignore[attr-defined]
    times = []
    for column in range(5):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            t = time.perf_counter()
            pane.sort_by(column, order)
            app.processEvents()  # type: ignore[attr-defined]
            times.append((time.perf_counter() - t) * 1000)
    pane.close()
    return max(times)


def market_ms(library: Path) -> float:
    """The market view's query on a new connection."""
    from desktop.library import Library

    with Library(library) as lib:
        t = time.perf_counter()
        lib.latest_quotes()
        return (time.perf_counter() - t) * 1000


def history_window_ms(app: object, window: object, symbol: str, runs: int = 3) -> tuple[float, int]:
    """From asking for a symbol's history to its window shown and drawn (median), and its snapshot count."""
    times, count = [], 0
    for _ in range(runs):
        window.history_dialog = None  # type: ignore[attr-defined]
        t = time.perf_counter()
        window.show_history(symbol)  # type: ignore[attr-defined]
        wait(app, lambda: getattr(window, "history_dialog", None) is not None)
        dialog = window.history_dialog  # type: ignore[attr-defined]
        dialog.grab()
        times.append((time.perf_counter() - t) * 1000)
        count = len(dialog.series)
        dialog.close()
    return median(times), count


def longest_gap_ms(beats: list[float]) -> float:
    return max(((b - a) * 1000 for a, b in zip(beats, beats[1:], strict=False)), default=0.0)


def import_stall_ms(app: object, folder: Path, count: int) -> tuple[float, float, float, float]:
    """Importing ``count`` pages from the window, then the originals compressed densely while it is idle:
    the longest event-loop stall (10 ms heartbeat) and the seconds taken, for each."""
    from pagegen import br_article_html
    from PySide6.QtCore import QTimer

    from desktop.app import create_main_window
    from desktop.gui import densify

    densify.Densifier.delay_ms = 0  # start at once: the heartbeat shows whether the window stays responsive
    pages = folder / "pages"
    pages.mkdir()
    for i in range(count):
        (pages / f"page-{i:05d}.html").write_bytes(br_article_html(i))
    window = create_main_window(folder / "import.db")
    window.show()
    beats: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start()
    done: list[object] = []
    window.import_finished.connect(done.append)
    t = time.perf_counter()
    window.import_paths([pages])
    wait(app, lambda: bool(done), limit=600)
    elapsed, importing = time.perf_counter() - t, longest_gap_ms(beats)
    beats.clear()
    t = time.perf_counter()
    wait(app, lambda: window.densifier.pending() == 0, limit=600)  # type: ignore[union-attr]
    dense_s, densifying = time.perf_counter() - t, longest_gap_ms(beats)
    timer.stop()
    window.close()
    return importing, elapsed, densifying, dense_s


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--import", dest="import_count", type=int, default=1_000)
    parser.add_argument("--keep", type=Path, help="build the library here once, reuse it afterwards")
    options = parser.parse_args()
    from biglib import build_library

    from desktop.gui.app import create_main_window, ensure_app

    app = ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        library = options.keep or Path(tmp) / "big.db"
        if not library.exists():
            t = time.perf_counter()
            build_library(library, options.pages)
            print(f"built a {options.pages:,}-page library in {time.perf_counter() - t:.1f} s")
        print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
        shown, filled = startup_seconds(library)
        print(f"from process start: window shown {shown:.2f} s (goal ≤ 1.5 s), page list filled {filled:.2f} s")
        window = create_main_window(library)
        window.show()
        wait(app, lambda: window.pages.model.rowCount() > 0)
        print(f"select a page (grid, chart, article drawn): median {select_page_ms(app, window):.1f} ms (goal ≤ 50 ms)")
        print(f"page list sorted by title from a header click, new order shown: {resort_ms(app, window):.1f} ms")
        history, snapshots = history_window_ms(app, window, "OGDC")
        print(f"history window of OGDC ({snapshots:,} snapshots): asked, read, shown and drawn in {history:.1f} ms")
        window.close()
        print(f"market view query on a new connection: {market_ms(library):.1f} ms (goal ≤ 200 ms)")
        print(f"sort a 100,000-row grid, slowest of 10 sorts: {sort_100k_ms(app):.1f} ms (goal ≤ 200 ms)")
        stall, seconds, dense_stall, dense_seconds = import_stall_ms(app, Path(tmp), options.import_count)
        print(f"import {options.import_count:,} pages from the window: {seconds:.1f} s, "
              f"longest event-loop stall {stall:.0f} ms (goal ≤ 100 ms)")
        print(f"then their originals compressed densely while idle: {dense_seconds:.1f} s, "
              f"longest event-loop stall {dense_stall:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
