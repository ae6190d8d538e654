"""The article from rendered lines: title, section, dates, byline, summary, paragraphs, related links."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parsing.html.layout import Line
from parsing.sites.brecorder import TITLE_SUFFIX
from parsing.sites.vocabulary import FURNITURE_LINES, STOP_LINES

_MONTHS = {m[:3].lower(): n for n, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), 1)}
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATE_MDY = re.compile(_MONTH + r" (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b", re.I)
_DATE_DMY = re.compile(r"\b(?P<day>\d{1,2}) " + _MONTH + r",? (?P<year>(?:19|20)\d\d)\b", re.I)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PUBLISHED = re.compile(
    r"(?:(?P<name>[A-Z][\w.&'’ -]{1,40}?) (?:\| )?)?(?:Published|Updated|Posted|Last updated)\b:? ?(?P<rest>.{6,60})$",
    re.I,
)
_BYLINE_DATE = re.compile(r"(?:By )?(?P<name>[A-Z][\w.&'’ -]{1,40}?),? (?:\| )?(?P<rest>\d{1,2} [A-Za-z]{3,9}\.?,? \d{4}.{0,20})$")
_BY = re.compile(r"By (?P<name>[A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{1,30}){0,4})$")
_SENTENCE_END = ("." , "!", "?", "”", '"', "’", "'", ":", ")", "…", "۔")
_PUBLISHED_WORD = re.compile(r"\bPublished\b", re.I)
MAX_RELATED_WORDS = 25
MAX_CAPTION_WORDS = 40
_READ_MORE = re.compile(r"(?:Read more|Also read|Read also|Related|See also|Also see)\s?[:\-–—]\s?", re.I)


@dataclass
class Article:
    """What the article lines gave; images are (line, after_paragraph, caption)."""

    title: str | None = None
    section: str | None = None
    published: str | None = None
    byline: str | None = None
    summary: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    images: list[tuple[Line, int, str | None]] = field(default_factory=list)


def clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    return TITLE_SUFFIX.sub("", title)[:500] or None


def iso_date(text: str | None) -> str | None:
    """YYYY-MM-DD from "January 13, 2025", "05 Jul, 2022" or an ISO timestamp; None if none is there."""
    if not text:
        return None
    text = text[:200]
    match = _ISO_DATE.match(text.strip())
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DATE_MDY.search(text) or _DATE_DMY.search(text)
        if not match:
            return None
        year, day = int(match["year"]), int(match["day"])
        month = _MONTHS.get(match["month"][:3].lower(), 0)
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_line(text: str) -> tuple[str | None, str | None] | None:
    """(published, byline) when the line is a dateline such as "Published January 13, 2025"."""
    if len(text) > 90:
        return None
    match = _PUBLISHED.match(text)
    if match and iso_date(match["rest"]):
        return iso_date(match["rest"]), (match["name"] or "").strip(" |") or None
    match = _BYLINE_DATE.match(text)
    if match and iso_date(match["rest"]):
        return iso_date(match["rest"]), match["name"].strip()
    return None


def is_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END) or len(text.split()) >= 12


def build_article(lines: Sequence[Line], title_hint: str | None = None, html: bool = False) -> Article:
    """Split rendered article lines into the article's parts (shared by text copies and HTML)."""
    art = Article()
    start = _find_title(lines, title_hint, art)
    body = _read_header(lines, start, art)
    _read_body(lines, body, art, html)
    if art.summary is None:
        _teaser_from_first_paragraph(art)
    return art


def _find_title(lines: Sequence[Line], hint: str | None, art: Article) -> int:
    """Index of the first line after the title (0 when no title line is found)."""
    index = -1
    if hint:
        index = next((n for n, ln in enumerate(lines[:80]) if ln.text == hint), -1)
    if index < 0:
        index = next((n for n, ln in enumerate(lines[:80]) if ln.kind == "h1"), -1)
    if index < 0 and not hint:
        index = _guess_title(lines)
    if index < 0:
        art.title = hint
        return 0
    art.title = clean_title(lines[index].text)
    if index > 0:
        prev = lines[index - 1].text
        if len(prev.split()) <= 4 and not is_sentence(prev) and prev.lower() not in FURNITURE_LINES:
            art.section = prev
    return index + 1


def _guess_title(lines: Sequence[Line]) -> int:
    """In a text copy the title sits above the dateline or byline (perhaps with a teaser between), else
    above the first paragraph."""
    for n, line in enumerate(lines[:40]):
        if date_line(line.text) or _BY.match(line.text):
            return _title_above(lines, n)
    first = next((n for n, ln in enumerate(lines[:40]) if len(ln.text.split()) >= 12 and is_sentence(ln.text)), -1)
    if first > 0 and (above := _title_above(lines, first)) >= 0:
        return above
    for n, line in enumerate(lines[:20]):
        text = line.text
        if len(text.split()) >= 4 and not text.endswith(".") and text.lower() not in FURNITURE_LINES:
            return n
    return -1


def _title_above(lines: Sequence[Line], n: int) -> int:
    """The nearest line above ``n`` that can be a title (not furniture, a byline or a teaser), or -1."""
    for k in range(n - 1, -1, -1):
        text = lines[k].text
        if text.lower() in FURNITURE_LINES or _BY.match(text) or date_line(text):
            continue
        if not text.endswith(("...", "…")) and len(text.split()) >= 3:
            return k
    return -1


def _read_header(lines: Sequence[Line], start: int, art: Article) -> int:
    """Take dateline, byline and teaser right after the title; returns where the body starts."""
    n = start
    from_published = False  # an "Updated" or "Posted" date gives way to a "Published" one
    while n < len(lines) and n < start + 8:
        line = lines[n]
        dated = date_line(line.text)
        if dated:
            published_line = _PUBLISHED_WORD.search(line.text) is not None
            if art.published is None or (published_line and not from_published):
                art.published, from_published = dated[0], published_line
            art.byline = art.byline or dated[1]
        elif line.kind == "summary" or (line.text.endswith(("...", "…")) and line.kind != "img"):
            art.summary = art.summary or line.text
        elif by := _BY.match(line.text):
            art.byline = by["name"]
        elif line.text.lower() not in FURNITURE_LINES and not (line.link_only and not is_sentence(line.text)):
            break
        n += 1
    return n


def _read_body(lines: Sequence[Line], n: int, art: Article, html: bool) -> None:
    pending: list[str] = []  # related-looking lines; kept only when a paragraph follows
    heading: str | None = None  # a subheading; kept only when a paragraph follows (else a widget's title)
    after_img = False
    for line in lines[n:]:
        text, low = line.text, line.text.lower()
        if low in STOP_LINES and art.paragraphs:
            break
        if line.kind == "img":
            art.images.append((line, len(art.paragraphs), None))
            after_img = True
            continue
        if line.kind == "figcaption" or line.in_figure or (html and after_img and _loose_caption(line, art)):
            _caption(art, text)
        elif low in FURNITURE_LINES or date_line(text):
            pass
        elif line.kind == "summary" and not art.paragraphs:
            art.summary = art.summary or text
        elif _is_related(line, html):
            pending.append(text)
            heading = None
        elif html and line.link_only:
            pass
        elif html and line.kind in ("h2", "h3", "h4"):
            heading = text
        elif is_sentence(text) or (html and line.kind in ("p", "blockquote")):
            if art.paragraphs:
                art.related.extend(pending)
            pending.clear()
            art.paragraphs.extend([heading, text] if heading else [text])
            heading = None
        after_img = False


def _loose_caption(line: Line, art: Article) -> bool:
    """A short non-paragraph line right under an image that has no caption yet is that image's caption."""
    return (
        line.kind not in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
        and len(line.text.split()) <= MAX_CAPTION_WORDS
        and bool(art.images) and art.images[-1][2] is None
    )


def _is_related(line: Line, html: bool) -> bool:
    if _READ_MORE.match(line.text) and len(line.text) < 300:
        return True
    words = len(line.text.split())
    if html:
        return line.link_only and words <= MAX_RELATED_WORDS and words >= 3
    return 3 <= words <= MAX_RELATED_WORDS and not is_sentence(line.text)


def _caption(art: Article, text: str) -> None:
    if art.images and art.images[-1][2] is None:
        line, after, _ = art.images[-1]
        art.images[-1] = (line, after, text)


def _teaser_from_first_paragraph(art: Article) -> None:
    """A first "paragraph" ending in "..." that the next one repeats is the teaser."""
    if len(art.paragraphs) >= 2 and art.paragraphs[0].endswith(("...", "…")):
        head = art.paragraphs[0].rstrip(".…").rstrip()
        if art.paragraphs[1].startswith(head[: max(20, len(head) - 2)]):
            art.summary = art.paragraphs.pop(0)
