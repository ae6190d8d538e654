"""`quotes`, `history` and `compare`: the quotes of a page, of the whole market, of one symbol over time."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.output import (
    accept_dash_values,
    add_command,
    add_output,
    complain,
    emit,
    iso_day,
    render_table,
)
from desktop.library.compare import compare_quotes, strip_changes
from desktop.library.formatting import as_of_text, change_text, percent_text, price_text
from desktop.library.records import QuoteRow
from desktop.library.serialize import HISTORY_KEYS, QUOTE_KEYS, pick, quote_record

if TYPE_CHECKING:
    from desktop.library import Library

QUOTE_SORTS = ("-percent", "percent", "symbol", "-symbol", "price", "-price", "change", "-change")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "quotes", run_quotes, "print the quotes of a page or the latest of every symbol",
                    "Print the quotes of one page, or (the default) the market view: the latest quote of every "
                    "symbol across the library.")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--page", type=int, metavar="ID", help="the quotes of page ID, in strip order")
    which.add_argument("--latest", action="store_true", help="the latest quote of every symbol (default)")
    p.add_argument("--sort", choices=QUOTE_SORTS, help="order; a leading '-' means largest first")
    p.add_argument("--limit", type=int, metavar="N", help="print at most N quotes")
    p.add_argument("--kind", choices=("stock", "index", "sector"), help="only stocks, indices or sector indices")
    p.add_argument("--since", type=iso_day, metavar="YYYY-MM-DD",
                   help="with --latest: only snapshots saved on or after this day")
    p.add_argument("--until", type=iso_day, metavar="YYYY-MM-DD",
                   help="with --latest: only snapshots saved on or before this day")
    add_output(p)
    accept_dash_values(p, QUOTE_SORTS)

    p = add_command(sub, "history", run_history, "a symbol's price in every saved snapshot",
                    "One row per saved page that quotes SYMBOL, oldest first: when, price, change, percent.")
    p.add_argument("symbol", help="ticker symbol, e.g. OGDC or KSE100 (any case)")
    add_output(p)
    p = add_command(sub, "compare", run_compare, "each symbol's price in two pages, biggest move first",
                    "Compare the quotes of two pages: price in each, the difference and the percent difference, "
                    "sorted by the biggest absolute percent move; symbols in only one page come last.")
    p.add_argument("first", type=int, help="page id (A)")
    p.add_argument("second", type=int, help="page id (B)")
    add_output(p)


def sorted_quotes(rows: list[QuoteRow], sort: str | None) -> list[QuoteRow]:
    """Quotes in the order asked: 'percent', '-percent', 'symbol', ... (a leading '-' = descending)."""
    if not sort:
        return rows
    key = sort.lstrip("-")
    return sorted(rows, key=lambda r: getattr(r, key), reverse=sort.startswith("-"))


def run_quotes(library: Library, args: argparse.Namespace) -> int:
    if args.page is not None:
        if library.page(args.page) is None:
            return complain(f"there is no page {args.page} in the library")
        rows = library.quotes(args.page)
        if args.kind:
            rows = [r for r in rows if r.kind == args.kind]
    else:
        rows = library.latest_quotes(args.kind, args.since, args.until)
    rows = sorted_quotes(rows, args.sort)
    if args.limit is not None:
        rows = rows[: max(args.limit, 0)]
    cells = [[r.symbol, price_text(r.price), change_text(r.change), percent_text(r.percent, r.direction), r.kind,
              str(r.page_id), as_of_text(r.as_of, r.as_of_estimated)] for r in rows]
    headers = ["Symbol", "Price", "Change", "Percent", "Kind", "Page", "As of"]
    emit([pick(quote_record(r), QUOTE_KEYS) for r in rows], args, lambda: render_table(headers, cells, {1, 2, 3, 5}))
    return 0


def run_history(library: Library, args: argparse.Namespace) -> int:
    rows = library.history(args.symbol.strip().upper())
    if not rows and not (args.json or args.csv):
        return complain(f"{args.symbol} is not quoted in any saved page")
    cells = [[as_of_text(r.as_of, r.as_of_estimated), price_text(r.price), change_text(r.change),
              percent_text(r.percent, r.direction), str(r.page_id)] for r in rows]
    headers = ["As of", "Price", "Change", "Percent", "Page"]
    emit([pick(quote_record(r), HISTORY_KEYS) for r in rows], args,
         lambda: render_table(headers, cells, {1, 2, 3, 4}))
    return 0


def run_compare(library: Library, args: argparse.Namespace) -> int:
    for page_id in (args.first, args.second):
        if library.page(page_id) is None:
            return complain(f"there is no page {page_id} in the library")
    a, b = library.quotes(args.first), library.quotes(args.second)
    moves = compare_quotes(a, b)

    def table() -> str:
        cells = [[m.symbol, _price(m.price_a), _price(m.price_b),
                  change_text(m.diff) if m.diff is not None else m.presence,
                  f"{m.percent_diff:+.2f}%" if m.percent_diff is not None else ""] for m in moves]
        entered, left = strip_changes(a, b)
        text = render_table(["Symbol", f"Page {args.first}", f"Page {args.second}", "Difference", "%"], cells,
                            {1, 2, 3, 4})
        return (f"{text}\n\nEntered the strip: {', '.join(entered) or 'none'}\n"
                f"Left the strip: {', '.join(left) or 'none'}")

    emit([m.to_json() for m in moves], args, table)
    return 0


def _price(value: float | None) -> str:
    return price_text(value) if value is not None else "—"
