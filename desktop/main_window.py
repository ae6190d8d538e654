"""The main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    def __init__(self, library_path: Path) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Market Reader")
        self._library_path = library_path
        placeholder = QLabel("Drop saved pages here")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)
        self.resize(1200, 760)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders into the library (arrives with the import worker)."""
