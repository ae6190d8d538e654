"""Library subcommands: import, pages, quotes, search, show, export, reparse."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the library subcommands (filled in with the library)."""
