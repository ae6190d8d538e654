"""A page printed to PDF by a browser ("Save as PDF"): its text as paragraphs, through PDFium (pypdfium2).

PDFium gives each page's text with its line breaks (the order the browser drew it) and every character's
box, origin and font size. A PDFium line is split into runs where the gap between two words is far wider
than the line's usual word gap: that separates the items of a ticker strip, and the print header's date
from the title. What the runs say is worked out in ``pdf_text``: the running header and footer go, the
footer's address is the source, and the lines join into paragraphs.
``saved`` is /CreationDate (Chromium writes UTC with seconds), else the print header's date, taken to be in
this computer's zone (the print was almost surely made here), with a note saying so.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from parsing.limits import MAX_PDF_PAGES
from parsing.model import Document, ParseError
from parsing.sources.pdf_grid import Printed, table_rows
from parsing.sources.pdf_tags import LABEL, Block, marked_content_id, page_blocks
from parsing.sources.pdf_text import MIN_BODY_CHARS, Line, body_and_running, paragraphs, pdf_date

Run = tuple[int, int, "Block | None"]  # first and last character index, and the tagged block it is in
DROPPED_BLOCKS = ("Caption", LABEL)  # a caption goes with its picture, which a PDF's text does not keep
PROSE_WORDS = 6  # on one line of a table's cell: prose (a story laid out in a table), not a cell of figures
CELLS = ("TD", "TH")  # a table's row is one line, its cells apart (by a tab) as a copy of the page gives them
TAGGED_SHARE = 0.8  # of a page's characters in tagged blocks, for its untagged lines to be left out
_WORD = re.compile(r"\S+")
_PUNCTUATION = re.compile(r"[.,;:!?)\]]+")  # left alone on a line when the address before it is taken out
_PRINTED_URL = re.compile(r"\s*\((?:https?://|www\.)[^\s()]*\)?")  # a link's address, printed after it by a print style

TICKER_NOTE = ("A PDF keeps only the part of the ticker strip that was on screen when the page was printed, "
               "so it may hold fewer quotes than the saved web page would.")
# PDFium is not thread-safe, not even across documents: one PDF is read at a time in a process (the window
# imports and re-reads pages on pool threads; the parsing processes each have their own PDFium).
_PDFIUM_LOCK = threading.Lock()
HEADER_DATE_NOTE = "The save time is the print header's; its time zone is taken to be this computer's."


def _pdfium() -> tuple[Any, Any]:
    """pypdfium2 and its raw bindings, loaded on the first PDF (PDFium takes a while to load)."""
    import pypdfium2
    import pypdfium2.raw

    return pypdfium2, pypdfium2.raw


def read_pdf(data: bytes) -> Document:
    """The PDF's text without the print header and footer, as one paragraph per line of ``text``."""
    pdfium, raw = _pdfium()
    with _PDFIUM_LOCK:
        document = _open(pdfium, raw, data)
        try:
            count = len(document)
            if count > MAX_PDF_PAGES:
                raise ParseError(f"The PDF has {count:,} pages (more than {MAX_PDF_PAGES}); it is not a printed "
                                 "page.")
            meta = document.get_metadata_dict(skip_empty=True)
            pages = [_page_lines(document, raw, number) for number in range(count)]
        except pdfium.PdfiumError:
            raise ParseError("The PDF is damaged and cannot be read.") from None
        finally:
            document.close()
    title = meta.get("Title") or None
    body, running = body_and_running(pages, title)
    if sum(len(line.text) for line in body) < MIN_BODY_CHARS:
        raise ParseError("This PDF has no text; it is probably a scan (a picture of the page).")
    notes = [TICKER_NOTE]
    saved = pdf_date(meta.get("CreationDate"))
    if saved is None and running.date is not None:
        saved = running.date.astimezone().isoformat(timespec="seconds")
        notes.append(HEADER_DATE_NOTE)
    if running.url is None and running.url_cut:
        notes.append(f"The footer's web address is shortened ({running.url_cut}), so it is not the page's source.")
    return Document("pdf", "utf-8", text="\n".join(paragraphs(body)), source_url=running.url, saved=saved,
                    notes=tuple(notes))


def _open(pdfium: Any, raw: Any, data: bytes) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise ParseError("This PDF is protected with a password, so its text cannot be read. Print the page "
                             "to PDF again without a password, or save it as a web page.") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise ParseError("This PDF uses an encryption Market Reader cannot read.") from None
        raise ParseError("The PDF is damaged or cut short and cannot be read.") from None


def _page_lines(document: Any, raw: Any, number: int) -> list[Line]:
    page = document[number]
    try:
        height = float(page.get_height())
        blocks = page_blocks(page, raw)
        textpage = page.get_textpage()
        try:
            return _lines(textpage, raw, number, height, blocks)
        finally:
            textpage.close()
    finally:
        page.close()


class _Chars:
    """Character boxes, origins and sizes through PDFium's own calls (the wrapper's cost adds up per character)."""

    def __init__(self, textpage: Any, raw: Any) -> None:
        self.raw, self.handle = raw, textpage.raw
        self.values = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(v) for v in self.values]

    def span(self, index: int) -> tuple[float, float]:
        """Left and right of a character's box."""
        self.raw.FPDFText_GetCharBox(self.handle, index, *self.refs)
        return self.values[0].value, self.values[1].value

    def baseline(self, index: int) -> float:
        self.raw.FPDFText_GetCharOrigin(self.handle, index, self.refs[0], self.refs[1])
        return self.values[1].value

    def size(self, index: int) -> float:
        return float(self.raw.FPDFText_GetFontSize(self.handle, index))


def _lines(textpage: Any, raw: Any, number: int, height: float, blocks: dict[int, Block]) -> list[Line]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: one character per index, from PDFium itself
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
    text = text.replace("\ufffe", "-")  # what PDFium gives for a hyphen it took for the end of a line
    chars = _Chars(textpage, raw)
    block_of = (lambda i: blocks.get(marked_content_id(textpage, raw, i))) if blocks else (lambda _i: None)
    rows = _Rows(number, height)
    pieces = text.split("\r\n")
    table = {} if blocks else table_rows(_printed_lines(text, pieces, chars, height))
    start = 0
    for n, piece in enumerate(pieces):
        end = start + len(piece)
        if n in table:  # a row of a table on an untagged page
            words = _words(text, start, end, block_of)
            row, cells = table[n]
            rows.rows.append([Line(number, row, cells[0][0], cells[-1][1], height - chars.baseline(words[0][0]),
                                   chars.size(words[0][0]), height, None, cells)])
            start = end + 2
            continue
        for first, last, block in _runs(text, start, end, chars, block_of):
            run = _printed(text, first, last, block_of if blocks else None).replace("\u00ad", "").strip()
            if run and (block is None or block.kind not in DROPPED_BLOCKS):
                left, right = chars.span(first)[0], chars.span(last)[1]
                rows.add(run, block, left, right, height - chars.baseline(first), chars.size(first))
        start = end + 2
    return _without_untagged(rows.lines)


def _printed_lines(text: str, pieces: list[str], chars: _Chars, height: float) -> list[Printed]:
    """Each PDFium line's words with their edges, for finding the tables of an untagged page."""
    lines = []
    start = 0
    for piece in pieces:
        words = [(m.start(), m.end() - 1) for m in _WORD.finditer(text, start, start + len(piece))]
        edges = [(chars.span(first)[0], chars.span(last)[1]) for first, last in words]
        first = words[0][0] if words else start
        lines.append(Printed([text[a : b + 1] for a, b in words], edges,
                             height - chars.baseline(first) if words else 0.0, chars.size(first) if words else 0.0))
        start += len(piece) + 2
    return lines


def _printed(text: str, first: int, last: int, block_of: Callable[[int], Block | None] | None) -> str:
    """A run's text; on a tagged page without the addresses a site's print style writes after its links
    ("(https://…)"): that text is not the page's, and is left untagged."""
    run = text[first : last + 1]
    if block_of is None or "(" not in run:
        return run

    def untagged(match: re.Match[str]) -> str:
        bracket = first + match.start() + match.group().index("(")
        return "" if block_of(bracket) is None else match.group()

    return _PRINTED_URL.sub(untagged, run)


class _Rows:
    """A page's runs made lines: a table row's cells go on one line (tab-separated), and a run that PDFium put on
    a line of its own but that goes on where the last one stopped (a word broken by kerning), or punctuation
    alone, joins it. A row of one cell of prose over several lines (a table used for layout: the story in a <td>)
    stays lines."""

    def __init__(self, number: int, height: float) -> None:
        self.number, self.height = number, height
        self.rows: list[list[Line]] = []  # each line, with the lines of its first cell when it is a table's row
        self.cell: Block | None = None  # the table cell the last line ends in
        self.last: tuple[float, float, Block | None] = (0.0, -1.0, None)  # right, baseline and block of the last run

    @property
    def lines(self) -> list[Line]:
        return [line for row in self.rows for line in (row[1:] if _layout_cell(row) else row[:1])]

    def add(self, run: str, block: Block | None, left: float, right: float, baseline: float, size: float) -> None:
        last_right, last_baseline, last_block = self.last
        self.last = (right, baseline, block)
        cell = self.cell
        line = Line(self.number, run, left, right, baseline, size, self.height, block.path if block else None)
        if self.rows and last_block == block and (abs(baseline - last_baseline) < 0.5 and (
                -0.3 * size < left - last_right < 0.1 * size) or _PUNCTUATION.fullmatch(run)):
            self._extend(line, "")
        elif cell is not None and block is not None and block.kind in CELLS and block.path[:-1] == cell.path[:-1]:
            self._extend(line, " " if block.path == cell.path else "\t")
            self.cell = block
        elif block is not None and block.kind in CELLS:
            self.cell = block
            self.rows.append([replace(line, block=block.path[:-1], cells=((left, right),)), line])
        else:
            self.cell = None
            self.rows.append([line])

    def _extend(self, piece: Line, joint: str) -> None:
        row = self.rows[-1]
        line = row[0]
        cells = line.cells
        if cells:
            cells = (*cells, (piece.left, piece.right)) if joint == "\t" else (
                *cells[:-1], (min(cells[-1][0], piece.left), max(cells[-1][1], piece.right)))
        row[0] = replace(line, text=f"{line.text}{joint}{piece.text}", right=max(piece.right, line.right), cells=cells)
        if len(row) > 1 and joint == "":
            row[-1] = replace(row[-1], text=row[-1].text + piece.text, right=max(piece.right, row[-1].right))
        elif len(row) > 1:
            row.append(piece)


def _layout_cell(row: list[Line]) -> bool:
    """A row (its line, then its first cell's lines) that is one cell with lines of prose: not a row of a table
    of figures, nor the rest of one cut by a page break (a few words of one cell)."""
    return len(row) > 2 and len(row[0].cells) == 1 and any(len(line.text.split()) >= PROSE_WORDS for line in row[1:])


def _without_untagged(lines: list[Line]) -> list[Line]:
    """A fully tagged print (Chromium's) tags all of the page's content: what it leaves untagged outside the header
    and footer bands is not text of the page (an image's alt text drawn when it did not load). A PDF whose text is
    mostly untagged (tags added by another tool, or none) keeps every line."""
    tagged = sum(len(line.text) for line in lines if line.block is not None)
    if tagged < TAGGED_SHARE * sum(len(line.text) for line in lines):
        return lines
    return [line for line in lines if line.block is not None or line.at_edge]


def _runs(text: str, start: int, end: int, chars: _Chars, block_of: Callable[[int], Block | None]) -> list[Run]:
    """The runs of one line: it is split where a gap between words is far wider than the line's usual word
    gap (ticker items, the header's date and title, the footer's URL and counter), and where a word starts
    another tagged block (the items of a ticker strip printed close together). Only the first and last
    character of each word are measured."""
    words = _words(text, start, end, block_of)
    if not words:
        return []
    edges = [(chars.span(first)[0], chars.span(last)[1]) for first, last in words]
    gaps = [edges[k + 1][0] - edges[k][1] for k in range(len(words) - 1)]
    wide = max(2.5 * statistics.median(gaps), 4.0) if len(gaps) >= 2 else float("inf")
    owners = [block_of(first) for first, _ in words]
    runs: list[Run] = []
    begin = 0
    for k in range(1, len(words)):
        if gaps[k - 1] > wide or _other_block(owners[begin], owners[k]):
            runs.append((words[begin][0], words[k - 1][1], owners[begin]))
            begin = k
    runs.append((words[begin][0], words[-1][1], owners[begin]))
    return runs


def _words(text: str, start: int, end: int, block_of: Callable[[int], Block | None]) -> list[tuple[int, int]]:
    """[first, last] character indexes of the words in text[start:end]; a word whose ends are in different blocks
    is two words (an image's alt text drawn right before the name beside it: "Ayesha SiddiqaAyesha Siddiqa")."""
    words = []
    for match in _WORD.finditer(text, start, end):
        first, last = match.start(), match.end() - 1
        owner = block_of(first)
        if last > first and block_of(last) != owner:
            cut = next(i for i in range(first + 1, last + 1) if block_of(i) != owner)
            words.append((first, cut - 1))
            first = cut
        words.append((first, last))
    return words


def _other_block(one: Block | None, other: Block | None) -> bool:
    """Whether a word belongs to another block than the run's first word: not the same element, nor one inside
    the other (a date in a <span> of its own after the writer's name is still the same line); a list marker and
    a table cell are runs of their own, and so is untagged text before tagged text (an image's alt text before
    the name beside it). Untagged text after tagged text stays in its run (a ▲ drawn by the page's style)."""
    if one is None or other is None:
        return one is None and other is not None
    if LABEL in (one.kind, other.kind) or one.kind in CELLS or other.kind in CELLS:
        return one.path != other.path
    shorter = min(len(one.path), len(other.path))
    return one.path[:shorter] != other.path[:shorter]
