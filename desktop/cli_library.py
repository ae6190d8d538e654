"""Library subcommands: import, pages, quotes, search, show, export, reparse."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from desktop import formatting
from desktop.library import ImportResult, Library, LibraryError, PageRow, QuoteRow, SearchHit
from desktop.paths import resolve_library_path

QUOTE_SORTS = ("-percent", "percent", "symbol", "-symbol", "price", "-price", "change", "-change")
PAGE_SORTS = ("quotes_as_of", "published", "imported", "title", "quote_count")
# Parsing takes about 2 ms of a 200 KB page, and starting parsing processes costs about a second: on two
# cores 400 pages imported in 1.96 s in one process and 3.02 s with two; 1,000 pages on an idle machine in
# 4.85 s and 3.30 s. One process is the default; -j 2 pays off for large folders on an idle machine.
DEFAULT_JOBS = 1
Handler = Callable[[Library, argparse.Namespace], int]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the library subcommands."""
    _register_import(sub)
    _register_listings(sub)
    _register_others(sub)


def _register_import(sub: argparse._SubParsersAction) -> None:
    p = _add(sub, "import", _import, "import saved pages (files or folders) into the library",
             "Import saved pages into the library; folders are searched recursively for .html, .htm, "
             ".xhtml, .mhtml, .mht and .txt files. Exits with 1 if any file could not be imported.",
             writes=True)
    p.add_argument("paths", nargs="+", metavar="PATH", help="saved page files or folders")
    p.add_argument("--json", action="store_true", help="one JSON object per line per file")
    p.add_argument("-j", "--jobs", type=int, default=DEFAULT_JOBS, metavar="N",
                   help=f"processes that read and parse files while this one writes (default {DEFAULT_JOBS}: "
                        "read and parse here; 2 or more pay off for large folders)")


def _register_listings(sub: argparse._SubParsersAction) -> None:
    p = _add(sub, "pages", _pages, "list the pages in the library", "List the saved pages in the library.")
    p.add_argument("--sort", choices=PAGE_SORTS, default="quotes_as_of", help="order (default: quotes_as_of)")
    p.add_argument("--ascending", action="store_true", help="oldest or smallest first")
    p.add_argument("--search", metavar="TEXT", help="only pages whose text has every word of TEXT")
    _add_output(p)

    p = _add(sub, "quotes", _quotes, "print the quotes of a page or the latest of every symbol",
             "Print the quotes of one page, or (the default) the market view: the latest quote of every "
             "symbol across the library.")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--page", type=int, metavar="ID", help="the quotes of page ID, in strip order")
    which.add_argument("--latest", action="store_true", help="the latest quote of every symbol (default)")
    p.add_argument("--sort", choices=QUOTE_SORTS, help="order; a leading '-' means largest first")
    p.add_argument("--limit", type=int, metavar="N", help="print at most N quotes")
    p.add_argument("--kind", choices=("stock", "index"), help="only stocks or only indices")
    p.add_argument("--since", type=_iso_day, metavar="YYYY-MM-DD",
                   help="with --latest: only snapshots saved on or after this day")
    p.add_argument("--until", type=_iso_day, metavar="YYYY-MM-DD",
                   help="with --latest: only snapshots saved on or before this day")
    _add_output(p)
    _accept_dash_values(p, QUOTE_SORTS)

    p = _add(sub, "search", _search, "full-text search of titles, summaries and articles",
             "Search the library; every word must appear. Matches are shown in [brackets].")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words to look for")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N pages (default 50)")
    _add_output(p)


def _register_others(sub: argparse._SubParsersAction) -> None:
    p = _add(sub, "show", _show, "print one page's article as text", "Print the article of page ID as text.")
    p.add_argument("page_id", type=int, metavar="ID", help="page id, as listed by 'pages'")
    p.add_argument("--json", action="store_true", help="the article as one JSON object")

    p = _add(sub, "export", _export, "write every snapshot's quotes as CSV or JSON",
             "Export the library to standard output: CSV has one row per quote of every page; JSON is an "
             "array of pages, each with its quotes.")
    p.add_argument("--format", choices=("csv", "json"), default="csv", help="output format (default csv)")

    p = _add(sub, "reparse", _reparse, "read every stored page again with this version's parser",
             "Read the original of every stored page again with the current parser (the original files "
             "are not needed). Exits with 1 if any page could not be read.", writes=True)
    p.add_argument("--outdated", action="store_true", help="only pages read by an older parser")
    p.add_argument("--json", action="store_true", help="one JSON object per line per page")


def _iso_day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-01-13") from None


def _add(sub: argparse._SubParsersAction, name: str, handler: Handler, help_text: str, description: str,
         writes: bool = False) -> argparse.ArgumentParser:
    """A subcommand on the library; one that only reads (``writes`` False) also works on read-only storage."""
    parser = sub.add_parser(name, help=help_text, description=description)
    parser.set_defaults(func=lambda args: _with_library(args, handler, read_only_fallback=not writes))
    # also accepted after the command (`pages --library X`); SUPPRESS keeps a value given before it
    parser.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS,
                        help="library file to use (default: $MARKET_READER_LIBRARY, else the user data folder)")
    return parser


def _accept_dash_values(parser: argparse.ArgumentParser, values: Sequence[str]) -> None:
    """Let ``--sort -percent`` work: argparse would read ``-percent`` as an unknown option.

    argparse treats an argument that looks like a negative number as a value; widen that test to
    the descending sort names (call after every option of ``parser`` has been added).
    """
    names = "|".join(re.escape(v) for v in values if v.startswith("-"))
    parser._negative_number_matcher = re.compile(rf"^-\d+$|^-\d*\.\d+$|^(?:{names})$")


def _add_output(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print a JSON array")
    group.add_argument("--csv", action="store_true", help="print CSV with a header row")


def _with_library(args: argparse.Namespace, handler: Handler, read_only_fallback: bool = False) -> int:
    """Open the library for one command; problems with the file become one line on stderr."""
    try:
        with Library(resolve_library_path(args.library), read_only_fallback) as library:
            return handler(library, args)
    except LibraryError as error:
        print(f"market-reader: {error.message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise
    except OSError as error:
        print(f"market-reader: {error}", file=sys.stderr)
        return 2


# ---- output helpers ---------------------------------------------------------------------------


def _emit(rows: list[dict[str, Any]], args: argparse.Namespace, table: Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        if rows:
            writer.writerow(rows[0].keys())
        writer.writerows(r.values() for r in rows)
    else:
        print(table())


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """Aligned columns; the columns in ``right`` (numbers) are right-aligned."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths,
                                                                                             strict=True))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def print_or_drop(text: str, end: str = "\n") -> None:
    """Print a line; if standard output has been closed (``import | head``), send the rest to the null
    device so the work in progress still finishes (an import must not stop half-way for a closed pipe)."""
    try:
        print(text, end=end, flush=True)
    except BrokenPipeError:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


class _ProgressBar:
    """A one-line bar redrawn in place when standard output is a terminal; silent otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.shown = False

    def update(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        filled = int(30 * done / total) if total else 30
        text = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {name}"[:100]
        print_or_drop("\r\033[K" + text, end="")
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            print_or_drop("\r\033[K", end="")
            self.shown = False


# ---- import and reparse -----------------------------------------------------------------------


def _result_json(result: ImportResult) -> str:
    record = {"path": result.path, "status": result.status, "page_id": result.page_id,
              "message": result.message}
    return json.dumps(record, ensure_ascii=False)


def _result_text(result: ImportResult) -> str:
    return f"{result.status:<9}  {result.path}: {result.message}"


def _report(results: list[ImportResult], bar: _ProgressBar, as_json: bool) -> Callable[[ImportResult], None]:
    def on_result(result: ImportResult) -> None:
        results.append(result)
        bar.clear()
        if as_json:
            print_or_drop(_result_json(result))
        elif result.status == "skipped":  # a notice, not a result: it does not change the exit code
            print(f"market-reader: {_result_text(result)}", file=sys.stderr, flush=True)
        else:
            print_or_drop(_result_text(result))

    return on_result


def _summary(results: list[ImportResult]) -> str:
    counts = {s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "failed", "skipped")}
    text = f"{counts['imported']} imported, {counts['duplicate']} already in library, {counts['failed']} failed"
    return text + (f", {counts['skipped']} skipped" if counts["skipped"] else "")


def _import(library: Library, args: argparse.Namespace) -> int:
    bar = _ProgressBar(sys.stdout.isatty() and not args.json)
    results: list[ImportResult] = []
    try:
        library.import_paths(args.paths, progress=bar.update, on_result=_report(results, bar, args.json),
                             workers=max(args.jobs, 1))
    except KeyboardInterrupt:
        bar.clear()
        print(f"interrupted: {_summary(results)}", file=sys.stderr)
        return 130
    bar.clear()
    if not args.json:
        print_or_drop(_summary(results))
    return 1 if any(r.status == "failed" for r in results) else 0


def _reparse(library: Library, args: argparse.Namespace) -> int:
    bar = _ProgressBar(sys.stdout.isatty() and not args.json)
    results = library.reparse(progress=bar.update, outdated_only=args.outdated)
    bar.clear()
    for result in results:
        if args.json:
            print_or_drop(_result_json(result))
        elif result.status == "failed":
            print_or_drop(_result_text(result))
    if not args.json:
        failed = sum(1 for r in results if r.status == "failed")
        print_or_drop(f"{len(results) - failed} pages read again, {failed} failed")
    return 1 if any(r.status == "failed" for r in results) else 0


# ---- reading ----------------------------------------------------------------------------------


def page_json(row: PageRow) -> dict[str, Any]:
    return {
        "id": row.id, "title": row.title, "section": row.section, "published": row.published,
        "saved": row.saved, "quotes_as_of": row.quotes_as_of, "source_url": row.source_url,
        "file_name": row.file_name, "format": row.format, "quote_count": row.quote_count,
        "as_of_estimated": row.as_of_estimated, "imported_at": row.imported_at,
    }


def quote_json(row: QuoteRow) -> dict[str, Any]:
    return {
        "page_id": row.page_id, "as_of": row.as_of, "symbol": row.symbol, "kind": row.kind,
        "price": row.price, "change": row.change, "percent": row.percent, "direction": row.direction,
        "flag": row.flag, "as_of_estimated": row.as_of_estimated,
    }


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _as_of_text(iso: str, estimated: bool) -> str:
    return formatting.datetime_text(iso) + (" (est.)" if estimated else "")


def _pages(library: Library, args: argparse.Namespace) -> int:
    rows = library.pages(sort=args.sort, descending=not args.ascending, search=args.search)
    cells = [[str(r.id), formatting.date_text(r.published), _as_of_text(r.quotes_as_of, r.as_of_estimated),
              f"{r.quote_count:,}", r.section or "", _short(r.title or r.file_name)] for r in rows]
    headers = ["ID", "Published", "Quotes as of", "Quotes", "Section", "Title"]
    _emit([page_json(r) for r in rows], args, lambda: render_table(headers, cells, {0, 3}))
    return 0


def sorted_quotes(rows: list[QuoteRow], sort: str | None) -> list[QuoteRow]:
    """Quotes in the order asked: 'percent', '-percent', 'symbol', ... (a leading '-' = descending)."""
    if not sort:
        return rows
    key = sort.lstrip("-")
    return sorted(rows, key=lambda r: getattr(r, key), reverse=sort.startswith("-"))


def _quotes(library: Library, args: argparse.Namespace) -> int:
    if args.page is not None:
        if library.page(args.page) is None:
            print(f"market-reader: there is no page {args.page} in the library", file=sys.stderr)
            return 1
        rows = library.quotes(args.page)
        if args.kind:
            rows = [r for r in rows if r.kind == args.kind]
    else:
        rows = library.latest_quotes(args.kind, args.since, args.until)
    rows = sorted_quotes(rows, args.sort)
    if args.limit is not None:
        rows = rows[: max(args.limit, 0)]
    cells = [[r.symbol, formatting.price_text(r.price), formatting.change_text(r.change),
              formatting.percent_text(r.percent, r.direction), r.kind, str(r.page_id),
              _as_of_text(r.as_of, r.as_of_estimated)] for r in rows]
    headers = ["Symbol", "Price", "Change", "Percent", "Kind", "Page", "As of"]
    _emit([quote_json(r) for r in rows], args, lambda: render_table(headers, cells, {1, 2, 3, 5}))
    return 0


def _search(library: Library, args: argparse.Namespace) -> int:
    hits: list[SearchHit] = library.search(" ".join(args.query), limit=args.limit)
    rows = [{"id": h.id, "title": h.title, "snippet": h.snippet} for h in hits]
    if not args.json and not args.csv and not hits:
        print("no pages found")
        return 0
    text = "\n\n".join(f"{h.id:>5}  {h.title or ''}\n       {' '.join(h.snippet.split())}" for h in hits)
    _emit(rows, args, lambda: text)
    return 0


def article_text(library: Library, page_id: int) -> str | None:
    """The article of a page as plain text: header lines, summary, paragraphs, related and images."""
    article = library.article(page_id)
    if article is None:
        return None
    page = article.page
    lines = [page.title or page.file_name, "=" * min(len(page.title or page.file_name), 100)]
    for label, value in (("Section", page.section), ("Published", formatting.date_text(page.published)),
                         ("By", article.byline), ("Quotes as of", _as_of_text(page.quotes_as_of,
                                                                              page.as_of_estimated)),
                         ("Source", page.source_url), ("File", page.file_name)):
        if value:
            lines.append(f"{label + ':':<14}{value}")
    lines.append("")
    if article.summary:
        lines += [article.summary, ""]
    by_place: dict[int, list[str]] = {}
    for image in article.images:
        note = f"[image {image.name}: {image.media_type}, {len(image.data):,} bytes{', ' + image.caption if image.caption else ''}]"
        by_place.setdefault(image.after_paragraph, []).append(note)
    for number, paragraph in enumerate(article.paragraphs):
        lines += [*by_place.pop(number, []), paragraph, ""]
    lines += [note for notes in by_place.values() for note in notes]
    lines += [f"Related: {text}" for text in article.related]
    return "\n".join(lines).rstrip() + "\n"


def _show(library: Library, args: argparse.Namespace) -> int:
    text = article_text(library, args.page_id)
    if text is None:
        print(f"market-reader: there is no page {args.page_id} in the library", file=sys.stderr)
        return 1
    if args.json:
        article = library.article(args.page_id)
        record = {**page_json(article.page), "byline": article.byline, "summary": article.summary,
                  "paragraphs": list(article.paragraphs), "related": list(article.related),
                  "images": [{"name": i.name, "media_type": i.media_type, "bytes": len(i.data),
                              "caption": i.caption, "after_paragraph": i.after_paragraph}
                             for i in article.images]}
        print(json.dumps(record, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(text)
    return 0


def _export(library: Library, args: argparse.Namespace) -> int:
    pages = library.pages(descending=False)
    if args.format == "json":
        records = [{**page_json(p), "content_hash": p.content_hash,
                    "quotes": [quote_json(q) for q in library.quotes(p.id)]} for p in pages]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["page_id", "title", "published", "quotes_as_of", "as_of_estimated", "source_url",
                     "file_name", "content_hash", "position", "symbol", "kind", "price", "change", "percent",
                     "direction", "flag"])
    for p in pages:
        for q in library.quotes(p.id):
            writer.writerow([p.id, p.title, p.published, p.quotes_as_of, int(p.as_of_estimated), p.source_url,
                             p.file_name, p.content_hash, q.position, q.symbol, q.kind, q.price, q.change,
                             q.percent, q.direction, q.flag])
    return 0
