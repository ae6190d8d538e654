"""What a Document says: its quotes and its article, as a Page."""

from __future__ import annotations

from parsing.extract.html_page import parse_html
from parsing.model import Document, Page

__all__ = ["extract_page"]


def extract_page(document: Document) -> Page:
    """The Page in a Document: HTML markup or a text copy."""
    if document.markup is not None:
        return parse_html(document)
    from parsing.extract.text_page import parse_text  # (the text-copy reader is loaded for text copies only)

    return parse_text(document)
