"""Pages printed to PDF by Chromium in the shapes news sites give them: spans on one line, list markers, line
breaks inside one block, tables (a row one line, its cells apart; empty cells; a cell cut by a page break), text
on later pages (marked-content ids start again on each page), an image's alt text before a name, a headline near
the top of a page printed without margins. The PDFs are written by ``pdfgen.structured_pdf`` as Chromium writes
its tagged prints."""

from __future__ import annotations

import parsing
from parsing.sources.pdf import read_pdf
from parsing.sources.pdf_text import Line, body_and_running, paragraphs
from tests.parsing.sources.pdfgen import AFTER, structured_pdf, text_pdf

STORY = [
    "KARACHI: Shares rose on Monday as banks led the market higher, and brokers said the rally",
    "would go on while the central bank kept its policy rate on hold.",
]
QUOTES = [("HBL", "145.20", "+1.20", "+0.83%"), ("UBL", "210.50", "-0.45", "-0.21%"), ("MCB", "220.00", "+2.00", "+0.92%"),
          ("OGDC", "180.40", "-1.60", "-0.88%"), ("ENGRO", "300.00", "+3.00", "+1.01%")]


def _row(y: float, name: str, cells: tuple[str, ...], kind: str = "TD") -> list[tuple[float, float, float, str, str]]:
    return [(72 + 90 * k, y, 11, cell, f"Div:story/Table/TR:{name}/{kind}:{k}") for k, cell in enumerate(cells)]


def _lines(data: bytes) -> list[str]:
    return (read_pdf(data).text or "").split("\n")


def test_spans_of_one_line_stay_one_line():
    """A date in a <span> of its own after the writer's name, inside the same <div>: one line, as a copy gives."""
    lines = _lines(structured_pdf([[
        (72, 100, 24, "Current account posts surplus", "H1"),
        (72, 130, 11, "Khurram Shahzad | ", "Div:meta"), (AFTER, 130, 11, "December 17, 2024", "Div:meta/Div:time"),
        *((72, 160 + 14 * n, 11, text, "P") for n, text in enumerate(STORY))]], "Surplus"))
    assert "Khurram Shahzad | December 17, 2024" in lines


def test_list_markers_are_not_text():
    lines = _lines(structured_pdf([[
        (72, 100, 11, "1.", "L/LI:1/Lbl"), (AFTER, 100, 11, " The tax target", "L/LI:1/H2"),
        (72, 130, 11, "2.", "L/LI:2/Lbl"), (AFTER, 130, 11, " Salaried income tax", "L/LI:2/H2"),
        *((72, 160 + 14 * n, 11, text, "P") for n, text in enumerate(STORY))]], "Budget"))
    assert lines[:2] == ["The tax target", "Salaried income tax"]


def test_line_breaks_inside_one_block_end_lines():
    """<font>Staff Reporter<br>Monday, ...</font>: one element, two lines that are not one paragraph; the lines a
    browser wrapped in a paragraph are joined."""
    lines = _lines(structured_pdf([[
        (72, 100, 11, "Staff Reporter", "Div:head"), (72, 114, 11, "Monday, November 10, 2025", "Div:head"),
        *((72, 140 + 14 * n, 11, text, "P") for n, text in enumerate(STORY))]], "Wheat"))
    assert lines == ["Staff Reporter", "Monday, November 10, 2025", " ".join(STORY)]


def test_alt_text_run_into_the_name_beside_it_is_left_out():
    """An image that did not load is drawn as its alt text, untagged, right against the writer's name."""
    lines = _lines(structured_pdf([[
        (72, 100, 11, "Ayesha Siddiqa", None), (AFTER, 100, 11, "Ayesha Siddiqa", "Div:author/Link"),
        *((72, 130 + 14 * n, 11, text, "P") for n, text in enumerate(STORY))]], "Opinion"))
    assert lines[0] == "Ayesha Siddiqa"


def test_a_quote_table_over_two_pages_gives_every_row_and_its_quote():
    """Cells by their elements: a row is one line with its cells tab-separated, on the second page too (whose
    marked-content ids start again at 0, so they must be read against that page's own elements)."""
    header = ("Symbol", "Price", "Change", "Change %")
    first = [(72, 100, 24, "Banks lead the market higher", "H1"),
             *((72, 130 + 14 * n, 11, text, "Div:story/P:1") for n, text in enumerate(STORY)),
             *_row(180, "h", header, "TH"), *(cell for n, quote in enumerate(QUOTES[:3]) for cell in _row(200 + 16 * n, str(n), quote))]
    second = [*(cell for n, quote in enumerate(QUOTES[3:]) for cell in _row(72 + 16 * n, str(n + 3), quote)),
              (72, 120, 11, "Brokers expect the index to test new highs this week, an analyst said.", "Div:story/P:2")]
    data = structured_pdf([first, second], "Banks lead the market higher")
    lines = _lines(data)
    assert "\t".join(header) in lines and "OGDC\t180.40\t-1.60\t-0.88%" in lines
    page = parsing.parse_bytes(data)
    assert [(q.symbol, q.price, q.change) for q in page.quotes] == [
        (symbol, float(price), float(change)) for symbol, price, change, _ in QUOTES]
    assert page.title == "Banks lead the market higher"
    assert page.paragraphs[-1].startswith("Brokers expect")


def _cells(page: int, y: float, cells: list[tuple[float, float, str]], block: tuple[int, ...]) -> Line:
    return Line(page, "\t".join(text for *_, text in cells), cells[0][0], cells[-1][1], y, 11, 792, block,
                tuple((left, right) for left, right, _ in cells))


def test_a_cell_cut_by_a_page_break_goes_back_into_its_row():
    row = _cells(0, 740, [(72, 110, "PSO"), (120, 250, "OIL & GAS MARKETING"), (260, 300, "227.00"),
                          (310, 340, "4.02")], (0, 5))
    rest = _cells(1, 60, [(120, 190, "COMPANIES")], (0, 1))
    after = _cells(1, 76, [(72, 110, "SNGP"), (120, 250, "OIL & GAS"), (260, 300, "2.74"), (310, 340, "0.00")], (0, 2))
    assert paragraphs([row, rest, after]) == ["PSO\tOIL & GAS MARKETING COMPANIES\t227.00\t4.02",
                                              "SNGP\tOIL & GAS\t2.74\t0.00"]


def test_a_row_with_empty_cells_keeps_its_columns():
    """An untraded row prints no serial number: its cells stay under their headers, the first one empty."""
    header = _cells(0, 100, [(72, 80, "#"), (100, 140, "Symbol"), (160, 190, "LTP"), (200, 240, "Volume")], (0, 0))
    row = _cells(0, 116, [(72, 78, "1"), (100, 125, "SYM"), (160, 188, "56.40"), (200, 230, "3,979")], (0, 1))
    untraded = _cells(0, 132, [(100, 130, "AGIL"), (160, 165, "-"), (200, 205, "0")], (0, 2))
    spanned = _cells(0, 84, [(100, 190, "Price (Rs.)")], (0, 3))  # a header cell over two columns: as it is
    assert paragraphs([spanned, header, row, untraded]) == [
        "Price (Rs.)", "#\tSymbol\tLTP\tVolume", "1\tSYM\t56.40\t3,979", "\tAGIL\t-\t0"]


def test_a_large_headline_near_the_top_is_not_the_print_header():
    """A page printed without margins, at 80 percent: the headline sits in the band where a header would, and
    says what the document's title says."""
    title = "PM announces Rs7.41 cut in power prices"
    headline = Line(0, title, 33, 373, 73, 32, 842, (0, 1))
    header = Line(0, f"4/3/25, 10:15 AM {title}", 20, 400, 20, 8, 842)
    body, running = body_and_running([[header, headline]], f"{title} - Pakistan Today")
    assert [line.text for line in body] == [title] and running.date is not None


LONG = [f"Line {n} of a story printed in two columns, where the market moved on news of the budget and" for n in range(4)]


def test_a_paragraph_runs_on_into_the_next_column_and_the_next_page():
    """Two columns: the paragraph at the foot of the left column goes on at the top of the right one (the same
    element, higher up the page), and the one at the foot of the right column on the next page's left column."""
    first = [(36, 100, 22, "Budget talks: rupee steady", "H1"),
             *((36, 700 + 14 * n, 11, text, "Div:cols/P:1") for n, text in enumerate(LONG[:2])),
             *((320, 140 + 14 * n, 11, text, "Div:cols/P:1") for n, text in enumerate(LONG[2:])),
             (320, 168, 11, "the rupee held steady.", "Div:cols/P:1"),
             *((320, 720 + 14 * n, 11, text, "Div:cols/P:2") for n, text in enumerate(LONG[:2]))]
    second = [(36, 60, 11, "the traders watched reserves closely.", "Div:cols/P:2"),
              (36, 90, 11, "A third paragraph that ends the story.", "Div:cols/P:3")]
    lines = _lines(structured_pdf([first, second], "Budget talks: rupee steady - Business Recorder"))
    assert lines == ["Budget talks: rupee steady", " ".join([*LONG, "the rupee held steady."]),
                     " ".join([*LONG[:2], "the traders watched reserves closely."]),
                     "A third paragraph that ends the story."]


def test_addresses_a_print_style_writes_after_links_are_left_out():
    """a[href]:after { content: " (" attr(href) ")" }: the address is drawn untagged after the link, on its line
    or at the start of the next one."""
    lines = _lines(structured_pdf([[
        (72, 100, 11, "KARACHI: Shares rose on Monday as banks led the market higher. See", "P:1"),
        (72, 114, 11, "the report", "P:1/Link"), (AFTER, 114, 11, " (https://www.brecorder.com/news/1)", None),
        (AFTER, 114, 11, ".", "P:1"),
        (72, 140, 11, "Brokers said the rally would go on, as an analyst wrote in a note to clients", "P:2"),
        (72, 154, 11, "(https://www.brecorder.com/news/2)", None), (AFTER, 154, 11, ".", "P:2")]], "Stocks"))
    assert lines == ["KARACHI: Shares rose on Monday as banks led the market higher. See the report.",
                     "Brokers said the rally would go on, as an analyst wrote in a note to clients."]


def test_a_running_header_of_the_sites_print_style_on_two_pages_is_dropped():
    running = "Business Recorder | Print edition"
    first = [(36, 30, 9, running, "Div:run"), *((36, 100 + 14 * n, 11, text, "P:1") for n, text in enumerate(LONG))]
    second = [(36, 30, 9, running, "Div:run"), (36, 60, 11, "the rupee held steady.", "P:1")]
    lines = _lines(structured_pdf([first, second], "Budget talks"))
    assert lines == [" ".join([*LONG, "the rupee held steady."])]


def test_a_story_laid_out_in_a_table_cell_keeps_its_paragraphs():
    """<td>para<br><br>para<br><br>para</td>, each paragraph one line: one cell of prose is not a table's row,
    and the blank lines between its paragraphs part them even where every line stands a blank line apart."""
    story = ["ISLAMABAD: The federal government plans to raise the tax on property sales in the next budget.",
             "The finance ministry has also proposed a levy on retailers who are not registered.",
             "Business groups warned that higher taxes on property would slow construction."]
    lines = _lines(structured_pdf([[(36, 80, 22, "Govt plans higher tax on property sales", "H1"),
                                    *((36, 120 + 27 * n, 13, text, "Table/TR/TD") for n, text in enumerate(story))]],
                                  "Property tax", width=792, height=612))
    assert lines == ["Govt plans higher tax on property sales", *story]


def test_a_quote_table_printed_without_tags_gives_its_quotes():
    """Another browser writes no structure: a table's rows are told by the blank strips between its columns, a
    cell of several words (a company's name) stays one cell, and an empty cell stays empty."""
    columns = (40, 100, 260, 340, 420)
    rows = [("Symbol", "Name", "LTP", "Change", "Change (%)"),
            ("HBL", "Habib Bank Limited", "145.20", "+1.20", "(+0.83%)"), ("UBL", "United Bank Limited", "210.50", "-0.45", ""),
            ("OGDC", "Oil and Gas Development", "180.40", "-1.60", "(-0.88%)")]
    placed = [(72, 100, 18, "Banks lead the market higher"), *((72, 130 + 14 * n, 11, text) for n, text in enumerate(STORY)),
              *((x, 180 + 16 * n, 11, cell) for n, row in enumerate(rows) for x, cell in zip(columns, row, strict=True)
                if cell)]
    data = text_pdf([placed], info={"Title": "Banks lead the market higher"})
    lines = _lines(data)
    assert "\t".join(rows[1]) in lines and "UBL\tUnited Bank Limited\t210.50\t-0.45\t" in lines
    assert lines[1] == " ".join(STORY)  # prose is not a table
    assert [(q.symbol, q.price, q.change) for q in parsing.parse_bytes(data).quotes] == [
        ("HBL", 145.2, 1.2), ("UBL", 210.5, -0.45), ("OGDC", 180.4, -1.6)]


def test_short_lines_of_a_print_without_tags_stay_lines():
    """A line far shorter than the column, whose next line's first word would have fitted on it, ended there."""
    placed = [(72, 100, 11, "Sadia Khalid - Follow"), (72, 114, 11, "5 min read - Jun 3, 2025"),
              *((72, 140 + 14 * n, 11, text) for n, text in enumerate(STORY))]
    assert _lines(text_pdf([placed], info={"Title": "Startups"})) == [
        "Sadia Khalid - Follow", "5 min read - Jun 3, 2025", " ".join(STORY)]


def test_a_summary_cut_short_ends_its_paragraph_in_a_print_without_tags():
    """Chromium printing without tags (as Firefox prints) puts a story's summary, cut with "...", and its byline on
    lines of one size and pitch, the summary's line full: the ellipsis ends the paragraph, so the byline stays out
    of the summary."""
    summary = "KARACHI: Shares at the Pakistan Stock Exchange closed higher on Tuesday as buying in..."
    placed = [(72, 100, 18, "Stocks close higher as banks lead gains"), (72, 130, 9, summary),
              (72, 141, 9, "BR Web Desk Published March 11, 2025"),
              *((72, 170 + 11 * n, 9, text) for n, text in enumerate(STORY))]
    lines = _lines(text_pdf([placed], width=480, info={"Title": "Stocks close higher as banks lead gains"}))
    assert lines[1:3] == [summary, "BR Web Desk Published March 11, 2025"]
