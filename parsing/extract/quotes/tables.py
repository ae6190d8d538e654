"""Quote tables: a header naming the columns, then rows read by column role until a line is not a row.

The same code reads HTML tables (the layout ends each cell with a tab), text copies (innerText joins cells with
tabs too), space-separated rows, and rows whose cells lost every separator, which ``glued`` splits by the
columns' decimals. Each row's cells are read by ``row``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from parsing.extract.quotes.check import computed_percent
from parsing.extract.quotes.fields import key_values, transposed
from parsing.extract.quotes.figures import (
    BODY,
    SIGN,
    Hint,
    Num,
    make_number,
    parse_number,
    signed_float,
)
from parsing.extract.quotes.glued import split_rows
from parsing.extract.quotes.header import (
    Header,
    Role,
    never_header,
    read_header,
)
from parsing.extract.quotes.row import (
    EMPTY_CELLS,
    SECTOR_CELL,
    SECTOR_NAME,
    SYMBOL_CELL,
    build_row,
    row_kind,
    row_name,
    row_quote,
)
from parsing.extract.quotes.tokens import SYMBOL
from parsing.extract.quotes.unsigned import without_unsure
from parsing.html.layout import MARK_DIRECTION, MARK_DOWN, MARK_UP, MARKS
from parsing.model import Quote

MAX_ROW_LINE = 2_000
MAX_ROW_PARTS = 3  # lines one table row may take when its cells hold line breaks
MAX_TITLE_WORDS = 6
MAX_TITLE_CHARS = 60
TOTAL_NAMES = frozenset({"total", "totals", "grand total", "market total", "sum"})  # a table's totals row
_TOTAL_FIRST_WORDS = frozenset(name.split()[0].upper() for name in TOTAL_NAMES)

_ROW_START = {
    "symbol": re.compile(rf"({SYMBOL})\s++(?=[+\-\u2212\u2013\d(])"),
    "sector": re.compile(rf"({SECTOR_NAME})\s*+(?=[+\-\u2212\u2013]?\d)"),
}
_ROW_START["index"] = _ROW_START["symbol"]
_SPACES = re.compile(r"[\s|]+")
_NOTE_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")
_RULE = re.compile(r"[\s|:+]*+[-=_]{3,}[-=_\s|:+]*+")  # a line of dashes (and bars): a text table's rule
# A number cell: mark, the signed number, its sign, its digits, percent sign (five groups).
_FAST_NUMBER = rf"([{MARKS}]?)[{MARKS} ]*+(({SIGN})?({BODY}))(\s?%)? *+"
_FAST_NAME = {"symbol": rf"[{MARKS} ]*+({SYMBOL}) *+", "sector": rf"[{MARKS} ]*+({SECTOR_NAME}) *+"}
_FAST_NAME["index"] = _FAST_NAME["symbol"]
_NUMERIC: tuple[Role, ...] = ("price", "change", "percent", "prev", "open", "high", "low", "volume")


@dataclass(slots=True)
class Table:
    """A quote table's quotes and the lines it took (its header and rows)."""

    quotes: list[Quote]
    lines: range


def find_tables(lines: Sequence[str]) -> list[Table]:
    """Every quote table in the lines, in page order; its lines are its title (a short heading right above
    the header, such as "Top gainers" or "BR Sectors Position"), its header and its rows. A table whose first
    column names something other than a symbol (``Header.other``) is returned without quotes, so that no strip
    is read from its rows. Two tables side by side in one are read left, then right (``_side_by_side``); rows of
    label and value without a header may make one quote, a box with a column per index one each (``fields``)."""
    tables: list[Table] = []
    n = 0
    while n < len(lines):
        header = None if never_header(lines[n]) else read_header(lines, n)
        if header is None:
            tabs = lines[n].count("\t")
            found = key_values(lines, n) if tabs == 1 else transposed(lines, n) if tabs > 1 else None
            if found is not None:
                tables.append(Table(*found))
                n = found[1].stop
                continue
            n += 1
            continue
        if header.other:  # a table of rates of something else: its rows are passed over, and give no quote
            end = n + 1
            while end < len(lines) and lines[end].count("\t") == len(header.roles) - 1:
                end += 1
            tables.append(Table([], range(n, end)))
            n = end
            continue
        first = n + header.lines
        if first < len(lines) and _RULE.fullmatch(lines[first]):
            first += 1  # a rule under the header ("------", "|---|---:|"), as text tables draw one
        quotes, end = _side_by_side(lines, first, header) if header.halves else _rows(lines, first, header)
        if quotes:
            after_last = tables[-1].lines.stop if tables else 0
            start = n - 1 if n > after_last and _title(lines[n - 1]) else n
            tables.append(Table(quotes, range(start, end)))
            n = end
        else:
            n += 1
    return tables


def _side_by_side(lines: Sequence[str], n: int, header: Header) -> tuple[list[Quote], int]:
    """The rows of two tables side by side in one (``Header.halves``): the left table's quotes, then the right's."""
    width = len(header.roles)
    end = n
    while end < len(lines) and lines[end].count("\t") == 2 * width - 1:
        end += 1
    rows = [lines[k].split("\t") for k in range(n, end)]
    quotes: list[Quote] = []
    for cells in (["\t".join(row[:width]) for row in rows], ["\t".join(row[width:]) for row in rows]):
        found, _stop = _tab_rows(cells, 0, header)
        quotes += found
    return quotes, end


def _title(line: str) -> bool:
    """A table's title: a few words, no figures, not a sentence."""
    return (len(line) <= MAX_TITLE_CHARS and 0 < len(line.split()) <= MAX_TITLE_WORDS
            and not any(char.isdigit() for char in line) and line[-1:] not in ".!?:;,\x00\x01\t")


def _rows(lines: Sequence[str], n: int, header: Header) -> tuple[list[Quote], int]:
    if header.tabbed:
        return _tab_rows(lines, n, header)
    if header.stacked:
        if n < len(lines) and lines[n].count("\t") == len(header.roles) - 1:
            return _tab_rows(lines, n, header)  # header cells holding blocks over ordinary rows
        return _stacked_rows(lines, n, header)
    quotes: list[Quote] = []
    glued: list[tuple[str, str]] = []
    while n < len(lines):
        row = _untabbed_row(lines, n, header)
        if row is None:
            break
        name, numbers, used = row
        cells = _SPACES.split(numbers.strip())
        if len(cells) == len(header.roles) - 1:
            quote = build_row(name, header, cells)
            if quote is None:
                break
            quotes.append(quote)
        elif len(cells) == 1:
            glued.append((name, numbers.strip()))
        else:
            break
        n += used
    quotes.extend(_glued_rows(glued, header))
    return quotes, n


# --- tabbed rows --------------------------------------------------------------------------------------------------

class _Plan(NamedTuple):
    """Where each column's groups sit in a row pattern's match."""

    name: int  # group index of the name
    sector: int | None  # group index of the sector text
    numbers: tuple[tuple[Role, int], ...]  # (role, group index of its mark; signed number, sign, digits, percent)
    slots: tuple[int, ...]  # group index per _NUMERIC role, -1 when the table has no such column


@functools.lru_cache(maxsize=64)
def _row_pattern(roles: tuple[Role, ...], name: int) -> re.Pattern[str]:
    """One regex for a whole plain row (each numeric cell a bare number): one C call per row."""
    cells = [_FAST_NAME[role] if i == name else r"([^\t]*+)" if role == "text" else _FAST_NUMBER
             for i, role in enumerate(roles)]
    return re.compile("\t".join(cells))


def _plan(roles: tuple[Role, ...], name: int, sector: int | None) -> _Plan:
    group, name_group, sector_group = 0, 0, None
    numbers: list[tuple[Role, int]] = []
    for i, role in enumerate(roles):
        if i == name:
            name_group, group = group, group + 1
        elif role == "text":
            sector_group = group if i == sector else sector_group
            group += 1
        else:
            numbers.append((role, group))
            group += 5
    where = dict(numbers)
    return _Plan(name_group, sector_group, tuple(numbers), tuple(where.get(role, -1) for role in _NUMERIC))


def _tab_rows(lines: Sequence[str], n: int, header: Header) -> tuple[list[Quote], int]:
    """Tabbed rows: one regex match per plain row, decided with floats; any other row cell by cell."""
    pattern = _row_pattern(header.roles, header.name)
    plan = _plan(header.roles, header.name, header.sector)
    quotes: list[Quote] = []
    width = len(header.roles)
    heading: str | None = None  # the sector of a heading row the rows below belong to
    above = ""  # the last row that gave a quote, with every cell (spanned cells filled in)
    rows: list[str] = []  # the row of each quote
    while n < len(lines):
        line = lines[n]
        if len(line) > MAX_ROW_LINE:
            break
        used = 1
        paired = False
        match = pattern.fullmatch(line)
        if match is not None:
            quote = _fast_row(match.groups(), header, plan, "\u2212" in line or "\u2013" in line)
        else:
            if "\t" not in line and _heading_row(lines, n, header):
                heading = line.strip(MARKS + " ")
                n += 1
                continue
            if "\t" not in line and _note_row(lines, n, header):
                n += 1
                continue
            cells = line.split("\t")
            if len(cells) < width:
                broken = _broken_row(lines, n, width, header.name)
                paired = broken is None and (broken := _name_over_numbers(lines, n, cells, header)) is not None
                if broken is None:
                    spanned = _spanned_row(cells, above, header)
                    if spanned is None:
                        break
                    cells = spanned
                else:
                    cells, used = broken
                line = "\t".join(cells)
            elif len(cells) != width:
                break
            quote = build_row(cells[header.name], header, [cell for i, cell in enumerate(cells) if i != header.name])
            if paired and quote is not None and quote.flag is not None:
                quote = None  # (a quote pieced from two rows must check out: a name over a row of years is none)
        if quote is not None and quote.symbol in _TOTAL_FIRST_WORDS and _totals_row(line, header):
            quote = None  # "TOTAL", "GRAND TOTAL" in capitals read as a symbol: the table's totals are still no quote
        if quote is None:
            if used > 1 or not _unpriced(line, header):
                break
            n += 1  # a listed symbol that did not trade today (or the table's totals): no quote, the table goes on
            continue
        if heading is not None and quote.sector is None:
            quote = replace(quote, sector=heading)
        quotes.append(quote)
        rows.append(line)
        above = line
        n += used
    return without_unsure(quotes, rows, header), n


def _heading_row(lines: Sequence[str], n: int, header: Header) -> bool:
    """A row of one cell spanning the table that names the group of the rows below ("AUTOMOBILE ASSEMBLER" in a
    market watch grouped by sector): a short name without figures, and the next line a row of the table that does
    not begin with it."""
    line = lines[n].strip(MARKS + " ")
    if (len(line) > MAX_TITLE_CHARS or not SECTOR_CELL.fullmatch(line) or n + 1 >= len(lines)
            or any(char.isdigit() for char in line)):
        return False
    below = lines[n + 1].split("\t")
    if len(below) != len(header.roles) or below[header.name].strip(MARKS + " ").lower().startswith(line.lower()):
        return False  # (a symbol over its company's name in one cell, "MCB<br>MCB Bank Limited", is no heading)
    return row_name(below[header.name], header.roles[header.name]) is not None


def _note_row(lines: Sequence[str], n: int, header: Header) -> bool:
    """A row of one cell spanning the table that is a note, not a group ("Market closed on 23-03-2025 (Pakistan
    Day); rates of 21-03-2025"): a line without cells holding words (not a figure left over from the row above,
    nor a part of the page left out of the layout), with a priced row of the table right below it."""
    line = lines[n]
    if len(line) > MAX_ROW_LINE or n + 1 >= len(lines) or _NOTE_WORDS.search(line) is None:
        return False
    below = lines[n + 1].split("\t")
    if len(below) != len(header.roles) or row_name(below[header.name], header.roles[header.name]) is None:
        return False
    return parse_number(below[header.roles.index("price")]) is not None


def _name_over_numbers(lines: Sequence[str], n: int, cells: list[str], header: Header,
                       ) -> tuple[list[str], int] | None:
    """A quote printed over two rows: the symbol and the company's name (a cell spanning the number columns),
    then the numbers under an empty name cell ("HBL<tab>Habib Bank Limited", "<tab>145.20<tab>+1.20<tab>...").
    The first row holds no figure; its name cell reads as a name."""
    if n + 1 >= len(lines) or header.name >= len(cells) or any(char.isdigit() for char in lines[n]):
        return None
    below = lines[n + 1].split("\t")
    if len(below) != len(header.roles) or below[header.name].strip(MARKS + " "):
        return None
    name = cells[header.name]
    if row_name(name, header.roles[header.name]) is None:
        return None
    below[header.name] = name
    return below, 2


def _spanned_row(cells: list[str], above: str, header: Header) -> list[str] | None:
    """A row short of its first cells because cells of the row above span it (a sector cell with ``rowspan``
    over its stocks): those cells taken from the row above. Only cells before the name column are spanned."""
    missing = len(header.roles) - len(cells)
    if not above or missing < 1 or missing > header.name:
        return None
    return above.split("\t")[:missing] + cells


def _broken_row(lines: Sequence[str], n: int, width: int, name: int) -> tuple[list[str], int] | None:
    """A row that line breaks inside its cells spread over two or three lines (a symbol over the company's
    name: ``HBL`` then ``Habib Bank Limited<tab>145.20<tab>...``): its cells, and the lines it takes.

    The lines must hold exactly the row's cell separators. The name cell keeps its first line (the symbol),
    any other cell its lines joined by spaces.
    """
    tabs, end = 0, n
    while end < len(lines) and end - n < MAX_ROW_PARTS and tabs < width - 1:
        tabs += lines[end].count("\t")
        end += 1
    if tabs != width - 1 or end - n < 2:
        return None
    text = "\n".join(lines[n:end])
    if "\x00" in text or "\x01" in text:  # a part of the page left out of the layout lies between them
        return None
    cells = text.split("\t")
    return [(cell.split("\n", 1)[0] if i == name else " ".join(cell.split())) if "\n" in cell else cell
            for i, cell in enumerate(cells)], end - n


def _totals_row(line: str, header: Header) -> bool:
    cells = line.split("\t")
    return len(cells) > header.name and cells[header.name].strip(MARKS + " :").lower() in TOTAL_NAMES


def _unpriced(line: str, header: Header) -> bool:
    """A row of the table's width whose name reads and whose price is an empty mark ("-", "n/a", nothing)."""
    cells = line.split("\t")
    if len(cells) != len(header.roles):
        return False
    if _totals_row(line, header):
        return True
    if row_name(cells[header.name], header.roles[header.name]) is None:
        return False
    return cells[header.roles.index("price")].strip(MARKS + " ") in EMPTY_CELLS


def _fast_row(groups: tuple[str | None, ...], header: Header, plan: _Plan, odd_minus: bool) -> Quote | None:
    """The common row, decided with floats: signs agree and every check passes well inside rounding.

    Anything else (a flag to explain, a bare change to sign, a class mark that disagrees) goes through
    ``_quote`` with Nums. ``odd_minus``: the row prints a minus other than "-" (float() reads "+" and "-").
    """
    if odd_minus:
        values = [None if g < 0 else signed_float(groups[g + 2], groups[g + 3] or "") for g in plan.slots]
    else:
        values = [None if g < 0 else float((groups[g + 1] or "").replace(",", "")) for g in plan.slots]
    price, change, percent, prev, open_, high, low, volume = values
    marks = "".join([groups[g] or "" for _role, g in plan.numbers])
    name = groups[plan.name] or ""
    sector = (groups[plan.sector] or "").strip() or None if plan.sector is not None else None
    if price is None or change is None or not _plain(price, change, percent, prev, open_, high, low, marks):
        hints: list[Hint] = [("class", MARK_DIRECTION[mark]) for mark in marks]
        nums = {role: make_number(groups[g + 2], groups[g + 3] or "", groups[g + 4]) for role, g in plan.numbers}
        return row_quote(name, header.roles[header.name], nums, hints, sector)
    computed = percent is None
    if percent is None:
        percent = computed_percent(price, change) or 0.0
    return Quote(name, price, change, percent, "up" if change > 0 else "down", row_kind(header.roles[header.name], name),
                 None, open_, high, low, prev, None if volume is None else int(volume), sector, computed)


def _plain(price: float, change: float, percent: float | None, prev: float | None, open_: float | None,
           high: float | None, low: float | None, marks: str) -> bool:
    base = price - change if prev is None else prev
    return (
        base > 0 and change != 0 and (percent is None or percent == 0 or (percent > 0) == (change > 0))
        and (not marks or marks.count(MARK_UP if change > 0 else MARK_DOWN) == len(marks))
        and (prev is None or abs(prev + change - price) < 1e-6)
        and (percent is None or abs(change / base * 100 - percent) <= 0.006)
        and (high is None or low is None or (low <= price <= high and (open_ is None or low <= open_ <= high)))
    )


def _stacked_rows(lines: Sequence[str], n: int, header: Header) -> tuple[list[Quote], int]:
    """Rows of one cell per line, as many lines each as the header has cells."""
    width = len(header.roles)
    quotes: list[Quote] = []
    while n + width <= len(lines):
        cells = lines[n:n + width]
        if any(len(cell) > MAX_ROW_LINE or "\t" in cell for cell in cells):
            break
        quote = build_row(cells[header.name], header, [cell for i, cell in enumerate(cells) if i != header.name])
        if quote is None:
            break
        quotes.append(quote)
        n += width
    return quotes, n


# --- untabbed and glued rows --------------------------------------------------------------------------------------

def _untabbed_row(lines: Sequence[str], n: int, header: Header) -> tuple[str, str, int] | None:
    """(name, numbers text, lines used): the name and numbers on one line, or the name on a line of its own."""
    line = lines[n]
    if len(line) > MAX_ROW_LINE or "\t" in line:
        return None
    kind = header.roles[header.name]
    cell = SECTOR_CELL if kind == "sector" else SYMBOL_CELL
    if cell.fullmatch(line) and n + 1 < len(lines):
        below = lines[n + 1]
        if len(below) <= MAX_ROW_LINE and below[:1] in "+-\u2212\u20130123456789(":
            return line, below, 2
        return None
    start = len(line) - len(line.lstrip(MARKS + " ")) if line[:1] in MARKS else 0
    match = _ROW_START[kind].match(line, start)
    if match is None:
        return None
    marks = line[:start].replace(" ", "")  # a row's class: its direction, carried to its numbers
    return match.group(1), marks + line[match.end():], 1


def _glued_rows(rows: list[tuple[str, str]], header: Header) -> list[Quote]:
    """Rows whose numbers lost their separators, split by the columns' decimals; inconsistent rows are left out."""
    if not rows:
        return []
    roles = [role for i, role in enumerate(header.roles) if i != header.name]
    kind = header.roles[header.name]
    named = [(name, text) for name, text in ((row_name(n, kind), t) for n, t in rows) if name is not None]

    def consistent(name: str, cells: list[Num]) -> Quote | None:
        return row_quote(name, kind, dict(zip(roles, cells, strict=True)), [], None, strict=True)

    return split_rows(named, roles, consistent)
