"""`pages`, `search`, `show` and `export`: reading the library's pages and articles."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TYPE_CHECKING

from desktop.cli.output import add_command, add_output, complain, emit, render_table, short
from desktop.library.formatting import as_of_text, date_text
from desktop.library.ranking import RANK_WINDOW
from desktop.library.serialize import (
    PAGE_KEYS,
    QUOTE_KEYS,
    TABLE_KEYS,
    article_record,
    page_record,
    pick,
    quote_record,
)

if TYPE_CHECKING:  # the handlers run with the library open, and load its modules then
    from desktop.library import Library
    from desktop.library.state import PageState

PAGE_SORTS = ("quotes_as_of", "published", "imported", "title", "quote_count")
EXPORT_COLUMNS = ["page_id", "title", "published", "quotes_as_of", "as_of_estimated", "source_url", "file_name",
                  "content_hash", "position", "symbol", "kind", "price", "change", "percent", "direction", "flag",
                  *TABLE_KEYS]


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "pages", run_pages, "list the pages in the library", "List the saved pages in the library.")
    p.add_argument("--sort", choices=PAGE_SORTS, default="quotes_as_of", help="order (default: quotes_as_of)")
    p.add_argument("--ascending", action="store_true", help="oldest or smallest first")
    p.add_argument("--search", metavar="TEXT", help="only pages whose text has every word of TEXT")
    p.add_argument("--unread", action="store_true", help="only pages not yet read")
    p.add_argument("--starred", action="store_true", help="only starred pages")
    p.add_argument("--tag", metavar="NAME", help="only pages tagged NAME")
    add_output(p)

    p = add_command(sub, "search", run_search, "full-text search of titles, summaries and articles",
                    "Search the library; every word must appear. Matches are shown in [brackets]. When more than "
                    f"{RANK_WINDOW:,} pages match, the best of the {RANK_WINDOW:,} imported last are shown (a note on "
                    "stderr says so).")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words to look for")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N pages (default 50)")
    add_output(p)

    p = add_command(sub, "show", run_show, "print one page's article as text, Markdown or HTML",
                    "Print the article of page ID: as text (the default), Markdown, a self-contained HTML "
                    "document (images embedded), or one JSON object.")
    p.add_argument("page_id", type=int, metavar="ID", help="page id, as listed by 'pages'")
    p.add_argument("--format", choices=("text", "markdown", "html"), default="text", help="how to print it")
    p.add_argument("--json", action="store_true", help="the article as one JSON object")

    p = add_command(sub, "export", run_export, "write every snapshot's quotes as CSV or JSON",
                    "Export the library to standard output: CSV has one row per quote of every page; JSON is an "
                    "array of pages, each with its quotes.")
    p.add_argument("--format", choices=("csv", "json"), default="csv", help="output format (default csv)")


def run_pages(library: Library, args: argparse.Namespace) -> int:
    from desktop.library.listing import PageFilter
    from desktop.library.state import PageState

    rows = library.pages(sort=args.sort, descending=not args.ascending, search=args.search)
    if args.unread or args.starred or args.tag:
        kept = set(library.page_ids(wanted=PageFilter(unread=args.unread, starred=args.starred, tag=args.tag)))
        rows = [r for r in rows if r.id in kept]
    states = library.page_states(r.id for r in rows)
    cells = [[str(r.id), date_text(r.published), as_of_text(r.quotes_as_of, r.as_of_estimated),
              f"{r.quote_count:,}", r.section or "", short(r.title or r.file_name)] for r in rows]
    headers = ["ID", "Published", "Saved", "Quotes", "Section", "Title"]
    records = [{**pick(page_record(r), PAGE_KEYS), **state_record(states.get(r.id, PageState()), args.csv)}
               for r in rows]
    emit(records, args, lambda: render_table(headers, cells, {0, 3}))
    return 0


def state_record(state: PageState, flat: bool = False) -> dict[str, object]:
    """A page's reader state as the JSON listing gives it (tags joined by "; " for CSV)."""
    return {"read": state.read, "starred": state.starred, "tags": "; ".join(state.tags) if flat else list(state.tags),
            "note": state.note, "reading_minutes": state.reading_minutes}


def run_search(library: Library, args: argparse.Namespace) -> int:
    results = library.search_results(" ".join(args.query), limit=args.limit)
    hits = results.hits
    rows = [{"id": h.id, "title": h.title, "snippet": h.snippet} for h in hits]
    if results.window is not None:
        print(window_note(results.window), file=sys.stderr)
    if not args.json and not args.csv and not hits:
        print("no pages found")
        return 0
    text = "\n\n".join(f"{h.id:>5}  {h.title or ''}\n       {' '.join(h.snippet.split())}" for h in hits)
    emit(rows, args, lambda: text)
    return 0


def window_note(window: int) -> str:
    """What a search says when more pages matched than it ranks (on stderr: the JSON and CSV keep their shape)."""
    return (f"More than {window:,} pages match: these are the best of the {window:,} imported last. "
            "Add a word to narrow the search.")


def article_text(library: Library, page_id: int) -> str | None:
    """The article of a page as plain text: header lines, summary, paragraphs, related and images."""
    article = library.article(page_id)
    if article is None:
        return None
    page = article.page
    heading = page.title or page.file_name
    lines = [heading, "=" * min(len(heading), 100)]
    for label, value in (("Section", page.section), ("Published", date_text(page.published)),
                         ("By", article.byline), ("Saved", as_of_text(page.quotes_as_of, page.as_of_estimated)),
                         ("Source", page.source_url), ("File", page.file_name)):
        if value:
            lines.append(f"{label + ':':<14}{value}")
    lines.append("")
    if article.summary:
        lines += [article.summary, ""]
    by_place: dict[int, list[str]] = {}
    for image in article.images:
        caption = f", {image.caption}" if image.caption else ""
        note = f"[image {image.name}: {image.media_type}, {len(image.data):,} bytes{caption}]"
        by_place.setdefault(image.after_paragraph, []).append(note)
    for number, paragraph in enumerate(article.paragraphs):
        lines += [*by_place.pop(number, []), paragraph, ""]
    lines += [note for notes in by_place.values() for note in notes]
    lines += [f"Related: {text}" for text in article.related]
    return "\n".join(lines).rstrip() + "\n"


def run_show(library: Library, args: argparse.Namespace) -> int:
    from desktop.library.article_export import article_document, article_markdown

    if args.format in ("markdown", "html") and not args.json:
        article = library.article(args.page_id)
        if article is None:
            return complain(f"there is no page {args.page_id} in the library")
        sys.stdout.write(article_markdown(article) if args.format == "markdown" else article_document(article))
        return 0
    if args.json:
        article = library.article(args.page_id)
        if article is None:
            return complain(f"there is no page {args.page_id} in the library")
        print(json.dumps(article_record(article), ensure_ascii=False, indent=1))
        return 0
    text = article_text(library, args.page_id)
    if text is None:
        return complain(f"there is no page {args.page_id} in the library")
    sys.stdout.write(text)
    return 0


def run_export(library: Library, args: argparse.Namespace) -> int:
    pages = library.pages(descending=False)
    if args.format == "json":
        records = [{**pick(page_record(p), PAGE_KEYS), "content_hash": p.content_hash,
                    "quotes": [pick(quote_record(q), QUOTE_KEYS) for q in library.quotes(p.id)]} for p in pages]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for p in pages:
        page = page_record(p)
        for q in library.quotes(p.id):
            row = {**page, **quote_record(q), "page_id": p.id, "quotes_as_of": p.quotes_as_of,
                   "as_of_estimated": int(p.as_of_estimated), "percent_computed": int(q.percent_computed)}
            writer.writerow([row[column] for column in EXPORT_COLUMNS])
    return 0
