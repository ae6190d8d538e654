"""Small saved pages built in test code: HTML around a body, MHTML archives, tiny images."""

from __future__ import annotations

import base64
import quopri
import struct
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pagegen  # tests/benchmarks is not a package, so it goes on the path above

br_article_html = pagegen.br_article_html
expected_for = pagegen.expected_for

TICKER_LINES = [
    "AIRLINK 165.36 Decreased By ▼ -10.19 (-5.8%)",
    "SILK 1.15 No Change ▼ 0.00 (0%)",
    "FFC 897.10 Increased By ▲ 50.59 (5.98%)",
    "KSE100 114,909 Decreased By -3882.2 (-3.27%)",
]
PARAGRAPHS = [
    "KARACHI: The central bank kept its policy rate unchanged on Monday, citing a steady decline in inflation.",
    "Analysts said the decision was widely expected after consumer prices rose 4.1 percent in the last month.",
    "The rupee closed at 278.50 against the dollar in the interbank market, little changed from Friday.",
]


def png(width: int = 4, height: int = 3) -> bytes:
    raw = b"".join(b"\x00" + b"\x10\x80\xc0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


def html_page(body: str, head: str = "", charset: str | None = "utf-8", title: str | None = None) -> str:
    """A page around ``body``; without ``title`` it has no <title>, so the story's own heading names it."""
    meta = f'<meta charset="{charset}">' if charset else ""
    title_tag = f"<title>{title}</title>" if title is not None else ""
    return f"<!DOCTYPE html><html><head>{meta}{title_tag}{head}</head><body>{body}</body></html>"


def article_body(title: str = "Central bank holds rate as inflation eases", image: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    figure = f'<figure><img src="{image}" alt="photo"><figcaption>The bank in Karachi.</figcaption></figure>' if image else ""
    return (
        f'<article><div class="section"><a href="/markets">Markets</a></div><h1>{title}</h1>'
        f'<div class="time">Published January 13, 2025</div>{figure}<div class="content">{paras}</div></article>'
    )


def span_ticker(lines: list[str]) -> str:
    items = []
    for line in lines:
        symbol, price, rest = line.split(" ", 2)
        items.append(f'<div class="t"><span>{symbol}</span> <span>{price}</span> <span class="sr-only">'
                     f'{rest}</span></div>')
    return '<div class="strip">' + "".join(items) + "</div>"


def table_ticker(lines: list[str]) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in _cells(line)) + "</tr>" for line in lines)
    return f"<table class='quotes'>{rows}</table>"


def _cells(line: str) -> list[str]:
    symbol, price, rest = line.split(" ", 2)
    words = rest.split(" ")
    word = " ".join(words[:2]) if words[0] != "No" else "No Change"
    tail = rest[len(word):].strip()
    return [symbol, price, word, tail]


def mhtml(
    html: bytes,
    parts: list[tuple[str, str, bytes]] = (),
    charset: str | None = None,
    date: str = "Fri, 27 Nov 2026 10:15:30 +0500",
    location: str = "https://www.brecorder.com/news/1/a",
    encoding: str = "quoted-printable",
) -> bytes:
    """A Chrome-style MHTML archive: QP (or base64) HTML part, then base64 parts (type, location, bytes)."""
    boundary = "----MultipartBoundary--abc123----"
    lines = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {location}",
        "Subject: =?utf-8?Q?Test?=",
        f"Date: {date}",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"',
        "",
        "",
        f"--{boundary}",
        "Content-Type: text/html" + (f"; charset={charset}" if charset else ""),
        "Content-ID: <frame-1@mhtml.blink>",
        f"Content-Transfer-Encoding: {encoding}",
        f"Content-Location: {location}",
        "",
    ]
    out = "\r\n".join(lines).encode() + b"\r\n"
    if encoding == "quoted-printable":
        out += quopri.encodestring(html).replace(b"\n", b"\r\n") + b"\r\n"
    elif encoding == "binary":
        out += html + b"\r\n"
    else:
        out += base64.encodebytes(html).replace(b"\n", b"\r\n")
    for media, loc, data in parts:
        head = f"--{boundary}\r\nContent-Type: {media}\r\nContent-Transfer-Encoding: base64\r\n" \
               f"Content-Location: {loc}\r\n\r\n"
        out += head.encode() + base64.encodebytes(data).replace(b"\n", b"\r\n")
    return out + f"--{boundary}--\r\n".encode()
