"""`market-reader parse`: print what the parser finds in saved files."""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

import parsing
from desktop.library.reading import parse_guarded, parse_problem
from desktop.library.records import ImportResult
from parsing import Page, Part


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``parse`` subcommand."""
    parser = sub.add_parser(
        "parse",
        help="show the quotes and article the parser finds in saved pages (nothing is imported)",
        description="Read saved pages and print their quotes and article: HTML (with its companion folder), "
                    "MHTML, text copies, Safari web archives, SingleFile pages, PDFs printed by a browser, and "
                    "zips, WARC and WACZ files, which may hold several pages. A page inside a file is named by "
                    "the file's path, '#', and the page's member path in a zip or its number in a WARC or WACZ "
                    "('crawl.warc.gz#2').",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="saved page files")
    parser.add_argument("--json", action="store_true", help="one JSON object per line per page")
    parser.set_defaults(func=run_parse)


def run_parse(args: argparse.Namespace) -> int:
    """Exit status 0 when every file parsed, 1 when some did not."""
    ascii_only = (sys.stdout.encoding or "").lower().replace("-", "").replace("_", "") != "utf8"
    if ascii_only and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # readable output on a non-UTF-8 terminal
    failures = 0
    for path in args.paths:
        parts = _parts(path)
        if isinstance(parts, str):
            failures += 1
            _print_error(path, parts, args.json, ascii_only)
            continue
        for part in parts:
            shown = f"{path}#{part.name}" if part.name else path
            page = parse_guarded(partial(parsing.parse_part, part), shown)
            if isinstance(page, ImportResult):
                failures += 1
                _print_error(shown, page.message, args.json, ascii_only)
            elif args.json:
                record = {"path": shown, "ok": True, "page": page.to_json()}
                print(json.dumps(record, ensure_ascii=ascii_only), flush=True)
            else:
                print(summary_text(shown, page), flush=True)
    return 1 if failures else 0


def _parts(path: str) -> list[Part] | str:
    """The pages of a saved file, or why it cannot be read."""
    try:
        return parsing.read_parts(parsing.read_path(path), Path(path).name, Path(path))
    except Exception as error:  # every file gets its line, whatever happened to the one before
        return parse_problem(error, path)


def _print_error(path: str, message: str, as_json: bool, ascii_only: bool) -> None:
    if as_json:
        print(json.dumps({"path": path, "ok": False, "error": message}, ensure_ascii=ascii_only), flush=True)
    else:
        print(f"{path}: cannot read: {message}\n", flush=True)


def summary_text(path: str, page: Page) -> str:
    """A readable account of one parsed page."""
    lines = [f"{path}  ({page.format}, {page.encoding})"]
    for label, value in (
        ("Title", page.title), ("Section", page.section), ("Published", page.published),
        ("Saved", page.saved), ("Byline", page.byline), ("Source", page.source_url), ("Summary", page.summary),
    ):
        if value:
            lines.append(f"  {label + ':':<11}{value}")
    flagged = sum(1 for q in page.quotes if q.flag)
    lines.append(f"  Quotes:    {len(page.quotes)}" + (f" ({flagged} flagged)" if flagged else ""))
    for q in page.quotes:
        mark = f"  ! {q.flag}" if q.flag else ""
        computed = " (percent computed)" if q.percent_computed else ""
        volume = f"  vol {q.volume:,}" if q.volume is not None else ""
        lines.append(
            f"    {q.symbol:<10} {q.price:>12,.2f} {q.change:>+10.2f} {q.percent:>+7.2f}%  {q.direction:<9} {q.kind}"
            f"{volume}{computed}{mark}"
        )
    lines.append(f"  Paragraphs: {len(page.paragraphs)}")
    for text in page.paragraphs[:3]:
        lines.append(f"    {text[:100]}{'…' if len(text) > 100 else ''}")
    for text in page.related:
        lines.append(f"  Related:   {text}")
    for image in page.images:
        lines.append(f"  Image:     {image.name} {image.media_type} {len(image.data):,} bytes  {image.caption or ''}")
    for note in page.notes:
        lines.append(f"  Note:      {note}")
    return "\n".join(lines) + "\n"
