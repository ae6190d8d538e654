"""`market-reader parse`: print what the parser finds in saved files."""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial

import parsing
from desktop.library.reading import parse_guarded
from desktop.library.records import ImportResult
from parsing import Page


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``parse`` subcommand."""
    parser = sub.add_parser(
        "parse",
        help="show the quotes and article the parser finds in saved pages (nothing is imported)",
        description="Read saved pages (HTML, MHTML or text copies) and print their quotes and article.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="saved page files")
    parser.add_argument("--json", action="store_true", help="one JSON object per line per file")
    parser.set_defaults(func=run_parse)


def run_parse(args: argparse.Namespace) -> int:
    """Exit status 0 when every file parsed, 1 when some did not."""
    ascii_only = (sys.stdout.encoding or "").lower().replace("-", "").replace("_", "") != "utf8"
    if ascii_only and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # readable output on a non-UTF-8 terminal
    failures = 0
    for path in args.paths:
        page = parse_guarded(partial(parsing.parse_file, path), path)
        if isinstance(page, ImportResult):
            failures += 1
            _print_error(path, page.message, args.json, ascii_only)
            continue
        if args.json:
            record = {"path": path, "ok": True, "page": page.to_json()}
            print(json.dumps(record, ensure_ascii=ascii_only), flush=True)
        else:
            print(summary_text(path, page), flush=True)
    return 1 if failures else 0


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
    return "\n".join(lines) + "\n"
