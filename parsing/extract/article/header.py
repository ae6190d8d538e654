"""Metadata found in the body: the <h1>, byline elements and "By ..." lines, <time>, the section label."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsing.extract.article.assemble import BY_LINE, NAME_DATE, TABULAR, Assembly, heading_text
from parsing.extract.article.region import Scored, prose_chars
from parsing.extract.dates import DATE_START, dateline, is_date_only, iso_date, leading_date, name_and_date
from parsing.extract.lines import is_date_line, line_key, name_in, section_label
from parsing.extract.metadata import HeadMeta, meta_author, meta_date, meta_section, url_date
from parsing.html.blocks import Block, ElementTable
from parsing.html.marks import BYLINE, DATE, NOTICE, STORY, TEASER
from parsing.sites.vocabulary import FURNITURE_LINES, HEADINGS

MAX_BYLINE_CHARS = 100
MIN_BYLINE_CHARS = 3
MAX_CANDIDATES = 30
MAX_HEADER_LINES = 25
MAX_BAR_CHARS = 300
MAX_SMALL_ELEMENTS = 60  # descendants of an element whose text is read for a byline or a date
MAX_SMALL_TEXT = 2_000  # (no less than blocks.MAX_FURNITURE_TEXT: ``skipped_chars`` counts on it)
_NOT_BARS = frozenset({"nav", "aside", "footer", "menu", "form"})
MAX_STORY_CLIMB = 6
MAX_TITLE_CHARS = 300
HEADING_REACH = 12  # blocks between the story's <h1> and its first paragraph
MAX_HEADER_CHARS = 200
_BY_PREFIX = re.compile(r"^(?:(?:posted|written|reported|words|story|text)\s+)?(?:by|par|von|por|di|door|av)\s*:?\s+",
                        re.IGNORECASE)
_FROM = re.compile(r"^(?i:from)\s+(?=[^\W\d_a-z])")  # "From Reuters", "From Our Correspondent": a wire's byline
_TRAILING = re.compile(r"(?:[\s|,·•⋅∙–—:-]|\s(?i:on|at)\b)+$")
_PARTS = re.compile(r"\s+[|·•⋅∙]\s+|\s+[–—-]\s+(?=(?i:by)\s)")  # the parts of a meta line
_DIGIT = re.compile(r"\d")
_BY_INSIDE = re.compile(r"\s(?:by|par|von|por)\s+(?=[A-Z])", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?]\s")
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_DATELINE_START = re.compile(r"\b(?:published|updated|posted|last updated)\b", re.IGNORECASE)


def story_end(table: ElementTable, scored: Scored) -> int:
    """Index of the last element of the story (the whole page when none was chosen)."""
    return table.end[scored.roots[-1]] if scored.roots else len(table) - 1


def story_start(table: ElementTable, scored: Scored) -> int:
    """Index of the element of the story's first paragraph (bylines and dates in a bar sit above it)."""
    if scored.start < 0:
        scored.start = _first_text(table, scored)
    return scored.start


def _first_text(table: ElementTable, scored: Scored) -> int:
    if not scored.roots:
        return 0
    first = scored.roots[0]
    for block in table.blocks:
        if (block.elem > first and table.inside(block.elem, first) and scored.bad_ancestor[block.elem] < 0
                and prose_chars(block) > 0):
            return block.elem
    return first


def _in_bar(table: ElementTable, scored: Scored, index: int, start: int) -> bool:
    """Whether an element is outside furniture, or inside a small bar of metadata above the story's start."""
    bad = scored.bad_ancestor[index]
    return bad < 0 or (index < start and _small_bar(table, bad))


def headings(table: ElementTable, scored: Scored) -> list[str]:
    """Texts of the <h1> blocks outside furniture, the one nearest above or inside the story first."""
    found: list[tuple[int, str]] = []
    first = scored.roots[0] if scored.roots else 0
    for number, block in enumerate(table.blocks):
        if (block.kind == "h1" and scored.bad_ancestor[block.elem] < 0 and len(block.text) <= 500
                and number not in scored.skipped):
            distance = abs(block.elem - first) if block.elem <= story_end(table, scored) else 10**9
            found.append((distance, block.text))
    found.sort(key=lambda item: item[0])
    return [text for _distance, text in found]


def story_heading(table: ElementTable, scored: Scored) -> str | None:
    """The <h1> of the story: inside it, inside the <article> around it, or right above it."""
    if not scored.roots:
        return None
    first = scored.roots[0]
    outer = first
    for _ in range(MAX_STORY_CLIMB):
        if table.marks[outer] & STORY or table.parent[outer] <= 0:
            break
        outer = table.parent[outer]
    if not table.marks[outer] & STORY:
        outer = first
    start = next((n for n, b in enumerate(table.blocks) if table.inside(b.elem, first)), len(table.blocks))
    before = None
    for number, block in enumerate(table.blocks):
        if block.kind != "h1" or scored.bad_ancestor[block.elem] >= 0 or len(block.text) > MAX_TITLE_CHARS:
            continue
        if any(table.inside(block.elem, root) for root in scored.roots) or table.inside(block.elem, outer):
            return heading_text(block.text)
        if 0 <= start - number <= HEADING_REACH:
            before = heading_text(block.text)  # the last one above the story is the nearest
    return before


def near_headings(table: ElementTable, scored: Scored) -> list[str]:
    """Texts of the headings other than <h1> just above the story's first paragraph, outside furniture or in a
    small bar of it (where a page whose <h1> is its name, or that has none, puts the story's headline)."""
    if not scored.roots:
        return []
    begin = story_start(table, scored)
    start = next((n for n, b in enumerate(table.blocks) if b.elem >= begin), len(table.blocks))
    return [heading_text(block.text) for block in table.blocks[max(0, start - HEADING_REACH): start]
            if block.kind in HEADINGS and block.kind != "h1" and _in_bar(table, scored, block.elem, begin)
            and len(block.text) <= MAX_TITLE_CHARS]


def date_then_name(text: str) -> tuple[str, str] | None:
    """(ISO date, name) of a short line that starts with the date and ends with the writer's name, apart by a
    bar or a dot ("March 11, 2024 | 10:15 PM PKT | Khalid Mustafa", "Mar 11th, 2024 · By Ali Khan")."""
    if len(text) > MAX_BYLINE_CHARS or not DATE_START.match(text):
        return None
    parts = _PARTS.split(text)
    date = iso_date(parts[0])
    last = parts[-1]
    if len(parts) < 2 or not date or not (BY_LINE.match(last) or name_in(last)):
        return None
    name = clean_byline(last)
    return (date, name) if name else None


def clean_byline(text: str) -> str | None:
    """A byline with spacing collapsed, what follows the name (a dateline, a date, digits) and trailing
    separators cut, and a leading "By" (or a wire's "From") removed; None when no name is left."""
    text = _BY_PREFIX.sub("", _FROM.sub("", " ".join(text[:MAX_SMALL_TEXT].split())))
    cut = _DATELINE_START.search(text)
    if cut:
        text = text[: cut.start()]
    by = _BY_INSIDE.search(text)
    if by:
        text = text[by.end():]  # "Tech Industry by Steven Musil"
    for pattern in (DATE_START, _DIGIT):  # names hold no dates or digits: what follows is a date or a count
        found = pattern.search(text)
        if found:
            text = text[: found.start()]
    text = _TRAILING.sub("", text)
    text = _BY_PREFIX.sub("", text)
    if len(text) < MIN_BYLINE_CHARS or len(text) > MAX_BYLINE_CHARS or line_key(text) in FURNITURE_LINES:
        return None
    return text


def _element_bylines(table: ElementTable, scored: Scored, title: str | None) -> list[str]:
    """Texts of byline elements (class byline or author, rel=author, itemprop=author) before the story's end.

    One inside furniture counts only before the story starts and inside a small bar (an "entry-meta"
    line under the title), never inside navigation, asides or footers. Nearest the title first.
    """
    found: list[tuple[int, str]] = []
    last = story_end(table, scored)
    start = story_start(table, scored)
    lines: dict[int, list[str]] | None = None
    for index in range(min(last + 1, len(table))):
        if not table.marks[index] & BYLINE or not _in_bar(table, scored, index, start):
            continue
        text = _small_text(table, index)
        if 0 < len(text) < MAX_BYLINE_CHARS and not _SENTENCE.search(text):
            if table.end[index] > index:  # its lines, when it has several: their texts run together in ``text``
                lines = lines if lines is not None else _lines_by_element(table)
                parts = [line for elem in range(index, table.end[index] + 1) for line in lines.get(elem, ())]
                parts.sort(key=lambda line: _BY_PREFIX.match(line) is None)  # "by Jane Doe" before "Tech Industry"
                found.extend((index, part) for part in (parts if len(parts) > 1 else [text]))
            else:
                found.append((index, text))
            if len(found) >= MAX_CANDIDATES:
                break
    anchor = _title_element(table, scored, title)
    found.sort(key=lambda item: abs(item[0] - anchor))  # the one nearest the title is the story's
    return [text for _index, text in found]


def _lines_by_element(table: ElementTable) -> dict[int, list[str]]:
    """The texts of the blocks each element owns ("Jane Doe" and "Business reporter" of a byline box)."""
    lines: dict[int, list[str]] = {}
    for block in table.blocks:
        lines.setdefault(block.elem, []).append(block.text)
    return lines


def _small_text(table: ElementTable, index: int) -> str:
    """The text of a small element (a few descendants), spacing collapsed; "" for a larger one."""
    if table.end[index] - index > MAX_SMALL_ELEMENTS:
        return ""
    return " ".join((table.nodes[index].text(deep=True) or "")[:MAX_SMALL_TEXT].split())


def _title_element(table: ElementTable, scored: Scored, title: str | None) -> int:
    """The element of the story's <h1> (the title), else the story's first element."""
    key = line_key(title or "")
    first = scored.roots[0] if scored.roots else 0
    for block in table.blocks:
        if block.kind == "h1" and key and line_key(block.text) == key:
            return block.elem
    return first


def _small_bar(table: ElementTable, index: int) -> bool:
    """Whether a furniture element is a small bar of page metadata, not navigation or a footer."""
    if table.tags[index] in _NOT_BARS or table.marks[index] & NOTICE:
        return False
    if index in table.skipped and skipped_chars(table, index) > MAX_BAR_CHARS:
        return False  # (what the walk read of it is longer than a bar: its text need not be read again)
    text = _small_text(table, index)
    return 0 < len(text) <= MAX_BAR_CHARS


def skipped_chars(table: ElementTable, index: int) -> int:
    """A lower bound of the length of a skipped furniture element's ``_small_text``: the characters other than
    spaces of its one block (its text's first ``MAX_FURNITURE_TEXT`` characters, collapsed). Those characters
    come first in the text that ``_small_text`` reads, within its first ``MAX_SMALL_TEXT`` characters, and
    collapsing keeps every one of them."""
    for block in table.blocks:
        if block.elem == index:
            return len(block.text) - block.text.count(" ")
    return 0


def header_lines(table: ElementTable, scored: Scored, title: str | None) -> list[Block]:
    """Lines between the title heading and the story (where bylines and datelines sit), furniture left out."""
    if not scored.roots:
        return []
    first = scored.roots[0]
    start = next((n for n, b in enumerate(table.blocks) if table.inside(b.elem, first)), len(table.blocks))
    key = line_key(title or "")
    heading = next(
        (n for n, b in enumerate(table.blocks[:start]) if b.kind in HEADINGS and line_key(b.text) == key), None
    )
    if heading is None:
        heading = next((n for n, b in enumerate(table.blocks[:start]) if b.kind == "h1"), max(0, start - 8))
    begin = story_start(table, scored)
    lines = [block for block in table.blocks[max(0, heading - 3): start][:MAX_HEADER_LINES]
             if _in_bar(table, scored, block.elem, begin) and len(block.text) <= MAX_HEADER_CHARS]
    for block in table.blocks[start: start + MAX_HEADER_LINES]:  # inside the story's element, above its text
        if block.elem >= begin:
            break
        if _in_bar(table, scored, block.elem, begin) and len(block.text) <= MAX_HEADER_CHARS:
            lines.append(block)
    return lines


def header_teaser(header: list[Block], table: ElementTable, scored: Scored) -> str | None:
    """A teaser (standfirst, excerpt) between the title and the story's element (inside it, the story's own
    reading finds its teaser)."""
    first = scored.roots[0] if scored.roots else -1
    return next((block.text for block in header if block.marks & TEASER and block.kind not in HEADINGS
                 and not (first >= 0 and table.inside(block.elem, first))), None)


def choose_byline(meta: HeadMeta, table: ElementTable, scored: Scored, parts: Assembly, header: list[Block],
                  title: str | None) -> str | None:
    """JSON-LD or <meta> author, else a byline element, else a "By ..." line near the title, else a name alone
    beside the date line (each source read only when the ones before it gave no name)."""
    for text in _byline_candidates(meta, table, scored, parts, header, title):
        cleaned = clean_byline(text) if text else None
        if cleaned:
            return cleaned
    return None


def _byline_candidates(meta: HeadMeta, table: ElementTable, scored: Scored, parts: Assembly, header: list[Block],
                       title: str | None) -> Iterator[str]:
    yield meta_author(meta) or ""
    yield from _element_bylines(table, scored, title)
    lines = [block.text for block in header]
    yield from (line for line in lines if BY_LINE.match(line) and len(line) < MAX_BYLINE_CHARS)
    yield from (match["name"] for block in header if block.kind not in TABULAR
                and (match := NAME_DATE.match(block.text)) and iso_date(match["date"]))
    yield from (found[1] for line in lines if (found := date_then_name(line)))
    yield from (found[0] for line in lines if (found := name_and_date(line)))  # "Our CorrespondentMarch 11, 2024"
    yield from parts.bylines
    yield from (name for n, text in enumerate(lines) if (name := name_in(text)) and any(
        is_date_line(near) for near in lines[max(0, n - 1): n + 2:2]))  # a name alone beside the date line
    if lines and parts.paragraphs and leading_date(parts.paragraphs[0]):
        yield name_in(lines[-1]) or ""  # a name alone over a first paragraph that opens with the date


def _time_dates(table: ElementTable, scored: Scored) -> list[str]:
    """Dates of <time datetime> and date-marked elements outside furniture, before the story's end; those
    written for machines (datetime, content) first, as a date shown in words may be the day's date in the
    page's top bar."""
    found: list[str] = []
    shown: list[str] = []
    last = story_end(table, scored)
    start = story_start(table, scored)
    for index in range(min(last + 1, len(table))):
        if not table.marks[index] & DATE or not _in_bar(table, scored, index, start):
            continue
        node = table.nodes[index]
        attrs = node.attributes
        machine = attrs.get("datetime") or attrs.get("content")
        value = machine
        if not value and table.tags[index] != "time":
            text = _small_text(table, index)
            value = text if len(text) < 120 else None
        date = iso_date(dateline(value) or value) if value else None
        if date:
            (found if machine else shown).append(date)
            if len(found) + len(shown) >= MAX_CANDIDATES:
                break
    return found + shown


def choose_date(meta: HeadMeta, table: ElementTable, scored: Scored, parts: Assembly, header: list[Block],
                ) -> str | None:
    """<meta> or JSON-LD date, else a dateline or date line near the title, else a <time> element, else the
    date the first paragraph opens with, else the date in the page's address."""
    date = meta_date(meta)
    if date:
        return date
    lines = [(block.text, block.kind) for block in header] + [(text, "") for text in parts.dates]
    found: list[tuple[str, str]] = []
    for text, kind in lines:
        match = NAME_DATE.match(text) if kind not in TABULAR else None
        named = date_then_name(text)
        date = (dateline(text) or (iso_date(match["date"]) if match else None)
                or (iso_date(text) if not kind or is_date_only(text) else None) or (named[0] if named else None)
                or (iso_date(text) if len(text) < MAX_BYLINE_CHARS and BY_LINE.match(text) else None))
        if date:
            found.append((date, text))
    for date, text in found:
        if not _UPDATED.search(text):
            return date  # a "Published" or plain date line wins over an earlier "Updated" one
    if found:
        return found[0][0]
    dates = _time_dates(table, scored)
    if dates:
        return dates[0]
    return (leading_date(parts.paragraphs[0]) if parts.paragraphs else None) or url_date(meta)


def choose_section(meta: HeadMeta, table: ElementTable, scored: Scored, title: str | None) -> str | None:
    """article:section or JSON-LD articleSection, else a short label right above the title heading."""
    section = meta_section(meta)
    if section:
        return section
    key = line_key(title or "")
    for number, block in enumerate(table.blocks):
        if block.kind == "h1" and (not key or line_key(block.text) == key):
            if number == 0:
                return None
            above = table.blocks[number - 1]
            return section_label(above.text) if scored.bad_ancestor[above.elem] < 0 else None
    return None
