"""Articles written out for reading elsewhere: Markdown, one self-contained HTML file, an EPUB 3 book.

The HTML and the EPUB chapters are the panel's own article markup (article_html), with the images
embedded (HTML: data URIs) or packed beside the chapter (EPUB); nothing is fetched and no script is added.
"""

from __future__ import annotations

import base64
import re
import uuid
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.library.article_html import article_html, shown_summary
from desktop.library.formatting import as_of_text, date_text, datetime_text
from desktop.library.records import StoredArticle

if TYPE_CHECKING:
    from desktop.library.library import Library

STYLE = (
    "body{font-family:serif;line-height:1.5;max-width:42em;margin:1em auto;padding:0 1em}"
    "h1{font-size:1.6em;line-height:1.25}.section{font-size:.8em;letter-spacing:.05em;color:#555}"
    ".meta{color:#555;font-size:.9em}.summary{font-size:1.05em}.image,.caption{text-align:center}"
    "img{max-width:100%;height:auto}"
)
IMAGE_SUFFIXES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp",
                  "image/svg+xml": "svg"}


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def language(article: StoredArticle) -> tuple[str, str]:
    """The language tag and writing direction to declare: Urdu right to left when most letters are in Arabic
    script, else English left to right (a reader app then lays paragraphs out the right way round)."""
    text = " ".join((article.page.title or "", *article.paragraphs[:3]))
    letters = sum(c.isalpha() for c in text)
    return ("ur", "rtl") if letters and len(ARABIC_SCRIPT.findall(text)) * 2 > letters else ("en", "ltr")


def _escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


def article_markdown(article: StoredArticle) -> str:
    """The article as Markdown: heading, details, summary, paragraphs, image notes and related stories."""
    page = article.page
    lines = [f"# {_escape_markdown(page.title or page.file_name)}", ""]
    details = [("Section", page.section), ("Published", date_text(page.published)), ("By", article.byline),
               ("Saved", as_of_text(page.quotes_as_of, page.as_of_estimated)), ("Source", page.source_url)]
    lines += [f"- **{label}:** {_escape_markdown(value)}" for label, value in details if value]
    lines.append("")
    summary = shown_summary(article)
    if summary:
        lines += [f"*{_escape_markdown(summary)}*", ""]
    images: dict[int, list[str]] = {}
    for image in article.images:
        text = f"*[Image: {_escape_markdown(image.caption or image.name)}]*"
        images.setdefault(image.after_paragraph, []).append(text)
    for number, paragraph in enumerate(article.paragraphs):
        lines += [*images.pop(number, []), _escape_markdown(paragraph), ""]
    lines += [note for notes in images.values() for note in notes]
    if article.related:
        lines += ["", "## Related stories", ""] + [f"- {_escape_markdown(r)}" for r in article.related]
    return "\n".join(lines).rstrip() + "\n"


def _data_uri(article: StoredArticle, name: str) -> str:
    for image in article.images:
        if image.name == name:
            return f"data:{image.media_type};base64,{base64.b64encode(image.data).decode('ascii')}"
    return ""


def article_document(article: StoredArticle) -> str:
    """One self-contained HTML file: the article with its images as data URIs, a little CSS, no scripts."""
    title = escape(article.page.title or article.page.file_name)
    body = article_html(article, image_src=lambda name: _data_uri(article, name))
    lang, direction = language(article)
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="generator" content="Market Reader"><style>{STYLE}</style></head>\n'
            f"<body>\n{body}\n</body></html>\n")


# ---- EPUB 3 ---------------------------------------------------------------------------------------

CONTAINER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
    'full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n'
)


def _xhtml(title: str, body: str, lang: str = "en", direction: str = "ltr") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{lang}" xml:lang="{lang}" dir="{direction}">'
            f'<head><meta charset="utf-8"/><title>{escape(title)}</title>'
            f'<link rel="stylesheet" type="text/css" href="style.css"/></head>\n<body>\n{body}\n</body></html>\n')


def _chapter(article: StoredArticle, number: int) -> tuple[str, list[tuple[str, str, bytes]]]:
    """A chapter's XHTML and its images as (file name, media type, bytes)."""
    files: dict[str, tuple[str, str, bytes]] = {}
    for index, image in enumerate(article.images):
        suffix = IMAGE_SUFFIXES.get(image.media_type)
        if suffix is not None:
            files[image.name] = (f"images/c{number}-{index}.{suffix}", image.media_type, image.data)
    body = article_html(article, image_src=lambda name: files[name][0] if name in files else "")
    body = body.replace(' align="center"', "")
    body = re.sub(r'<p class="image"><img src="" [^>]*/></p>', "", body)
    return _xhtml(article.page.title or article.page.file_name, body, *language(article)), list(files.values())


def _title_page(articles: Sequence[StoredArticle], title: str) -> str:
    items = []
    for article in articles:
        page = article.page
        when = date_text(page.published) or datetime_text(page.quotes_as_of)
        source = f" — {escape(page.source_url)}" if page.source_url else ""
        items.append(f"<li>{escape(page.title or page.file_name)} ({escape(when)}){source}</li>")
    return _xhtml(title, f"<h1>{escape(title)}</h1>\n<p>{len(articles)} articles saved with Market Reader.</p>\n"
                         f"<ul>{''.join(items)}</ul>")


def _nav(articles: Sequence[StoredArticle]) -> str:
    links = "".join(f'<li><a href="chapter-{n}.xhtml">{escape(a.page.title or a.page.file_name)}</a></li>'
                    for n, a in enumerate(articles, start=1))
    body = (f'<nav epub:type="toc" id="toc"><h1>Contents</h1><ol><li><a href="title.xhtml">Title page</a></li>'
            f"{links}</ol></nav>")
    return _xhtml("Contents", body)


def _package(title: str, chapters: int, images: list[tuple[str, str]], modified: str, identifier: str) -> str:
    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
             '<item id="css" href="style.css" media-type="text/css"/>',
             '<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>']
    items += [f'<item id="c{n}" href="chapter-{n}.xhtml" media-type="application/xhtml+xml"/>'
              for n in range(1, chapters + 1)]
    items += [f'<item id="i{n}" href="{escape(href)}" media-type="{media}"/>' for n, (href, media) in enumerate(images)]
    spine = '<itemref idref="title"/>' + "".join(f'<itemref idref="c{n}"/>' for n in range(1, chapters + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="book-id">urn:uuid:{identifier}</dc:identifier><dc:title>{escape(title)}</dc:title>'
            f'<dc:language>en</dc:language><dc:creator>Market Reader</dc:creator>'
            f'<meta property="dcterms:modified">{modified}</meta></metadata>'
            f'<manifest>{"".join(items)}</manifest><spine>{spine}</spine></package>\n')


def write_epub(target: Path, articles: Sequence[StoredArticle], title: str | None = None) -> None:
    """An EPUB 3 book: a title page listing the articles' dates and sources, then one chapter per article."""
    if not articles:
        raise ValueError("an EPUB needs at least one article")
    title = title or (articles[0].page.title if len(articles) == 1 and articles[0].page.title
                      else f"Market Reader: {len(articles)} articles")
    modified = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    temporary = target.with_name(target.name + ".part")
    images: list[tuple[str, str]] = []
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", CONTAINER)
        book.writestr("OEBPS/style.css", STYLE)
        book.writestr("OEBPS/title.xhtml", _title_page(articles, title))
        book.writestr("OEBPS/nav.xhtml", _nav(articles))
        for number, article in enumerate(articles, start=1):
            chapter, files = _chapter(article, number)
            book.writestr(f"OEBPS/chapter-{number}.xhtml", chapter)
            for href, media, data in files:
                book.writestr(f"OEBPS/{href}", data)
                images.append((href, media))
        book.writestr("OEBPS/content.opf", _package(title, len(articles), images, modified, str(uuid.uuid4())))
    temporary.replace(target)


def articles_for(library: Library, page_ids: Sequence[int]) -> list[StoredArticle] | str:
    """The articles of ``page_ids`` in that order, or a sentence naming the ids that are not in the library."""
    found = {pid: library.article(pid) for pid in dict.fromkeys(page_ids)}
    missing = [str(pid) for pid, article in found.items() if article is None]
    if missing:
        noun = "page" if len(missing) == 1 else "pages"
        return f"there is no {noun} {', '.join(missing)} in the library"
    return [article for article in found.values() if article is not None]


def joined_document(articles: Sequence[StoredArticle]) -> str:
    """Several articles in one HTML file, each as it is exported alone."""
    if len(articles) == 1:
        return article_document(articles[0])
    bodies = [article_document(a).split("<body>\n", 1)[1].rsplit("\n</body>", 1)[0] for a in articles]
    head = article_document(articles[0]).split("<body>", 1)[0]
    return head + "<body>\n" + "\n<hr>\n".join(bodies) + "\n</body></html>\n"


def write_document(target: Path, fmt: str, articles: Sequence[StoredArticle]) -> None:
    """``articles`` as one EPUB book, HTML file or Markdown file (``fmt``: epub, html or markdown)."""
    if fmt == "epub":
        write_epub(target, articles)
    elif fmt == "markdown":
        write_text(target, "\n---\n\n".join(article_markdown(a) for a in articles))
    elif fmt == "html":
        write_text(target, joined_document(articles))
    else:
        raise ValueError(f"unknown format {fmt!r}")


def write_text(target: Path, text: str) -> None:
    """Write ``text`` whole or not at all (through a temporary file beside the target)."""
    temporary = target.with_name(target.name + ".part")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
