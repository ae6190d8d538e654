"""Small wrappers around standard dialogs, so tests can replace them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import messages


def ask_open_paths(parent: QWidget) -> list[Path]:
    files, _filter = QFileDialog.getOpenFileNames(parent, "Open saved pages", "", messages.FILES_FILTER)
    return [Path(f) for f in files]


def ask_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder of saved pages")
    return Path(folder) if folder else None


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(path) if path else None


def confirm_delete(parent: QWidget, titles: Sequence[str]) -> bool:
    if len(titles) == 1:
        text = f"Remove “{titles[0]}” from the library?"
    else:
        text = f"Remove {len(titles)} pages from the library?"
    box = QMessageBox(QMessageBox.Icon.Question, "Delete page", text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles come from saved pages: never markup
    box.setInformativeText("Its quotes, article and images are deleted; the saved file is not touched.")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_failures(parent: QWidget, lines: Sequence[str]) -> QDialog:
    """A non-modal list of files that could not be imported, with the reason for each."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Files that could not be imported")
    text = QPlainTextEdit("\n".join(lines))
    text.setReadOnly(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(640, 320)
    dialog.show()
    return dialog


def show_error(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
