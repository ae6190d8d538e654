"""What every command shares: adding a subcommand on the library, tables, JSON/CSV output, progress."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.library.paths import chosen_library_path, resolve_library_path
from desktop.library.records import LibraryError

if TYPE_CHECKING:
    from desktop.library import Library

Handler = Callable[["Library", argparse.Namespace], int]
LIBRARY_HELP = "library file to use (default: $MARKET_READER_LIBRARY, else the user data folder)"


def add_command(sub: argparse._SubParsersAction, name: str, handler: Handler, help_text: str, description: str,
                writes: bool = False) -> argparse.ArgumentParser:
    """A subcommand on the library; one that only reads (``writes`` False) also works on read-only storage."""
    parser = sub.add_parser(name, help=help_text, description=description)
    parser.set_defaults(func=lambda args: with_library(args, handler, read_only_fallback=not writes))
    # also accepted after the command (`pages --library X`); SUPPRESS keeps a value given before it
    parser.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS, help=LIBRARY_HELP)
    return parser


def add_output(parser: argparse.ArgumentParser) -> None:
    """--json and --csv, one or the other."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print a JSON array")
    group.add_argument("--csv", action="store_true", help="print CSV with a header row")


def accept_dash_values(parser: argparse.ArgumentParser, values: Sequence[str]) -> None:
    """Let ``--sort -percent`` work: argparse would read ``-percent`` as an unknown option.

    argparse treats an argument that looks like a negative number as a value; widen that test to
    the descending sort names (call after every option of ``parser`` has been added).
    """
    names = "|".join(re.escape(v) for v in values if v.startswith("-"))
    parser._negative_number_matcher = re.compile(rf"^-\d+$|^-\d*\.\d+$|^(?:{names})$")


def iso_day(text: str) -> str:
    """An argument that must be a day, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-01-13") from None


def with_library(args: argparse.Namespace, handler: Handler, read_only_fallback: bool = False) -> int:
    """Open the library for one command; problems with the file become one line on stderr.

    A command that only reads (``read_only_fallback``) never creates a library: a mistyped path is said to be one
    rather than answered from a new, empty file.
    """
    path, _named = chosen_library_path(args.library)
    if read_only_fallback and not path.exists():
        print(f"market-reader: there is no library at {path} yet; `market-reader import FILE...` creates it",
              file=sys.stderr)
        return 2
    # the database layer is loaded only for a command on the library (`parse` never needs it)
    from desktop.library.library import Library

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


def complain(message: str) -> int:
    """A one-line message on stderr for a request that cannot be met; the exit status 1."""
    print(f"market-reader: {message}", file=sys.stderr)
    return 1


def emit(rows: list[dict[str, Any]], args: argparse.Namespace, table: Callable[[], str]) -> None:
    """Rows as a JSON array, CSV with a header, or the aligned table ``table()`` builds."""
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
        padded = (c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_or_drop(text: str, end: str = "\n") -> None:
    """Print a line; if standard output has been closed (``import | head``), send the rest to the null
    device so the work in progress still finishes (an import must not stop half-way for a closed pipe)."""
    try:
        print(text, end=end, flush=True)
    except BrokenPipeError:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


class ProgressBar:
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
