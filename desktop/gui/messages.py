"""Sentences the window shows to people."""

from __future__ import annotations

from desktop.library.formatting import plural

DROP_HERE = "Drop saved pages here"
DROP_HINT = (
    "Save a page of financial news (Business Recorder, or any site) from your browser or archiving tool — "
    "Webpage, HTML only or Complete; MHTML; the page's text; a PDF print; a web archive, SingleFile page, WARC "
    "or zip — and drop the files or folders on this window, or open them here."
)
SAMPLE_BUTTON = "Import the sample page"
OPEN_BUTTON = "Open Saved Pages…"
NO_ARTICLE = "Select a page to read its article."
NO_PAGE = "No page selected. Choose one in the list to see its quotes."
NO_QUOTES = "No ticker quotes were found on this page."
NO_MARKET = "No quotes in the library yet."
FILES_FILTER = ("Saved pages (*.html *.htm *.xhtml *.mhtml *.mht *.txt *.webarchive *.pdf *.zip *.warc *.warc.gz *.wacz"
                " *.html.gz *.htm.gz);;All files (*)")
EXPORT_FILTER = "CSV files (*.csv);;JSON files (*.json)"
ESTIMATED_TIP = (
    "The saved file does not record when it was saved, so its quotes are placed in time by the file's date. "
    "That date may be when the file was copied, downloaded or installed rather than when the page was open "
    "in the browser. The article's own date is shown with the article."
)
READ_ONLY_TIP = "This library is on storage Market Reader cannot write to, so nothing can be imported or deleted."


def breadth(up: int, down: int, unchanged: int, shown: int | None = None, total: int | None = None) -> str:
    """Advancers, decliners and unchanged among the rows shown (with "n of m shown" when filtered)."""
    items = [f"▲ {up} advancing", f"▼ {down} declining", f"• {unchanged} unchanged"]
    if shown is not None and total is not None and shown != total:
        items.append(f"({shown} of {plural(total, 'symbol')} shown)")
    return breadth_line(items)


def breadth_line(items: list[str]) -> str:
    """Items of a status line that wraps between items, never inside one ('⚠ 2' above 'unreadable')."""
    return "  ".join(item.replace(" ", "\u00a0") for item in items)


def as_of(moment: str, estimated: bool) -> str:
    """The line above the grid saying when the quotes are from, and how we know."""
    if estimated:
        return f"Save time not recorded · file dated {moment} (est.)"
    return f"Quotes as of {moment}, when the page was saved"


def no_match(text: str) -> str:
    return f"No symbol contains “{text.strip()}”."


def unreadable(count: int, total: int) -> str:
    if count == total:
        return f"⚠ The ticker could not be read reliably: all {total} quotes disagree with themselves."
    return f"⚠ {plural(count, 'quote')} could not be read consistently (marked ⚠; hover for why)."
