"""Which elements are furniture, what each text block is worth, and which element holds the story.

Every block gets a value: prose (long, few links, sentence punctuation) counts for its containers, links,
short labels and furniture count against them. An element's score is the sum over the blocks inside it,
so the element with the highest score holds as much prose and as little furniture as possible (the
maximum-weight subtree). From there the choice steps down into a child that holds nearly all of the score
(what is left behind is furniture the marks did not name), and clean siblings met on the last steps (a lead
paragraph, the lead image, a list between paragraphs) join the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from parsing.extract.dates import dateline, is_date_only
from parsing.extract.lines import line_key
from parsing.html.blocks import Block, ElementTable, SkipLines
from parsing.html.marks import ARIA_HIDDEN, HIDDEN, LAYOUT_NEGATIVE, NEGATIVE, NOTICE, SKIPPABLE, STORY
from parsing.sites.vocabulary import (
    HEADINGS,
    NOTICE_STEMS,
    NOTICE_TEXT,
    PROMO_STARTS,
    STORY_TAGS,
    SUMMARY_HEADINGS,
)

MIN_PROSE_CHARS = 25
MAX_DATELINE = 80
_SENTENCE = re.compile(r"[.!?;:,。！？、，；؟،۔।]")
_CARD_TAGS = frozenset({"div", "article", "section", "figure"})
MIN_CARDS = 3
MAX_CARD_CHARS = 600
MAX_CARD_LINES = 4  # a teaser card: its headline, a label, a line or two
CARD_LINK_DENSITY = 0.3
FURNITURE_COST = 150.0  # what one marked furniture element (a widget, an ad) costs the element around it
DESCEND = 0.85  # step into a child that holds this share of its parent's score
STORY_DESCEND = 0.5  # or this share, for an <article> or <main>
MAX_DESCENT = 200
KEEP_LEVELS = 2
CLEAN_IMAGE_LOSS = 20.0
GAP_LINK_DENSITY = 0.3
CLEAN_MIN_GAIN = 50.0
CLEAN_MAX_LOSS = 0.15
REPEATED_TEXT = 3  # a short line met this often is furniture ("Advertisement", "Share")
MAX_NOTICE_CHARS = 600
WHOLE_PAGE = 0.8  # share of the page's prose that makes an element the page itself  # a longer block is not a notice, whatever it says


@dataclass(slots=True)
class Scored:
    """What the scoring found: furniture per element and block, and the chosen story roots."""

    bad_ancestor: list[int]  # nearest element at or above each element that is furniture, else -1
    bad_blocks: set[int]  # blocks that are furniture by themselves (repeated lines, notices, skipped lines)
    skipped: set[int]  # blocks whose text the caller said to pass over (quote table and strip lines)
    roots: list[int]  # the story: these elements' subtrees, in document order
    score: float  # the winning element's score (0 when no element holds prose)
    start: int = -1  # element of the story's first paragraph, once ``header.story_start`` has found it


def prose_chars(block: Block) -> int:
    """Characters of readable prose in a block (0 for short or link-dominated ones)."""
    size = len(block.text)
    if size < MIN_PROSE_CHARS or block.links * 2 > size or block.kind in HEADINGS:
        return 0
    return size - block.links


def subtree_sums(table: ElementTable, *per_element: list[float]) -> list[list[float]]:
    """Sums of each list's values over each element's subtree (one reverse pass: children follow their parents).

    The lists are summed in place.
    """
    parent = table.parent
    for index in range(len(parent) - 1, 0, -1):
        up = parent[index]
        for values in per_element:
            values[up] += values[index]
    return list(per_element)


def furniture(table: ElementTable, cards: set[int], prose_in: list[float], story_in: list[float]) -> list[int]:
    """Nearest furniture element at or above each element, trusting marks only where they are credible.

    A mark is ignored on an element that wraps the story's own container (<article>, <main>,
    itemprop=articleBody) and is the main branch of prose where it stands; never on a notice (cookie,
    consent, subscription). A mark from layout alone (sidebar words, <form>, <header>, aria-hidden) is
    ignored when the element wraps the story's container or is the main branch of prose where it stands
    (a page wrapped in one form, "contentWithSidebar", an article hidden behind a consent dialog), and on the
    <header> of an <article>.
    ``cards`` (repeated link teasers) are furniture as they are. ``prose_in`` and ``story_in`` are the prose
    characters and the story containers inside each element.
    """
    size = len(table)
    bad_ancestor = [-1] * size
    for index in range(size):
        marks = table.marks[index]
        up = table.parent[index]
        inherited = bad_ancestor[up] if up >= 0 else -1
        bad = index in cards
        if marks & (NEGATIVE | LAYOUT_NEGATIVE | HIDDEN | ARIA_HIDDEN) and not marks & STORY and index > 0:
            bad = story_in[index] == 0 or not _main_branch(table, prose_in, index)
            if marks & NOTICE:
                bad = True
            elif bad and not marks & SKIPPABLE and prose_in[index] >= WHOLE_PAGE * prose_in[0]:
                bad = False  # a word read inside ("print-page", "meta") on the wrapper of the whole page
            elif bad and marks & HIDDEN:
                bad = prose_in[index] < 0.8 * prose_in[0]
            elif not marks & NEGATIVE:
                bad = (story_in[index] == 0 and not _main_branch(table, prose_in, index)
                       and not _story_header(table, index))
        bad_ancestor[index] = index if bad else inherited
    return bad_ancestor


def _story_header(table: ElementTable, index: int) -> bool:
    """Whether the element is the <header> of the story's own container (its title, byline and date)."""
    up = table.parent[index]
    return table.tags[index] == "header" and up >= 0 and bool(table.marks_in[up] & STORY)


def _main_branch(table: ElementTable, prose_in: list[float], index: int) -> bool:
    """Whether the element holds most of the prose of the nearest ancestor that holds more than it."""
    mine = prose_in[index]
    if mine < MIN_PROSE_CHARS * 4:
        return False
    up = table.parent[index]
    while up > 0 and prose_in[up] <= mine * 1.1:
        up = table.parent[up]
    return up <= 0 or mine > 0.5 * prose_in[up]


def is_notice(block: Block) -> bool:
    """Whether a block reads as a cookie, subscription or sign-up notice."""
    text = block.text
    if len(text) > MAX_NOTICE_CHARS:
        return False
    low = text.lower()
    for stem in NOTICE_STEMS:  # substring tests first: the full pattern is slow on every line
        if stem in low:
            return NOTICE_TEXT.search(low) is not None
    return low.startswith(PROMO_STARTS) and NOTICE_TEXT.search(low) is not None


def _card_elements(table: ElementTable, text_in: list[float], linked_in: list[float]) -> set[int]:
    """Siblings of one signature (tag and class), three or more, mostly a link each: a list of teasers."""
    size = len(table)
    groups: dict[tuple[int, str, str], list[int]] = {}
    for index in range(1, size):
        if table.tags[index] in _CARD_TAGS and text_in[index] > 0:
            key = (table.parent[index], table.tags[index], table.classes[index])
            groups.setdefault(key, []).append(index)
    cards: set[int] = set()
    for members in groups.values():
        if len(members) < MIN_CARDS:
            continue
        linky = [m for m in members
                 if linked_in[m] >= CARD_LINK_DENSITY * text_in[m] and text_in[m] < MAX_CARD_CHARS]
        if len(linky) >= MIN_CARDS and len(linky) * 3 >= len(members) * 2:
            cards.update(linky)
    return cards


def _teaser_cards(table: ElementTable, headlines_in: list[float], lines_in: list[float]) -> set[int]:
    """Boxes of one linked headline and a line or two about it (a label, a teaser): another story's teaser."""
    return {index for index in range(1, len(table))
            if headlines_in[index] == 1.0 and lines_in[index] <= MAX_CARD_LINES and table.tags[index] in _CARD_TAGS
            and not table.marks[index] & STORY}


def block_value(block: Block) -> float:
    """What one block says for the containers around it being the story."""
    size = len(block.text)
    density = block.links / size if size else 1.0
    if block.kind in HEADINGS:
        return 0.0 if density < 0.5 else -float(size)
    if density > 0.5:
        return -size * density
    if size < MIN_PROSE_CHARS:
        return -min(size, 10) * 0.5
    if size <= MAX_DATELINE and (dateline(block.text) or is_date_only(block.text)):
        return -10.0  # a dateline or timestamp: the page's furniture, not prose
    weight = (1.0 - density) ** 2
    if not _SENTENCE.search(block.text):
        weight *= 0.4
    return size * weight


def choose(table: ElementTable, skip: SkipLines | None = None) -> Scored:
    """Score every element and pick the story's roots; blocks whose text is in ``skip`` count as furniture."""
    size = len(table)
    text = [0.0] * size
    linked = [0.0] * size
    headlines = [0.0] * size  # headings that are links: the headline of another story's teaser
    lines = [0.0] * size
    prose = [0.0] * size
    story = [1.0 if marks & STORY else 0.0 for marks in table.marks]
    skipped = set(table.skipped_lines)
    bad_blocks: set[int] = set()  # lines that recur on the page ("Advertisement", "Share", "Read more") and notices
    short: dict[str, list[int]] = {}
    check = skip if skip else None
    for n, block in enumerate(table.blocks):
        words, elem, links = block.text, block.elem, block.links
        chars = len(words)
        text[elem] += chars
        linked[elem] += links
        lines[elem] += 1.0
        if block.kind in HEADINGS:
            if links * 2 > chars:
                headlines[elem] += 1.0
        elif chars >= MIN_PROSE_CHARS and links * 2 <= chars:
            prose[elem] += chars - links  # (prose_chars)
        if chars < 120:
            short.setdefault(words, []).append(n)
        if check is not None and words in check:
            skipped.add(n)
        if chars <= MAX_NOTICE_CHARS and is_notice(block):
            bad_blocks.add(n)
    for numbers in short.values():
        if len(numbers) >= REPEATED_TEXT:
            bad_blocks.update(numbers)
    text_in, linked_in, headlines_in, lines_in, prose_in, story_in = subtree_sums(
        table, text, linked, headlines, lines, prose, story)
    cards = _card_elements(table, text_in, linked_in) | _teaser_cards(table, headlines_in, lines_in)
    bad_ancestor = furniture(table, cards, prose_in, story_in)
    bad_blocks |= skipped
    sums, gained, imaged = _element_scores(table, bad_ancestor, bad_blocks)
    best = -1
    for index, score in enumerate(sums):
        if bad_ancestor[index] < 0 and score > (sums[best] if best >= 0 else 0.0):
            best = index
    if best < 0:
        return Scored(bad_ancestor, bad_blocks, skipped, [], 0.0)

    summaries = _summary_boxes(table, linked_in, text_in)

    def clean(index: int) -> bool:
        return _clean(sums[index], gained[index], imaged[index]) or index in summaries

    def plain(index: int) -> bool:
        return linked_in[index] <= GAP_LINK_DENSITY * text_in[index]

    roots = _descend(table, sums, clean, plain, bad_ancestor, best)
    return Scored(bad_ancestor, bad_blocks, skipped, roots, sums[best])


def _summary_boxes(table: ElementTable, linked_in: list[float], text_in: list[float]) -> set[int]:
    """Boxes that open with a "Key points" or "Highlights" heading and hold no links: a summary of the story
    above its text (its lines are short, so they gain the box too little to count as clean prose)."""
    boxes: set[int] = set()
    for number, block in enumerate(table.blocks):
        if block.kind not in HEADINGS or len(block.text) > 40 or line_key(block.text) not in SUMMARY_HEADINGS:
            continue
        box = table.parent[block.elem]
        first = number == 0 or not table.inside(table.blocks[number - 1].elem, box)
        if box > 0 and first and linked_in[box] <= GAP_LINK_DENSITY * text_in[box]:
            boxes.add(box)
    return boxes


def _element_scores(table: ElementTable, bad_ancestor: list[int], bad_blocks: set[int],
                    ) -> tuple[list[float], list[float], list[float]]:
    """Per element: the score (sum of block values below it), the positive part of it, the images below it.

    Marked furniture is left out when the story is assembled: it costs its containers little (its score is
    bounded below by ``-FURNITURE_COST`` before it counts for its ancestors).
    """
    size = len(table)
    values = [0.0] * size
    gains = [0.0] * size
    for n, block in enumerate(table.blocks):
        furniture_block = n in bad_blocks or bad_ancestor[block.elem] >= 0
        block.value = -float(len(block.text)) if furniture_block else block_value(block)
        values[block.elem] += block.value
        if block.value > 0.0:
            gains[block.elem] += block.value
    pictures = [0.0] * size
    for ref in table.images:
        pictures[ref.elem] += 1.0
    parent = table.parent
    for index in range(size - 1, 0, -1):
        up = parent[index]
        if bad_ancestor[index] == index and values[index] < -FURNITURE_COST:
            values[index] = -FURNITURE_COST
        values[up] += values[index]
        gains[up] += gains[index]
        pictures[up] += pictures[index]
    return values, gains, pictures


def _children(table: ElementTable, parent: int) -> list[int]:
    kids = []
    index, end = parent + 1, table.end[parent]
    while index <= end:
        kids.append(index)
        index = table.end[index] + 1
    return kids


def _descend(table: ElementTable, sums: list[float], clean: Callable[[int], bool],
             plain: Callable[[int], bool], bad_ancestor: list[int], best: int) -> list[int]:
    """From the best element, step down into the child that holds nearly all of its score, keeping the
    siblings left behind in the last steps that are clean prose (a lead paragraph, the lead image); when
    there were fewer steps, the clean siblings of the best element and of its parent.

    What the child does not hold is then mostly furniture that the score did not see (a timeline of
    other stories beside the article, a box of teasers). An <article> or <main> that holds most of the
    score is stepped into, and nothing outside it is kept. Siblings between kept ones that are not
    furniture and not mostly links (a list of steps, a short list between paragraphs) are kept too.
    """
    current = best
    levels: list[tuple[int, list[int]]] = []  # (child on the path, the siblings kept beside it)
    inside_story = table.tags[best] in STORY_TAGS
    for _ in range(MAX_DESCENT):
        kids = [k for k in _children(table, current) if bad_ancestor[k] < 0]
        if not kids:
            break
        child = max(kids, key=lambda k: sums[k])
        story = table.tags[child] in STORY_TAGS
        if sums[child] < (STORY_DESCEND if story else DESCEND) * sums[current]:
            break
        levels.append((child, [] if story else [k for k in kids if k != child and clean(k)]))
        current = child
        if story:
            levels = []  # the page says where its story is: nothing outside it joins
            inside_story = True
    up = best
    while len(levels) < KEEP_LEVELS and table.parent[up] > 0 and not inside_story:
        below, up = up, table.parent[up]
        kids = [k for k in _children(table, up) if bad_ancestor[k] < 0 and k != below]
        levels.insert(0, (below, [k for k in kids if clean(k)]))
        inside_story = table.tags[up] in STORY_TAGS
    roots = [current]
    for child, kept in levels[-KEEP_LEVELS:]:
        roots.extend(_fill_gaps(table, child, kept, plain, bad_ancestor))
    return sorted(roots)


def _fill_gaps(table: ElementTable, child: int, kept: list[int], plain: Callable[[int], bool],
               bad_ancestor: list[int]) -> list[int]:
    """The kept siblings and the plain ones between them and the path child."""
    if not kept:
        return kept
    first, last = min(child, *kept), max(child, *kept)
    parent = table.parent[child]
    found = set(kept)
    for kid in _children(table, parent):
        if first < kid < last and kid != child and bad_ancestor[kid] < 0 and plain(kid):
            found.add(kid)
    return sorted(found)


def _clean(score: float, gained: float, images: float) -> bool:
    """Whether an element is prose or an image (a lead paragraph, a figure) with next to nothing against
    it."""
    lost = gained - score
    if images and lost <= CLEAN_IMAGE_LOSS:
        return True
    return gained >= CLEAN_MIN_GAIN and lost <= CLEAN_MAX_LOSS * gained
