"""Reading speed of each saved form: the fixture pages, large generated containers, and hostile files.

Run: .venv/bin/python tests/benchmarks/bench_forms.py   (bench_parsing.py prints the same table at its end)
"""

from __future__ import annotations

import gzip
import io
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from pagegen import br_article_html  # noqa: E402

import parsing  # noqa: E402

FORMS = HERE.parents[0] / "fixtures" / "forms"
FIXTURES = [  # (what, fixture, pages of text it holds: PDF pages for a PDF, web pages otherwise)
    ("HTML, Complete save (br-long)", "complete/en/br-long.html", 1),
    ("Safari web archive (br-long)", "webarchive/br-long.webarchive", 1),
    ("SingleFile (br-long)", "singlefile/br-long.singlefile.html", 1),
    ("SingleFile HTML-and-zip (br-story)", "singlefile/br-story.singlefile-selfextracting.html", 1),
    ("Save Page WE (br-long)", "savepagewe/br-long.savepagewe.html", 1),
    ("WARC, 3 pages with images", "warc/br-pages.warc.gz", 3),
    ("WACZ, 3 pages", "warc/br-pages.wacz", 3),
    ("zip of 4 saved pages", "zip/several-pages.zip", 4),
    ("PDF, br-long (3 PDF pages)", "pdf/br-long.pdf", 3),
    ("PDF, br-sample (1 PDF page)", "pdf/br-sample.pdf", 1),
]


def read_all(data: bytes, name: str = "", path: Path | None = None) -> int:
    """Read and extract every page of a file, as an import does; the number of pages."""
    parts = parsing.read_parts(data, name, path)
    for part in parts:
        parsing.parse_part(part)
        part.original()
    return len(parts)


def best_of(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def crawl_warc(pages: int) -> bytes:
    """A .warc.gz of ``pages`` generated 200 KB pages, one gzip member per record, as crawlers write them."""
    out = []
    for index in range(pages):
        body = br_article_html(index, 200)
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.brecorder.com/news/{index}\r\n"
                f"WARC-Date: 2025-06-14T10:{index // 60 % 60:02d}:{index % 60:02d}Z\r\n"
                f"Content-Length: {len(block)}\r\n\r\n").encode()
        out.append(gzip.compress(head + block + b"\r\n\r\n", 6, mtime=0))
    return b"".join(out)


def zip_of_pages(pages: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(pages):
            archive.writestr(f"saved/page_{index:04d}.html", br_article_html(index, 200))
    return out.getvalue()


def long_pdf(copies: int) -> bytes:
    """br-long.pdf repeated: 3 x ``copies`` printed pages."""
    import pypdfium2

    source = pypdfium2.PdfDocument((FORMS / "pdf" / "br-long.pdf").read_bytes())
    target = pypdfium2.PdfDocument.new()
    for _ in range(copies):
        target.import_pages(source)
    out = io.BytesIO()
    target.save(out)
    return out.getvalue()


def refused_in(data: bytes) -> float:
    start = time.perf_counter()
    try:
        parsing.read_parts(data)
    except parsing.ParseError:
        return time.perf_counter() - start
    raise AssertionError("a hostile file was read")


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("zeros.html", "w") as member:
            chunk = bytes(1 << 20)
            for _ in range(700):
                member.write(chunk)
    return out.getvalue()


def gzip_bomb() -> bytes:
    import zlib

    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = b"WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 734003200\r\n\r\n"
    parts = [squeeze.compress(head)] + [squeeze.compress(bytes(1 << 20)) for _ in range(700)]
    return b"".join([*parts, squeeze.flush()])


def report(rounds: int = 5) -> None:
    """Print the per-form table."""
    first = (FORMS / "pdf" / "br-sample.pdf").read_bytes()
    start = time.perf_counter()
    read_all(first)
    print(f"\nfirst PDF in a process (PDFium loaded): {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"\n{'form':44} {'ms/file':>9} {'ms/page':>9}")
    for what, rel, pages in FIXTURES:
        path = FORMS / rel
        data = path.read_bytes()
        seconds = best_of(lambda data=data, path=path: read_all(data, path.name, path), rounds)
        print(f"{what:44} {seconds * 1000:9.1f} {seconds * 1000 / pages:9.1f}")
    for what, data, pages in [("WARC of 100 generated 200 KB pages", crawl_warc(100), 100),
                              ("zip of 100 generated 200 KB pages", zip_of_pages(100), 100),
                              ("PDF, br-long x 100 (300 PDF pages)", long_pdf(100), 300)]:
        seconds = best_of(lambda data=data: read_all(data), 2)
        print(f"{what:44} {seconds * 1000:9.1f} {seconds * 1000 / pages:9.1f}   ({len(data) / 2**20:.1f} MB)")
    print(f"zip bomb (700 MB of zeros in {len(zip_bomb()) / 2**20:.1f} MB) refused in "
          f"{refused_in(zip_bomb()) * 1000:.1f} ms")
    print(f"WARC gzip bomb (700 MB of zeros in {len(gzip_bomb()) / 2**20:.1f} MB) refused in "
          f"{refused_in(gzip_bomb()) * 1000:.0f} ms")
    print("goal: a PDF page <= 50 ms")


if __name__ == "__main__":
    report()
