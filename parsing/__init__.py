"""Turn a saved news page (HTML, MHTML or a text copy) into quotes and an article."""

from parsing.model import Image, Page, ParseError, Quote

PARSER_VERSION = 1

__all__ = ["PARSER_VERSION", "Image", "Page", "ParseError", "Quote"]
