"""Sentences the window shows to people."""

from __future__ import annotations

DROP_HERE = "Drop saved pages here"
DROP_HINT = (
    "Save a Business Recorder page from your browser (Webpage, HTML only or Complete, a single-file MHTML page, "
    "or the page's text) and drop the files or folders on this window."
)
SAMPLE_BUTTON = "Import the sample page"
NO_ARTICLE = "Select a page to read its article."
NO_QUOTES = "This page has no ticker quotes."
FILES_FILTER = ("Saved pages (*.html *.htm *.xhtml *.mhtml *.mht *.txt *.webarchive *.pdf *.zip *.warc *.warc.gz *.wacz)"
                ";;All files (*)")


def breadth(up: int, down: int, unchanged: int) -> str:
    return f"▲ {up} advancing   ▼ {down} declining   • {unchanged} unchanged"


def as_of(moment: str, estimated: bool) -> str:
    if estimated:
        return f"Quotes as of about {moment} (estimated from the file's date)"
    return f"Quotes as of {moment} (when the page was saved)"


EXPORT_FILTER = "CSV files (*.csv);;JSON files (*.json)"
