"""The article panel: a QTextBrowser that reads nothing from disk or network and opens links only on a click."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QResizeEvent, Qt, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QStyle, QTextBrowser, QVBoxLayout, QWidget

from desktop.gui.panes.find_bar import FindBar, TextFinder
from desktop.gui.theme import market_colors
from desktop.library.article_html import IMAGE_SCHEME, SYMBOL_SCHEME, article_html
from desktop.library.records import StoredArticle

MIN_ZOOM, MAX_ZOOM = -6, 12
RELAYOUT_DELAY_MS = 120  # images are fitted to the new width once a resize (a dragged splitter) settles
MIN_IMAGE_ROOM = 120  # pixels: a narrower panel scrolls sideways rather than shrink images to nothing
STYLE = """
h1 {{ font-size: 150%; margin-bottom: 4px; }}
p {{ margin-top: 0px; margin-bottom: 10px; line-height: 140%; }}
p.meta, p.section, p.caption, p.note {{ color: {muted}; }}
a {{ color: {link}; }}
"""


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def open_external_url(url: QUrl) -> bool:
    """Open a web link in the user's browser (tests replace this)."""
    return QDesktopServices.openUrl(url)


class ArticleView(QTextBrowser):
    """Shows one stored article; images come only from the library's bytes held in memory."""

    zoom_changed = Signal(int)
    symbol_clicked = Signal(str)
    article_shown = Signal()  # the document was laid out anew (another article, a palette change)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName("Article")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDocumentMargin(14)
        self._article: StoredArticle | None = None
        self._symbols: tuple[str, ...] = ()
        self._placeholder = ""
        self._images: dict[str, QImage] = {}
        self._blank = _blank_image()
        self._image_widths: dict[str, int] = {}  # the widths the shown layout gave each image
        self._relayout = QTimer(self, singleShot=True, interval=RELAYOUT_DELAY_MS)
        self._relayout.timeout.connect(self._render_in_place)
        self._zoom = 0
        self._base_point_size = self.font().pointSizeF()
        self.resource_requests: list[str] = []  # every resource Qt asked for, for diagnostics and tests
        self.show_placeholder("Select a page to read its article.")

    # --- content ---------------------------------------------------------------------------------
    def show_placeholder(self, text: str) -> None:
        self._article, self._placeholder, self._images = None, text, {}
        self._apply_style()
        self.setHtml(f'<p class="note" align="center"><br><br>{escape(text)}</p>')
        self.article_shown.emit()

    def article(self) -> StoredArticle | None:
        return self._article

    def set_article(self, article: StoredArticle, symbols: Sequence[str] = ()) -> None:
        """Show ``article``; mentions of ``symbols`` become links to their history."""
        self._article, self._symbols = article, tuple(symbols)
        self._images = {}
        for stored in article.images:
            image = QImage.fromData(stored.data)
            if not image.isNull():
                self._images[f"{IMAGE_SCHEME}:{stored.name}"] = image
        self._render()

    def _render(self) -> None:
        """Lay out the current article again (after a palette change), reusing the decoded images."""
        if self._article is None:
            return
        self._apply_style()
        self._image_widths = self._fitted_widths()
        self.document().clear()
        self.setHtml(article_html(self._article, self._image_widths, self._symbols))
        self.article_shown.emit()

    def _render_in_place(self) -> None:
        """Lay the article out again where the reader is (after a palette change or a new width)."""
        position = self.reading_position()
        self._render()
        self.restore_position(position)

    def _fitted_widths(self) -> dict[str, int]:
        """Each image's width in the layout: its own, or the text column's when it is wider.

        The room leaves out the vertical scroll bar even before it shows, since a long article brings it:
        an image measured without it would be cut at the right and make the panel scroll sideways.
        """
        width = self.viewport().width()
        if not self.verticalScrollBar().isVisible():
            width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        room = max(width - 2 * int(self.document().documentMargin()) - 8, MIN_IMAGE_ROOM)
        return {name.split(":", 1)[1]: min(image.width(), room) for name, image in self._images.items()}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._article is not None and self._images and self._fitted_widths() != self._image_widths:
            self._relayout.start()

    # --- reading position and printing ----------------------------------------------------------
    def reading_position(self) -> int:
        """The document position of the text at the top of the panel (0 at the start of the article)."""
        if self.verticalScrollBar().value() == 0:
            return 0
        return self.cursorForPosition(self.viewport().rect().topLeft()).position()

    def restore_position(self, position: int) -> None:
        """Scroll so that document position ``position`` is at the top of the panel (clamped to the article)."""
        bar = self.verticalScrollBar()
        if position <= 0:
            bar.setValue(0)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, max(self.document().characterCount() - 1, 0)))
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def print_to(self, printer: QPrinter) -> None:
        """Print the article as the panel shows it (text size and images included)."""
        self.document().print_(printer)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Answer every request from memory: a known image, a blank image, or nothing — never a file."""
        name = url.toString() if isinstance(url, QUrl) else str(url)
        self.resource_requests.append(name)
        if kind == QTextDocument.ResourceType.ImageResource:
            return self._images.get(name, self._blank)
        return ""

    def _apply_style(self) -> None:
        colors = market_colors(self.palette())  # muted text and links readable on this palette's base
        self.document().setDefaultStyleSheet(STYLE.format(muted=colors.muted.name(), link=colors.link.name()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            if self._article is not None:
                self._render_in_place()
            else:
                self.show_placeholder(self._placeholder)

    # --- links -----------------------------------------------------------------------------------
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == SYMBOL_SCHEME:
            self.symbol_clicked.emit(url.path())
        elif url.scheme().lower() in ("http", "https"):
            open_external_url(url)
        elif not url.scheme() and url.fragment():
            self.scrollToAnchor(url.fragment())

    # --- zoom ------------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def reset_zoom(self) -> None:
        self.set_zoom(0)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Text size in steps of one point from the default (clamped)."""
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        font = self.font()
        font.setPointSizeF(max(self._base_point_size + steps, 4.0))
        self.setFont(font)
        self.document().setDefaultFont(font)
        if steps != self._zoom:
            self._zoom = steps
            self.zoom_changed.emit(steps)


class ArticlePane(QWidget):
    """The article with its find bar (Ctrl+F) beneath it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articlePane")
        self.view = ArticleView()
        self.find_bar = FindBar(TextFinder(self.view))
        self.view.article_shown.connect(self.find_bar.refresh)
        self.find_bar.closed.connect(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
