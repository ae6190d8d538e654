"""Find in the article: every match highlighted, the current one stronger, its number and the count beside the box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from desktop.gui.theme import market_colors

MAX_MATCHES = 5_000  # more are counted as "5,000+" and not highlighted one by one
MAX_NEEDLE = 200  # characters of the search text that are used


class TextFinder:
    """Finds text in a QTextEdit's document and shows the matches as extra selections (the text is not selected)."""

    def __init__(self, editor: QTextEdit) -> None:
        self._editor = editor
        self._needle = ""
        self._matches: list[QTextCursor] = []
        self._current = -1
        self._more = False

    def search(self, needle: str) -> int:
        """Find every match of ``needle`` (ignoring case); the first one at or after the view's top is current."""
        self._needle = needle[:MAX_NEEDLE]
        self._matches, self._current, self._more = [], -1, False
        document = self._editor.document()
        if self._needle.strip():
            cursor = document.find(self._needle, 0)
            while not cursor.isNull() and len(self._matches) < MAX_MATCHES:
                self._matches.append(cursor)
                cursor = document.find(self._needle, cursor)
            self._more = not cursor.isNull()
        if self._matches:
            top = self._editor.cursorForPosition(self._editor.viewport().rect().topLeft()).position()
            self._current = next((i for i, m in enumerate(self._matches) if m.selectionStart() >= top), 0)
        self._show()
        return len(self._matches)

    def refresh(self) -> int:
        """Search again (the document changed: another article, or the same one laid out anew)."""
        return self.search(self._needle)

    def step(self, forward: bool = True) -> int:
        """Make the next (previous) match current, wrapping around; returns its index or -1."""
        if not self._matches:
            return -1
        self._current = (self._current + (1 if forward else -1)) % len(self._matches)
        self._show()
        return self._current

    def clear(self) -> None:
        self._needle, self._matches, self._current = "", [], -1
        self._editor.setExtraSelections([])

    def count(self) -> int:
        return len(self._matches)

    def current(self) -> int:
        return self._current

    def status(self) -> str:
        """ "3 of 12", "No matches", or "" when nothing is sought."""
        if not self._needle.strip():
            return ""
        if not self._matches:
            return "No matches"
        total = f"{len(self._matches):,}" + ("+" if self._more else "")
        return f"{self._current + 1:,} of {total}"

    def _show(self) -> None:
        colors = market_colors(self._editor.palette())
        selections = []
        for index, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            text_format = QTextCharFormat()
            if index == self._current:
                text_format.setBackground(colors.find_current)
                text_format.setForeground(colors.find_current_text)
            else:
                text_format.setBackground(colors.find_match)
                text_format.setForeground(colors.foreground)
            selection.format = text_format
            selections.append(selection)
        self._editor.setExtraSelections(selections)
        if 0 <= self._current < len(self._matches):
            self._scroll_to(self._matches[self._current])

    def _scroll_to(self, match: QTextCursor) -> None:
        rect = self._editor.cursorRect(_at(match.document(), match.selectionStart()))
        viewport = self._editor.viewport().rect()
        if rect.top() < 0 or rect.bottom() > viewport.height():
            bar = self._editor.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - viewport.height() // 3)


def _at(document: QTextDocument, position: int) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    return cursor


class FindBar(QWidget):
    """The box under the article: type to find, Enter / F3 for the next match, Shift+Enter / Shift+F3 back, Esc closes."""

    closed = Signal()

    def __init__(self, finder: TextFinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.finder = finder
        self.box = QLineEdit()
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText("Find in article")
        self.box.setClearButtonEnabled(True)
        self.box.setAcceptDrops(False)
        self.box.textChanged.connect(self._on_text_changed)
        self.box.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("5,000 of 5,000+") + 8)
        previous = self._button("▲", "Previous match (Shift+F3)", lambda: self.step(False))
        following = self._button("▼", "Next match (F3)", lambda: self.step(True))
        close = self._button("✕", "Close (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count_label)
        for button in (previous, following, close):
            layout.addWidget(button)
        self.hide()

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the box back to the article
        button.clicked.connect(slot)
        return button

    def open_bar(self) -> None:
        """Show the bar with the focus in the box, its text selected (Ctrl+F again searches anew)."""
        self.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        if self.box.text():
            self._on_text_changed(self.box.text())

    def close_bar(self) -> None:
        self.finder.clear()
        self.hide()
        self.closed.emit()

    def step(self, forward: bool) -> None:
        if self.isHidden():
            self.open_bar()
            return
        self.finder.step(forward)
        self.count_label.setText(self.finder.status())

    def refresh(self) -> None:
        """The article changed: find the same text in it."""
        if not self.isHidden():
            self.finder.refresh()
            self.count_label.setText(self.finder.status())

    def _on_text_changed(self, text: str) -> None:
        self.finder.search(text)
        self.count_label.setText(self.finder.status())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return False
