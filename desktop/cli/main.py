"""Command-line front: arguments and printing only; the work happens in `parsing` and the library."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence

from desktop import app_version
from desktop.cli import articles, importing, pages, quotes, reader
from desktop.cli import parse as parse_command
from desktop.cli.output import LIBRARY_HELP

DESCRIPTION = (
    "Market Reader keeps pages of financial news saved from any site (Business Recorder first) in a "
    "local library: the ticker quotes in a sortable grid and chart, the article for offline reading. "
    "With no command (or only file paths) it opens the window and imports the files given."
)


class _Version(argparse.Action):
    """``--version``: the installed version is looked up only when it is asked for."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"{parser.prog} {app_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The full parser: global options and every headless subcommand."""
    parser = argparse.ArgumentParser(prog="market-reader", description=DESCRIPTION)
    parser.add_argument("--version", action=_Version, nargs=0, help="show the program's version and exit")
    add_library_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (parse_command, importing, pages, quotes, reader, articles):
        module.register(sub)
    return parser


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="PATH", help=LIBRARY_HELP)


def build_window_parser() -> argparse.ArgumentParser:
    """Parser for the window form: ``market-reader [--library PATH] [FILE ...]``."""
    parser = argparse.ArgumentParser(prog="market-reader", description=DESCRIPTION)
    add_library_option(parser)
    parser.add_argument("paths", nargs="*", metavar="FILE", help="saved pages or folders to import")
    return parser


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The one parser a run uses (building it costs milliseconds: telling the window from a command and running
    the command share it)."""
    return build_parser()


def subcommand_names() -> set[str]:
    actions = _parser()._actions
    return {name for a in actions if isinstance(a, argparse._SubParsersAction) for name in a.choices}


def first_positional(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--library":
            skip = True
            continue
        if arg.startswith("-") and arg != "-":
            continue
        return arg
    return None


def wants_headless(argv: Sequence[str]) -> bool:
    """True when the arguments name a subcommand or ask for --help / --version."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return True
    return first_positional(argv) in subcommand_names()


def _tolerant_output() -> None:
    """Text that cannot be encoded (a file name with undecodable bytes) is escaped, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def run_command(argv: Sequence[str]) -> int:
    _tolerant_output()
    parser = _parser()
    args = parser.parse_args(list(argv))
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args))
    except BrokenPipeError:
        sys.stderr.close()
        return 0
