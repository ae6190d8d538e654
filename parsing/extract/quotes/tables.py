"""Quote tables: a header naming the columns, then rows read by column role until a line is not a row.

The same code reads HTML tables (the layout ends each cell with a tab), text copies (innerText joins cells with
tabs too), space-separated rows, and rows whose cells lost every separator, which ``glued`` splits by the
columns' decimals. A change cell in parentheses without a sign is a loss, as accounts print it (``(1.23)``); a
cell may set its thousands apart by a space of any width (``1 265.65``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from parsing.extract.quotes.check import computed_percent, numbers_problem, range_problem, resolve
from parsing.extract.quotes.figures import (
    BODY,
    SIGN,
    Hint,
    Num,
    cell_hints,
    change_and_percent,
    make_number,
    parse_number,
    scaled_number,
    signed_float,
)
from parsing.extract.quotes.glued import split_rows
from parsing.extract.quotes.header import Header, Role, cell_role, read_header, read_roles, symbol_column
from parsing.extract.quotes.tokens import SYMBOL
from parsing.html.layout import MARK_DIRECTION, MARK_DOWN, MARK_UP, MARKS
from parsing.model import Kind, Quote
from parsing.sites.brecorder import INDEX_TITLES, is_index

MAX_ROW_LINE = 2_000
MAX_ROW_PARTS = 3  # lines one table row may take when its cells hold line breaks
MAX_TITLE_WORDS = 6
MAX_TITLE_CHARS = 60
MAX_PAIRS = 16  # label and value rows of one quote summary
EMPTY_CELLS = frozenset({"", "-", "--", "n/a", "N/A", "—"})
NO_CHANGE_CELLS = EMPTY_CELLS - {""}
TOTAL_NAMES = frozenset({"total", "totals", "grand total", "market total", "sum"})  # a change cell printing one of these beside a price: no change
_NO_CHANGE = make_number(None, "0", None)

_SECTOR_NAME = r"[A-Za-z][A-Za-z&.,/()' -]{1,80}?[A-Za-z.)]"
_SYMBOL_CELL = re.compile(SYMBOL)
_DIGITS_SYMBOL = re.compile(r"[0-9]{3,6}")  # "786": only where a column says it holds symbols
# A symbol cell that also names the company: "HBL Habib Bank Limited", "HBL - Habib Bank", "Habib Bank (HBL)",
# "KSE-100 Index" (the name's words start with a capital).
_NAMED_SYMBOL = re.compile(
    rf"(?P<lead>{SYMBOL})(?:\s*+[-–—:|]\s*+|\s++)[A-Z][A-Za-z&.,'() -]*+|[A-Z][A-Za-z&.,' -]*?\((?P<tail>{SYMBOL})\)"
)
_SECTOR_CELL = re.compile(_SECTOR_NAME)
_SPACED_INDEX = re.compile(r"([A-Z]{2,5}) ([0-9]{2,3})(?: (?i:index))?")
_SERIAL = re.compile(r"[0-9]{1,4}[.)]\s++")
_ROW_START = {
    "symbol": re.compile(rf"({SYMBOL})\s++(?=[+\-\u2212\u2013\d(])"),
    "sector": re.compile(rf"({_SECTOR_NAME})\s*+(?=[+\-\u2212\u2013]?\d)"),
}
_ROW_START["index"] = _ROW_START["symbol"]
_SPACES = re.compile(r"[\s|]+")
# A number cell: mark, the signed number, its sign, its digits, percent sign (five groups).
_FAST_NUMBER = rf"([{MARKS}]?)[{MARKS} ]*+(({SIGN})?({BODY}))(\s?%)? *+"
_FAST_NAME = {"symbol": rf"[{MARKS} ]*+({SYMBOL}) *+", "sector": rf"[{MARKS} ]*+({_SECTOR_NAME}) *+"}
_FAST_NAME["index"] = _FAST_NAME["symbol"]
# A number whose thousands are set apart by a space, a thin or narrow space or a no-break space ("1 265.65").
_SPACE_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])")
# A number grouped the South Asian way, in lakhs and crores ("1,23,45,678").
_LAKH_GROUPED = re.compile(r"(?<![\d.])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])")
_ACCOUNTING = re.compile(rf"\s*+\((?:Rs\.?\s?)?{BODY}\)\s*+")  # a change in parentheses without a sign
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
    is read from its rows."""
    tables: list[Table] = []
    n = 0
    while n < len(lines):
        header = read_header(lines, n)
        if header is None:
            pairs = _key_values(lines, n) if lines[n].count("\t") == 1 else None
            if pairs is not None:
                tables.append(pairs)
                n = pairs.lines.stop
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
        quotes, end = _side_by_side(lines, n + header.lines, header) if header.halves else _rows(
            lines, n + header.lines, header)
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


def _key_values(lines: Sequence[str], n: int) -> Table | None:
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
    quote = _build(values[header.name], header, [value for i, value in enumerate(values) if i != header.name])
    return None if quote is None else Table([quote], range(n, end))


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
            quote = _build(name, header, cells)
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
    while n < len(lines):
        line = lines[n]
        if len(line) > MAX_ROW_LINE:
            break
        used = 1
        match = pattern.fullmatch(line)
        if match is not None:
            quote = _fast_row(match.groups(), header, plan, "\u2212" in line or "\u2013" in line)
        else:
            if "\t" not in line and _heading_row(lines, n, header):
                heading = line.strip(MARKS + " ")
                n += 1
                continue
            cells = line.split("\t")
            if len(cells) < width:
                broken = _broken_row(lines, n, width, header.name)
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
            quote = _build(cells[header.name], header, [cell for i, cell in enumerate(cells) if i != header.name])
        if quote is None:
            if used > 1 or not _unpriced(line, header):
                break
            n += 1  # a listed symbol that did not trade today (or the table's totals): no quote, the table goes on
            continue
        if heading is not None and quote.sector is None:
            quote = replace(quote, sector=heading)
        quotes.append(quote)
        above = line
        n += used
    return quotes, n


def _heading_row(lines: Sequence[str], n: int, header: Header) -> bool:
    """A row of one cell spanning the table that names the group of the rows below ("AUTOMOBILE ASSEMBLER" in a
    market watch grouped by sector): a short name without figures, and the next line a row of the table."""
    line = lines[n].strip(MARKS + " ")
    if (len(line) > MAX_TITLE_CHARS or not _SECTOR_CELL.fullmatch(line) or n + 1 >= len(lines)
            or any(char.isdigit() for char in line)):
        return False
    below = lines[n + 1].split("\t")
    return len(below) == len(header.roles) and _name(below[header.name], header.roles[header.name]) is not None


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


def _unpriced(line: str, header: Header) -> bool:
    """A row of the table's width whose name reads and whose price is an empty mark ("-", "n/a", nothing)."""
    cells = line.split("\t")
    if len(cells) != len(header.roles):
        return False
    if _name(cells[header.name], header.roles[header.name]) is None:
        return cells[header.name].strip(MARKS + " :").lower() in TOTAL_NAMES  # the table's totals
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
        return _quote(name, header.roles[header.name], nums, hints, sector)
    computed = percent is None
    if percent is None:
        percent = computed_percent(price, change) or 0.0
    return Quote(name, price, change, percent, "up" if change > 0 else "down", _kind(header.roles[header.name], name),
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
        quote = _build(cells[header.name], header, [cell for i, cell in enumerate(cells) if i != header.name])
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
    cell = _SECTOR_CELL if kind == "sector" else _SYMBOL_CELL
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
    named = [(name, text) for name, text in ((_name(n, kind), t) for n, t in rows) if name is not None]

    def consistent(name: str, cells: list[Num]) -> Quote | None:
        return _quote(name, kind, dict(zip(roles, cells, strict=True)), [], None, strict=True)

    return split_rows(named, roles, consistent)


def _joined_groups(match: re.Match[str]) -> str:
    return re.sub(r"\D", "", match.group())


def _odd_number(text: str) -> Num | None:
    """A cell's number with its thousands set apart by a space ("1 265.65") or grouped in lakhs ("1,23,45,678"),
    else None."""
    if _SPACE_GROUPED.search(text):
        return parse_number(_SPACE_GROUPED.sub(_joined_groups, text))
    if "," in text and _LAKH_GROUPED.search(text):
        return parse_number(_LAKH_GROUPED.sub(_joined_groups, text))
    return None


# --- one row ------------------------------------------------------------------------------------------------------

def _name(text: str, kind: Role) -> str | None:
    """The row's name; a symbol printed in lower case (a page that upper-cases it by CSS) in upper case, and
    the symbol of a cell that also names the company.

    A symbol of digits alone ("786") is read here, in a column whose header names symbols; in a strip a
    token of digits is a number."""
    text = text.strip(MARKS + " ")
    if kind == "sector":
        return text if _SECTOR_CELL.fullmatch(text) else None
    if _SYMBOL_CELL.fullmatch(text) or _DIGITS_SYMBOL.fullmatch(text):
        return text
    titled = INDEX_TITLES.get(" ".join(text.lower().split()).removesuffix(" index"))
    if titled is not None:
        return titled  # "All Share Index": an index named in words
    named = _NAMED_SYMBOL.fullmatch(text)
    if named is not None:
        if named["tail"] is not None:
            head = text[:text.rfind("(")].rstrip()
            if _SYMBOL_CELL.fullmatch(head):
                return head  # "HBL (XD)": a symbol with a note (ex-dividend), not a name over a symbol
        return named["lead"] or named["tail"]
    serial = _SERIAL.match(text)
    if serial is not None and _SYMBOL_CELL.fullmatch(text, serial.end()):
        return text[serial.end():]  # "1. HBL": a rank before the symbol
    spaced = _SPACED_INDEX.fullmatch(text)
    if spaced is not None and is_index(spaced[1] + spaced[2]):
        return f"{spaced[1]} {spaced[2]}"  # "KSE 100", "KSE 100 Index": an index named with a space
    upper = text.upper()
    return upper if text.islower() and _SYMBOL_CELL.fullmatch(upper) else None


def _build(name_text: str, header: Header, cells: list[str]) -> Quote | None:
    """A row's quote from its name and its other cells in column order (None when a cell does not read)."""
    kind = header.roles[header.name]
    name = _name(name_text, kind)
    if name is None:
        return None
    roles = [role for i, role in enumerate(header.roles) if i != header.name]
    values: dict[Role, Num] = {}
    hints: list[Hint] = []
    sector = None
    if header.sector is not None:
        sector = cells[header.sector - (header.sector > header.name)].strip() or None
    for role, cell in zip(roles, cells, strict=True):
        if role == "text":
            continue
        text, found = cell_hints(cell)
        hints += found
        num = parse_number(text)
        if num is None:
            num = _odd_number(text)
        if num is not None and role == "change" and not num.signed and _ACCOUNTING.fullmatch(text):
            num = num._replace(value=-num.value, signed="-")  # "(1.23)": a loss, in accounting style
        if num is None and role == "volume":
            num = scaled_number(text)
        elif num is None and role == "change" and "percent" not in header.roles:
            both = change_and_percent(text)
            if both is not None:
                num, values["percent"] = both
        if num is None and role == "change" and text.strip() in NO_CHANGE_CELLS:
            num = _NO_CHANGE  # "-" beside a price: it has not moved (or not traded, at the price it last had)
        if num is None:
            if role in ("price", "change") or text.strip() not in EMPTY_CELLS:
                return None
            continue
        values[role] = num
    return _quote(name, kind, values, hints, sector)


def _quote(name: str, kind: Role, values: dict[Role, Num], hints: list[Hint], sector: str | None,
           strict: bool = False) -> Quote | None:
    """The quote of one row's numbers; ``strict``: None instead of a flag (a glued split must be consistent)."""
    price, change, percent = values.get("price"), values.get("change"), values.get("percent")
    if price is None or change is None or price.signed or price.percent or change.percent:
        return None
    got = resolve(change, percent, sorted(hints, key=lambda hint: hint[0] != "glyph"))
    problems = list(got.problems)
    for problem in (numbers_problem(price, change, percent, values.get("prev"), got.change, got.percent),
                    range_problem(price, values.get("open"), values.get("high"), values.get("low"))):
        if problem:
            problems.append(problem)
    if strict and problems:
        return None
    computed = got.percent is None
    percent_value = got.percent if got.percent is not None else computed_percent(price.value, got.change)
    volume = values.get("volume")
    return Quote(
        name, price.value, got.change, (percent_value or 0.0) + 0.0, got.direction, _kind(kind, name),
        "; ".join(problems) or None, _value(values, "open"), _value(values, "high"), _value(values, "low"),
        _value(values, "prev"), None if volume is None else int(volume.value), sector, computed,
    )


@functools.lru_cache(maxsize=4096)
def _kind(role: Role, name: str) -> Kind:
    if role == "sector":
        return "sector"
    return "index" if role == "index" or is_index(name) else "stock"


def _value(values: dict[Role, Num], role: Role) -> float | None:
    num = values.get(role)
    return num.value if num is not None else None
