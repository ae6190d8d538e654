"""The `market-reader` entry point: a subcommand runs headless, anything else opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import cli
from desktop.library.paths import chosen_library_path

if TYPE_CHECKING:  # the command line never loads Qt
    from desktop.gui.main_window import MainWindow


def create_main_window(library_path: str | Path) -> MainWindow:
    """Build the main window on the library at ``library_path`` (created if missing); not shown yet."""
    from desktop.gui.app import create_main_window as create

    return create(library_path)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``market-reader`` command: a subcommand runs headless, anything else opens the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if cli.wants_headless(args):
        return cli.run_command(args)
    options = cli.build_window_parser().parse_args(args)
    library_path, named = chosen_library_path(options.library)  # the window asks before creating a named one
    from desktop.gui.app import run_window

    return run_window(library_path, options.paths, ask_before_creating=named)
