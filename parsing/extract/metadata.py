"""Page metadata from the head: title, section, published date and the page's own address."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from parsing.extract.article import clean_title, iso_date

_SAVED_FROM = re.compile(r"<!-- ?saved from url=\(\d{1,5}\)\s?([^\s>]{1,2000}) ?-->", re.I)
_LD_DATE = re.compile(r'"datePublished"\s{0,5}:\s{0,5}"([^"]{4,40})"')


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page's head (meta, link, title, JSON-LD) says about it."""

    title: str | None
    section: str | None
    published: str | None
    source_url: str | None


def page_metadata(tree: LexborHTMLParser, data: bytes) -> Metadata:
    """The metadata of a parsed page; ``data`` is its markup (for the "saved from" comment)."""
    fields: dict[str, str] = {}
    head = tree.head
    for node in head.css("meta, link") if head is not None else ():
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or ("rel:" + (attrs.get("rel") or ""))
        value = attrs.get("content") or attrs.get("href")
        if key and value and value.strip() and key.lower() not in fields:
            fields[key.lower()] = value.strip()
    title_node = tree.css_first("title")
    saved_from = _SAVED_FROM.search(data[:4096].decode("utf-8", "replace"))
    published = fields.get("article:published_time") or fields.get("publish-date") or _ld_date(tree)
    return Metadata(
        title=clean_title(fields.get("og:title") or (title_node.text() if title_node else None)),
        section=fields.get("article:section"),
        published=iso_date(published) if published else _time_date(tree),
        source_url=(htmllib.unescape(saved_from.group(1)) if saved_from else None)
        or fields.get("rel:canonical") or fields.get("og:url"),
    )


def _ld_date(tree: LexborHTMLParser) -> str | None:
    for node in tree.css('script[type="application/ld+json"]')[:10]:
        match = _LD_DATE.search(node.text() or "")
        if match:
            return match.group(1)
    return None


def _time_date(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("time[datetime]")
    return iso_date(node.attributes.get("datetime")) if node is not None else None
