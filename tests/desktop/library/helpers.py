"""Pages built in code for library tests (no parsing involved)."""

from __future__ import annotations

from pathlib import Path

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


def write_pages(folder: Path, count: int, start: int = 0, size_kb: int = 8, image: bool = False) -> list[Path]:
    """``count`` generated Business Recorder pages as page_NNNN.html files.

    With ``image``, each is saved "Webpage, Complete": a picture in the article, its bytes in page_NNNN_files/.
    """
    from tests.benchmarks.pagegen import br_article_html

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        path = folder / f"page_{index:04d}.html"
        data = br_article_html(index, size_kb=size_kb)
        if image:
            cut = data.index(b"<p>", data.index(b"<main"))
            figure = f'<figure><img src="{path.stem}_files/pic.png"><figcaption>Chart {index}</figcaption></figure>'
            data = data[:cut] + figure.encode() + data[cut:]
            (folder / f"{path.stem}_files").mkdir(exist_ok=True)
            (folder / f"{path.stem}_files" / "pic.png").write_bytes(PNG + index.to_bytes(4, "big"))
        path.write_bytes(data)
        paths.append(path)
    return paths


def write_hostile(folder: Path) -> dict[str, Path]:
    """Files that look like saved pages by name but are not."""
    import random

    from tests.benchmarks.pagegen import br_article_html

    folder.mkdir(parents=True, exist_ok=True)
    mhtml = (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.brecorder.com/news/1\r\n"
        b"Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        b"\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\n"
        b"Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
    ) + br_article_html(7, size_kb=8)[:300]
    files = {
        "empty": (folder / "empty.html", b""),
        "png": (folder / "picture.html", PNG + bytes(random.Random(1).randbytes(2000))),
        "truncated": (folder / "cut.mhtml", mhtml),
        "random": (folder / "noise.htm", random.Random(2).randbytes(5000)),
    }
    for path, data in files.values():
        path.write_bytes(data)
    return {key: path for key, (path, _data) in files.items()}
