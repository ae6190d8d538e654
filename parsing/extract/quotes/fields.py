"""Quote tables with a row per field instead of a column: a company's summary of label and value rows (one
quote), and a box with a column per index or symbol (a quote each). Both read the first cells of their rows as a
header's cells, so the same column names count."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsing.extract.quotes.header import cell_role, read_roles, symbol_column
from parsing.extract.quotes.row import build_row, row_name
from parsing.html.layout import MARKS
from parsing.model import Quote

MAX_PAIRS = 16  # label and value rows of one quote summary
# A column named by a period, as a table of figures by year, quarter, month or day heads its columns ("FY24",
# "2025", "Q3", "1HFY25", "9MCY24", "MTD", "JAN", "MON"): no symbol is read from it when a table is turned on its side.
_PERIOD_NAME = re.compile(
    r"[0-9]{2,6}|(?:FY|CY|[1-4]Q|Q[1-4]|[12]H|H[12]|[1-9]M)(?:FY|CY)?(?:[0-9]{2}|[0-9]{4})?|[WMQY]TD|FYTD|CYTD"
    r"|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC|MON|TUE|WED|THU|FRI|SAT|SUN",
    re.I)


def key_values(lines: Sequence[str], n: int) -> tuple[list[Quote], range] | None:
    """A one-quote table of label and value rows, as a company's quote summary prints it ("Symbol<tab>HBL",
    "Last Price<tab>145.20", "Change<tab>+1.20", "Open<tab>144.00" ...): the labels are read as a header's cells,
    so they must name a symbol, a price and a change or percent, each once; labels naming nothing else (a 52-week
    range) are passed over."""
    labels: list[str] = []
    values: list[str] = []
    end = n
    while end < len(lines) and end - n < MAX_PAIRS and lines[end].count("\t") == 1:
        label, value = lines[end].split("\t")
        labels.append(label)
        values.append(value)
        end += 1
    roles = [cell_role(label) for label in labels]
    if roles.count("symbol") > 1:
        roles = symbol_column(labels, roles)
    named = [role for role in roles if role != "text"]
    header = read_roles(roles) if len(named) == len(set(named)) else None
    if header is None:
        return None
    quote = build_row(values[header.name], header, [value for i, value in enumerate(values) if i != header.name])
    return None if quote is None else ([quote], range(n, end))


def transposed(lines: Sequence[str], n: int) -> tuple[list[Quote], range] | None:
    """A table turned on its side, a column per quote and a row per field, as index summary boxes print it
    ("Index<tab>KSE-100<tab>KMI-30<tab>ALLSHR", "Current<tab>...", "Change<tab>...", "% Change<tab>..."): the
    first row's first cell names the name column and every other cell reads as a name; the first cells of the
    rows below are read as a header's cells (see ``key_values``), each row as wide as the first. Figures side by
    side are common (a budget by year, cars by model), so the table must print a percent row and every column's
    numbers must agree, or it gives no quote."""
    line = lines[n]
    corner = cell_role(line[:line.find("\t")])
    if corner not in ("symbol", "index"):
        return None  # (sectors side by side are more often the economy's than the market's: no quote)
    names = line.split("\t")[1:]
    if any(row_name(name, corner) is None or _PERIOD_NAME.fullmatch(name.strip(MARKS + " ")) for name in names):
        return None  # (a row of periods heads a table of figures over time, not quotes)
    tabs = len(names)
    end = n + 1
    while end < len(lines) and end - n <= MAX_PAIRS and lines[end].count("\t") == tabs:
        end += 1
    rows = [lines[k].split("\t") for k in range(n + 1, end)]
    roles = [cell_role(row[0]) for row in rows]
    named = [role for role in roles if role != "text"]
    if len(named) != len(set(named)) or any(role in ("symbol", "index", "sector") for role in named):
        return None
    header = read_roles([corner, *roles])
    if header is None or "percent" not in header.roles:
        return None
    quotes = []
    for column, name in enumerate(names, 1):
        quote = build_row(name, header, [row[column] for row in rows])
        if quote is None or quote.flag is not None:
            return None
        quotes.append(quote)
    return quotes, range(n, end)
