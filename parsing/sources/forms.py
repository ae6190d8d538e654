"""Which saved form a file is, by its content (never its name), and the reader for it."""

from __future__ import annotations

from pathlib import Path

from parsing.model import Document, NotAPage
from parsing.sources.detect import sniff
from parsing.sources.files import companion_resolver
from parsing.sources.html import read_html
from parsing.sources.part import Part, whole
from parsing.sources.singlefile import read_singlefile, saved_by
from parsing.sources.stubs import refuse_stub
from parsing.sources.text import read_text


def read_parts(data: bytes, name: str = "", page: Path | None = None, depth: int = 0) -> list[Part]:
    """The pages a saved file holds: one for most forms, each page of a zip, WARC or WACZ.

    ``name`` is only a hint; ``page`` is where the file lies, so a "Webpage, Complete" save can find its
    images in its companion folder; ``depth`` counts containers around the file (a zip inside a zip inside
    a zip is not opened). Raises ParseError (NotAPage for a file that is something else) when no page can be read.
    """
    kind = sniff(data, name)
    if kind == "pdf":
        from parsing.sources.pdf import read_pdf  # PDFium is loaded only for PDFs

        return [whole(read_pdf(data), data)]
    if kind == "webarchive":
        from parsing.sources.webarchive import read_webarchive

        return [_page(read_webarchive(data), data)]
    if kind == "warc":
        from parsing.sources.warc import read_warc

        return read_warc(data)
    if kind == "zip":
        from parsing.sources.zipped import read_zip

        return read_zip(data, depth, lambda member, level: read_parts(member, "", None, level))
    if kind == "gzip" and depth == 0:
        from parsing.sources.gzipped import gunzip

        return read_parts(gunzip(data), name.removesuffix(".gz"), page, depth + 1)
    if kind == "gzip":
        raise NotAPage("This is a gzip-compressed file inside another file; it is not opened.")
    if kind == "mhtml":
        from parsing.sources.mhtml import read_mhtml  # (the email package is loaded only for MHTML)

        return [_page(read_mhtml(data), data)]
    if kind == "html":
        return [_html(data, page)]
    return [whole(read_text(data, kind), data)]


def _html(data: bytes, page: Path | None) -> Part:
    mark = saved_by(data)
    if mark is not None and mark.zipped:
        from parsing.sources.zipped import read_singlefile_zip

        return read_singlefile_zip(data, mark)
    if mark is not None:
        return _page(read_singlefile(data, mark), data)
    return _page(read_html(data, companion_resolver(page) if page is not None else None), data)


def _page(document: Document, data: bytes) -> Part:
    """A one-page file's part, unless its page is a browser's error page or a redirect stub (ParseError)."""
    refuse_stub(document)
    return whole(document, data)
