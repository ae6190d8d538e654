"""Application start-up: the QApplication, the main window, and the `market-reader` entry point."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import cli
from desktop.paths import resolve_library_path

APP_NAME = "Market Reader"
ORG_NAME = "market-reader"


def _ensure_app() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(ORG_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def create_main_window(library_path: str | Path) -> object:
    """Build the main window on the library at ``library_path`` (created if missing); not shown yet."""
    _ensure_app()
    from desktop.main_window import MainWindow

    return MainWindow(Path(library_path))


def run_window(library_path: Path, paths: Sequence[str]) -> int:
    app = _ensure_app()
    window = create_main_window(library_path)
    window.show()
    if paths:
        window.import_paths([Path(p) for p in paths])
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    """The ``market-reader`` command: a subcommand runs headless, anything else opens the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if cli.wants_headless(args):
        return cli.run_command(args)
    options = cli.build_window_parser().parse_args(args)
    return run_window(resolve_library_path(options.library), options.paths)
