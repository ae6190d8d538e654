"""The article of a text copy (select-all and copy from a browser), found by the structure of its lines.

A copy has no markup, so each line is first told apart by what it is alone (``_kind``): a quote line (the
caller's ``skip``), furniture, a date or byline, a caption, a sign-up line, a copyright line, a logo's alt text,
a figure, a teaser, a sentence, a headline-like line or a label. Runs of sentences are the candidate bodies; a
run is anchored when a headline-like line sits above it (with at most a teaser, a byline and dates between),
or when it follows the ticker directly. The best anchored run is the story: its headline is the title, the
label above the headline its section, the lines between them its teaser, byline and date. A story with no
headline has no title. Lists of other stories ("Latest", "Most read") are never the story, and what follows the
story's end ("Comments", a copyright line) counts for little.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from parsing.extract.article.assemble import BY_LINE, NAME_DATE
from parsing.extract.article.header import clean_byline, date_then_name
from parsing.extract.article.model import Article
from parsing.extract.dates import dateline, iso_date, leading_date, name_and_date
from parsing.extract.lines import (
    ends_relative_time,
    is_caption,
    is_clock_time,
    is_comments_heading,
    is_copyright,
    is_date_line,
    is_figure,
    is_list_heading,
    is_logo,
    is_notice,
    is_relative_time,
    line_key,
    name_in,
    section_label,
    without_relative_time,
)
from parsing.sites.brecorder import TITLE_SUFFIX
from parsing.sites.vocabulary import CONSENT_TERMS, FURNITURE_LINES, STOP_LINES, SUMMARY_HEADINGS

# What a line is, read alone.
QUOTE, FURNITURE, STOP, LIST, NOTICE, END, DATE, CAPTION, LOGO, FIGURE, TEASER, SENTENCE, HEADLINE, LABEL = (
    "quote", "furniture", "stop", "list", "notice", "end", "date", "caption", "logo", "figure", "teaser",
    "sentence", "headline", "label")
ROW, ENTRY = "row", "entry"  # a table's row; the headline of a live blog's entry (under its time)
ITEM = "item"  # a line of a "Key points" summary above the story's text (the heading included)
POST = "post"  # a post quoted in the story (a tweet without its script): its text and "— Name (@handle) date"
_HEADER = frozenset({TEASER, DATE, FURNITURE, NOTICE, LOGO, FIGURE})  # between a headline and its story
_BREAKS = frozenset({QUOTE, STOP, LIST, END})  # a story never runs across these
_LIST_ITEMS = frozenset({HEADLINE, DATE, FIGURE, LABEL, LOGO})
_BOX = frozenset({LIST, HEADLINE, LABEL, FURNITURE, CAPTION, NOTICE, LOGO, FIGURE, DATE})  # a box inside a story
_FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰*†‡"
_SENTENCE_END = (".", "!", "?", "”", '"', "’", "'", ":", ")", "…", "۔", "。", "؟")
MIN_HEADLINE_WORDS = 3
MIN_SENTENCE_WORDS = 3  # "Like this:", 'In "Energy"': a line of fewer words is a label, whatever it ends with
MAX_NAME_CHARS = 40
MAX_HEADLINE_WORDS = 30
MAX_QUESTION_TITLE_WORDS = 20
MAX_POST_LINES = 4  # lines of an embedded post's text
MAX_SUMMARY_ITEMS = 8  # lines of a "Key points" summary
MAX_MENU_WORDS = 3  # the items of a menu around a "Latest" link are this short
MAX_GAP = 3  # lines that are not sentences inside one story (related links, subheadings)
MAX_HEADER = 8  # lines between a headline and its story
MAX_CLIMB = 14  # lines looked at above a story for its headline
MAX_BOX_LINES = 8  # a box of links inside a story ("Also read") is no longer than this
MAX_RELATED_WORDS = 25
MAX_NAME_WORDS = 6
MAX_DATES_ABOVE = 2  # date lines between the section label and the headline
MAX_SECTION_WORDS = 2  # a label above the headline; a longer line there is a menu ("Home News Business")
WEIGHTS = {3: 1.0, 2: 0.9, 1: 0.35}  # a story's worth by its anchor: headline and dateline, one of them, none
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted)\b", re.IGNORECASE)
_OFFER = re.compile(r"\b(?:inbox|newsletters?|e-?mail|subscri\w*|sign(?:ing)? up|free trial)\b", re.IGNORECASE)
_UPDATED_WORD = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
_QUOTED_TITLE = re.compile(r"^[‘“'\"][^‘“\"]+[^.!?,;:…][’”'\"]$")  # a quotation without its closing full stop
_WRITER_BIO = re.compile(r"^(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?(?P<name>[^\W\d]+(?:\s+[^\W\d]+){1,3}?)\s+(?:is|was|writes)\s")
_POST_SIGNATURE = re.compile(r"^[—–-]\s?[^()]{1,60}\(@\w{1,30}\)\s.{6,30}$")  # "— Name (@handle) June 10, 2025"
_PROVIDED_BY = re.compile(  # "News provided by Indus Fintech Limited": whose release it is (a credit, not a sentence)
    r"^(?:\w+\s+)?(?:provided|distributed|issued|supplied|sponsored|presented)\s+by\s+[^,;:.]{2,60}$",
    re.IGNORECASE)
_NAME_AFTER = re.compile(r"\sby\s+(?P<name>[^\d|]{2,60})$", re.IGNORECASE)  # "Posted on May 8, 2025 by Rana Ahmad"
_NAME_BEFORE = re.compile(r"^(?P<name>.{2,60}?)\s*[|·,–—-]?\s*\b(?:published|posted|updated|last updated)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Run:
    """Lines ``start`` to ``end`` (exclusive) of one candidate body, and what anchors it."""

    start: int
    end: int
    chars: int
    strength: int = 1
    title: int = -1  # index of its headline line, -1 for none
    header: int = -1  # first line after the headline (or after the ticker)
    more_header: range = range(0)  # lines of its header further down (under a live blog's standfirst)
    after_story: bool = False  # it comes after the end ("Comments", a copyright line) of an anchored run


def build_text_article(lines: Sequence[str], skip: Collection[str] = (), rows: Collection[int] = ()) -> Article:
    """The article of a text copy's lines (stripped, whitespace collapsed, no empty lines).

    ``skip`` holds the texts of lines that belong to something else (the quote finder's strip and table lines):
    they are never the title, a paragraph or part of the story, and a story may start right after them.
    ``rows`` are the indexes of lines that were a table's rows (cells apart): inside the story they are kept.
    """
    skipped = frozenset(skip)
    lines = [_undoubled(line) for line in lines]
    kinds = [ROW if n in rows and line not in skipped else _kind(line, skipped) for n, line in enumerate(lines)]
    kinds = _mark_summary(lines, _mark_notices(lines, _mark_lists(lines, _mark_questions(lines, kinds))))
    kinds = _mark_posts(lines, kinds)
    runs = _runs(lines, kinds)
    article = Article(source="lines")
    if not runs:
        return article
    for run in runs:
        _anchor(lines, kinds, run)
    _mark_after_story(kinds, runs)
    story = _with_entries(lines, kinds, runs, _continued(kinds, runs, max(runs, key=_worth)))
    _read_header(lines, kinds, story, article)
    _read_body(lines, kinds, story, article)
    return article


def _undoubled(line: str) -> str:
    """A short line that a copy gave twice run together (an image's alt text, then the same name beside it)."""
    half = len(line) // 2
    if len(line) <= 2 * MAX_NAME_CHARS and half and len(line) % 2 == 0 and line[:half] == line[half:]:
        return line[:half]
    return line


def _kind(text: str, skip: frozenset[str]) -> str:
    key = line_key(text)
    if text in skip:
        return QUOTE
    if key in STOP_LINES or is_comments_heading(text):
        return STOP
    if is_list_heading(text):
        return LIST
    if not key or key in FURNITURE_LINES or _share_line(key):
        return FURNITURE
    if is_notice(text):
        return NOTICE
    if is_copyright(text):
        return END
    if is_date_line(text) or _byline_line(text) or ends_relative_time(text) or name_and_date(text):
        return DATE
    if is_caption(text):
        return CAPTION
    if is_logo(text):
        return LOGO
    if is_figure(text):
        return FIGURE
    if text.endswith(("...", "…")) and len(text.split()) >= MIN_HEADLINE_WORDS:
        return TEASER
    words = len(text.split())
    text = text.rstrip(_FOOTNOTE_MARKS) if text[-1:] in _FOOTNOTE_MARKS else text  # "... the IMF.¹"
    if _QUOTED_TITLE.match(text) and MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS:
        return HEADLINE  # "‘Core inflation is what matters’": a quotation as the headline
    if (text.endswith(_SENTENCE_END) and words >= MIN_SENTENCE_WORDS) or words > MAX_HEADLINE_WORDS:
        low = text.lower()
        return NOTICE if len(set(CONSENT_TERMS.findall(low))) >= 2 else SENTENCE
    return HEADLINE if MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS else LABEL


def _share_line(key: str) -> bool:
    """ "Facebook X Whatsapp": a row of share buttons."""
    words = key.split()
    return 1 < len(words) <= 8 and all(word in FURNITURE_LINES for word in words)


def _byline_line(text: str) -> bool:
    return len(text) < 100 and (BY_LINE.match(text) is not None or _name_date(text) is not None
                                or _PROVIDED_BY.match(text) is not None or date_then_name(text) is not None)


def _name_date(text: str) -> tuple[str, str] | None:
    """(name, ISO date) of a "BR Web Desk 05 Jul, 2022" line."""
    match = NAME_DATE.match(text)
    date = iso_date(match["date"]) if match else None
    return (match["name"], date) if match and date else None


def _mark_lists(lines: Sequence[str], kinds: list[str]) -> list[str]:
    """Lines of a list of other stories under a "Latest" or "Most read" heading become list lines.

    The list goes on over headlines, dates, figures and labels, up to a headline that has a story under it
    (a dateline or a sentence follows it): that is where the next story starts, with the label above it.
    """
    n = 0
    while n < len(kinds):
        if kinds[n] not in (LIST, STOP) or not is_list_heading(lines[n]) or _menu_item(lines, kinds, n):
            n += 1
            continue
        k = n + 1
        while k < len(kinds) and kinds[k] in _LIST_ITEMS and not _heads_a_story(lines, kinds, k):
            k += 1
        if k < len(kinds) and k - 1 > n and kinds[k] == HEADLINE and kinds[k - 1] == LABEL:
            k -= 1  # the story's section label
        for index in range(n + 1, k):
            kinds[index] = LIST
        n = k
    return kinds


def _menu_item(lines: Sequence[str], kinds: Sequence[str], n: int) -> bool:
    """Whether a list heading ("Latest", "Top Stories") is an item of a menu: a label of a word or two follows
    it, or short lines stand on both sides of it (a list's items are headlines)."""
    below = lines[n + 1] if n + 1 < len(lines) else ""
    above = lines[n - 1] if n > 0 else ""
    if n + 1 < len(kinds) and kinds[n + 1] == LABEL and len(below.split()) < MIN_HEADLINE_WORDS:
        return True
    return bool(above and below) and max(len(above.split()), len(below.split())) <= MAX_MENU_WORDS


def _heads_a_story(lines: Sequence[str], kinds: list[str], n: int) -> bool:
    """Whether the headline at ``n`` has a sentence under it, with at most a header between that says more
    than when it was posted (a list item has its relative time under it too)."""
    if kinds[n] != HEADLINE:
        return False
    for k in range(n + 1, min(n + 1 + MAX_HEADER, len(kinds))):
        if kinds[k] == SENTENCE:
            return not all(is_relative_time(lines[j]) for j in range(n + 1, k)) or k == n + 1
        if kinds[k] not in _HEADER:
            return False
    return False


def _mark_questions(lines: Sequence[str], kinds: list[str]) -> list[str]:
    """A short question or exclamation right above a dateline, a byline or a teaser is a headline."""
    for n in range(len(kinds) - 1):
        text = lines[n]
        below = kinds[n + 1] if kinds[n + 1] != HEADLINE or n + 2 >= len(kinds) else kinds[n + 2]  # (a standfirst)
        if (kinds[n] == SENTENCE and below in (DATE, TEASER, LABEL) and text.endswith(("?", "!"))
                and len(text.split()) <= MAX_QUESTION_TITLE_WORDS):
            kinds[n] = HEADLINE
    return kinds


def _mark_notices(lines: Sequence[str], kinds: list[str]) -> list[str]:
    """A line under a sign-up line that speaks of the same offer ("... delivered to your inbox") is part of it."""
    for n in range(1, len(kinds)):
        if kinds[n - 1] == NOTICE and kinds[n] in (SENTENCE, HEADLINE, LABEL) and _OFFER.search(lines[n]):
            kinds[n] = NOTICE
    return kinds


def _mark_summary(lines: Sequence[str], kinds: list[str]) -> list[str]:
    """A "Key points" heading and the short lines under it, up to the first sentence, are the story's own."""
    for n, text in enumerate(lines):
        if kinds[n] not in (LABEL, HEADLINE) or line_key(text) not in SUMMARY_HEADINGS:
            continue
        items = n + 1
        while items < len(kinds) and items - n <= MAX_SUMMARY_ITEMS and kinds[items] in (HEADLINE, LABEL):
            items += 1
        if items > n + 1 and items < len(kinds) and kinds[items] == SENTENCE:
            for k in range(n, items):
                kinds[k] = ITEM
    return kinds


def _mark_posts(lines: Sequence[str], kinds: list[str]) -> list[str]:
    """An embedded post's signature line ("— Finance Division (@FinMinistry) March 15, 2024") and the short
    lines of its text above it, between sentences of the story, are a quoted post."""
    for n in range(1, len(kinds) - 1):
        if not _POST_SIGNATURE.match(lines[n]) or kinds[n + 1] not in (SENTENCE, POST):
            continue
        top = n - 1
        while top > 0 and n - top < MAX_POST_LINES and kinds[top] in (HEADLINE, LABEL):
            top -= 1
        if kinds[top] in (SENTENCE, NOTICE, FURNITURE) and top < n - 1:
            for k in range(top + 1, n + 1):
                kinds[k] = POST
    return kinds


def _runs(lines: Sequence[str], kinds: list[str]) -> list[_Run]:
    """Runs of sentences, with up to MAX_GAP other lines inside; broken by quotes, stops, lists, copyright."""
    runs: list[_Run] = []
    current: _Run | None = None
    gap = 0
    for n, kind in enumerate(kinds):
        if kind in _BREAKS:
            if current is not None:
                runs.append(current)
                current = None
            continue
        if kind in (SENTENCE, ITEM, POST):
            if current is None:
                current = _Run(n, n + 1, 0)
            current.end, current.chars, gap = n + 1, current.chars + len(lines[n]), 0
        elif current is not None and kind not in (CAPTION, NOTICE, ROW, FURNITURE):
            gap += 1  # ("Advertisement", a row of share buttons: a story goes on past them)
            if gap > MAX_GAP:
                runs.append(current)
                current, gap = None, 0
    if current is not None:
        runs.append(current)
    return runs


def _anchor(lines: Sequence[str], kinds: list[str], run: _Run) -> None:
    """Find what stands above a run: its headline (and whether a byline or date sits between), or the ticker."""
    dated = False
    lowest = max(-1, run.start - MAX_CLIMB)
    n = run.start - 1
    while n > lowest:
        kind = kinds[n]
        if kind == HEADLINE and name_in(lines[n]) and HEADLINE in kinds[max(lowest + 1, n - 2): n]:
            kinds[n], dated = DATE, True  # a writer's name under the headline
        elif kind == HEADLINE:
            if n - 1 > lowest and kinds[n - 1] == HEADLINE and _over_standfirst(lines[n - 1], lines[n]):
                kinds[n], n = TEASER, n - 1
            run.title, run.header = n, n + 1
            run.strength = 3 if dated else 2
            return
        elif kind == QUOTE:
            run.header, run.strength = n + 1, 2
            return
        elif kind == DATE:
            dated = True
        elif kind not in _HEADER and kind not in (LABEL, CAPTION):
            return
        if run.start - n > MAX_HEADER and kind not in (LABEL, LOGO, FIGURE, FURNITURE):
            return
        n -= 1


def _over_standfirst(upper: str, lower: str) -> bool:
    """Whether a headline-like line is the headline over a longer standfirst under it: it reads as a sentence
    (a word in lower case, which a menu of section names has not), names no button ("Print this page") and is
    the shorter of the two."""
    words = upper.split()
    return (len(upper) < len(lower) and any(word[0].islower() for word in words[1:])
            and not any(word in FURNITURE_LINES for word in line_key(upper).split()))


def _continued(kinds: list[str], runs: list[_Run], story: _Run) -> _Run:
    """The story with its parts on the other side of a box inside it: a quote table, or "Also read" and a
    headline or two. A part after the box joins unless it has a headline and a dateline of its own; a part
    before it joins when it has them and the story has no headline."""
    index = runs.index(story)
    for run in runs[index + 1:]:
        if run.strength == 3 or not _box(kinds[story.end:run.start]):
            break
        story = _Run(story.start, run.end, story.chars + run.chars, story.strength, story.title, story.header)
    for run in reversed(runs[:index]):
        if story.title >= 0 or run.strength != 3 or not _box(kinds[run.end:story.start]):
            break
        story = _Run(run.start, story.end, story.chars + run.chars, run.strength, run.title, run.header)
    return story


def _with_entries(lines: Sequence[str], kinds: list[str], runs: list[_Run], story: _Run) -> _Run:
    """A live blog: when the story's headline has a time of day right above it, it is one entry of several. The
    entries around it (a time, a headline, text) and the run under the page's headline above them (the
    standfirst, then the byline and date) are one story, and each entry's headline is one of its paragraphs."""
    if story.title < 1 or not is_clock_time(lines[story.title - 1]):
        return story
    before = [run for run in runs if run.end <= story.start]
    for run in runs:
        if run.start >= story.end and _entry_gap(lines, kinds, story.end, run.start):
            story = _Run(story.start, run.end, story.chars + run.chars, story.strength, story.title, story.header)
    head = before[-1] if before else None
    if head is not None and head.title >= 0 and _entry_gap(lines, kinds, head.end, story.start):
        story = _Run(head.start, story.end, head.chars + story.chars, head.strength, head.title, head.header,
                     more_header=range(head.end, story.title))
    for n in range(story.start, story.end):
        if kinds[n] == HEADLINE and is_clock_time(lines[n - 1]):
            kinds[n] = ENTRY
    return story


def _entry_gap(lines: Sequence[str], kinds: list[str], start: int, end: int) -> bool:
    """Whether the lines between two runs are header lines and then an entry's time and headline."""
    clock = next((n for n in range(start, end) if is_clock_time(lines[n])), -1)
    return (clock >= 0 and end - start <= MAX_HEADER + 2 and all(kinds[n] in (DATE, FURNITURE, LABEL) for n in
                                                                 range(start, clock))
            and all(kinds[n] == HEADLINE for n in range(clock + 1, end)) and end - clock == 2)


def _box(between: list[str]) -> bool:
    """Whether the lines between two runs are a box inside one story: quote lines, or a short list of links."""
    if QUOTE not in between and LIST not in between:
        return False
    others = [kind for kind in between if kind != QUOTE]
    return len(others) <= MAX_BOX_LINES and all(kind in _BOX for kind in others)


def _mark_after_story(kinds: list[str], runs: list[_Run]) -> None:
    """Runs after the end ("Comments", a copyright line) of a run with a headline or after the ticker are never
    the story, however long: comments, footers and the like."""
    story_end = -1  # where the last anchored run ended
    for run in runs:
        if story_end >= 0 and any(kind in (STOP, END) for kind in kinds[story_end:run.start]):
            run.after_story = True
        elif run.strength >= 2:
            story_end = run.end


def _worth(run: _Run) -> tuple[bool, float]:
    return not run.after_story, run.chars * WEIGHTS[run.strength]


def _read_header(lines: Sequence[str], kinds: list[str], story: _Run, article: Article) -> None:
    """Title, section, teaser, byline and date from the lines above the story.

    The section is the label right above the headline; a date line may sit between them ("Pakistan",
    "01 Nov, 2023", the headline), and it dates the story when nothing under the headline does.
    """
    first = story.header if story.header >= 0 else story.start
    header = [*range(first, story.start), *story.more_header]
    if story.title >= 0:
        article.title = TITLE_SUFFIX.sub("", lines[story.title]) or None
        above = story.title - 1
        while above >= 0 and kinds[above] == DATE and story.title - above <= MAX_DATES_ABOVE:
            header.append(above)
            above -= 1
        if above >= 0 and kinds[above] in (LABEL, HEADLINE):
            article.section = section_label(lines[above], MAX_SECTION_WORDS)
    dates: list[tuple[bool, int, str]] = []  # (above the headline, rank, date): the first wins
    for n in header:
        text = lines[n]
        if kinds[n] == TEASER:
            article.summary = article.summary or text
        elif kinds[n] == DATE:
            date, name = _date_and_name(text)
            if date:
                dates.append((n < first, _date_rank(text), date))
            article.byline = article.byline or name
        elif kinds[n] in (LABEL, HEADLINE) and story.title >= 0 and n >= first and name_in(text) and (DATE in (
                kinds[n - 1], kinds[min(n + 1, len(kinds) - 1)]) or n + 1 == story.start and leading_date(lines[n + 1])):
            article.byline = article.byline or clean_byline(name_in(text) or "")  # a name alone beside the date, under the headline
        elif line_key(text) == "by" and n + 1 < len(lines) and len(lines[n + 1].split()) <= MAX_NAME_WORDS:
            article.byline = article.byline or clean_byline(lines[n + 1])  # "By" on a line of its own
    article.published = min(dates)[2] if dates else leading_date(lines[story.start]) if story.title >= 0 else None


def _date_rank(text: str) -> int:
    """A "Published" line wins over a plain date, which wins over an "Updated" line."""
    return 0 if _PUBLISHED_WORD.search(text) else 2 if _UPDATED_WORD.search(text) else 1


def _date_and_name(text: str) -> tuple[str | None, str | None]:
    """The ISO date and the byline a date or byline line holds."""
    named = _name_date(text)
    if named:
        return named[1], clean_byline(named[0])
    by = BY_LINE.match(text)
    if by:
        return dateline(text) or iso_date(text), clean_byline(text)
    named = name_and_date(text)
    if named:
        return named[1], clean_byline(named[0])
    dated = date_then_name(text)
    if dated:
        return dated
    alone = name_in(text)
    if alone:
        return None, clean_byline(alone)
    if ends_relative_time(text):
        rest = without_relative_time(text)
        return None, clean_byline(rest) if rest and len(rest.split()) <= MAX_NAME_WORDS else None
    date = dateline(text) or iso_date(text)
    name = (_NAME_BEFORE.match(text) or _NAME_AFTER.search(text)) if date else None
    return date, clean_byline(name["name"]) if name else None


def _read_body(lines: Sequence[str], kinds: list[str], story: _Run, article: Article) -> None:
    """Paragraphs and related links; captions, sign-ups, dates and furniture are left out."""
    pending: list[str] = []
    writer = line_key(article.byline or "")
    for n in range(story.start, story.end):
        text, kind = lines[n], kinds[n]
        if writer and article.paragraphs and n not in story.more_header and (line_key(text) == writer or (
                kind == DATE and line_key(clean_byline(text) or "") == writer)):
            break  # the writer's name again after the story ("Written by …"): a box about the writer
        if kind in (SENTENCE, TEASER, ROW, ENTRY, ITEM, POST) or _about_heading(lines, n, story.end):
            if article.paragraphs:
                article.related.extend(pending)
            pending.clear()
            article.paragraphs.append(text)
        elif kind == HEADLINE and _NUMBERED.match(text) and n + 1 < story.end and kinds[n + 1] == SENTENCE:
            article.paragraphs.append(text)  # "2. Salaried income tax": an item's heading in a numbered list
        elif kind == HEADLINE and len(text.split()) <= MAX_RELATED_WORDS and not _before_caption(kinds, n):
            pending.append(text)  # another story's headline: related, when the story goes on after it
    _without_writer_bio(article)
    _teaser_from_first_paragraph(article)


def _about_heading(lines: Sequence[str], n: int, end: int) -> bool:
    """ "About Indus Fintech" over a paragraph that starts with the name: a press release's note on the company."""
    text = lines[n]
    name = text[6:].strip()
    return (text[:6].lower() == "about " and 0 < len(name.split()) <= MAX_NAME_WORDS and n + 1 < end
            and lines[n + 1].startswith(name))


def _without_writer_bio(article: Article) -> None:
    """The box about the writer after an opinion piece ("Dr Ayesha Siddiqa is an economist who..."), when its
    picture's alt text that a copy puts above it was not there (a PDF leaves it out): the last paragraph, which
    starts with the writer's name and says what they are."""
    paragraphs, name = article.paragraphs, article.byline
    bio = _WRITER_BIO.match(paragraphs[-1]) if len(paragraphs) >= 3 else None
    if bio and name and len(name.split()) >= 2 and bio["name"].lower() == name.lower():
        paragraphs.pop()


def _before_caption(kinds: list[str], n: int) -> bool:
    """An image's alt text, which a copy gives right above the image's caption."""
    return n + 1 < len(kinds) and kinds[n + 1] == CAPTION


def _teaser_from_first_paragraph(article: Article) -> None:
    """A first paragraph ending in "..." that the next one repeats is the teaser."""
    paragraphs = article.paragraphs
    if article.summary is None and len(paragraphs) >= 2 and paragraphs[0].endswith(("...", "…")):
        head = paragraphs[0].rstrip(".…").rstrip()
        if paragraphs[1].startswith(head[: max(20, len(head) - 2)]):
            article.summary = paragraphs.pop(0)
