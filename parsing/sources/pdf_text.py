"""A printed page's text lines (with their geometry) to paragraphs, without the print header and footer.

* The running header and footer are the lines in the top or bottom band of a page that hold the print date,
  the document's title, a web address or a page counter ("1/3", "1 of 3", "Page 1 of 3"), or that come back
  at the same height on most pages (digits aside). The footer's address is the page's source.
* Lines join into a paragraph unless the gap to the previous line is clearly larger than the usual line
  pitch, the font size or the left edge changes, or the previous line stops short and ends a sentence; the
  last paragraph of a page runs on into the next page when it did not end a sentence.
* A line that ends with an ellipsis ends its paragraph: a summary cut short ("...") above a byline of the same
  size reads as one block in a print without tags (Firefox's; Chromium's with tagging off) otherwise.
* A line-end U+2010 (the hyphen Blink draws when it hyphenates) or soft hyphen is dropped and the word
  joined; a line-end "-" stays (state-owned) unless the joined word occurs elsewhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

BAND = 0.06  # the share of the page height, top and bottom, where the print header and footer sit
MIN_BODY_CHARS = 20
UNTAGGED_ROOM = 3.0  # font sizes to spare, for the next word to have fitted at the end of an untagged line
MAX_PITCH = 1.2  # font sizes: a paragraph's usual distance between baselines is at most this
MAX_RUNNING_SIZE = 12.0  # points: a browser prints its header and footer small, whatever the page's scale
HYPHENS = ("\u2010", "\u00ad", "\x02")
SENTENCE_END = tuple(".!?:;\"'”’)»…")
ELLIPSES = ("...", "…")  # a summary cut short ends its paragraph at the end of a line

_URL = re.compile(r"(?:https?|file)://\S+", re.I)
_COUNTER = re.compile(
    r"(?:(?:page|seite|página|pagina|sayfa)\s+)?(\d{1,4})\s*(?:/|of|von|de|sur|di)\s*(\d{1,4})$", re.I
)
_BARE_NUMBER = re.compile(r"[-–—\s]*\d{1,4}[-–—\s]*")
_DATE = re.compile(
    r"(?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?P<c>\d{2,4}),?\s+(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?"
)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([-+Zz])(\d{2})?'?(\d{2})?'?)?")
_NUMBER_CELL = re.compile(r"[-+−(]?[\d,.]+%?\)?")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_TOKEN_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?")
_TOKEN_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?")


@dataclass(frozen=True, slots=True)
class Line:
    """A run of text on one baseline; positions in points, ``baseline`` from the top of the page."""

    page: int
    text: str
    left: float
    right: float
    baseline: float
    size: float
    page_height: float
    block: tuple[int, ...] | None = None  # the element of a tagged PDF the text belongs to (see pdf_tags)
    cells: tuple[tuple[float, float], ...] = ()  # a table row's cells (tab-separated in ``text``): left, right

    @property
    def at_edge(self) -> bool:
        """In the top or bottom band, where a browser prints its header and footer."""
        if self.size > MAX_RUNNING_SIZE:
            return False  # a headline near the top of a page printed without margins
        return self.baseline < self.page_height * BAND + self.size or self.baseline > self.page_height * (1 - BAND)


@dataclass(frozen=True, slots=True)
class Running:
    """What the header and footer said."""

    url: str | None = None
    url_cut: str | None = None  # an address the footer shortened with "…"
    date: datetime | None = None


Said = list[tuple[str, object]]


def body_and_running(pages: list[list[Line]], title: str | None) -> tuple[list[Line], Running]:
    """The body lines of all pages in order, and what their header and footer lines said."""
    repeated = _repeated(pages)
    body: list[Line] = []
    url: str | None = None
    url_cut: str | None = None
    date: datetime | None = None
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            said = _says(line.text, title) if line.at_edge else []
            if not said and (p, i) not in repeated:
                body.append(line)
                continue
            for kind, value in said:
                if kind == "url" and isinstance(value, str) and url is None and url_cut is None:
                    url, url_cut = (None, value) if "…" in value or value.endswith("...") else (value, None)
                elif kind == "date" and isinstance(value, datetime) and date is None:
                    date = value
    return body, Running(url, url_cut, date)


def _says(text: str, title: str | None) -> Said:
    """What running-header content a line at the page's edge holds: date, title, url, counter."""
    said: Said = []
    rest = text
    match = _DATE.match(rest)
    when = header_date(match) if match else None
    if match and when is not None:
        said.append(("date", when))
        rest = rest[match.end() :].strip()
    counter = _COUNTER.search(rest)
    if counter and (counter.start() == 0 or rest[counter.start() - 1].isspace()):
        said.append(("counter", counter.group(0)))
        rest = rest[: counter.start()].strip()
    url = _URL.search(rest)
    if url:
        said.append(("url", url.group(0)))
        rest = (rest[: url.start()] + rest[url.end() :]).strip()
    if title and rest and _is_title(rest, title):
        said.append(("title", rest))
        rest = ""
    if said and len(rest.split()) > 3 and not any(kind in ("date", "title") for kind, _ in said):
        return []  # an address or a number inside ordinary text near the edge
    if not said and _BARE_NUMBER.fullmatch(text):
        said.append(("counter", text))
    if not said and title and (_RTL.search(title) or _TOKEN_DATE.search(text)):
        said = _scrambled_header(text, title)
    return said


def _scrambled_header(text: str, title: str) -> Said:
    """A header whose words PDFium reordered (a right-to-left title comes out reversed): every word is a word
    of the title (read either way), the date, the time or AM/PM."""
    title_words = set(title.split())
    date = time = ampm = None
    words = 0
    for token in text.split():
        if _TOKEN_DATE.fullmatch(token):
            date = token.rstrip(",")
        elif _TOKEN_TIME.fullmatch(token):
            time = token
        elif token.upper() in ("AM", "PM"):
            ampm = token
        elif token in title_words or token[::-1] in title_words or token in ("-", "–", "|"):
            words += 1
        else:
            return []
    said: Said = []
    match = _DATE.match(f"{date}, {time or '0:00'} {ampm or ''}".strip()) if date else None
    when = header_date(match) if match else None
    if when is not None:
        said.append(("date", when))
    if words >= 2:
        said.append(("title", title))
    return said


def _is_title(text: str, title: str) -> bool:
    """The header's title, maybe shortened with an ellipsis."""
    text, title = text.strip(), title.strip()
    if text == title:
        return True
    for mark in ("…", "..."):
        if mark in text:
            head, _, tail = text.partition(mark)
            return title.startswith(head.strip()) and title.endswith(tail.strip())
    return len(text) > 10 and title.startswith(text)


def _repeated(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """Edge lines whose text comes back at the same height on most pages (digits aside, from three pages; on two,
    the very same words): a running header or footer of the page's own print style."""
    if len(pages) < 2:
        return set()
    seen: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            if line.at_edge and (len(pages) >= 3 or len(line.text.split()) >= 3):  # (two pages: the very same words)
                text = re.sub(r"\d+", "#", line.text) if len(pages) >= 3 else line.text
                seen.setdefault((text, round(line.baseline / 3)), []).append((p, i))
    need = max(2, int(len(pages) * 0.6))
    return {spot for spots in seen.values() if len({p for p, _ in spots}) >= need for spot in spots}


def header_date(match: re.Match[str]) -> datetime | None:
    """A print header's date (11/30/26, 7:17 PM · 30.11.26, 19:23 · 2026-11-30 19:23), with no zone."""
    a, b, c = int(match["a"]), int(match["b"]), int(match["c"])
    hour, minute, second = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if a > 31:  # year first
        year, month, day = a, b, c
    elif match.group(0)[len(match["a"])] == "." or a > 12:  # 30.11.26 or 30/11/2026
        day, month, year = a, b, c
    elif b > 12:
        month, day, year = a, b, c
    else:  # either order: the US one with a 12-hour clock, else day first
        month, day = (a, b) if ampm else (b, a)
        year = c
    try:
        return datetime(year + 2000 if year < 100 else year, month, day, hour, minute, second)
    except ValueError:
        return None


def pdf_date(value: str | None) -> str | None:
    """ISO 8601 from a PDF date (D:YYYYMMDDHHmmSSOHH'mm'), its offset kept; UTC when it names none."""
    match = _PDF_DATE.match(value.strip()) if value else None
    if match is None:
        return None
    defaults = (0, 1, 1, 0, 0, 0)
    year, month, day, hour, minute, second = (int(g) if g else d for g, d in zip(match.groups()[:6], defaults,
                                                                                   strict=True))
    offset = timedelta(hours=int(match.group(8) or 0), minutes=int(match.group(9) or 0))
    try:
        zone = timezone(-offset if match.group(7) == "-" else offset)
        when = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    return when.isoformat(timespec="seconds")


def paragraphs(lines: list[Line]) -> list[str]:
    """Body lines, in drawing order, joined into paragraphs."""
    if not lines:
        return []
    lines = _rows_rejoined(lines)
    pitch = _usual_pitch(lines)
    words = {w.lower() for line in lines for w in re.findall(r"[^\W\d_]+", line.text)}
    rights = _column_rights(lines)
    out: list[str] = []
    current = lines[0].text
    for prev, line in zip(lines, lines[1:], strict=False):
        if _continues(prev, line, pitch, _column_right(rights, prev)):
            current = _join(current, line.text, words)
        else:
            out.append(current)
            current = line.text
    out.append(current)
    return out


def _rows_rejoined(lines: list[Line]) -> list[Line]:
    """Table rows as a copy of the page gives them: a row cut by a page break gets the rest of its cells' text
    back from the top of the next page, and a row that printed no text in some cells gets them empty, so its
    cells stay under their column's header."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.cells and line.cells and line.page == prev.page + 1
                and len(line.cells) < len(prev.cells) and not any(_NUMBER_CELL.fullmatch(c) for c in line.text.split("\t"))):
            texts = prev.text.split("\t")
            for cell, text in zip(line.cells, line.text.split("\t"), strict=False):
                k = _column_of(cell, prev.cells)
                texts[k] = f"{texts[k]} {text}".strip()
            out[-1] = replace(prev, text="\t".join(texts))
            continue
        out.append(line)
    return _with_empty_cells(out)


def _with_empty_cells(lines: list[Line]) -> list[Line]:
    """Rows of a table (consecutive lines with cells) with fewer cells than its widest row, and a figure in one,
    get their missing cells as empty ones, each cell put in the column it overlaps most."""
    out = list(lines)
    n = 0
    while n < len(out):
        end = n
        while end < len(out) and out[end].cells:
            end += 1
        if end - n >= 2:
            width = max(len(out[k].cells) for k in range(n, end))
            full = [out[k].cells for k in range(n, end) if len(out[k].cells) == width]
            columns = [(min(c[i][0] for c in full), max(c[i][1] for c in full)) for i in range(width)]
            for k in range(n, end):  # (a header row with cells that span columns is left as it is)
                if len(out[k].cells) < width and any(_NUMBER_CELL.fullmatch(c) for c in out[k].text.split("\t")):
                    out[k] = _spread(out[k], columns)
        n = end + 1
    return out


def _spread(row: Line, columns: list[tuple[float, float]]) -> Line:
    texts = [""] * len(columns)
    floor = 0
    for cell, text in zip(row.cells, row.text.split("\t"), strict=False):
        k = max(floor, _column_of(cell, columns))
        if k >= len(columns) or texts[k]:
            return row  # cells that do not fit the columns: the row is left as it printed
        texts[k], floor = text, k + 1
    return replace(row, text="\t".join(texts), cells=tuple(columns))


def _column_of(cell: tuple[float, float], columns: Sequence[tuple[float, float]]) -> int:
    """The column a cell overlaps most (the nearest one when it overlaps none)."""
    def score(k: int) -> tuple[float, float]:
        left, right = columns[k]
        overlap = min(right, cell[1]) - max(left, cell[0])
        return overlap, -abs((left + right) - (cell[0] + cell[1]))

    return max(range(len(columns)), key=score)


def _usual_pitch(lines: list[Line]) -> dict[int, float]:
    """The distance between consecutive baselines of one paragraph, per font size (rounded): the lower quartile of
    the distances, as a short page with blank lines between its paragraphs has nearly as many wider ones, and no
    more than a line height can be (where every paragraph is one line, all the distances are wider)."""
    gaps: dict[int, list[float]] = {}
    for prev, line in zip(lines, lines[1:], strict=False):
        gap = line.baseline - prev.baseline
        if prev.page == line.page and 0 < gap < 3 * line.size and abs(prev.size - line.size) < 0.5:
            gaps.setdefault(round(line.size), []).append(gap)
    return {size: min(sorted(values)[len(values) // 4], MAX_PITCH * size) for size, values in gaps.items()}


def _column_rights(lines: list[Line]) -> dict[tuple[int, int], float]:
    """Where the longest line ends, per font size and left edge (in 3-point steps): a column of text, so a
    strip or heading that starts elsewhere and sticks out does not make every line of it look short."""
    rights: dict[tuple[int, int], float] = {}
    for line in lines:
        key = _column(line)
        rights[key] = max(rights.get(key, 0.0), line.right)
    return rights


def _column(line: Line) -> tuple[int, int]:
    return round(line.size), round(line.left / 3)


def _column_right(rights: dict[tuple[int, int], float], line: Line) -> float:
    size, left = _column(line)
    return max(rights.get((size, left + step), 0.0) for step in (-1, 0, 1))


def _continues(prev: Line, line: Line, pitch: dict[int, float], column_right: float) -> bool:
    usual = pitch.get(round(line.size), 1.2 * line.size)
    gap = line.baseline - prev.baseline
    if prev.cells or line.cells:
        return False  # a table's row is a line of its own
    if prev.page == line.page and prev.block is not None and line.block is not None:
        if prev.block != line.block:
            return False  # a tagged page says where blocks are; inside one, line breaks (<br>) are told as below
        if gap < 0:
            return True  # the next column of a page printed in columns
    if abs(prev.size - line.size) > 0.1 * max(prev.size, line.size):
        return False
    ended = prev.text.endswith(SENTENCE_END)
    short = prev.right < column_right - 4 * line.size
    if line.page != prev.page:  # runs on only when the page's last line did not end the paragraph (in any column)
        return not ended and not short and not line.text[:1].isupper()
    if abs(prev.left - line.left) > 0.6 * line.size:
        return False  # an indented first line, a quotation, another column
    if gap <= 0 or gap > 1.35 * usual:
        return False
    if short and ended or _would_fit(prev, line, column_right) or prev.text.endswith(ELLIPSES):
        return False
    return not (short and line.text[:1].isupper() and len(prev.text.split()) < 8)


def _would_fit(prev: Line, line: Line, column_right: float) -> bool:
    """Whether the next line's first word would have fitted at the end of the line: then the browser did not wrap
    there (it wraps by width), a line break (<br>) did. An untagged PDF's line must leave more room, as it may come
    from a tool that wraps otherwise. (Widths from the line's mean character width; not for right-to-left text,
    whose ragged edge is the left one.)"""
    if not prev.text or _RTL.search(prev.text) or _RTL.search(line.text[:1]):
        return False
    width = (line.right - line.left) / max(1, len(line.text))
    word = len(line.text.split(maxsplit=1)[0]) if line.text.strip() else 0
    room = 0.5 if prev.block is not None else UNTAGGED_ROOM  # (an untagged PDF may not be a browser's print)
    return prev.right + (word + 1) * width < column_right - room * line.size


def _join(current: str, following: str, words: set[str]) -> str:
    if current.endswith(HYPHENS):
        return current[:-1] + following
    if current.endswith("-") and len(current) > 1 and current[-2].isalpha() and following[:1].islower():
        head = re.findall(r"[^\W\d_]+$", current[:-1])
        tail = re.findall(r"^[^\W\d_]+", following)
        if head and tail and (head[0] + tail[0]).lower() in words:
            return current[:-1] + following
        return current + following  # state-owned, year-on-year: the hyphen is part of the word
    return current + " " + following
