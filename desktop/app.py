"""Application start-up: the QApplication, the main window, and the `market-reader` entry point."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import cli
from desktop.library.paths import resolve_library_path

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
    app.setDesktopFileName("market-reader")
    from desktop.gui.drop_area import app_icon

    app.setWindowIcon(app_icon())
    return app


def create_main_window(library_path: str | Path) -> object:
    """Build the main window on the library at ``library_path`` (created if missing); not shown yet."""
    _ensure_app()
    from desktop.gui.main_window import MainWindow

    return MainWindow(Path(library_path))


def run_window(library_path: Path, paths: Sequence[str]) -> int:
    """Open the window, or hand ``paths`` to the window already open on this library and return."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.gui.single_instance import SingleInstance, instance_key
    from desktop.library.records import LibraryError

    app = _ensure_app()
    files = [str(Path(p).resolve()) for p in paths]
    instance = SingleInstance(instance_key(library_path))
    if instance.send_to_running(files):
        print("Market Reader is already open on this library; the files were handed to it.")
        return 0
    instance.listen()
    _install_crash_handler()
    try:
        window = create_main_window(library_path)
    except LibraryError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    instance.paths_received.connect(window.receive_paths)
    app.aboutToQuit.connect(instance.close)
    window.show()
    if files:
        window.import_paths([Path(p) for p in files])
    return app.exec()


def _install_crash_handler() -> None:
    """Our own bugs: log the traceback and tell the user in a dialog, instead of vanishing."""
    import traceback

    from PySide6.QtWidgets import QMessageBox

    def handle(kind: type[BaseException], value: BaseException, tb: object) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))  # type: ignore[arg-type]
        sys.stderr.write(text)
        QMessageBox.critical(None, APP_NAME, f"Something went wrong inside Market Reader:\n\n{value}\n\n"
                             "Your library is safe. Details were written to the terminal.")

    sys.excepthook = handle


def main(argv: Sequence[str] | None = None) -> int:
    """The ``market-reader`` command: a subcommand runs headless, anything else opens the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if cli.wants_headless(args):
        return cli.run_command(args)
    from desktop.library.records import LibraryError

    options = cli.build_window_parser().parse_args(args)
    try:
        library_path = resolve_library_path(options.library)
    except LibraryError as error:
        print(f"market-reader: {error.message}", file=sys.stderr)
        return 2
    return run_window(library_path, options.paths)
