"""File dialogs that never open the files they list.

Qt's file dialog tells a file's icon and type by reading its first bytes. Opening and closing a file drops
every POSIX lock this process holds on it, so listing the folder that holds the library (or its -wal and
-shm files) would silently release SQLite's locks: another process (``market-reader import``) could then
take the library for itself, remove its write-ahead log, and leave the window's connection reading a
file that is no longer what it thinks ("not a readable SQLite database"). These dialogs tell icons and
types by the name alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name (its extension), never from its content."""

    def __init__(self) -> None:
        super().__init__()
        self._mimes = QMimeDatabase()

    def _mime_by_name(self, info: QFileInfo) -> Any:
        return self._mimes.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)

    def icon(self, what: Any) -> QIcon:
        if isinstance(what, QFileInfo) and not what.isDir():
            plain = super().icon(QFileIconProvider.IconType.File)
            mime = self._mime_by_name(what)
            return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), plain))
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return super().type(info)
        return str(self._mime_by_name(info).comment())


class FileDialog(QFileDialog):
    """A file dialog (its mode still to be set) that lists folders without opening their files."""

    def __init__(self, parent: QWidget | None, title: str, start: str, file_filter: str = "") -> None:
        super().__init__(parent, title, start, file_filter)
        self._icons = NameOnlyIconProvider()  # the dialog does not own its provider: kept as long as the dialog
        self.setIconProvider(self._icons)

    def chosen(self) -> list[str]:
        """Run the dialog; the files or folder chosen (none when cancelled)."""
        return self.selectedFiles() if self.exec() == QFileDialog.DialogCode.Accepted else []
