"""The tables of a page printed without tags (a browser that writes no structure): rows told by their columns.

A line of a table has wide gaps between its cells. Three or more such lines one under another are a table when
the blank strips between the words of all of them (the gutters) part at least three columns; each line is then a
row whose words go to the column they stand in, the columns joined by tabs as a copy of the page gives them
(an empty cell stays empty). A line of prose has no wide gap, and a ticker strip is one line.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_ROWS = 3
MIN_COLUMNS = 3
WIDE_GAP = 0.8  # font sizes: a gap between two cells of a row, far wider than a space
GUTTER = 0.8  # font sizes: the narrowest blank strip that parts two columns

Cells = tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class Printed:
    """A line as PDFium gives it: its words, their left and right edges, its baseline and font size."""

    words: list[str]
    edges: list[tuple[float, float]]
    baseline: float
    size: float


def table_rows(lines: list[Printed]) -> dict[int, tuple[str, Cells]]:
    """The lines that are rows of a table: their text with the cells tab-separated, and each cell's extent."""
    rows: dict[int, tuple[str, Cells]] = {}
    n = 0
    while n < len(lines):
        end = n
        while end < len(lines) and _spaced(lines[end]) and (
                end == n or 0 < lines[end].baseline - lines[end - 1].baseline < 3 * lines[end].size):
            end += 1
        columns = _columns(lines, n, end) if end - n >= MIN_ROWS else []
        if len(columns) >= MIN_COLUMNS:
            first = n - 1 if n > 0 and _heads(lines[n - 1], lines[n], columns) else n
            rows.update({k: _row(lines[k], columns) for k in range(first, end)})
        n = max(end, n + 1)
    return rows


def _spaced(line: Printed) -> bool:
    gaps = [after[0] - before[1] for before, after in zip(line.edges, line.edges[1:], strict=False)]
    return sum(gap > WIDE_GAP * line.size for gap in gaps) >= MIN_COLUMNS - 1


def _columns(lines: list[Printed], start: int, end: int) -> list[tuple[float, float]]:
    """The columns of lines one under another: the spans between the blank strips down all of them."""
    size = max(lines[k].size for k in range(start, end))
    columns: list[list[float]] = []
    for left, right in sorted(edge for k in range(start, end) for edge in lines[k].edges):
        if columns and left - columns[-1][1] < GUTTER * size:
            columns[-1][1] = max(columns[-1][1], right)
        else:
            columns.append([left, right])
    return [(left, right) for left, right in columns]


def _heads(line: Printed, below: Printed, columns: list[tuple[float, float]]) -> bool:
    """Whether the line right above a table is its header: its words in two columns or more, none of them across
    the blank strip between two columns."""
    if not line.words or not 0 < below.baseline - line.baseline < 3 * below.size:
        return False
    used = set()
    for left, right in line.edges:
        touched = [i for i, (start, stop) in enumerate(columns) if left < stop and right > start]
        if len(touched) > 1:
            return False
        used.update(touched)
    return len(used) >= 2


def _row(line: Printed, columns: list[tuple[float, float]]) -> tuple[str, Cells]:
    texts: list[list[str]] = [[] for _ in columns]
    for word, (left, right) in zip(line.words, line.edges, strict=True):
        middle = (left + right) / 2
        texts[next(i for i, (_, stop) in enumerate(columns) if middle <= stop + 0.01 or i == len(columns) - 1)].append(word)
    return "\t".join(" ".join(words) for words in texts), tuple(columns)
