"""Builders of library records for widget tests."""

from __future__ import annotations

from desktop.library.records import PageRow, QuoteRow, StoredArticle, StoredImage


def quote(symbol: str, price: float, change: float, percent: float, *, kind: str = "stock",
          flag: str | None = None, page_id: int = 1, as_of: str = "2025-01-13T10:00:00+05:00",
          as_of_estimated: bool = False) -> QuoteRow:
    direction = "up" if change > 0 else "down" if change < 0 else "unchanged"
    return QuoteRow(page_id, as_of, as_of_estimated, 0, symbol, kind, price, change, percent, direction, flag, "A page")


STRIP = [
    quote("AIRLINK", 165.36, -10.19, -5.8),
    quote("BOP", 10.39, -0.62, -5.63),
    quote("SILK", 1.15, 0.0, 0.0),
    quote("OGDC", 213.07, 13.7, 6.04),
    quote("TRG", 60.93, -5.07, -7.68),
    quote("KSE100", 114909.0, -3882.2, -3.27, kind="index"),
    quote("PPL", 9.5, 0.5, 5.56),
]


def page_row(page_id: int = 1, title: str = "A page", **overrides: object) -> PageRow:
    values: dict[str, object] = dict(
        id=page_id, title=title, section="Markets", published="2025-01-13", saved=None,
        quotes_as_of="2025-01-13T10:00:00+05:00", as_of_estimated=False, source_url="https://www.brecorder.com/news/1",
        file_name="page.html", format="html", quote_count=7, imported_at="2025-01-14T09:00:00+00:00",
        content_hash="abc",
    )
    values.update(overrides)
    return PageRow(**values)  # type: ignore[arg-type]


def png_bytes(width: int = 40, height: int = 20, color: str = "#2060c0") -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def article(paragraphs: tuple[str, ...] = ("First paragraph.", "Second paragraph."), images: tuple[StoredImage, ...] = (),
            **page: object) -> StoredArticle:
    return StoredArticle(page_row(**page), "BR Web Desk", "A summary...", paragraphs, ("A related story",), images)
