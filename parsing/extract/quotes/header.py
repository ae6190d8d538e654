"""Quote-table headers: a line whose cells name the columns, in any order and case, with the usual synonyms.

A tabbed line (HTML cells, a text copy's cells) is read cell by cell, unknown cells becoming text columns; an
untabbed line must hold header words only, separated by spaces or glued where a capital starts the next word
(``SectorCurrentChangeVolume Traded``); a name word alone on a line may have the other headers on the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, cast

from parsing.html.layout import MARKS
from parsing.sites.vocabulary import GLYPHS_DOWN, GLYPHS_UP, OTHER_NAME_COLUMNS, QUOTE_HEADERS

Role = Literal["symbol", "index", "sector", "price", "change", "percent", "prev", "open", "high", "low", "volume",
               "text"]
NAME_ROLES = ("symbol", "index", "sector")
MAX_HEADER_LINE = 400
MIN_STACKED, MAX_STACKED = 3, 16  # cells of a header laid out one per line
MAX_HEADER_PARTS = MAX_STACKED  # lines a header may take when its cells hold line breaks

_ALTERNATIVES = "|".join(re.escape(h).replace(r"\ ", r"\s{1,3}") for h in sorted(QUOTE_HEADERS, key=len, reverse=True))
# Sort indicators a sortable table prints in its header cells ("Symbol ⇅"); read past.
_SORT = GLYPHS_UP + GLYPHS_DOWN + "⇅⇵↕⬍"
# Header words only, separated by spaces, tabs, bars, marks or sort indicators, or glued where a capital starts
# the next word.
_HEADER_LINE = re.compile(rf"[\s|{MARKS}{_SORT}]*+(?:(?i:{_ALTERNATIVES})(?![a-z])[\s|{MARKS}{_SORT}]*+)++")
_HEADER_WORD = re.compile(rf"(?i:{_ALTERNATIVES})(?![a-z])")
_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"[0-9]+")
# A period in a header cell ("52-Wk High", "52 Week Low", "1-Yr %", "3M %"): the only digits a header word holds;
# the cell names a column of its own (a text column), never the day's high or low.
_PERIOD = re.compile(r"(?i)(?<![0-9.,])[0-9]{1,3}[ -]?(?:wks?|weeks?|days?|d|mths?|months?|m|yrs?|years?|y)\b\.?")
# A currency unit after a header word ("LTP (Rs.)", "Chg (PKR)"): the word names the column.
_UNIT = re.compile(r"\s*[(\[](?i:rs\.?|pkr|rupees?)[)\]]")
# A cell naming the name column; a colour or class mark before or after it (a header coloured red or green) is
# read past, as ``cell_role`` does.
_NAME_CELL = re.compile(
    rf"(?:^|\t)[\s{MARKS}{_SORT}]*(?i:symbols?|scrips?|script|company|code|stock|ticker|index|indices|indexes|"
    rf"sectors?|(?:stock|scrip|symbol) name|(?:stock|ticker) symbol|scrip code|name)"
    rf"[\s{MARKS}{_SORT}]*(?:\t|$)"
)


# Symbol-column headers that may name the company instead.
_NAME_WORDS = frozenset({"company", "stock", "stock name", "scrip name", "name"})


@dataclass(frozen=True, slots=True)
class Header:
    """A quote table's columns."""

    roles: tuple[Role, ...]  # one per column
    name: int  # the column holding the symbol, index or sector name
    sector: int | None  # a SECTOR text column beside a SYMBOL column
    tabbed: bool
    lines: int  # lines the header takes
    stacked: bool = False  # one cell per line, the header's and each row's (a grid of blocks)
    other: bool = False  # a table of rates of something else (``_other``): its rows give no quote
    halves: bool = False  # two tables side by side in one (``_halves``): ``roles`` are one half's


def never_header(line: str) -> bool:
    """A line without cells that holds a digit (a strip's line, a sentence with a figure): ``read_header`` reads
    no header from it, which this tells at less cost (the finder asks for every line)."""
    return "\t" not in line and _DIGIT.search(line) is not None


def read_header(lines: Sequence[str], n: int) -> Header | None:
    """The header starting at line ``n``, or None."""
    line = lines[n]
    if len(line) > MAX_HEADER_LINE:
        return None
    digits = _DIGITS.search(line)
    if digits is not None and not _period_only(line, digits.end()):
        return None  # no header word holds a digit, but a period's ("52-Wk High")
    if "\t" in line:
        if _NAME_CELL.search(line) is None:
            return _corner(line) if line[0] == "\t" else _other(line)
        cells = line.split("\t")
        roles = [cell_role(cell) for cell in cells]
        if roles.count("symbol") > 1:
            roles = symbol_column(cells, roles)
        return _halves(roles) or _grouped(lines, n, roles) or _header(roles, True, 1) or _broken(lines, n)
    if _HEADER_LINE.fullmatch(line) is None:
        return None
    roles = _word_roles(line)
    header = _header(roles, False, 1)
    if header is None and len(roles) == 1 and roles[0] in NAME_ROLES and n + 1 < len(lines):
        below = lines[n + 1]  # "Sector" on a line of its own, the other headers on the next
        if len(below) <= MAX_HEADER_LINE and "\t" not in below and _HEADER_LINE.fullmatch(below):
            header = _header(roles + _word_roles(below), False, 2)
    if header is None and len(roles) == 1 and roles[0] in NAME_ROLES:
        header = _stacked(lines, n)
    return header


def _corner(line: str) -> Header | None:
    """A header whose first cell is empty, over rows led by their symbol (row headers under an empty corner)."""
    return _header(["symbol", *(cell_role(cell) for cell in line.split("\t")[1:])], True, 1)


def _halves(roles: list[Role]) -> Header | None:
    """Two quote tables side by side in one (top gainers beside top losers): a header whose second half names the
    same columns as its first."""
    half = len(roles) // 2
    if half < 3 or len(roles) != 2 * half or roles[:half] != roles[half:]:
        return None
    header = _header(roles[:half], True, 1)
    return None if header is None else replace(header, halves=True)


def _broken(lines: Sequence[str], n: int) -> Header | None:
    """A header whose cells hold line breaks (``Prev.<br>Close``, ``Change<br>(%)``), spread over a few lines:
    the lines joined, each break a space, until they hold as many cells as the first row below them."""
    text = lines[n]
    for end in range(n + 1, min(n + MAX_HEADER_PARTS, len(lines) - 1)):
        part = lines[end]
        if len(part) > MAX_HEADER_LINE or _DIGIT.search(part) is not None:
            return None
        text = f"{text} {part}"
        row = lines[end + 1]
        if row.count("\t") == text.count("\t") and _DIGIT.search(row) is not None:
            return _header([cell_role(cell) for cell in text.split("\t")], True, end + 1 - n)
    return None


def _period_only(line: str, after: int) -> bool:
    """Whether a tabbed line's digits all belong to periods ("52-Wk High"). A row's first digits are followed by
    more figures, a point, a comma or a cell's end, so rows are told at the first digits."""
    if after >= len(line) or line[after] not in "- WwDdMmYy" or "\t" not in line:
        return False
    return _DIGIT.search(_PERIOD.sub("", line)) is None


def _stacked(lines: Sequence[str], n: int) -> Header | None:
    """A header of one cell per line ("Symbol", "Last", "Change", "% Change", each a line): a grid of blocks
    (ARIA roles on <div>s) lays its rows out the same way, a row every as many lines."""
    roles: list[Role] = []
    end = n
    while end < len(lines) and len(roles) < MAX_STACKED and len(lines[end]) <= MAX_HEADER_LINE:
        line = lines[end]
        words = _HEADER_WORD.findall(line)
        if len(words) != 1 or _HEADER_LINE.fullmatch(line) is None or _DIGIT.search(line):
            break
        roles.append(_role(words[0]))
        end += 1
    header = _header(roles, True, end - n) if len(roles) >= MIN_STACKED else None
    return None if header is None else Header(header.roles, header.name, header.sector, False, header.lines, True)


def _grouped(lines: Sequence[str], n: int, top: list[Role]) -> Header | None:
    """A two-row header: some cells of the top row (``top``, their roles) group cells of the row below
    ("Change" over "Rs." and "%"), the others span both rows ("Symbol", "Volume").

    The first table row tells the number of columns, hence how many top cells are groups; the groups are taken
    to be next to each other and of one width each, and of the placements that make a quote header the one
    that leaves the fewest columns unnamed wins (the first of equals). A sub-cell that names no column of its
    own takes its group's role ("Rs." under "Change").
    """
    if n + 2 >= len(lines):
        return None
    below, row = lines[n + 1], lines[n + 2]
    if ("\t" not in below or "\t" not in row or len(below) > MAX_HEADER_LINE or _DIGIT.search(below) is not None
            or _NAME_CELL.search(below) is not None):
        return None
    subs = [cell_role(cell) for cell in below.split("\t")]
    groups = len(top) + len(subs) - (row.count("\t") + 1)
    if all(sub == "text" for sub in subs):
        return None  # (a row naming no column: a quote's name over its numbers, not a header's second row)
    if groups < 1 or groups >= len(top) or len(subs) % groups:
        return None
    width = len(subs) // groups
    name = next((i for i, role in enumerate(top) if role in NAME_ROLES), -1)
    best: Header | None = None
    for start in range(len(top) - groups + 1):
        if start <= name < start + groups:
            continue
        roles = top[:start]
        for g in range(groups):
            roles += [sub if sub != "text" else top[start + g] for sub in subs[g * width:(g + 1) * width]]
        header = _header(roles + top[start + groups:], True, 2)
        if header is not None and (best is None or header.roles.count("text") < best.roles.count("text")):
            best = header
    return best


def _other(line: str) -> Header | None:
    """A tabbed header whose first column names no symbol, index or sector but something else (Currency,
    Commodity, Date, Party, Team) while another names a price, a change or a percent: the rows below it are not
    quotes, however much they read like them (``Header.other``). None for any other line."""
    cells = line.split("\t")
    if len(cells) < 3 or " ".join(cells[0].strip(MARKS + " :").lower().split()) not in OTHER_NAME_COLUMNS:
        return None
    roles: list[Role] = ["symbol", *(cell_role(cell) for cell in cells[1:])]
    if not any(role in ("price", "change", "percent") for role in roles):
        return None
    return Header(tuple(roles), 0, None, True, 1, other=True)


def symbol_column(cells: list[str], roles: list[Role]) -> list[Role]:
    """Of two columns naming symbols, "Company" or "Stock" beside "Symbol" holds the company's name: a text
    column. (Either alone holds the symbols.)"""
    names = [" ".join(cell.strip(MARKS + _SORT + " :").lower().split()) for cell in cells]
    if not any(role == "symbol" and name not in _NAME_WORDS for role, name in zip(roles, names, strict=True)):
        return roles
    return ["text" if role == "symbol" and name in _NAME_WORDS else role
            for role, name in zip(roles, names, strict=True)]


def _role(text: str) -> Role:
    return cast(Role, QUOTE_HEADERS.get(" ".join(text.lower().split()), "text"))


def _word_roles(line: str) -> list[Role]:
    return [_role(word) for word in _HEADER_WORD.findall(line)]


def read_roles(roles: list[Role]) -> Header | None:
    """The header of cells whose roles are ``roles``, read from something other than a header line (the labels of
    a quote summary's rows), else None."""
    return _header(roles, True, 0)


def cell_role(cell: str) -> Role:
    if "(" in cell or "[" in cell:
        cell = _UNIT.sub("", cell)
    return _role(cell.strip(MARKS + _SORT + " :"))


def _header(roles: list[Role], tabbed: bool, used: int) -> Header | None:
    """A quote table has a name column, a price column, and a change or percent column."""
    name = next((i for i, role in enumerate(roles) if role == "symbol"), None)
    if name is None:
        name = next((i for i, role in enumerate(roles) if role in ("index", "sector")), None)
    if name is None or "price" not in roles or not ("change" in roles or "percent" in roles):
        return None
    sector = next((i for i, role in enumerate(roles) if role == "sector" and i != name), None)
    fixed: list[Role] = []
    seen: set[Role] = set()
    for i, role in enumerate(roles):
        if i != name and (role in NAME_ROLES or role in seen):
            role = "text"  # a second name column (SECTOR beside SYMBOL) or a repeated role is only text
        seen.add(role)
        fixed.append(role)
    if not tabbed and "text" in fixed:
        return None  # without cell separators a text column cannot be told from its neighbours
    return Header(tuple(fixed), name, sector, tabbed, used)
