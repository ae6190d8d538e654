"""What a Document says: its quotes and its article, as a Page."""

from __future__ import annotations

from parsing.extract.html_page import parse_html
from parsing.extract.text_page import parse_text
from parsing.model import Document, Page

__all__ = ["extract_page"]


def extract_page(document: Document) -> Page:
    """The Page in a Document: HTML markup or a text copy."""
    return parse_html(document) if document.markup is not None else parse_text(document)
