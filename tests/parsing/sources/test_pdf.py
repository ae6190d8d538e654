"""PDFs printed by a browser: paragraphs re-joined, hyphenation undone, the print header and footer removed."""

from __future__ import annotations

import re

import pytest

import parsing
from parsing.sources.pdf import TICKER_NOTE, read_pdf
from parsing.sources.pdf_text import Line, body_and_running, header_date, paragraphs, pdf_date
from tests.parsing.sources.pdfgen import picture_pdf, printed_article, tagged_pdf, text_pdf
from tests.parsing.sources.saved import LONG_URL, SAMPLE_URL, by_message, form, html_form


def test_a_long_article_over_three_pages():
    document = read_pdf(form("pdf/br-long.pdf"))
    assert document.source_url == LONG_URL  # the footer's address
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", document.saved or "")  # /CreationDate
    lines = (document.text or "").split("\n")
    text = document.text or ""
    for word in ("supported", "recommended", "sensitivity", "incentives", "transactions", "undemanding",
                 "state-owned", "inter-corporate", "deep-conversion", "price-to-book"):
        assert word in text  # hyphenated at a line end and joined again; compounds keep their hyphen
    assert "\u2010" not in text and "\u00ad" not in text
    assert "Budget arithmetic tests investors as circular debt and privatisation dominate the week" in lines
    assert not any(LONG_URL in line or re.search(r"\b\d/3\b", line) or " PM " in f" {line} " for line in lines)
    for paragraph in html_form("br-long").paragraphs:  # each paragraph whole, one that crosses pages too
        assert paragraph in lines


def test_the_ticker_strip_gives_one_item_per_line():
    lines = (read_pdf(form("pdf/br-sample.pdf")).text or "").split("\n")
    assert lines[lines.index("AIRLINK 504.80 ▲ 1.05 (0.21%)") + 1] == "BOP 159.26 ▼ 0.00 (0%)"


def test_every_pdf_page_says_its_ticker_is_partial():
    page = parsing.parse_bytes(form("pdf/br-story.pdf"))
    assert page.format == "pdf" and TICKER_NOTE in page.notes


def test_quotes_of_a_printed_ticker_are_those_of_the_page():
    printed = parsing.parse_bytes(form("pdf/br-sample.pdf")).quotes
    served = html_form("br-sample").quotes

    def fields(quote: parsing.Quote) -> tuple[object, ...]:
        return quote.symbol, quote.price, quote.change, quote.percent, quote.direction

    assert [fields(q) for q in printed[:4]] == [fields(q) for q in served[:4]]  # the visible part of the strip


def test_without_a_creation_date_the_header_dates_the_page():
    data = form("pdf/br-sample.pdf").replace(b"/CreationDate", b"/CreationDatX")  # same length: offsets stay
    page = parsing.parse_bytes(data)
    assert (page.saved or "").startswith("2026-11-30T19:")  # "11/30/26, 7:.. PM", in this computer's zone
    assert any("print header" in note for note in page.notes) and page.source_url == SAMPLE_URL


def test_an_untagged_print_from_another_browser():
    document = read_pdf(printed_article(pages=3))
    lines = (document.text or "").split("\n")
    assert len(lines) == 9 and all(line.endswith(".") for line in lines)  # three paragraphs a page
    assert document.source_url == "https://www.brecorder.com/news/4001/rupee-steady"
    assert document.saved is not None and document.saved.startswith("2025-06-14T15:02:00")


def test_untagged_text_in_a_tagged_print_is_not_the_page():
    """Chromium draws an image that did not load as its alt text, untagged: it is neither a paragraph nor the
    headline just above the story."""
    story = [(72.0, 200.0 + 16 * n, 11.0, f"Equities rose on Monday as investors bought cement and bank shares, "
                                          f"line {n} of the story.", "P") for n in range(8)]
    data = tagged_pdf([(72, 120, 22, "Rupee steady as reserves rise", "H1"),
                       (72, 150, 10, "Recorder Report Published June 14, 2025", "P"),
                       (72, 175, 11, "Traders at the exchange", None), *story,
                       (20, 780, 8, "https://www.brecorder.com/news/4001/rupee-steady", None)],
                      "Rupee steady as reserves rise - Business Recorder")
    page = parsing.parse_bytes(data)
    assert page.title == "Rupee steady as reserves rise" and len(page.paragraphs) == 8
    assert not any("Traders at" in text for text in page.paragraphs)
    assert page.source_url == "https://www.brecorder.com/news/4001/rupee-steady"  # the footer band is still read
    mostly_untagged = [(x, y, size, text, None) for x, y, size, text, _kind in story]
    page = parsing.parse_bytes(tagged_pdf([(72, 120, 22, "Rupee steady as reserves rise", "H1"), *mostly_untagged],
                                          "Rupee steady"))
    assert len(page.paragraphs) >= 1 and "line 7 of the story" in page.paragraphs[-1]  # another tool's partial tags


@pytest.mark.parametrize(("data", "message"), ids=by_message, argvalues=[
    (picture_pdf(), "has no text; it is probably a scan"),
    (form("pdf/encrypted-user-password.pdf"), "protected with a password"),
    (form("pdf/br-story.pdf")[:20_000], "damaged or cut short"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 20, "damaged or cut short"),
    (text_pdf([[(72, 72, 11, "x")]] * 501), "501 pages"),
])
def test_unreadable_pdfs_are_named(data, message):
    with pytest.raises(parsing.ParseError, match=message):
        parsing.read_parts(data)


def test_an_owner_password_alone_does_not_stop_reading():
    assert "The rupee held steady" in (read_pdf(form("pdf/encrypted-owner-password.pdf")).text or "")


def _line(text: str, baseline: float, page: int = 0, left: float = 72, size: float = 8) -> Line:
    return Line(page, text, left, left + 5 * len(text), baseline, size, 792)


@pytest.mark.parametrize("header", [
    "11/30/26, 7:17 PM Budget arithmetic tests investors",
    "30.11.26, 19:23 Budget arithmetic tests investors",
    "2026-11-30 19:23 Budget arithmetic tests…",
    "Page 2 of 3", "Seite 2 von 3", "2/3", "- 2 -",
    "https://www.brecorder.com/news/40300000/budget-arithmetic-tests-investors 2/3",
    "19:23 30.11.26 investors tests arithmetic Budget",  # a right-to-left title comes out reversed
])
def test_running_header_and_footer_lines(header):
    body_line = _line("KARACHI: Equities spent the week oscillating.", 300, size=11)
    body, _said = body_and_running([[_line(header, 20), body_line, _line(header, 780)]],
                                   "Budget arithmetic tests investors")
    assert body == [body_line]


def test_a_shortened_footer_address_is_not_the_source():
    _body, said = body_and_running([[_line("https://www.brecorder.com/news/4000…/budget 1/1", 780)]], None)
    assert said.url is None and said.url_cut is not None


def test_an_address_inside_text_near_the_edge_stays():
    line = _line("Read the full report at https://www.sbp.org.pk/reports today", 780)
    body, said = body_and_running([[line]], None)
    assert body == [line] and said.url is None


def test_a_paragraph_runs_on_to_the_next_page_unless_it_ended():
    full = 72 + 5 * 60
    lines = [Line(0, "the first paragraph runs to the end of the page and", 72, full, 700, 11, 792),
             Line(1, "on to the next one, where it ends.", 72, 200, 72, 11, 792),
             Line(1, "A new paragraph starts here.", 72, 200, 100, 11, 792)]
    assert paragraphs(lines) == ["the first paragraph runs to the end of the page and on to the next one, where it "
                                 "ends.", "A new paragraph starts here."]


@pytest.mark.parametrize(("first", "second", "joined"), [
    ("recom\u2010", "mended by analysts", "recommended by analysts"),
    ("state-", "owned companies", "state-owned companies"),
    ("oscil-", "lating between oscillating", "oscillating between oscillating"),
])
def test_hyphens_at_line_ends(first, second, joined):
    lines = [Line(0, first, 72, 400, 100, 11, 792), Line(0, second, 72, 300, 114, 11, 792)]
    assert paragraphs(lines) == [joined]


@pytest.mark.parametrize(("text", "iso"), [
    ("11/30/26, 7:17 PM", "2026-11-30T19:17:00"), ("30.11.26, 19:23", "2026-11-30T19:23:00"),
    ("30/11/2026 19:23", "2026-11-30T19:23:00"), ("2026-11-30 19:23", "2026-11-30T19:23:00"),
    ("1/2/26, 9:05 AM", "2026-01-02T09:05:00"), ("12/1/26, 12:30 AM", "2026-12-01T00:30:00"),
])
def test_print_header_dates(text, iso):
    from parsing.sources.pdf_text import _DATE

    match = _DATE.match(text)
    assert match is not None and (when := header_date(match)) is not None and when.isoformat() == iso


@pytest.mark.parametrize(("value", "iso"), [
    ("D:20261130141735+00'00'", "2026-11-30T14:17:35+00:00"), ("D:20250611174200+05'00'", "2025-06-11T17:42:00+05:00"),
    ("D:20250611174200-04'30", "2025-06-11T17:42:00-04:30"), ("D:20250611174200Z", "2025-06-11T17:42:00+00:00"),
    ("D:2025", "2025-01-01T00:00:00+00:00"), ("yesterday", None), ("D:20251399", None),
])
def test_pdf_dates(value, iso):
    assert pdf_date(value) == iso


def test_pdfium_is_only_called_under_its_lock(monkeypatch):
    """PDFium must never be called from two threads at a time (the window reads pages on pool threads)."""
    from parsing.sources import pdf

    pdfium, raw = pdf._pdfium()
    seen: list[bool] = []

    class Watched:
        PdfiumError = pdfium.PdfiumError

        @staticmethod
        def PdfDocument(data: bytes) -> object:  # stands in for the class
            seen.append(pdf._PDFIUM_LOCK.locked())
            return pdfium.PdfDocument(data)

    monkeypatch.setattr(pdf, "_pdfium", lambda: (Watched, raw))
    assert read_pdf(form("pdf/br-story.pdf")).text
    assert seen == [True] and not pdf._PDFIUM_LOCK.locked()
