"""The saved forms of the fixture pages (tests/fixtures/forms, see its README) and what their HTML form gives."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import parsing
from parsing import Page
from tests.paths import FIXTURES, SAMPLE_PAGE

FORMS = FIXTURES / "forms"
LONG_URL = "https://www.brecorder.com/news/40300000/budget-arithmetic-tests-investors"
SAMPLE_URL = "https://www.brecorder.com/news/40000001/stocks-close-higher-as-fertiliser-and-banks-lead-gains"
STORY_URL = "https://www.brecorder.com/news/40212345/gold-rate"
URDU_URL = "https://www.brecorder.com/urdu/news/10001/stock-market"
# each page as it was served, with its images: the HTML form the other forms are compared with
HTML_FORMS = {
    "br-long": FORMS / "src" / "br-long.html",
    "br-sample": SAMPLE_PAGE,
    "br-story": FIXTURES / "complete" / "br-story.html",
    "br-urdu": FIXTURES / "br-urdu-utf8.html",
}
IMAGES = {  # the bytes of each page's article image
    "br-long": FORMS / "src" / "long-photo.png",
    "br-story": FIXTURES / "complete" / "br-story_files" / "photo.png",
}


def form(rel: str) -> bytes:
    return (FORMS / rel).read_bytes()


def pages_of(rel: str) -> list[Page]:
    """Every page of a fixture file, parsed."""
    path = FORMS / rel
    return [parsing.parse_part(part) for part in parsing.read_parts(path.read_bytes(), path.name, path)]


@cache
def html_form(name: str) -> Page:
    """The page as its served HTML gives it; its one image is given its bytes as the page links them."""
    path = HTML_FORMS[name]
    page = parsing.parse_file(path)
    if name == "br-long":  # the served page links its photo by web address: read it as a Complete save would
        page = parsing.parse_file(FORMS / "complete" / "en" / "br-long.html")
    return page


def content(page: Page) -> tuple[object, ...]:
    """What must be the same in every form of a page: title, section, date, byline, quotes, text, images."""
    return (page.title, page.section, page.published, page.byline, page.summary, page.quotes, page.paragraphs,
            page.related, [(i.media_type, i.data, i.caption, i.after_paragraph) for i in page.images])


def path_of(rel: str) -> Path:
    return FORMS / rel


def by_message(value: object) -> str:
    """Test ids from the expected messages (the data is bytes, and may differ between runs)."""
    return value[:50] if isinstance(value, str) else "data"
