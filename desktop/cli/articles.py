"""`export-articles`: articles as Markdown, a self-contained HTML file, PDF, or several as one EPUB book."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.output import add_command, complain
from desktop.library import Library, StoredArticle
from desktop.library.article_export import article_document, article_markdown, write_epub, write_text

FORMATS = ("epub", "pdf", "html", "markdown")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "export-articles", run_export_articles, "write articles as EPUB, PDF, HTML or Markdown",
                    "Write the articles of pages ID... to FILE: one EPUB book (a title page, then a chapter per "
                    "article, images included), or one PDF, HTML or Markdown document with the articles in turn.")
    p.add_argument("page_ids", nargs="+", type=int, metavar="ID", help="page ids, as listed by 'pages'")
    p.add_argument("--format", choices=FORMATS, required=True, help="what to write")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the file to write")


def articles_for(library: Library, page_ids: list[int]) -> list[StoredArticle] | str:
    """The articles of ``page_ids`` in that order, or a sentence naming the ids that are not in the library."""
    found = {pid: library.article(pid) for pid in dict.fromkeys(page_ids)}
    missing = [str(pid) for pid, article in found.items() if article is None]
    if missing:
        noun = "page" if len(missing) == 1 else "pages"
        return f"there is no {noun} {', '.join(missing)} in the library"
    return [article for article in found.values() if article is not None]


def joined_document(articles: list[StoredArticle]) -> str:
    """Several articles in one HTML file, each as it is exported alone."""
    if len(articles) == 1:
        return article_document(articles[0])
    bodies = [article_document(a).split("<body>\n", 1)[1].rsplit("\n</body>", 1)[0] for a in articles]
    head = article_document(articles[0]).split("<body>", 1)[0]
    return head + "<body>\n" + "\n<hr>\n".join(bodies) + "\n</body></html>\n"


def write_articles(target: Path, fmt: str, articles: list[StoredArticle]) -> None:
    if fmt == "epub":
        write_epub(target, articles)
    elif fmt == "markdown":
        write_text(target, "\n---\n\n".join(article_markdown(a) for a in articles))
    elif fmt == "html":
        write_text(target, joined_document(articles))
    else:
        from desktop.gui.pdf_export import write_pdf  # Qt is loaded only for PDF

        write_pdf(target, articles)


def run_export_articles(library: Library, args: argparse.Namespace) -> int:
    articles = articles_for(library, args.page_ids)
    if isinstance(articles, str):
        return complain(articles)
    try:
        write_articles(args.output, args.format, articles)
    except OSError as error:
        return complain(f"{args.output}: {error.strerror or error}")
    print(f"{len(articles)} {'article' if len(articles) == 1 else 'articles'} written to {args.output}")
    return 0
