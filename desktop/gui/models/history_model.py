"""Table model of a symbol's history: sorts on the series' arrays, reads the rows on screen as they come.

A history can hold 100,000 snapshots. The model keeps the series (numpy arrays) for its order and asks
``fetch`` for the rows of a block of snapshots only when the view first shows one, as the page list does;
every cell is written from the row as stored.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.gui.models.quote_model import (
    AS_OF,
    CHANGE,
    HEADERS,
    KIND,
    NUMERIC,
    PERCENT,
    PRICE,
    SYMBOL,
    quote_text,
    quote_tooltip,
)
from desktop.gui.models.roles import QuoteRole
from desktop.gui.theme import MarketColors, current_market_colors, direction_colors
from desktop.library.formatting import plain_rich_text
from desktop.library.records import QuoteRow
from desktop.library.series import KINDS, HistorySeries

AnyIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Sequence[int]], Mapping[int, QuoteRow]]  # row keys (HistorySeries.keys) -> rows

COLUMNS = (SYMBOL, KIND, PRICE, CHANGE, PERCENT, AS_OF)
BLOCK = 200  # rows read together when the view reaches a row not yet read
MAX_CACHED = 20 * BLOCK
KIND_ORDER = np.argsort(np.argsort(np.asarray(KINDS)))  # each kind's rank when sorted by its name


def rows_fetch(series: HistorySeries, rows: Sequence[QuoteRow]) -> Fetch:
    """A fetch over rows already read (in the series' order)."""
    by_key = dict(zip(series.keys().tolist(), rows, strict=True))
    return lambda keys: {key: by_key[key] for key in keys if key in by_key}


class HistoryTableModel(QAbstractTableModel):
    """Every snapshot of one symbol: Symbol, Kind, Price, Change, % Change, As of (with the time)."""

    def __init__(self, series: HistorySeries, fetch: Fetch | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.series = series
        self._fetch = fetch
        self._keys = series.keys()
        self._cache: dict[int, QuoteRow] = {}
        self._sort: tuple[int, Qt.SortOrder] = (AS_OF, Qt.SortOrder.AscendingOrder)
        self._order = self._sorted_order(*self._sort)
        self._colors = direction_colors(current_market_colors())

    # --- rows ----------------------------------------------------------------------------------
    def quote_at(self, row: int) -> QuoteRow:
        """The snapshot shown at ``row``, as stored (read with the rows around it when not yet read)."""
        index = int(self._order[row])
        key = int(self._keys[index])
        if key not in self._cache and self._fetch is not None:
            start = row - row % BLOCK
            if len(self._cache) > MAX_CACHED:
                self._cache.clear()
            self._cache.update(self._fetch([int(k) for k in self._keys[self._order[start:start + BLOCK]]]))
        return self._cache.get(key) or self._made(index)

    def snapshot(self, index: int) -> QuoteRow:
        """The series' snapshot ``index``, as stored."""
        key = int(self._keys[index])
        if key not in self._cache and self._fetch is not None:
            self._cache.update(self._fetch([key]))
        return self._cache.get(key) or self._made(index)

    def snapshot_at(self, row: int) -> int:
        """The index into the series of the snapshot shown at ``row``."""
        return int(self._order[row])

    def row_of_snapshot(self, index: int) -> int:
        """The row showing the series' snapshot ``index`` (-1 when none)."""
        found = np.flatnonzero(self._order == index)
        return int(found[0]) if len(found) else -1

    def visible_quotes(self) -> list[QuoteRow]:
        """Every row in the order shown, read at once (for an export)."""
        keys = [int(k) for k in self._keys[self._order]]
        fetched = self._fetch(keys) if self._fetch is not None else {}
        return [fetched.get(key) or self._made(int(i)) for key, i in zip(keys, self._order, strict=True)]

    def _made(self, index: int) -> QuoteRow:
        """A row made from the series alone (its page is gone from the library since the series was read)."""
        s = self.series
        moment = float(s.moment[index])
        zone = timezone(timedelta(seconds=s.offset))
        as_of = datetime.fromtimestamp(moment, UTC).astimezone(zone).isoformat() if math.isfinite(moment) else ""
        return QuoteRow(int(s.page_id[index]), as_of, bool(s.estimated[index]), int(s.position[index]), s.symbol,
                        s.kind_text(index), float(s.price[index]), float(s.change[index]), float(s.percent[index]),
                        s.direction_text(index), "(not read)" if s.flagged[index] else None, None)

    # --- colours -------------------------------------------------------------------------------
    def set_colors(self, colors: MarketColors) -> None:
        self._colors = direction_colors(colors)
        if len(self._order):
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def color_for(self, direction: str) -> QColor:
        return self._colors.get(direction, self._colors["unchanged"])

    # --- Qt model interface --------------------------------------------------------------------
    def column_of(self, field: int) -> int:
        return COLUMNS.index(field) if field in COLUMNS else -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[COLUMNS[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._order) or index.column() >= len(COLUMNS):
            return None
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if field in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                        QuoteRole.SORT_KEY, QuoteRole.QUOTE):
            return None
        quote = self.quote_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return quote_text(quote, field)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.color_for(quote.direction) if field in (CHANGE, PERCENT) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_rich_text(quote_tooltip(quote, True))
        if role == QuoteRole.SORT_KEY:
            return float(self._key(field)[self.snapshot_at(index.row())])
        return quote

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` with numpy; selections survive through persistent indexes."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [int(self._order[i.row()]) for i in old_persistent]
        self._sort = (COLUMNS[column], order)
        self._order = self._sorted_order(*self._sort)
        position = np.empty(len(self._order), dtype=np.int64)
        position[self._order] = np.arange(len(self._order))
        new_persistent = [self.index(int(position[r]), i.column()) for r, i in zip(old_rows, old_persistent, strict=True)]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return COLUMNS.index(self._sort[0]), self._sort[1]

    # --- sorting internals ---------------------------------------------------------------------
    def _key(self, field: int) -> np.ndarray:
        s = self.series
        keys: dict[int, np.ndarray] = {
            SYMBOL: np.zeros(len(s)), KIND: KIND_ORDER[s.kind].astype(float), PRICE: s.price, CHANGE: s.change,
            PERCENT: s.percent, AS_OF: s.moment,
        }
        return keys[field]

    def _sorted_order(self, field: int, order: Qt.SortOrder) -> np.ndarray:
        """Rows by ``field`` (unknown values last either way); ties keep the series' order, oldest first."""
        key = self._key(field)
        finite = np.isfinite(key)
        key = np.where(finite, -key if order == Qt.SortOrder.DescendingOrder else key, np.inf)
        ordered: np.ndarray = np.argsort(key, kind="stable")
        return ordered

