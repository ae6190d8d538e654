"""Where a parse spends its time: each step of ``parse_html`` timed apart on the generated 200 KB pages.

Run: .venv/bin/python tests/benchmarks/bench_stages.py [--pages 100] [--rounds 5] [--malloc-as-is]

The steps are run here in the parser's own order (reading the saved form, the depth pre-scan, the tree build, the
head's metadata, dropping scripts and the like, the quotes, the article), each timed alone; then the whole parse
and a bare lexbor tree build of the same page. Figures are means over the pages of each page's best time, on one
core, with the allocator held steady as in ``bench_parsing.py``. The steps call the parser's internal functions, so
this script changes with them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from pagegen import br_article_html  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402
from steady_malloc import described, steady  # noqa: E402

import parsing  # noqa: E402
from parsing.extract import html_page  # noqa: E402
from parsing.extract.article import extract_article  # noqa: E402
from parsing.extract.metadata import HeadMeta, read_head  # noqa: E402
from parsing.extract.quotes import FoundQuotes  # noqa: E402
from parsing.html.shape import check_shape  # noqa: E402
from parsing.model import Document  # noqa: E402
from parsing.sites.vocabulary import DROPPED_TAGS  # noqa: E402
from parsing.sources import read_document  # noqa: E402

STEPS = ("read", "shape", "tree", "head", "drop", "quotes", "article")


def timed_steps(page: bytes) -> dict[str, float]:
    """Seconds of each step of one parse of ``page``, then of the whole parse and of lexbor's bare build."""
    clock = time.perf_counter
    took: dict[str, float] = {}

    def step(name: str, work: Callable[[], object]) -> object:
        start = clock()
        result = work()
        took[name] = clock() - start
        return result

    document = step("read", lambda: read_document(page, "page.html"))
    assert isinstance(document, Document) and document.markup is not None
    markup = document.markup
    step("shape", lambda: check_shape(markup))
    tree = step("tree", lambda: LexborHTMLParser(markup, scripting=True))
    assert isinstance(tree, LexborHTMLParser)
    scripts = tree.tags("script")
    meta = step("head", lambda: read_head(tree, markup[:4096], scripts))
    assert isinstance(meta, HeadMeta)

    def drop() -> None:
        for script in scripts:
            script.decompose(recursive=False)
        html_page._drop_svgs(tree)
        tree.strip_tags([tag for tag in DROPPED_TAGS if tag not in ("script", "svg")])

    step("drop", drop)
    body = tree.body
    assert body is not None
    found = step("quotes", lambda: html_page._quotes(body))
    assert isinstance(found, FoundQuotes)
    step("article", lambda: extract_article(body, meta, found.used))
    step("whole parse", lambda: parsing.parse_bytes(page, "page.html"))
    step("lexbor", lambda: LexborHTMLParser(page))
    return took


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--pages", type=int, default=100)
    args.add_argument("--rounds", type=int, default=5)
    opts = args.parse_args(steady(sys.argv[1:]))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    pages = [br_article_html(i) for i in range(opts.pages)]
    for page in pages[:10]:  # warm caches and regex compilation
        timed_steps(page)
    best: dict[str, list[float]] = {}
    for _ in range(opts.rounds):
        for n, page in enumerate(pages):
            for name, seconds in timed_steps(page).items():
                column = best.setdefault(name, [float("inf")] * len(pages))
                column[n] = min(column[n], seconds)
    means = {name: statistics.mean(values) * 1000 for name, values in best.items()}
    print(f"{len(pages)} pages, one core, best of {opts.rounds} per page, {described()}; ms per page:")
    for name, ms in means.items():
        print(f"  {name:12} {ms:6.3f}")
    print(f"  the steps add up to {sum(means[name] for name in STEPS):.3f}; "
          f"whole parse / lexbor: {means['whole parse'] / means['lexbor']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
