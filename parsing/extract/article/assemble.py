"""The story's parts from the blocks of the chosen region: paragraphs, headings, images with captions,
the teaser, related links, and the byline and date lines met on the way."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from parsing.extract.article.model import ArticleImage
from parsing.extract.article.region import Scored
from parsing.extract.dates import dateline, is_date_only, iso_date
from parsing.extract.lines import MAX_REPEAT_CHARS, MIN_REPEAT_CHARS, is_comments_heading, line_key, repeating
from parsing.html.blocks import Block, ElementTable, ImageRef
from parsing.html.marks import BYLINE, CAPTION, DATE, FIGURE, TEASER
from parsing.sites.vocabulary import (
    CONTACT_HEADING,
    FURNITURE_LINES,
    MAX_WRITER_NOTE,
    STOP_LINES,
    SUBHEADINGS,
    WRITER_NOTE,
)

MAX_PARAGRAPHS = 5_000
MAX_KEYED_CHARS = 100
TITLE_SLACK = 20
MAX_RELATED_WORDS = 25
MAX_CAPTION_CHARS = 400
MAX_CAPTION_WORDS = 40
_NOT_CAPTIONS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "table", "tr", "dd",
                           "dt"})
MAX_TEASER_CHARS = 600
MAX_META_LINE = 200  # a byline or date line is never longer
MAX_LATE_DATELINE = 60  # after the first paragraph, only a dateline this short is one
TABULAR = frozenset({"tr", "td", "th", "table", "li", "dd", "dt"})  # a dateline never sits in these
_KEEP_SHORT = frozenset({"p", "li", "blockquote", "pre", "td", "tr", "dd", "dt", "table"})
_SENTENCE_END = (".", "!", "?", "”", '"', "’", "'", ":", ")", "…", "。", "！", "？", "۔", "؟")
_PROSE_END = (".", "!", "?", "”", '"', "’", "'", "…", "。", "！", "？", "۔", "؟")
MIN_SENTENCE_WORDS = 12
MAX_COUNT_CHARS = 12
MAX_CONTACT_CHARS = 60
PULL_QUOTE_DEPTH = 3
_SET_APART = frozenset({"blockquote", "aside", "figure"})
_WORD = re.compile(r"[^\W\d_]{2}")
_DIGIT = re.compile(r"\d")
_COMMENTS_START = frozenset("0123456789CcRrTt")  # "12 comments", "Comments (4)", "2 Responses", "Thoughts (3)"
_READ_MORE = re.compile(
    r"^(?:read more|also read|read also|read|related|see also|also see|more|watch|video|listen)\s?[:\-–—]\s?",
    re.IGNORECASE,
)
_PARTICLES = r"de|da|del|der|den|van|von|bin|al|el|la|le|di|du|dos"  # lower-case words inside names
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|" + _PARTICLES + ")"
_CAPITAL_WORD = r"[^\W\d_a-z][\w.'’-]*"  # a word that starts with a letter other than a-z
_NAMES = _CAPITAL_WORD + r"(?:\s+(?:" + _CAPITAL_WORD + "|" + _PARTICLES + r")){0,4}"
# "By Jane Doe", "By JANE DOE and John Roe | Reuters", "Par Jean Dupont": a name after the word, no sentence
BY_LINE = re.compile(
    r"^(?i:(?:posted|written|reported|words|story|text)\s+)?(?i:by|par|von|por|di|door|av)\s*:?\s+(?P<name>"
    + _NAMES + r"(?:\s*(?:,|and|&|und|et|y)\s+" + _NAMES + r")*)(?:(?:\s*[|,·•⋅∙–—-]|\s+(?i:on|at)\s).{0,60})?$"
)
NAME_DATE = re.compile(
    r"^(?:by\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+" + _NAME_WORD + r"){0,4}),?\s+(?:[|·•]\s+)?"
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    r"(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}-[A-Za-z]{3}-\d\d(?:\d\d)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})"
    r"\b.{0,24}$"
)
_ICON = re.compile(
    r"icon|logo|avatar|sprite|spacer|pixel|emoji|gravatar|badge|placeholder|blank\.gif", re.IGNORECASE
)


@dataclass(slots=True)
class Assembly:
    """What the region gave."""

    paragraphs: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    images: list[ArticleImage] = field(default_factory=list)
    summary: str | None = None
    bylines: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def is_sentence(text: str) -> bool:
    """Whether a line reads as a sentence: it ends as one (not with a bracket or a figure), or is long."""
    return text.rstrip().endswith(_PROSE_END) or len(text.split()) >= MIN_SENTENCE_WORDS


def heading_text(text: str) -> str:
    """A heading without the permalink mark that documentation sites add ("Setting up¶")."""
    return text.rstrip("¶§#🔗 ").rstrip() or text


class _Builder:
    """Walks the region's blocks in order, holding back headings and links until text follows them."""

    def __init__(self, title: str | None, link_lists: set[int], parents: list[int]) -> None:
        self.out = Assembly()
        self.parents = parents  # the element table's parent of each element
        self.last_parent = -1  # parent element of the last paragraph's element
        self.fence = -1  # after a "Related stories" line, the only parent whose paragraphs go on
        self.link_lists = link_lists  # lists whose items are mostly links (a list of related stories)
        self.title_key = line_key(title or "")
        self.title_chars = len(title or "")
        self.heading: str | None = None
        self.pending_related: list[str] = []
        self.open_image: int = -1  # index of the last image while it may still get a caption
        self.after_image = False  # the last thing placed was an image
        self.teaser_parent = -1  # parent element of the teaser's block
        self.quoted: set[int] = set()  # paragraphs set apart in a quotation, an aside or a figure

    def paragraph(self, text: str, parent: int, quoted: bool = False) -> None:
        out = self.out
        if out.paragraphs:
            out.related.extend(self.pending_related)
        self.pending_related.clear()
        if self.heading:
            out.paragraphs.append(self.heading)
            self.heading = None
        if quoted:
            self.quoted.add(len(out.paragraphs))
        out.paragraphs.append(text)
        self.last_parent = parent
        self.open_image = -1

    def image(self, ref: ImageRef) -> None:
        self.out.images.append(ArticleImage(ref.src, ref.alt, ref.attrs, len(self.out.paragraphs)))
        self.open_image = len(self.out.images) - 1
        self.after_image = True

    def caption(self, text: str) -> bool:
        if self.open_image < 0:
            return False
        image = self.out.images[self.open_image]
        caption = f"{image.caption} {text}" if image.caption else text
        if len(caption) > MAX_CAPTION_CHARS:
            return False
        self.out.images[self.open_image] = ArticleImage(
            image.src, image.alt, image.attrs, image.after_paragraph, caption
        )
        return True

    def header_line(self, block: Block) -> bool:
        """Take byline, date and teaser lines; True when the block was one of them."""
        text, marks, size, out = block.text, block.marks, len(block.text), self.out
        if size > MAX_META_LINE:
            return self._teaser(block)
        date = dateline(text) if not out.paragraphs or size <= MAX_LATE_DATELINE else None
        if date or is_date_only(text):
            out.dates.append(text)
            if size < 100 and BY_LINE.match(text):
                out.bylines.append(text)  # "Posted by Jane Doe on March 11, 2025"
            return True
        named = NAME_DATE.match(text) if not out.paragraphs and block.kind not in TABULAR else None
        if named and iso_date(named["date"]):
            out.bylines.append(named["name"])
            out.dates.append(named["date"])
            return True
        if marks & BYLINE or (size < 100 and BY_LINE.match(text)):
            out.bylines.append(text)
            return True
        if marks & DATE and size < 80:
            out.dates.append(text)
            return True
        return self._teaser(block)

    def _teaser(self, block: Block) -> bool:
        if block.marks & TEASER and not self.out.paragraphs and len(block.text) <= MAX_TEASER_CHARS:
            if self.out.summary is None:
                self.out.summary, self.teaser_parent = block.text, self.parents[block.elem]
                return True
            if self.parents[block.elem] == self.teaser_parent and is_sentence(block.text):
                self.paragraph(self.out.summary, self.teaser_parent)  # an intro of paragraphs opens the story
                return False
            return True
        return False


def _is_icon(ref: ImageRef) -> bool:
    attrs = ref.attrs
    for key in ("width", "height"):
        value = (attrs.get(key) or "").strip().rstrip("px")
        if value.isdigit() and int(value) <= 10:
            return True
    marks = f"{attrs.get('class') or ''} {ref.src[:300] if not ref.src.startswith('data:') else ''}"
    return _ICON.search(marks) is not None


def _loose_caption(block: Block) -> bool:
    """Whether a block may be the caption of the image right above it: a short line that is no paragraph,
    heading or list item."""
    return block.kind not in _NOT_CAPTIONS and len(block.text.split()) <= MAX_CAPTION_WORDS


def _is_link_line(block: Block) -> bool:
    return block.links * 2 > len(block.text) or _READ_MORE.match(block.text) is not None


def _handle(builder: _Builder, block: Block, quoted: bool = False) -> bool:
    """Place one block; False when the story is over."""
    text, kind, size, placed = block.text, block.kind, len(block.text), builder.out.paragraphs
    # furniture lines are short, and the title's line is about as long as the title
    keyed = size <= MAX_KEYED_CHARS or abs(size - builder.title_chars) <= TITLE_SLACK
    key = line_key(text) if keyed else text
    fresh_image, builder.after_image = builder.after_image, False
    if (key in STOP_LINES or _counted_comments(text)) and placed and builder.fence < 0:
        builder.fence = builder.last_parent  # "Related stories", "Comments": only the story's own element
        return True  # may go on after this line
    if not key or key in FURNITURE_LINES or key in STOP_LINES:
        return True
    if kind == "h1" or (builder.title_key and key == builder.title_key):
        return True
    if placed and size <= MAX_CONTACT_CHARS and CONTACT_HEADING.match(text):
        return False  # a press release's "Media contact:" block: the release is over
    if block.marks & (CAPTION | FIGURE) and kind not in ("blockquote", "table", "tr", "pre"):
        if builder.caption(text) or block.marks & CAPTION:
            return True
    if fresh_image and _loose_caption(block) and builder.caption(text):
        return True  # a short line right under an image that has no caption yet is its caption
    if builder.header_line(block):
        return True
    if placed and size <= MAX_WRITER_NOTE and text[:1] in "TtWwAaCc" and WRITER_NOTE.match(text):
        return True  # a note on the writer under the story
    if kind in SUBHEADINGS:
        if not _is_link_line(block):
            builder.heading = heading_text(text)
        return True
    if _is_link_line(block) and not (kind == "li" and block.elem not in builder.link_lists):
        words = len(text.split())
        if 3 <= words <= MAX_RELATED_WORDS or _READ_MORE.match(text):
            builder.pending_related.append(text)
        return True
    if size < 40 and kind not in _KEEP_SHORT and not text.endswith(_SENTENCE_END):
        return True  # a label of the page's furniture ("3 min read", "Photo"), not a paragraph
    if size <= MAX_COUNT_CHARS and kind not in TABULAR and not _WORD.search(text):
        return True  # a count or an ornament ("1.2K", "* * *") outside a table: no word in it
    parent = builder.parents[block.elem]
    if builder.fence >= 0 and parent != builder.fence:
        return False  # text from elsewhere after a "Related stories" line: the story is over
    builder.paragraph(text, parent, quoted)
    return len(builder.out.paragraphs) < MAX_PARAGRAPHS


def _counted_comments(text: str) -> bool:
    """ "Comments (4)", "12 comments", "2 responses to ...": the heading of readers' comments, with their count
    (a subheading "Response" in a story about an API is none)."""
    return (len(text) < MAX_KEYED_CHARS and text[:1] in _COMMENTS_START and _DIGIT.search(text) is not None
            and is_comments_heading(text))


def _link_list_items(table: ElementTable, in_region: Callable[[int], bool]) -> set[int]:
    """List items (<li> elements) of lists in which most items are nothing but a link."""
    items: dict[int, list[int]] = {}
    for block in table.blocks:
        if block.kind == "li" and in_region(block.elem):
            counts = items.setdefault(table.parent[block.elem], [0, 0])
            counts[0] += 1
            counts[1] += _is_link_line(block)
    lists = {elem for elem, (total, linked) in items.items() if linked * 2 > total}
    return {b.elem for b in table.blocks if b.kind == "li" and table.parent[b.elem] in lists}


def _related_in_furniture(builder: _Builder, block: Block) -> None:
    """A link line of furniture inside the story (an inline "related story" link) may be a related link."""
    if _is_link_line(block) and 3 <= len(block.text.split()) <= MAX_RELATED_WORDS:
        builder.pending_related.append(block.text)


def assemble(table: ElementTable, scored: Scored, title: str | None) -> Assembly:
    """Paragraphs and the rest from the blocks inside the story's roots, furniture left out."""
    roots = scored.roots
    end = table.end
    bad = scored.bad_ancestor

    inside = bytearray(len(table))
    for root in roots:
        inside[root: end[root] + 1] = b"\x01" * (end[root] + 1 - root)

    def in_region(elem: int) -> bool:
        return bool(inside[elem])

    builder = _Builder(title, _link_list_items(table, in_region), table.parent)
    images = [ref for ref in table.images if bad[ref.elem] < 0 and in_region(ref.elem) and not _is_icon(ref)]
    next_image = 0
    bad_blocks = scored.bad_blocks
    for number, block in enumerate(table.blocks):
        while next_image < len(images) and images[next_image].block <= number:
            builder.image(images[next_image])
            next_image += 1
        elem = block.elem
        if number in bad_blocks or not inside[elem]:
            continue
        if bad[elem] >= 0:
            if elem not in table.skipped:  # (one block for a whole box: its links run together)
                _related_in_furniture(builder, block)
        elif not _handle(builder, block, MIN_REPEAT_CHARS <= len(block.text) <= MAX_REPEAT_CHARS
                         and _set_apart(table, block)):
            break
    else:
        for ref in images[next_image:]:
            builder.image(ref)
    _without_pull_quotes(builder.out, builder.quoted)
    _teaser_from_first_paragraph(builder.out)
    return builder.out


def _set_apart(table: ElementTable, block: Block) -> bool:
    """Whether a block sits in a quotation, an aside or a figure (a few levels up at most)."""
    elem = block.elem
    for _ in range(PULL_QUOTE_DEPTH):
        if elem < 0:
            return False
        if table.tags[elem] in _SET_APART:
            return True
        elem = table.parent[elem]
    return False


def _without_pull_quotes(out: Assembly, quoted: set[int]) -> None:
    """Paragraphs set apart (a quotation, an aside) that repeat a part of a longer paragraph of the story are pull
    quotes: left out, the images after them moved up."""
    for number in reversed(repeating(out.paragraphs, quoted) if quoted else []):
        del out.paragraphs[number]
        for index, image in enumerate(out.images):
            if image.after_paragraph > number:
                out.images[index] = ArticleImage(image.src, image.alt, image.attrs, image.after_paragraph - 1,
                                                 image.caption)


def _teaser_from_first_paragraph(out: Assembly) -> None:
    """A first paragraph ending in "..." that the next one repeats is the teaser."""
    if out.summary is None and len(out.paragraphs) >= 2 and out.paragraphs[0].endswith(("...", "…")):
        head = out.paragraphs[0].rstrip(".…").rstrip()
        if out.paragraphs[1].startswith(head[: max(20, len(head) - 2)]):
            out.summary = out.paragraphs.pop(0)
            for index, image in enumerate(out.images):
                after = max(0, image.after_paragraph - 1)
                out.images[index] = ArticleImage(image.src, image.alt, image.attrs, after, image.caption)
