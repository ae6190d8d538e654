"""Tables that print a loss without any sign, parenthesis, glyph or class (a loss shown only by colour, lost in a
text copy): where one row's numbers fit only a loss, a row stating nothing whose numbers fit a gain and a loss
alike cannot be told, and is left out rather than guessed."""

from __future__ import annotations

from parsing.extract.quotes.check import bare_direction
from parsing.extract.quotes.figures import cell_hints, parse_number
from parsing.extract.quotes.header import Header
from parsing.model import Quote


def without_unsure(quotes: list[Quote], rows: list[str], header: Header) -> list[Quote]:
    """The table's quotes (``rows`` the line of each), less the unsure rows of a table printing a bare loss."""
    if not any(quote.direction == "down" for quote in quotes) or not _bare_loss(quotes, rows, header):
        return quotes
    return [quote for quote, line in zip(quotes, rows, strict=True) if not _unsure_row(quote, line, header)]


def _bare_cells(line: str, header: Header) -> list[str] | None:
    """A row's price, change and percent cells (percent "" without that column) when its change and percent print
    no sign, parenthesis, glyph or class mark (a loss shown only by colour, lost in a text copy), else None."""
    cells = line.split("\t")
    roles = header.roles
    if len(cells) != len(roles):
        return None
    change = cells[roles.index("change")].strip()
    percent = cells[roles.index("percent")].strip() if "percent" in roles else ""
    for text in (change, percent):
        if text and (not text[0].isdigit() or cell_hints(text)[1] or text[-1] in _TRAILING_SIGNS):
            return None
    return [cells[roles.index("price")], change, percent]


_TRAILING_SIGNS = "-\u2212)"


def _bare_loss(quotes: list[Quote], rows: list[str], header: Header) -> bool:
    """Whether the table prints a loss without any sign: a row read as down whose cells state nothing (its
    numbers fit only a loss). Rows printing a minus anywhere are passed over at once."""
    if "change" not in header.roles:
        return False
    return any(quote.direction == "down" and "-" not in line and "\u2212" not in line and "\u2013" not in line
               and "(" not in line and _bare_cells(line, header) is not None
               for quote, line in zip(quotes, rows, strict=True))


def _unsure_row(quote: Quote, line: str, header: Header) -> bool:
    """A row of a table that prints losses without a sign (``_bare_loss``), stating nothing, whose numbers fit a
    gain and a loss alike: its direction cannot be told."""
    if quote.direction != "up":
        return False
    cells = _bare_cells(line, header)
    if cells is None:
        return False
    price, change = parse_number(cells[0]), parse_number(cells[1])
    percent = parse_number(cells[2]) if cells[2] else None
    if price is None or change is None or change.value == 0:
        return False
    prev = None
    if "prev" in header.roles:
        prev = parse_number(line.split("\t")[header.roles.index("prev")])
    return bare_direction(price, change, percent, prev) is None
