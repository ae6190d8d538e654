"""A large library built quickly from generated Page objects (no files, no parsing), for benchmarks."""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from pagegen import INDICES, STOCKS, expected_for  # noqa: E402

from desktop.library import Library  # noqa: E402
from parsing import Page, Quote  # noqa: E402

PKT = timezone(timedelta(hours=5))
FIRST_SNAPSHOT = datetime(2023, 1, 2, 9, 30, tzinfo=PKT)


def _quotes(rng: random.Random, prices: dict[str, float]) -> tuple[Quote, ...]:
    """One ticker strip: every symbol moved by a few percent from its previous price."""
    strip = []
    for symbol in (*STOCKS, *(name for name, _level in INDICES)):
        old = prices[symbol]
        percent = round(rng.uniform(-7.5, 7.5), 2)
        new = round(old * (1 + percent / 100), 2)
        prices[symbol] = new
        direction = "up" if percent > 0 else "down" if percent < 0 else "unchanged"
        kind = "index" if symbol in dict(INDICES) else "stock"
        strip.append(Quote(symbol, new, round(new - old, 2), percent, direction, kind))
    return tuple(strip)


def synthetic_page(index: int, rng: random.Random, prices: dict[str, float]) -> Page:
    """A page with the text of generated article ``index`` and a strip saved ``index`` hours after the first."""
    truth = expected_for(index)
    saved = FIRST_SNAPSHOT + timedelta(hours=index)
    return Page(
        title=truth["title"], section=truth["section"], published=truth["published"],
        saved=saved.isoformat(timespec="seconds"), source_url=truth["source_url"], summary=truth["summary"],
        quotes=_quotes(rng, prices), paragraphs=tuple(truth["paragraphs"]), related=tuple(truth["related"]),
        format="html",
    )


def build_library(path: str | Path, n_pages: int, seed: int = 0) -> Path:
    """Create (or add to) a library of ``n_pages`` snapshots, one import per page as the window does.

    The stored original is a short stand-in (about 1 KB), not a 200 KB page, to keep building fast;
    use bench_library.py's file import for real bytes-per-page figures.
    """
    rng = random.Random(seed)
    prices = {s: rng.uniform(2, 300) for s in STOCKS} | {name: float(level) for name, level in INDICES}
    with Library(path) as library:
        for index in range(n_pages):
            page = synthetic_page(index, rng, prices)
            raw = f"<!-- synthetic page {seed}:{index} -->".encode() + rng.randbytes(512).hex().encode()
            library.import_page(page, raw, f"page_{index:05d}.html")
    return Path(path)


if __name__ == "__main__":
    import time

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("big.db")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    start = time.perf_counter()
    build_library(target, count)
    print(f"{count:,} pages in {time.perf_counter() - start:.1f} s -> {target}")
