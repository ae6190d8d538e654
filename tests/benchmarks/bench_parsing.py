"""Parser speed and paragraph precision/recall on generated 200 KB pages, against lexbor and trafilatura;
the whole parse of a 400-row Market Watch page.

Run: .venv/bin/python tests/benchmarks/bench_parsing.py [--pages 300] [--traf-pages 100] [--malloc-as-is]

The script starts itself again with glibc's allocator held steady (``steady_malloc.py``: otherwise lexbor's tree
build, and the ratio to it, jumps between two levels from run to run); ``--malloc-as-is`` measures without that.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1]), str(HERE.parent / "fixtures" / "quotes" / "gen")]

from pagegen import br_article_html, expected_for  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402
from steady_malloc import described, steady  # noqa: E402

import parsing  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.split())


def precision_recall(found: Iterable[list[str]], truth: Iterable[list[str]]) -> tuple[float, float]:
    """Micro-averaged over pages: a found paragraph counts when it equals a true one (whitespace aside)."""
    hits = n_found = n_true = 0
    for got, want in zip(found, truth, strict=True):
        got_set, want_set = {_norm(p) for p in got if p.strip()}, {_norm(p) for p in want}
        hits += len(got_set & want_set)
        n_found += len(got_set)
        n_true += len(want_set)
    return (hits / n_found if n_found else 0.0, hits / n_true if n_true else 0.0)


def interleaved(
    funcs: dict[str, Callable[[bytes], object]], pages: list[bytes], rounds: int
) -> dict[str, list[float]]:
    """Seconds for each page and function, timed page by page in turn, best of ``rounds`` per page.

    Interleaving and the per-page minimum keep other load on the machine from favouring one side.
    """
    best = {name: [float("inf")] * len(pages) for name in funcs}
    clock = time.perf_counter
    for _ in range(rounds):
        for n, page in enumerate(pages):
            for name, func in funcs.items():
                start = clock()
                func(page)
                elapsed = clock() - start
                if elapsed < best[name][n]:
                    best[name][n] = elapsed
    return best


def _ours(page: bytes) -> parsing.Page:
    return parsing.parse_bytes(page, "page.html")


def _lexbor(page: bytes) -> None:
    LexborHTMLParser(page)  # the tree is freed at once, as ours is


def _traf_plain(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page.decode("utf-8")) or ""


def _traf_json(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page.decode("utf-8"), output_format="json", with_metadata=True) or ""


def market_watch_ms(rows: int = 400, runs: int = 50) -> tuple[float, float, int, int]:
    """Best and median milliseconds of the whole parse (bytes -> Page) of a Market Watch page of ``rows`` rows
    under the Business Recorder strip (about 184 KB), with the quotes found and expected."""
    from pages import case_market_watch_strip

    case = case_market_watch_strip(2025, rows=rows)
    data = case.html.encode("utf-8")
    found = len(parsing.parse_bytes(data, "market-watch.html").quotes)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        parsing.parse_bytes(data, "market-watch.html")
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times), found, len(case.quotes)


def digit_line_seconds() -> tuple[float, float]:
    line = b"1234567890 " * 500_000
    start = time.perf_counter()
    parsing.parse_bytes(line, "digits.txt")
    text = time.perf_counter() - start
    start = time.perf_counter()
    parsing.parse_bytes(b"<html><body><div>" + line + b"</div></body></html>", "digits.html")
    return text, time.perf_counter() - start


HOSTILE = {
    "div + comment holding </div>, 100k": b"<div><!--</div>-->" * 100_000,
    "div + script holding </div>, 100k": b"<div><script></div></script>" * 100_000,
    "div with '</div>' in an attribute, 60k": b"<div title='</div>'>" * 60_000,
    "optgroup, 100k": b"<optgroup>" * 100_000,
    "rt outside ruby, 100k": b"<rt>" * 100_000,
}


def hostile_seconds() -> list[tuple[str, float, str]]:
    """Each hostile page: seconds to a ParseError or a Page (goal < 2 s each)."""
    results = []
    for name, markup in HOSTILE.items():
        start = time.perf_counter()
        try:
            parsing.parse_bytes(b"<html><body>" + markup + b"x", "hostile.html")
            outcome = "page"
        except parsing.ParseError:
            outcome = "refused"
        results.append((name, time.perf_counter() - start, outcome))
    return results


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--pages", type=int, default=300)
    args.add_argument("--traf-pages", type=int, default=100, help="pages for trafilatura (slow)")
    args.add_argument("--size-kb", type=int, default=200)
    args.add_argument("--rounds", type=int, default=5, help="timing rounds (best per page is kept)")
    opts = args.parse_args(steady(sys.argv[1:]))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    pages = [br_article_html(i, opts.size_kb) for i in range(opts.pages)]
    truth = [expected_for(i) for i in range(opts.pages)]
    print(f"{len(pages)} pages, mean {statistics.mean(map(len, pages)) / 1024:.0f} KB, one core, {described()}")

    for page in pages[:20]:  # warm caches and regex compilation
        _ours(page)
    speed = interleaved({"ours": _ours, "lexbor": _lexbor}, pages, opts.rounds)
    ours_s, lexbor_s = statistics.mean(speed["ours"]), statistics.mean(speed["lexbor"])
    results = [_ours(page) for page in pages]
    p_ours, r_ours = precision_recall([list(r.paragraphs) for r in results], [t["paragraphs"] for t in truth])
    quotes_ok = sum(len(r.quotes) == t["quotes"] for r, t in zip(results, truth, strict=True))
    rows = [
        ("market-reader parse_bytes", ours_s, p_ours, r_ours),
        ("selectolax tree build only", lexbor_s, None, None),
    ]
    plain_s = None
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): skipped")
    else:
        n = min(opts.traf_pages, len(pages))
        traf = interleaved({"plain": _traf_plain, "json": _traf_json}, pages[:n], 2)
        plain_s, meta_s = statistics.mean(traf["plain"]), statistics.mean(traf["json"])
        ours_n = statistics.mean(speed["ours"][:n])
        traf_paras = [[ln for ln in _traf_plain(p).split("\n") if ln.strip()] for p in pages[:n]]
        p_tr, r_tr = precision_recall(traf_paras, [t["paragraphs"] for t in truth[:n]])
        rows += [(f"trafilatura.extract txt ({n} pages)", plain_s, p_tr, r_tr),
                 (f"trafilatura.extract json+metadata ({n})", meta_s, None, None)]

    print(f"\n{'':42} {'ms/page':>9} {'pages/s':>9} {'para P':>7} {'para R':>7}")
    for name, seconds, prec, rec in rows:
        pr = f"{prec:7.3f} {rec:7.3f}" if prec is not None else f"{'':7} {'':7}"
        print(f"{name:42} {seconds * 1000:9.3f} {1 / seconds:9.0f} {pr}")
    print(f"\nours / lexbor tree build: {ours_s / lexbor_s:.2f}x   (goal <= 3x)")
    if plain_s:
        print(f"trafilatura plain / ours on the same {n} pages: {plain_s / ours_n:.1f}x faster (goal >= 10x)")
    print(f"pages/s: {1 / ours_s:.0f} (goal >= 300); pages with every quote found: {quotes_ok}/{len(pages)}")
    best, median, found, expected = market_watch_ms()
    print(f"400-row Market Watch page, whole parse: best {best:.1f} ms, median {median:.1f} ms (goal <= 20 ms); "
          f"quotes {found}/{expected}")
    text_s, html_s = digit_line_seconds()
    print(f"5 MB line of digits and spaces: text copy {text_s:.2f} s, inside HTML {html_s:.2f} s")
    for name, seconds, outcome in hostile_seconds():
        print(f"hostile {name:40} {seconds:6.2f} s  {outcome}  (goal < 2 s)")
    from bench_forms import report as forms_report  # each saved form's reading speed

    forms_report(opts.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
