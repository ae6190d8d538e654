"""Finding a page's images among resources a container keeps by absolute web address (web archive, WARC)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urldefrag, urljoin

from parsing.limits import MAX_RESOURCE_BYTES
from parsing.model import Resolver
from parsing.sources.part import Hits


def absolute_keys(src: str, base_url: str | None) -> list[str]:
    """The addresses a src may be kept under: as written, resolved against the page, without a fragment."""
    src = src.strip()
    keys = [src]
    if base_url:
        try:
            keys.append(urljoin(base_url, src))
        except ValueError:  # a malformed address (an unclosed IPv6 bracket)
            pass
    keys += [urldefrag(key)[0] for key in keys]
    return list(dict.fromkeys(key for key in keys if key))


def url_resolver(lookup: Callable[[str], bytes | None], base_url: str | None, hits: Hits | None = None
                 ) -> Resolver:
    """src -> bytes for a page at ``base_url``; ``hits`` records the addresses that answered."""

    def resolve(src: str) -> bytes | None:
        if not src or src[:5].lower() == "data:":
            return None  # data: URIs are decoded by the extractor itself
        for key in absolute_keys(src, base_url):
            data = lookup(key)
            if data is not None:
                data = data if len(data) <= MAX_RESOURCE_BYTES else None
                return hits.found(key, data) if hits is not None else data
        return None

    return resolve
