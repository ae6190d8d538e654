"""The quote grid with a 34-quote page and a 404-quote Market Watch page: shown (grid and chart drawn) and sorted.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_quote_grid.py   (median of 20, ms)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fixtures" / "quotes" / "gen")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from pages import case_market_watch_strip
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.gui.models.quote_model import PERCENT, PRICE, VOLUME
    from desktop.gui.panes.quote_grid import QuotePane
    from desktop.library import Library

    app = QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="quote-grid-"))
    market_watch = folder / "market-watch.html"
    market_watch.write_text(case_market_watch_strip(2025, rows=400).html, encoding="utf-8")
    sample = ROOT / "resources" / "samples" / "business-recorder-sample.html"
    with Library(folder / "library.db") as library:
        pages = [library.quotes(r.page_id) for r in library.import_paths([sample, market_watch]) if r.page_id]
    pane = QuotePane()
    pane.resize(1000, 700)
    pane.show()
    app.processEvents()
    for quotes in pages:
        shown, sorted_ms = [], []
        for _ in range(20):
            start = time.perf_counter()
            pane.set_quotes(quotes)
            pane.view.viewport().repaint()
            pane.chart.plot.grab()
            shown.append((time.perf_counter() - start) * 1000)
            for field in (PERCENT, VOLUME if pane.model.column_of(VOLUME) >= 0 else PRICE):
                start = time.perf_counter()
                pane.sort_by(pane.model.column_of(field), Qt.SortOrder.DescendingOrder)
                app.processEvents()
                pane.view.viewport().repaint()
                sorted_ms.append((time.perf_counter() - start) * 1000)
        print(f"{len(quotes):4} quotes: shown {statistics.median(shown):.1f} ms, sorted {statistics.median(sorted_ms):.1f} ms")
    pane.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
