"""The command line: arguments and printing only; the work happens in `parsing` and the library."""

from desktop.cli.main import build_parser, build_window_parser, run_command, subcommand_names, wants_headless

__all__ = ["build_parser", "build_window_parser", "run_command", "subcommand_names", "wants_headless"]
