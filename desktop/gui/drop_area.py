"""The empty-library panel and the highlight shown while files are dragged over the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.gui import messages
from desktop.library.records import PageData
from resources import resource_path

MAX_DROPPED_TEXT = 20_000_000  # bytes of HTML/text accepted from a drag without a file


class EmptyState(QWidget):
    """"Drop saved pages here", a hint, a button that opens saved pages (for those who do not drag files), and
    one that imports the bundled sample page."""

    sample_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel(messages.DROP_HERE)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(messages.DROP_HINT)
        hint.setWordWrap(True)
        hint.setFixedWidth(min(520, hint.fontMetrics().horizontalAdvance("m") * 46))
        hint.setMinimumHeight(hint.heightForWidth(hint.width()))  # centred word-wrapped labels get no height otherwise
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo = QLabel()
        icon = app_icon()
        if not icon.isNull():
            logo.setPixmap(icon.pixmap(96, 96))
        self.sample_button = QPushButton(messages.SAMPLE_BUTTON)
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.clicked.connect(self.sample_requested)
        self.open_button = QPushButton(messages.OPEN_BUTTON)
        self.open_button.setObjectName("openButton")
        self.open_button.setToolTip("File ▸ Open… (Ctrl+O); File ▸ Import Folder… (Ctrl+Shift+O) takes a whole folder")
        self.open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (logo, title, hint):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.setAlignment(buttons, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Mid), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(24, 24, -24, -24), 16, 16)
        super().paintEvent(event)


class DropOverlay(QWidget):
    """A translucent highlight over the whole window while something droppable hovers over it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dropOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlpha(40)
        painter.fillRect(self.rect(), fill)
        painter.setPen(QPen(accent, 3, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(self.rect().adjusted(8, 8, -8, -8), 12, 12)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Drop to import into the library")


def app_icon() -> QIcon:
    """The application icon in every size shipped (empty when the icons are missing)."""
    icon = QIcon()
    for png in sorted(resource_path("icons").glob("market-reader-*.png")):
        icon.addFile(str(png))
    return icon


def can_import(mime: QMimeData) -> bool:
    return bool(local_paths(mime)) or mime.hasHtml() or mime.hasText()


def local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def dropped_content(mime: QMimeData) -> PageData | None:
    """HTML or text dragged from a browser selection, as a page to import."""
    if mime.hasHtml() and mime.html().strip():
        data = mime.html().encode("utf-8")[:MAX_DROPPED_TEXT]
        return PageData("dropped selection.html", data)
    if mime.hasText() and mime.text().strip():
        return PageData("dropped selection.txt", mime.text().encode("utf-8")[:MAX_DROPPED_TEXT])
    return None
