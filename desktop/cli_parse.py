"""`market-reader parse`: print what the parser finds in saved files."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``parse`` subcommand (filled in with the parser)."""
