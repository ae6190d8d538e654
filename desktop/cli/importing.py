"""`import` and `reparse`: bringing pages into the library, and reading stored originals again."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.cli.output import ProgressBar, add_command, print_or_drop
from desktop.library.formatting import plural
from desktop.library.records import ImportResult
from desktop.library.report import import_summary

if TYPE_CHECKING:
    from desktop.library import Library

# Parsing takes about 2 ms of a 200 KB page, and starting parsing processes costs about a second: on two
# cores 400 pages imported in 1.96 s in one process and 3.02 s with two; 1,000 pages on an idle machine in
# 4.85 s and 3.30 s. One process is the default; -j 2 pays off for large folders on an idle machine.
DEFAULT_JOBS = 1


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "import", run_import, "import saved pages (files or folders) into the library",
                    "Import saved pages into the library; folders are searched recursively, and every file is "
                    "told by its content: HTML, MHTML, text copies (.txt), Safari web archives, SingleFile "
                    "pages, browser-printed PDFs, and zips, WARC and WACZ files (each page inside is imported). "
                    "Files that are not saved pages are reported as ignored. Exits with 1 if any page could not "
                    "be imported.",
                    writes=True)
    p.add_argument("paths", nargs="+", metavar="PATH", help="saved page files or folders")
    p.add_argument("--json", action="store_true", help="one JSON object per line per page or file")
    p.add_argument("-j", "--jobs", type=int, default=DEFAULT_JOBS, metavar="N",
                   help=f"processes that read and parse files while this one writes (default {DEFAULT_JOBS}: "
                        "read and parse here; 2 or more pay off for large folders)")

    p = add_command(sub, "reparse", run_reparse, "read every stored page again with this version's parser",
                    "Read the original of every stored page again with the current parser (the original files "
                    "are not needed). Exits with 1 if any page could not be read.", writes=True)
    p.add_argument("--outdated", action="store_true", help="only pages read by an older parser")
    p.add_argument("--json", action="store_true", help="one JSON object per line per page")

    add_command(sub, "compact", run_compact, "store every original as small as it goes, then shrink the file",
                "Compress every stored original densely with the library's compression dictionary (20-30 ms a "
                "page, on every core; the window does this for pages it imported while idle), merge the full-text "
                "index, then give the freed space back to the disk. Every original stays byte for byte.",
                writes=True)


def result_json(result: ImportResult) -> str:
    record = {"path": result.path, "status": result.status, "page_id": result.page_id,
              "message": result.message}
    return json.dumps(record, ensure_ascii=False)


def result_text(result: ImportResult) -> str:
    return f"{result.status:<9}  {result.path}: {result.message}"


def _reporter(results: list[ImportResult], bar: ProgressBar, as_json: bool) -> Callable[[ImportResult], None]:
    def on_result(result: ImportResult) -> None:
        results.append(result)
        bar.clear()
        if as_json:
            print_or_drop(result_json(result))
        elif result.status in ("skipped", "ignored"):  # a notice, not a result: the exit code stays
            print(f"market-reader: {result_text(result)}", file=sys.stderr, flush=True)
        else:
            print_or_drop(result_text(result))

    return on_result


def run_import(library: Library, args: argparse.Namespace) -> int:
    bar = ProgressBar(sys.stdout.isatty() and not args.json)
    results: list[ImportResult] = []
    try:
        library.import_paths(args.paths, progress=bar.update, on_result=_reporter(results, bar, args.json),
                             workers=max(args.jobs, 1))
    except KeyboardInterrupt:
        bar.clear()
        print(f"interrupted: {import_summary(results)}", file=sys.stderr)
        return 130
    bar.clear()
    if not args.json:
        print_or_drop(import_summary(results))
    return 1 if any(r.status == "failed" for r in results) else 0


def run_compact(library: Library, _args: argparse.Namespace) -> int:
    bar = ProgressBar(sys.stdout.isatty())
    before = library.path.stat().st_size
    changed = library.compact(progress=lambda done, total: bar.update(done, total, "compressing originals"))
    bar.clear()
    after = library.path.stat().st_size
    print_or_drop(f"{plural(changed, 'original')} compressed again; library {before / 1e6:,.1f} MB -> {after / 1e6:,.1f} MB")
    return 0


def run_reparse(library: Library, args: argparse.Namespace) -> int:
    bar = ProgressBar(sys.stdout.isatty() and not args.json)
    results = library.reparse(progress=bar.update, outdated_only=args.outdated)
    bar.clear()
    for result in results:
        if args.json:
            print_or_drop(result_json(result))
        elif result.status == "failed":
            print_or_drop(result_text(result))
    if not args.json:
        failed = sum(1 for r in results if r.status == "failed")
        print_or_drop(f"{plural(len(results) - failed, 'page')} read again, {failed} failed")
    return 1 if any(r.status == "failed" for r in results) else 0
