"""The article region of a page: the element holding the largest cluster of paragraph text."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from parsing.sites.vocabulary import BOILERPLATE_TAGS, BOILERPLATE_WORDS, MODIFIER_CLASS

MIN_PARAGRAPH_CHARS = 25
_SITE_HEADING = re.compile(r"logo|brand|masthead|site-?(?:header|title|name)", re.I)


def article_region(body: LexborNode) -> LexborNode | None:
    """The element holding the largest cluster of paragraph text (the caller widens it).

    Candidates inside navigation, sidebars, share bars and the like are passed over.
    """
    nodes: dict[int, LexborNode] = {}
    by_parent: dict[int, float] = {}
    for p in body.css("p"):
        size = len(p.text(strip=True))
        parent = p.parent if size >= MIN_PARAGRAPH_CHARS else None
        if parent is not None:
            nodes[parent.mem_id] = parent
            by_parent[parent.mem_id] = by_parent.get(parent.mem_id, 0) + size
    scores = dict(by_parent)
    for key, cluster in by_parent.items():
        grand = nodes[key].parent
        if grand is not None:
            nodes[grand.mem_id] = grand
            scores[grand.mem_id] = scores.get(grand.mem_id, 0) + cluster / 2
    ranked = sorted(scores, key=lambda key: scores[key], reverse=True)
    for key in ranked[:12]:
        if not _in_boilerplate(nodes[key]):
            return nodes[key]
    return None


def _in_boilerplate(node: LexborNode | None) -> bool:
    steps = 0
    while node is not None and steps < 30 and node.tag not in ("body", "html"):
        if node.tag in BOILERPLATE_TAGS:
            return True
        attrs = node.attributes
        tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".split()
        marks = " ".join(mark for mark in tokens if not MODIFIER_CLASS.search(mark))
        if marks and BOILERPLATE_WORDS.search(marks):
            return True
        if node.tag in ("article", "main"):
            return False  # the story's own container: what wraps it says nothing about its text
        node, steps = node.parent, steps + 1
    return False


def region_markup(region: LexborNode, best: LexborNode) -> str:
    """The region's markup; when it was widened to reach the <h1>, cut after the story's own container.

    What follows the parent of the paragraphs' element in a wider region is another column (a sidebar
    beside the story under a shared headline), not the story.
    """
    markup = region.html or ""
    parent = best.parent
    if region.tag == "article" or parent is None or parent.mem_id == region.mem_id or best.mem_id == region.mem_id:
        return markup
    inner = parent.html or ""
    at = markup.find(inner) if inner else -1
    return markup if at < 0 else markup[: at + len(inner)]


def widen(node: LexborNode) -> LexborNode:
    current = node
    for _ in range(4):
        if current.tag == "article" or _story_heading(current):
            return current
        parent = current.parent
        if parent is None or parent.tag in ("body", "html"):
            break
        current = parent
    return node


def _story_heading(node: LexborNode) -> bool:
    """Whether the element holds an <h1> that is not the site's logo or masthead."""
    for h1 in node.css("h1")[:3]:
        anchor: LexborNode | None = h1
        steps, site = 0, False
        while anchor is not None and steps < 8 and not site:
            attrs = anchor.attributes
            marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
            site = anchor.tag == "nav" or _SITE_HEADING.search(marks) is not None
            if anchor.mem_id == node.mem_id:
                break
            anchor, steps = anchor.parent, steps + 1
        if not site:
            return True
    return False
