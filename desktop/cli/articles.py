"""`export-articles`: articles as Markdown, a self-contained HTML file, PDF, or several as one EPUB book."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.output import add_command, complain

if TYPE_CHECKING:  # the export modules are loaded when articles are exported
    from desktop.library import Library, StoredArticle

FORMATS = ("epub", "pdf", "html", "markdown")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "export-articles", run_export_articles, "write articles as EPUB, PDF, HTML or Markdown",
                    "Write the articles of pages ID... to FILE: one EPUB book (a title page, then a chapter per "
                    "article, images included), or one PDF, HTML or Markdown document with the articles in turn.")
    p.add_argument("page_ids", nargs="+", type=int, metavar="ID", help="page ids, as listed by 'pages'")
    p.add_argument("--format", choices=FORMATS, required=True, help="what to write")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the file to write")


def write_articles(target: Path, fmt: str, articles: list[StoredArticle]) -> None:
    """Any of the formats: PDF through Qt (loaded only then), the others from the Qt-free library."""
    if fmt == "pdf":
        from desktop.gui.pdf_export import write_pdf

        write_pdf(target, articles)
    else:
        from desktop.library.article_export import write_document

        write_document(target, fmt, articles)


def run_export_articles(library: Library, args: argparse.Namespace) -> int:
    from desktop.library.article_export import articles_for

    articles = articles_for(library, args.page_ids)
    if isinstance(articles, str):
        return complain(articles)
    try:
        write_articles(args.output, args.format, articles)
    except OSError as error:
        return complain(f"{args.output}: {error.strerror or error}")
    print(f"{len(articles)} {'article' if len(articles) == 1 else 'articles'} written to {args.output}")
    return 0
