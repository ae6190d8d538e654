"""JSON-LD: the page's article object (headline, authors, dates, section, articleBody) and the site's names."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from selectolax.lexbor import LexborNode

Json = dict[str, Any]  # one JSON-LD object

MAX_SCRIPTS = 20
MAX_SCRIPT_CHARS = 2_000_000
MAX_OBJECTS = 500  # objects looked at per page (graphs can be large)
MAX_STEPS = 5_000  # values taken from the queue per page
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "techarticle", "scholarlyarticle",
    "report", "liveblogposting",
    "socialmediaposting", "review", "advertisercontentarticle", "satiricalarticle", "medicalscholarlyarticle",
    "discussionforumposting", "creativework", "webpage", "itempage",
})
_NESTED_KEYS = ("@graph", "mainEntity", "itemListElement", "publisher", "isPartOf", "author", "creator")
_SITE_TYPES = frozenset({"website", "organization", "newsmediaorganization", "corporation"})
_COMMENT_WRAP = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")


@dataclass(slots=True)
class LinkedData:
    """What the page's JSON-LD says about its article (all fields optional)."""

    headline: str | None = None
    name: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    section: str | None = None
    body: str | None = None
    description: str | None = None
    site_names: list[str] = field(default_factory=list)
    is_article: bool = False  # an Article-like object (not just a WebPage) was found


def _types(obj: Json) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _objects(data: Any) -> list[Json]:
    """Every dict in the data (lists, @graph and nested values), breadth first, iteratively and bounded."""
    found: list[Json] = []
    queue: deque[Any] = deque([data])
    steps = 0
    while queue and len(found) < MAX_OBJECTS and steps < MAX_STEPS:
        steps += 1
        item = queue.popleft()
        if isinstance(item, list):
            queue.extend(item[:100])
        elif isinstance(item, dict):
            found.append(item)
            for key in _NESTED_KEYS:
                value = item.get(key)
                if isinstance(value, (list, dict)):
                    queue.append(value)
    return found


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _author_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        name = item if isinstance(item, str) else item.get("name") if isinstance(item, dict) else None
        if isinstance(name, list):
            name = " ".join(n for n in name if isinstance(n, str))
        if isinstance(name, str) and name.strip() and not name.strip().startswith(("http://", "https://")):
            names.append(" ".join(name.split()))
    return names


def is_linked_data(node: LexborNode) -> bool:
    """Whether a <script> element holds JSON-LD."""
    return "ld+json" in (node.attributes.get("type") or "").lower()


def load_scripts(nodes: Iterable[LexborNode]) -> list[Any]:
    """Parsed JSON of ld+json script elements (broken ones are skipped)."""
    loaded: list[Any] = []
    for node in islice(nodes, MAX_SCRIPTS):
        raw = node.text() or ""
        if not raw.strip() or len(raw) > MAX_SCRIPT_CHARS:
            continue
        raw = _COMMENT_WRAP.sub("", raw.strip())
        try:
            loaded.append(json.loads(raw, strict=False))
        except (ValueError, RecursionError):
            continue
    return loaded


def read_linked_data(scripts: list[Any], title_hint: str | None = None) -> LinkedData:
    """The article object that best fits the page (its headline matches the title), and site names."""
    info = LinkedData()
    articles: list[Json] = []
    for data in scripts:
        for obj in _objects(data):
            kinds = _types(obj)
            if kinds & _SITE_TYPES and _text(obj.get("name")):
                info.site_names.append(_text(obj.get("name")) or "")
            if kinds & ARTICLE_TYPES:
                articles.append(obj)
    if not articles:
        return info
    chosen = _best_article(articles, title_hint)
    info.is_article = bool(_types(chosen) - {"webpage", "itempage", "creativework"})
    info.headline = _text(chosen.get("headline"))
    info.name = _text(chosen.get("name"))
    info.authors = _author_names(chosen.get("author") or chosen.get("creator"))
    info.published = _text(chosen.get("datePublished")) or _text(chosen.get("dateCreated"))
    info.section = _text(chosen.get("articleSection"))
    info.description = _text(chosen.get("description"))
    body = chosen.get("articleBody") or chosen.get("text")
    info.body = body.strip() if isinstance(body, str) and body.strip() else None
    publisher = chosen.get("publisher")
    if isinstance(publisher, dict) and _text(publisher.get("name")):
        info.site_names.append(_text(publisher.get("name")) or "")
    return info


def _best_article(articles: list[Json], title_hint: str | None) -> Json:
    """Prefer a real article type, one whose headline matches the page title, one with a body."""
    hint = " ".join((title_hint or "").lower().split())

    def rank(obj: Json) -> tuple[int, int, int]:
        headline = (_text(obj.get("headline")) or _text(obj.get("name")) or "").lower()
        matches = bool(hint and headline and (headline in hint or hint in headline))
        real = bool(_types(obj) - {"webpage", "itempage", "creativework"})
        return (int(real), int(matches), int(isinstance(obj.get("articleBody"), str)))

    return max(articles, key=rank)
