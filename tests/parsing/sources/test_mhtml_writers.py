"""MHTML as other writers make it: Internet Explorer's and Word's .mht (windows-1252, odd boundaries, Content-Location
only), Content-ID images, frames, and quoted-printable lines broken inside a UTF-8 character."""

from __future__ import annotations

import base64
import quopri

import parsing
from tests.parsing.pages import png
from tests.paths import FIXTURES

ARTICLE = ("<p>KARACHI: The KSE-100 index rose on Monday as investors bought cement and bank shares; the "
           "government\u2019s \u201ccaf\u00e9\u201d talk was of reserves.</p>"
           "<p>Dealers said importers stayed cautious ahead of the budget, and the rupee held steady.</p>")
URDU = "\u06a9\u0631\u0627\u0686\u06cc \u0627\u0633\u0679\u0627\u06a9 \u0627\u06cc\u06a9\u0633\u0686\u06cc\u0646\u062c"


def page(title: str, charset: str = "windows-1252", body: str = ARTICLE, image: str = "") -> str:
    img = f'<img src="{image}">' if image else ""
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"><title>{title}'
            f"</title></head><body><article><h1>{title}</h1>{img}{body}</article></body></html>")


def mht(top: str, boundary: str, parts: list[tuple[str, bytes]], newline: str = "\r\n") -> bytes:
    """A multipart/related file: ``top`` header lines, then each part as (its header lines, its encoded body)."""
    out = top.replace("\n", newline).encode("ascii") + newline.encode() * 2
    out += b"This is a multi-part message in MIME format." + newline.encode() * 2
    for headers, body in parts:
        out += f"--{boundary}{newline}{headers.replace(chr(10), newline)}{newline}{newline}".encode("ascii") + body
        out += newline.encode()
    return out + f"--{boundary}--{newline}".encode("ascii")


def qp(text: str, codec: str) -> bytes:
    return quopri.encodestring(text.encode(codec)).replace(b"\n", b"\r\n")


def test_internet_explorer_mht_in_windows_1252():
    boundary = "----=_NextPart_000_0000_01D2A3B4.C5D6E7F0"
    top = ("From: <Saved by Windows Internet Explorer 8>\nSubject: Rupee steady\nDate: Sat, 14 Jun 2025 10:02:03 +0500\n"
           f'MIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype="text/html";\n\tboundary="{boundary}"\n'
           "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.17609")
    html = page("Rupee steady", image="https://www.brecorder.com/img/chart.png")
    data = mht(top, boundary, [
        ('Content-Type: text/html;\n\tcharset="Windows-1252"\nContent-Transfer-Encoding: quoted-printable\n'
         "Content-Location: https://www.brecorder.com/news/1/rupee", qp(html, "cp1252")),
        ("Content-Type: image/png\nContent-Transfer-Encoding: base64\n"
         "Content-Location: https://www.brecorder.com/img/chart.png", base64.encodebytes(png())),
    ])
    got = parsing.parse_bytes(data, "Rupee steady.mht")
    assert (got.format, got.encoding, got.title) == ("mhtml", "cp1252", "Rupee steady")
    assert "government\u2019s \u201ccaf\u00e9\u201d" in got.paragraphs[0]
    assert got.source_url == "https://www.brecorder.com/news/1/rupee" and got.saved == "2025-06-14T10:02:03+05:00"
    assert [i.data for i in got.images] == [png()]


def test_word_single_file_web_page():
    boundary = "----=_NextPart_01DB1234.56789ABC"
    html = page("Budget note", image="Budget%20note_files/image001.png")
    data = mht(f'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="{boundary}"', boundary, [
        ('Content-Location: file:///C:/D1234567/Budget%20note.htm\nContent-Transfer-Encoding: quoted-printable\n'
         'Content-Type: text/html; charset="us-ascii"', qp(html, "cp1252")),  # Word's label; the bytes are 1252
        ("Content-Location: file:///C:/D1234567/Budget%20note_files/image001.png\n"
         "Content-Transfer-Encoding: base64\nContent-Type: image/png", base64.encodebytes(png())),
        ('Content-Location: file:///C:/D1234567/Budget%20note_files/filelist.xml\n'
         'Content-Transfer-Encoding: quoted-printable\nContent-Type: text/xml; charset="utf-8"',
         b'<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office"><o:MainFile HRef=3D"../Budget%20note.htm"/></xml>'),
    ])
    got = parsing.parse_bytes(data, "Budget note.mht")
    assert got.title == "Budget note" and "\u201ccaf\u00e9\u201d" in got.paragraphs[0]
    assert [i.data for i in got.images] == [png()]


def test_an_image_named_only_by_content_id_under_an_odd_boundary():
    boundary = "odd'(boundary)+_,-./:=?"
    html = page("Rupee steady", "utf-8", image="cid:photo.1@example")
    data = mht(f'MIME-Version: 1.0\nContent-Type: multipart/related; type="text/html"; boundary="{boundary}"', boundary, [
        ("Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64",
         base64.encodebytes(html.encode("utf-8"))),
        ("Content-Type: image/png\nContent-Transfer-Encoding: base64\nContent-ID: <photo.1@example>",
         base64.encodebytes(png())),
    ], newline="\n")
    got = parsing.parse_bytes(data)
    assert got.title == "Rupee steady" and [i.data for i in got.images] == [png()]


def test_a_soft_line_break_inside_a_utf8_character():
    html = page("Urdu", "utf-8", body=f"<p>{URDU} " * 6 + "and the index rose on Monday.</p>")
    encoded = quopri.encodestring(html.encode("utf-8"))
    assert any(line.endswith(b"=") and line[-3:-1] in (b"D8", b"D9", b"DA", b"DB") for line in encoded.split(b"\n"))
    data = mht('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"', "b", [
        ("Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable", encoded)])
    got = parsing.parse_bytes(data)
    assert URDU in got.paragraphs[0] and "\ufffd" not in got.paragraphs[0]


def test_the_page_named_by_the_file_wins_over_a_frame_written_first():
    frame = page("Advertisement", "utf-8", body="<p>" + "Buy now, this frame is not the article. " * 8 + "</p>")
    main = page("Rupee steady", "utf-8")
    for top, main_headers in (
        ('Content-Type: multipart/related; boundary="b"; start="<main@x>"', "Content-ID: <main@x>"),
        ('Snapshot-Content-Location: https://x/news/1\nContent-Type: multipart/related; boundary="b"',
         "Content-Location: https://x/news/1"),
    ):
        data = mht("MIME-Version: 1.0\n" + top, "b", [
            ("Content-Type: text/html\nContent-Location: https://ads.x/frame.html", frame.encode()),
            (f"Content-Type: text/html\n{main_headers}", main.encode()),
        ])
        assert parsing.parse_bytes(data).title == "Rupee steady"


def test_real_chromium_mhtml_with_frames():
    page = parsing.parse_file(FIXTURES / "chromium" / "br-long-frames.mhtml")
    assert page.title is not None and page.title.startswith("Budget arithmetic") and len(page.quotes) == 6
    text = "\n".join(page.paragraphs)
    assert "\u06a9\u0631\u0627\u0686\u06cc" in text and "\ufffd" not in text  # Urdu through quoted-printable
    assert "Advertisement" not in text and "srcdoc" not in text  # the frames' parts are not the page
