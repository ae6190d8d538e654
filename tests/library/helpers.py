"""Pages built in code for library tests (no parsing involved)."""

from __future__ import annotations

from parsing import Image, Page, Quote

SYMBOLS = ("AIRLINK", "BOP", "HUBC", "OGDC", "PPL", "SYM")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def make_page(
    index: int,
    *,
    saved: str | None = "2025-01-12T10:00:00+05:00",
    url: str | None = None,
    title: str | None = None,
    body: tuple[str, ...] = (),
    images: int = 1,
    price_step: float = 1.0,
) -> Page:
    """A small page with six stocks and one index whose prices depend on ``index``."""
    quotes = tuple(
        Quote(s, 100.0 + index * price_step + k, round(k - 2.5, 2), round((k - 2.5) / 10, 2),
              "down" if k < 3 else "up", "stock")
        for k, s in enumerate(SYMBOLS)
    ) + (Quote("KSE100", 114_000.0 + index, -3882.2, -3.27, "down", "index"),)
    return Page(
        title=title or f"Report number {index} on cement and oil",
        section="Markets",
        published="2025-01-12",
        saved=saved,
        byline="Staff reporter",
        source_url=url or f"https://www.brecorder.com/news/{index}",
        summary=f"Summary of report {index}.",
        quotes=quotes,
        paragraphs=body or (f"Paragraph one of report {index} about the rupee.", "Second paragraph here."),
        related=("Related story",),
        images=tuple(Image(f"img-{k}", "image/png", PNG + bytes([k]), f"caption {k}", after_paragraph=k)
                     for k in range(images)),
        format="html",
    )


def raw_for(index: int) -> bytes:
    return f"<html>page {index}</html>".encode()
