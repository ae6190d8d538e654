"""Writing exports from the window: a file name suggested in a sensible folder, errors said in words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QImage, QImageWriter
from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.gui import dialogs, messages
from desktop.gui.settings import Settings
from desktop.library import Library
from desktop.library.compare import SymbolMove
from desktop.library.export import write_comparison, write_quotes
from desktop.library.records import PageRow, QuoteRow


def default_folder() -> Path:
    """The user's documents folder when there is one, else the home folder (never the app's working folder)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class Exporter:
    """Asks where to save (starting in the last export's folder) and reports the outcome in the status bar."""

    def __init__(self, parent: QWidget, settings: Settings, status: QStatusBar) -> None:
        self._parent, self._settings, self._status = parent, settings, status

    def ask(self, title: str, name: str, file_filter: str) -> Path | None:
        folder = self._settings.export_folder() or default_folder()
        target = dialogs.ask_save_path(self._parent, title, str(folder / name), file_filter)
        if target is not None:
            self._settings.set_export_folder(target.parent)
        return target

    def write(self, target: Path, write: Callable[[], None], what: str) -> bool:
        try:
            write()
        except OSError as exc:
            dialogs.show_error(self._parent, "Export failed", f"{target}: {exc.strerror or exc}")
            return False
        self._status.showMessage(f"Exported {what} to {target}", 8000)
        return True

    def quotes(self, library: Library, quotes: Sequence[QuoteRow]) -> None:
        """CSV or JSON of ``quotes`` with each one's page, source URL and file hash."""
        if not quotes:
            self._status.showMessage("There are no quotes to export.", 5000)
            return
        target = self.ask("Export quotes", "quotes.csv", messages.EXPORT_FILTER)
        if target is None:
            return
        pages = {page_id: library.page(page_id) for page_id in {q.page_id for q in quotes}}
        self.write(target, partial(write_quotes, target, quotes, pages), messages.plural(len(quotes), "quote"))

    def comparison(self, moves: Sequence[SymbolMove], page_a: PageRow, page_b: PageRow) -> None:
        target = self.ask("Export comparison", "comparison.csv", messages.EXPORT_FILTER)
        if target is not None:
            write = partial(write_comparison, target, moves, page_a, page_b)
            self.write(target, write, messages.plural(len(moves), "symbol"))

    def save_image(self, image: QImage, title: str = "Export chart", name: str = "chart.png") -> bool:
        target = self.ask(title, name, "PNG images (*.png)")
        if target is None:
            return False
        writer = QImageWriter(str(target), b"png")
        if image.isNull() or not writer.write(image):
            reason = "there is nothing to draw" if image.isNull() else writer.errorString().lower()
            dialogs.show_error(self._parent, "Export failed", f"{target}: the image could not be written ({reason}).")
            return False
        self._status.showMessage(f"Chart saved to {target}", 8000)
        return True
