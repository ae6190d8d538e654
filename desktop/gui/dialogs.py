"""Small wrappers around standard dialogs, so tests can replace them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFontDatabase
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
from desktop.gui.file_dialogs import FileDialog

if TYPE_CHECKING:
    from desktop.gui.library_location import Choice, LibraryProblem

LIBRARY_FILTER = "Market Reader libraries (*.db);;All files (*)"


def downloads_folder() -> Path:
    """Where a browser saves pages: the user's downloads folder when there is one, else the home folder."""
    downloads = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return Path(downloads) if downloads and Path(downloads).is_dir() else Path.home()


def ask_open_paths(parent: QWidget, start: Path | None = None) -> list[Path]:
    dialog = FileDialog(parent, "Open saved pages", str(start or ""), messages.FILES_FILTER)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return [Path(f) for f in dialog.chosen()]


def ask_folder(parent: QWidget, start: Path | None = None) -> Path | None:
    dialog = FileDialog(parent, "Import a folder of saved pages", str(start or ""))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    folders = dialog.chosen()
    return Path(folders[0]) if folders else None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str,
                  confirm_overwrite: bool = True) -> Path | None:
    dialog = FileDialog(parent, title, suggested, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    paths = dialog.chosen()
    return Path(paths[0]) if paths else None


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


def ask_library_action(problem: LibraryProblem) -> Choice:
    """Create / Choose Another… / Quit for a library the window cannot open as it is."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Market Reader", problem.message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        "Create an empty library there, choose another library file, or quit."
        if problem.can_create else "Choose another library file, or quit."
    )
    create = box.addButton("Create Library", QMessageBox.ButtonRole.AcceptRole) if problem.can_create else None
    choose = box.addButton("Choose Another…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(create or choose)
    box.exec()
    clicked = box.clickedButton()
    return "create" if create is not None and clicked is create else "choose" if clicked is choose else "quit"


def choose_library_path(start: Path) -> Path | None:
    """An existing library file, or the name of a new one, picked in a file dialog."""
    return ask_save_path(None, "Choose a library", str(start / "library.db"), LIBRARY_FILTER, confirm_overwrite=False)


def show_report(parent: QWidget, title: str, text: str, columns: bool = False) -> QDialog:
    """A non-modal window of plain text that can be read, selected and copied (``columns``: a fixed-pitch font)."""
    dialog = QDialog(parent)
    dialog.setObjectName("reportDialog")
    dialog.setWindowTitle(title)
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    # prose wraps (a long message is read whole, without scrolling sideways); columns keep their lines
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap if columns else QPlainTextEdit.LineWrapMode.WidgetWidth)
    if columns:
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    screen = parent.screen().availableGeometry().height() if parent is not None else 600
    wanted = (text.count("\n") + 2) * view.fontMetrics().lineSpacing() + 100  # the lines, the button, margins
    dialog.resize(720, max(420, min(wanted, screen * 4 // 5)))
    dialog.show()
    view.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows and Page Down scroll the text; Esc still closes
    return dialog


def show_error(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
