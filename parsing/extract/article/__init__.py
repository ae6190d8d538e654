"""The article of a news page, from any site: a general main-content extractor on the page's one lexbor parse.

``extract_article(body, meta, skip)`` walks the body once into a table of elements and text blocks
(``parsing.html.blocks``), scores candidate containers by text and link density and by position (``region``),
reads the story's paragraphs, headings, images with captions, teaser and related links from the chosen region
(``assemble``), and takes the title, byline, date and section from the page's metadata or, failing that, from
what the body shows (``titles``, ``header``). JSON-LD ``articleBody`` stands in when the page shows less of the
story than it, and a page with no story region falls back to its prose, then to its description.
"""

from __future__ import annotations

from parsing.extract.article.extract import extract_article
from parsing.extract.article.model import Article, ArticleImage

__all__ = ["Article", "ArticleImage", "extract_article"]
