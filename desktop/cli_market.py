"""Commands over the library's history: `history SYMBOL` and `compare ID1 ID2`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop import formatting
from desktop.cli_library import _add, _add_output, _as_of_text, _emit, render_table
from desktop.compare import compare_quotes, strip_changes
from desktop.library import Library


def register(sub: argparse._SubParsersAction) -> None:
    p = _add(sub, "history", _history, "a symbol's price in every saved snapshot",
             "One row per saved page that quotes SYMBOL, oldest first: when, price, change, percent.")
    p.add_argument("symbol", help="ticker symbol, e.g. OGDC or KSE100 (any case)")
    _add_output(p)
    p = _add(sub, "compare", _compare, "each symbol's price in two pages, biggest move first",
             "Compare the quotes of two pages: price in each, the difference and the percent difference, "
             "sorted by the biggest absolute percent move; symbols in only one page come last.")
    p.add_argument("first", type=int, help="page id (A)")
    p.add_argument("second", type=int, help="page id (B)")
    _add_output(p)


def history_json(row: Any) -> dict[str, Any]:
    return {"page_id": row.page_id, "as_of": row.as_of, "price": row.price, "change": row.change,
            "percent": row.percent, "direction": row.direction, "as_of_estimated": row.as_of_estimated,
            "page_title": row.page_title}


def _history(library: Library, args: argparse.Namespace) -> int:
    rows = library.history(args.symbol.strip().upper())
    if not rows and not (args.json or args.csv):
        print(f"market-reader: {args.symbol} is not quoted in any saved page", file=sys.stderr)
        return 1
    cells = [[_as_of_text(r.as_of, r.as_of_estimated), formatting.price_text(r.price),
              formatting.change_text(r.change), formatting.percent_text(r.percent, r.direction), str(r.page_id)]
             for r in rows]
    headers = ["As of", "Price", "Change", "Percent", "Page"]
    _emit([history_json(r) for r in rows], args, lambda: render_table(headers, cells, {1, 2, 3, 4}))
    return 0


def _compare(library: Library, args: argparse.Namespace) -> int:
    for page_id in (args.first, args.second):
        if library.page(page_id) is None:
            print(f"market-reader: there is no page {page_id} in the library", file=sys.stderr)
            return 1
    a, b = library.quotes(args.first), library.quotes(args.second)
    moves = compare_quotes(a, b)

    def table() -> str:
        cells = [[m.symbol, _price(m.price_a), _price(m.price_b),
                  formatting.change_text(m.diff) if m.diff is not None else m.presence,
                  f"{m.percent_diff:+.2f}%" if m.percent_diff is not None else ""] for m in moves]
        entered, left = strip_changes(a, b)
        text = render_table(["Symbol", f"Page {args.first}", f"Page {args.second}", "Difference", "%"], cells,
                            {1, 2, 3, 4})
        return text + f"\n\nEntered the strip: {', '.join(entered) or 'none'}\nLeft the strip: {', '.join(left) or 'none'}"

    _emit([m.to_json() for m in moves], args, table)
    return 0


def _price(value: float | None) -> str:
    return formatting.price_text(value) if value is not None else "—"
