"""Small PDFs written by hand for tests: text at given places in a standard font, or a page that is only a picture.

These stand for prints that no fixture covers (another browser's header, a scan, hundreds of pages) and are
made at test time, so nothing large is committed.
"""

from __future__ import annotations

import zlib

Placed = tuple[float, float, float, str]  # x, baseline from the top of the page, font size, text (Latin-1)


def _escape(text: str) -> bytes:
    return text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _assemble(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info = b" /Info %d 0 R" % len(objects) if objects[-1].startswith(b"<< /Producer") else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def text_pdf(pages: list[list[Placed]], width: float = 612, height: float = 792,
             info: dict[str, str] | None = None) -> bytes:
    """Pages of text in Helvetica; ``info`` becomes the document's /Info (Title, CreationDate...)."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for placed in pages:
        content = b"".join(
            b"BT /F1 %.2f Tf %.2f %.2f Td (%s) Tj ET\n" % (size, x, height - y, _escape(text))
            for x, y, size, text in placed
        )
        page_number = len(objects) + 1
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font << /F1 3 0 R >> >>"
                       b" /Contents %d 0 R >>" % (width, height, page_number + 1))
        objects.append(_stream(content))
    if info:
        fields = b" ".join(b"/%s (%s)" % (key.encode(), _escape(value)) for key, value in info.items())
        objects.append(b"<< /Producer (tests) " + fields + b" >>")
    return _assemble(objects)


def picture_pdf(width: int = 60, height: int = 80) -> bytes:
    """One page that is only a grey picture: what a scan or a page printed as an image gives."""
    pixels = bytes((x * 4 + y) % 256 for y in range(height) for x in range(width))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        _stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"),
        _stream(pixels, b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                        b" /BitsPerComponent 8" % (width, height)),
    ]
    return _assemble(objects)


def printed_article(pages: int = 2, header: bool = True, title: str = "Rupee steady as reserves rise") -> bytes:
    """A plain article printed over ``pages`` pages, with a browser-like header and footer on each."""
    words = ("the rupee held steady against the dollar in interbank trading as reserves rose and importers "
             "stayed cautious ahead of the budget").split()
    made = []
    for number in range(pages):
        placed: list[Placed] = []
        if header:
            placed += [(20, 20, 8, "6/14/25, 3:02 PM"), (250, 20, 8, title),
                       (20, 780, 8, "https://www.brecorder.com/news/4001/rupee-steady"), (560, 780, 8, f"{number + 1}/{pages}")]
        y = 72.0
        for paragraph in range(3):
            for line in range(4):
                start = (paragraph * 4 + line) % len(words)
                text = " ".join((words * 3)[start : start + 14])
                if line == 0:
                    text = text.capitalize()
                if line == 3:
                    text = " ".join(text.split()[:6]) + "."
                placed.append((72, y, 11, text))
                y += 14
            y += 14
        made.append(placed)
    return text_pdf(made, info={"Title": title})


Tagged = tuple[float, float, float, str, "str | None"]  # as Placed, and the structure type (H1, P) or None


def tagged_pdf(placed: list[Tagged], title: str, width: float = 612, height: float = 792) -> bytes:
    """One page of a tagged print, as Chromium makes it: each text in a structure element of its type, or left
    untagged (None) like what a browser draws that is not the page's content."""
    tagged = [item for item in placed if item[4] is not None]
    content = b""
    mcid = 0
    for x, y, size, text, kind in placed:
        shown = b"BT /F1 %.2f Tf %.2f %.2f Td (%s) Tj ET" % (size, x, height - y, _escape(text))
        if kind is None:
            content += shown + b"\n"
        else:
            content += b"/%s << /MCID %d >> BDC %s EMC\n" % (kind.encode(), mcid, shown)
            mcid += 1
    first_element = 7
    refs = b" ".join(b"%d 0 R" % (first_element + i) for i in range(len(tagged)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R /MarkInfo << /Marked true >> >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents 5 0 R /StructParents 0 >>" % (width, height),
        _stream(content),
        b"<< /Type /StructTreeRoot /K [%s] /ParentTree << /Nums [0 [%s]] >> >>" % (refs, refs),  # PDFium needs both
    ]
    objects += [b"<< /Type /StructElem /S /%s /P 6 0 R /Pg 4 0 R /K %d >>" % (item[4].encode(), number)
                for number, item in enumerate(tagged) if item[4] is not None]
    objects.append(b"<< /Producer (Skia/PDF m156) /Title (%s) >>" % _escape(title))
    return _assemble(objects)


Structured = tuple[float, float, float, str, "str | None"]  # as Placed, and the element path ("Table/TR:2/TD:1")
AFTER = -1.0  # as a Structured text's x: right after the text before it, on its line


def structured_pdf(pages: list[list[Structured]], title: str, width: float = 612, height: float = 792) -> bytes:
    """Pages of a tagged print with nested elements, as Chromium makes it. Each text names its element by its path
    from the top, one segment per level, ``Kind`` or ``Kind:name`` to tell siblings of one kind apart; the
    marked-content ids start again at 0 on each page, and an element may hold text on several pages; each text is
    a leaf of its element, as a text node is. A text with no element is left untagged."""
    pages = [[(x, y, size, text, f"{element}/Span:t{p}.{n}" if element else None)  # each text its own leaf
              for n, (x, y, size, text, element) in enumerate(placed)] for p, placed in enumerate(pages)]
    paths: list[str] = []  # every element, parents first
    for placed in pages:
        for *_, element in placed:
            parts = element.split("/") if element else []
            for depth in range(1, len(parts) + 1):
                path = "/".join(parts[:depth])
                if path not in paths:
                    paths.append(path)
    first_page = 4
    root = first_page + 2 * len(pages)
    ref = {path: root + 1 + n for n, path in enumerate(paths)}
    marks: dict[str, list[bytes]] = {path: [] for path in paths}
    parents: list[list[int]] = []
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> >>" % root,
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % (first_page + 2 * n) for n in range(len(pages))), len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for number, placed in enumerate(pages):
        page_ref = first_page + 2 * number
        content = b""
        owners: list[int] = []
        for x, y, size, text, element in placed:
            shown = b"/F1 %.2f Tf (%s) Tj" % (size, _escape(text))
            if x != AFTER:  # (AFTER: the text goes on where the last one stopped, in the same text object)
                shown = b"%sBT %.2f %.2f Td " % (b"" if not content else b"ET\n", x, height - y) + shown
            if element is None:
                content += b" /Artifact BMC " + shown + b" EMC" if y < 40 or y > height - 40 else b" " + shown
                continue
            marks[element].append(b"<< /Type /MCR /Pg %d 0 R /MCID %d >>" % (page_ref, len(owners)))
            content += b" /P << /MCID %d >> BDC %s EMC" % (len(owners), shown)
            owners.append(ref[element])
        content += b" ET\n" if content else b""
        parents.append(owners)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font << /F1 3 0 R >> >>"
                       b" /Contents %d 0 R /StructParents %d >>" % (width, height, page_ref + 1, number))
        objects.append(_stream(content))
    nums = b" ".join(b"%d [%s]" % (n, b" ".join(b"%d 0 R" % r for r in owners)) for n, owners in enumerate(parents))
    tops = b" ".join(b"%d 0 R" % ref[path] for path in paths if "/" not in path)
    objects.append(b"<< /Type /StructTreeRoot /K [%s] /ParentTree << /Nums [%s] >> >>" % (tops, nums))
    for path in paths:
        parent = path.rpartition("/")[0]
        children = [b"%d 0 R" % ref[other] for other in paths if other.rpartition("/")[0] == path and other != path]
        kind = path.rpartition("/")[2].partition(":")[0]
        objects.append(b"<< /Type /StructElem /S /%s /P %d 0 R /K [%s] >>" % (
            kind.encode(), ref[parent] if parent else root, b" ".join(children + marks[path])))
    objects.append(b"<< /Producer (Skia/PDF m156) /Title (%s) >>" % _escape(title))
    return _assemble(objects)
