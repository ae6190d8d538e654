"""Editing tags: a page's tags with completion from the library's, and the Tags dialog (rename or remove everywhere)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.library.state import TagCount


def split_tags(text: str) -> list[str]:
    """Comma-separated tags as typed; blanks dropped, order and first spelling kept."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


class TagLine(QLineEdit):
    """Comma-separated tags; the word being typed completes from the library's tags."""

    def __init__(self, known: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagLine")
        self.setPlaceholderText("Tags, separated by commas")
        self._completer = QCompleter(QStringListModel(list(known), self), self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    def completer_model(self) -> QStringListModel:
        model = self._completer.model()
        assert isinstance(model, QStringListModel)
        return model

    def current_word(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _complete(self, _text: str) -> None:
        word = self.current_word()
        if word:
            self._completer.setCompletionPrefix(word)
        if word and self._completer.completionCount() > 0:
            self._completer.complete()
        elif (popup := self._completer.popup()) is not None:
            popup.hide()

    def _insert(self, tag: str) -> None:
        """Replace the word being typed with the chosen tag and start the next one."""
        before = self.text()[: self.cursorPosition()]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        self.setText(head + tag + ", " + self.text()[self.cursorPosition():].lstrip(", "))


def ask_page_tags(parent: QWidget, title: str, current: Sequence[str], known: Sequence[str]) -> list[str] | None:
    """The tags the user gives the page (None if cancelled)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Edit tags")
    label = QLabel(f"Tags for “{title}”:")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    line = TagLine(known)
    line.setText(", ".join(current))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in (label, line, buttons):
        layout.addWidget(widget)
    dialog.resize(420, dialog.sizeHint().height())
    return split_tags(line.text()) if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_new_name(parent: QWidget, old: str) -> str | None:
    name, ok = QInputDialog.getText(parent, "Rename tag", f"New name for the tag “{old}” on every page:", text=old)
    name = " ".join(name.split())
    return name if ok and name and name != old else None


def confirm_tag_removal(parent: QWidget, tag: TagCount) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Remove tag",
                      f"Remove the tag “{tag.name}” from {tag.pages} {'page' if tag.pages == 1 else 'pages'}?",
                      parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class TagsDialog(QDialog):
    """Every tag with its number of pages; rename or remove one on every page at once."""

    rename_requested = Signal(str, str)
    remove_requested = Signal(str)

    def __init__(self, tags: Sequence[TagCount], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        self.setWindowTitle("Tags")
        self.list = QListWidget()
        self.rename_button = QPushButton("&Rename…")
        self.remove_button = QPushButton("Re&move")
        self.rename_button.clicked.connect(self._rename)
        self.remove_button.clicked.connect(self._remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        side = QVBoxLayout()
        side.addWidget(self.rename_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.set_tags(tags)
        self.resize(380, 320)

    def set_tags(self, tags: Sequence[TagCount]) -> None:
        self._tags = list(tags)
        self.list.clear()
        for tag in self._tags:
            item = QListWidgetItem(f"{tag.name}  ({tag.pages})")
            item.setData(Qt.ItemDataRole.UserRole, tag.name)
            self.list.addItem(item)
        if not self._tags:
            self.list.addItem(QListWidgetItem("No tags yet: tag a page with Edit ▸ Edit Tags…"))
        self._enable()

    def _enable(self) -> None:
        chosen = self.chosen() is not None
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def chosen(self) -> TagCount | None:
        row = self.list.currentRow()
        return self._tags[row] if 0 <= row < len(self._tags) else None

    def _rename(self) -> None:
        tag = self.chosen()
        new = ask_new_name(self, tag.name) if tag is not None else None
        if tag is not None and new:
            self.rename_requested.emit(tag.name, new)

    def _remove(self) -> None:
        tag = self.chosen()
        if tag is not None and confirm_tag_removal(self, tag):
            self.remove_requested.emit(tag.name)
