"""Starting the window: the QApplication, one window per library, and a dialog for our own bugs."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.gui import dialogs
from desktop.gui.appearance import ThemeSwitch
from desktop.gui.drop_area import app_icon
from desktop.gui.library_location import settle_library
from desktop.gui.main_window import MainWindow
from desktop.gui.settings import Settings
from desktop.gui.single_instance import SingleInstance, instance_key
from desktop.library.records import LibraryError

APP_NAME = "Market Reader"
ORG_NAME = "market-reader"


def ensure_app() -> QApplication:
    """The application object, made once, with the names and icon the desktop shows."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(ORG_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("market-reader")
    app.setWindowIcon(app_icon())
    return app


def create_main_window(library_path: str | Path) -> MainWindow:
    """Build the main window on the library at ``library_path`` (created if missing); not shown yet."""
    ensure_app()
    return MainWindow(Path(library_path))


def run_window(library_path: Path, paths: Sequence[str], ask_before_creating: bool = False) -> int:
    """Open the window, or hand ``paths`` to the window already open on this library and return.

    A library that is missing (when ``ask_before_creating``), cannot be created or cannot be read gets a
    dialog offering Create, Choose Another… and Quit before any window opens.
    """
    app = ensure_app()
    files = [str(Path(p).resolve()) for p in paths]
    instance = SingleInstance(instance_key(library_path))
    if instance.send_to_running(files):
        print("Market Reader is already open on this library; the files were handed to it.")
        return 0
    ThemeSwitch(app).apply(Settings().theme())  # the dialogs below already wear the chosen theme
    settled = settle_library(library_path, ask_before_creating, dialogs.ask_library_action, dialogs.choose_library_path)
    if settled is None:
        return 1
    if settled != library_path:
        instance = SingleInstance(instance_key(settled))
        if instance.send_to_running(files):
            return 0
    instance.listen()
    install_crash_handler()
    try:
        window = create_main_window(settled)
    except LibraryError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    instance.paths_received.connect(window.receive_paths)
    app.aboutToQuit.connect(instance.close)
    window.show()
    if files:
        window.import_paths([Path(p) for p in files])
    return app.exec()


def install_crash_handler() -> None:
    """Our own bugs: log the traceback and tell the user in a dialog, instead of vanishing."""

    def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        sys.stderr.write("".join(traceback.format_exception(kind, value, tb)))
        QMessageBox.critical(None, APP_NAME, f"Something went wrong inside Market Reader:\n\n{value}\n\n"
                             "Your library is safe. Details were written to the terminal.")

    sys.excepthook = handle
