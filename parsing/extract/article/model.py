"""What the article extractor returns: the story's parts, and its images with their captions."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ArticleImage:
    """An image of the story: ``after_paragraph`` paragraphs come before it (0 = above the first)."""

    src: str
    alt: str
    attrs: dict[str, str]
    after_paragraph: int
    caption: str | None = None


@dataclass(slots=True)
class Article:
    """The story a page holds; every field may be empty (a page with no story has no paragraphs)."""

    title: str | None = None
    section: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    byline: str | None = None
    summary: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    images: list[ArticleImage] = field(default_factory=list)
    site_name: str | None = None
    # where the paragraphs came from: "dom" (the story's region), "json-ld" (articleBody), "prose" (every
    # paragraph of the page outside furniture), "lines" (every line of text outside it), "description"
    source: str = "dom"
