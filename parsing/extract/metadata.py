"""Page metadata read before the body is walked (JSON-LD lives in <script>), and which source wins for each field.

<meta> and <link> tags, <title>, the "saved from" comment, microdata and JSON-LD are read once into ``HeadMeta``;
``meta_author``, ``meta_date`` and ``meta_section`` say in which order they count. The article builder falls
back to what the body shows (byline elements, datelines, the label above the title) when these give nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing.extract.dates import iso_date
from parsing.html.jsonld import LinkedData, is_linked_data, load_scripts, read_linked_data

MAX_META_TAGS = 2_000
_HEADLINE = '[itemprop="headline"]'
_SAVED_FROM = re.compile(r"<!-- ?saved from url=\(\d{1,5}\)\s?([^\s>]{1,2000}) ?-->", re.IGNORECASE)
_HOST_NOISE = frozenset({"www", "m", "amp", "com", "co", "org", "net"})
_NOT_NAME_KEY = re.compile(r"url|link|id$|image|avatar|twitter|email")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
# A date as a path of the address: ".../2024/03/11/slug", ".../2024/3/11/", ".../2024-03-11/slug".
_PATH_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)([/-])(?P<month>0?[1-9]|1[0-2])\2(?P<day>0?[1-9]|[12]\d|3[01])(?:/|$|[-_]\D)")

TITLE_KEYS = ("dc.title", "dc:title", "dcterm.title", "dcterm:title", "dcterms.title", "og:title",
              "twitter:title", "parsely-title", "sailthru.title", "title", "headline")
TITLE_META_KEYS = TITLE_KEYS[:9]  # the ones a title is taken from (not the bare "title" and "headline")
AUTHOR_KEYS = ("dc.creator", "dc:creator", "dcterm.creator", "dcterm:creator", "dcterms.creator", "author",
               "article:author", "parsely-author", "sailthru.author", "byl", "citation_author",
               "og:article:author", "book:author")
DATE_KEYS = ("article:published_time", "og:article:published_time", "article.published", "datepublished",
             "publish-date", "publishdate", "pubdate", "publication_date", "date", "dc.date.issued",
             "dc.date", "dcterms.date", "dcterms.issued", "dcterms.created", "parsely-pub-date",
             "sailthru.date",
             "citation_publication_date", "og:published_time", "article:published", "published_time")
SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "twitter:site",
             "dc.publisher", "al:ios:app_name", "al:android:app_name")
SECTION_KEYS = ("article:section", "og:article:section", "section", "parsely-section", "sailthru.tags")


@dataclass(slots=True)
class HeadMeta:
    """Metadata found outside the body text."""

    values: dict[str, list[str]] = field(default_factory=dict)  # lower-cased key -> contents, in page order
    title_tag: str | None = None
    source_url: str | None = None
    linked: LinkedData = field(default_factory=LinkedData)
    microdata_headline: str | None = None

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The first non-empty value of the first key that has one."""
        for key in keys:
            for value in self.values.get(key, ()):
                if value:
                    return value
        return None

    def site_names(self) -> list[str]:
        """Names the site goes by: og:site_name and the like, JSON-LD publisher, the host name's labels."""
        names = [v for key in SITE_KEYS for v in self.values.get(key, ())]
        names.extend(self.linked.site_names)
        host = urlsplit(self.source_url or "").hostname or ""
        labels = [label for label in host.split(".") if label not in _HOST_NOISE]
        if labels:
            names.append(max(labels, key=len))
            names.append(".".join(host.split(".")[-2:]))
        return [n.lstrip("@") for n in names if n]


def read_head(tree: LexborHTMLParser, head_bytes: bytes | str = b"",
              scripts: list[LexborNode] | None = None) -> HeadMeta:
    """Everything that must be read before scripts are stripped (JSON-LD lives in <script>).

    The <meta> tags and the scripts anywhere in the page are listed by tag name (a pass in C each, quicker than a
    selector); ``scripts`` is the page's <script> elements when the caller has them already. The microdata
    headline is the first element with ``itemprop="headline"`` (not a meta or a script) that holds text; it is
    looked for only on a page without a title ``<meta>`` (og:title and the like), as only then can it be used.
    """
    meta = HeadMeta()
    metas = tree.tags("meta")
    linked = [node for node in (tree.tags("script") if scripts is None else scripts) if is_linked_data(node)]
    _read_metas(metas[:MAX_META_TAGS], meta)
    if meta.first(TITLE_META_KEYS) is None:  # (a selector pass over the page: 0.04 ms)
        meta.microdata_headline = _microdata_headline(tree)
    title = tree.css_first("title")
    if title is not None:
        meta.title_tag = " ".join((title.text() or "").split()) or None
    meta.source_url = _source_url(tree, meta, head_bytes)
    meta.linked = read_linked_data(load_scripts(linked), meta.first(("og:title",)) or meta.title_tag)
    return meta


def _microdata_headline(tree: LexborHTMLParser) -> str | None:
    for node in tree.css(_HEADLINE):
        if node.tag not in ("meta", "script"):
            text = " ".join((node.text() or "").split())
            if text:
                return text
    return None


def _read_metas(nodes: list[LexborNode], meta: HeadMeta) -> None:
    for node in nodes:
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        value = attrs.get("content")
        if key and value and value.strip():
            for one in key.lower().split():
                meta.values.setdefault(one, []).append(" ".join(html.unescape(value).split()))


def _source_url(tree: LexborHTMLParser, meta: HeadMeta, head_bytes: bytes | str) -> str | None:
    head = head_bytes[:4096]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    saved = _SAVED_FROM.search(text)
    if saved:
        return html.unescape(saved.group(1))
    canonical = tree.css_first('link[rel="canonical"]')
    href = canonical.attributes.get("href") if canonical is not None else None
    return href or meta.first(("og:url", "twitter:url"))


def meta_author(meta: HeadMeta) -> str | None:
    """Byline from JSON-LD authors or author <meta> tags (web addresses are not names)."""
    if meta.linked.authors and meta.linked.is_article:
        return ", ".join(dict.fromkeys(meta.linked.authors))
    for key in AUTHOR_KEYS:
        values = [v for v in meta.values.get(key, ()) if v and not _URL.match(v)]
        if values:
            return ", ".join(dict.fromkeys(values))
    if meta.linked.authors:
        return ", ".join(dict.fromkeys(meta.linked.authors))
    for key, values in meta.values.items():
        if "author" in key and not _NOT_NAME_KEY.search(key):
            names = [v for v in values if v and not _URL.match(v)]
            if names:
                return ", ".join(dict.fromkeys(names))
    return None


def meta_date(meta: HeadMeta) -> str | None:
    """Publication date from <meta> tags or JSON-LD, as YYYY-MM-DD."""
    first = iso_date(meta.first(DATE_KEYS[:1]))
    return first or iso_date(meta.linked.published) or iso_date(meta.first(DATE_KEYS[1:]))


def meta_section(meta: HeadMeta) -> str | None:
    section = meta.first(SECTION_KEYS[:4]) or meta.linked.section
    return section if section and len(section) <= 60 else None


def url_date(meta: HeadMeta) -> str | None:
    """The date in the page's address ("/2024/03/11/slug"), as YYYY-MM-DD; None when it has none."""
    path = urlsplit(meta.source_url or "").path if meta.source_url else ""
    match = _PATH_DATE.search(path[:500])
    return iso_date(f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}") if match else None
