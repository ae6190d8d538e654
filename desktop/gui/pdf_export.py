"""Articles as a PDF, laid out by Qt's text engine the way the article panel shows them (images, Urdu shaping).

The command line calls this without a window: an offscreen QGuiApplication is started on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop.library.article_html import article_html
from desktop.library.records import StoredArticle

MAX_IMAGE_WIDTH = 480  # points on an A4 page with 20 mm margins
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """Qt's text layout needs a QGuiApplication; start an offscreen one if the program has none."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["market-reader", "-platform", "offscreen"])


def articles_document(articles: Sequence[StoredArticle]) -> QTextDocument:
    """One QTextDocument holding every article in turn, its images given to it from memory."""
    _ensure_app()
    document = QTextDocument()
    parts = []
    for number, article in enumerate(articles):
        widths = {}
        for image in article.images:
            picture = QImage.fromData(image.data)
            if picture.isNull():
                continue
            url = f"mr-img:{number}/{image.name}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), picture)
            widths[image.name] = min(picture.width(), MAX_IMAGE_WIDTH)
        parts.append(article_html(article, widths, image_src=_image_address(number)))
    document.setHtml('<hr style="page-break-after: always">'.join(parts))
    return document


def _image_address(number: int) -> Callable[[str], str]:
    """Image names of article ``number`` made distinct from those of the other articles in the document."""
    return lambda name: f"mr-img:{number}/{name}"


def write_pdf(target: Path, articles: Sequence[StoredArticle]) -> None:
    """An A4 PDF of ``articles``, written whole or not at all."""
    document = articles_document(articles)
    temporary = target.with_name(target.name + ".part")
    writer = QPdfWriter(str(temporary))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    writer.setTitle(articles[0].page.title or "Articles" if articles else "Articles")
    writer.setCreator("Market Reader")
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    if not temporary.exists() or temporary.stat().st_size == 0:
        raise OSError(f"{target}: the PDF could not be written")
    temporary.replace(target)
