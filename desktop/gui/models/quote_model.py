"""Table model of quotes; sorts itself with numpy so 100,000 rows sort in milliseconds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.gui.models.roles import QuoteRole
from desktop.gui.theme import MarketColors, current_market_colors, direction_colors
from desktop.library.formatting import (
    ESTIMATE_MARK,
    as_of_text,
    change_text,
    date_text,
    datetime_text,
    moment_key,
    percent_text,
    plain_rich_text,
    price_text,
)
from desktop.library.records import QuoteRow

AnyIndex = QModelIndex | QPersistentModelIndex

SYMBOL, KIND, PRICE, CHANGE, PERCENT, AS_OF, OPEN, HIGH, LOW, PREVIOUS, VOLUME, SECTOR = range(12)
HEADERS = {SYMBOL: "Symbol", KIND: "Kind", PRICE: "Price", CHANGE: "Change", PERCENT: "% Change", AS_OF: "As of",
           OPEN: "Open", HIGH: "High", LOW: "Low", PREVIOUS: "Prev. close", VOLUME: "Volume", SECTOR: "Sector"}
# Columns a quote table adds: shown after the others when any row has them (a Market Watch page, a sector table).
TABLE_FIELDS = (OPEN, HIGH, LOW, PREVIOUS, VOLUME, SECTOR)
NUMERIC = {PRICE, CHANGE, PERCENT, OPEN, HIGH, LOW, PREVIOUS, VOLUME}
SORTED_AS_NUMBERS = NUMERIC | {AS_OF}
FLAG_MARK = "⚠ "
KIND_TEXT = {"index": "Index", "sector": "Sector"}
COMPUTED_NOTE = "The page prints no percent: computed from the price and the change."


class QuoteTableModel(QAbstractTableModel):
    """Quotes of one snapshot (or the latest of each symbol, with an "As of" column)."""

    def __init__(self, *, with_as_of: bool = False, as_of_time: bool = False, parent: Any = None) -> None:
        """``with_as_of`` adds the snapshot's date (with its time when ``as_of_time``, as a history needs)."""
        super().__init__(parent)
        self._base_columns = [SYMBOL, KIND, PRICE, CHANGE, PERCENT] + ([AS_OF] if with_as_of else [])
        self._columns = list(self._base_columns)
        self.as_of_time = as_of_time
        self._rows: list[QuoteRow] = []
        self._needle = ""
        self._mentioned: frozenset[str] = frozenset()
        self._order = np.arange(0)
        self._keys: dict[int | str, np.ndarray] = {}
        self._sort: tuple[int, Qt.SortOrder] = (PERCENT, Qt.SortOrder.AscendingOrder)  # (field, order)
        self._colors = direction_colors(current_market_colors())

    # --- content -------------------------------------------------------------------------------
    def set_quotes(self, rows: Sequence[QuoteRow]) -> None:
        """Replace every row, keeping the current sort; the table columns come and go with the rows' fields.

        When the sorted column goes (no row has a volume any more), the rows sort by percent, losers first.
        """
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = {}
        self._columns = self._base_columns + [f for f in TABLE_FIELDS if _any_has(self._rows, _SORT_FIELDS[f])]
        if self._sort[0] not in self._columns:
            self._sort = (PERCENT, Qt.SortOrder.AscendingOrder)
        self._order = self._sorted_order(*self._sort)
        self.endResetModel()

    def set_mentioned(self, symbols: set[str] | frozenset[str]) -> None:
        """Mark the symbols the article mentions (bold, with a note in the tooltip)."""
        self._mentioned = frozenset(symbols)
        if self._order.size:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def set_colors(self, colors: MarketColors) -> None:
        self._colors = direction_colors(colors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def color_for(self, direction: str) -> QColor:
        return self._colors.get(direction, self._colors["unchanged"])

    def quote_at(self, row: int) -> QuoteRow:
        return self._rows[int(self._order[row])]

    def column_of(self, field: int) -> int:
        """The model column showing ``field`` (SYMBOL, PRICE, ...), or -1."""
        return self._columns.index(field) if field in self._columns else -1

    def set_symbol_filter(self, text: str) -> None:
        """Show only symbols containing ``text``, ignoring case (trimmed; absurdly long input is cut)."""
        needle = text.strip()[:40].lower()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._order = self._sorted_order(*self._sort)
        self.endResetModel()

    def symbol_filter(self) -> str:
        return self._needle

    def total_count(self) -> int:
        """Rows held, shown or not."""
        return len(self._rows)

    def visible_quotes(self) -> list[QuoteRow]:
        """The rows shown, in the order shown."""
        return [self._rows[int(i)] for i in self._order]

    def visible_view(self) -> VisibleQuotes:
        """The rows shown, in order, as a sequence that builds nothing up front."""
        return VisibleQuotes(self._rows, self._order)

    def visible_percents(self) -> np.ndarray:
        return self._key_array(PERCENT)[self._order] if self._rows else np.zeros(0)

    def visible_direction_codes(self) -> np.ndarray:
        if "codes" not in self._keys:
            codes = {"up": 1, "down": -1}
            self._keys["codes"] = np.fromiter(
                (codes.get(q.direction, 0) for q in self._rows), dtype=np.int8, count=len(self._rows)
            )
        return self._keys["codes"][self._order]

    def _filter_mask(self) -> np.ndarray | None:
        if not self._needle:
            return None
        if "symbols" not in self._keys:
            self._keys["symbols"] = np.asarray([q.symbol.lower() for q in self._rows], dtype=str)
        return np.char.find(self._keys["symbols"], self._needle) >= 0

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        """The sorted column and order."""
        return self._columns.index(self._sort[0]), self._sort[1]

    # --- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        field = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[field]
        if role == Qt.ItemDataRole.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._order) or index.column() >= len(self._columns):
            return None
        quote = self._rows[int(self._order[index.row()])]
        field = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == AS_OF and not self.as_of_time:
                return date_text(quote.as_of) + (ESTIMATE_MARK if quote.as_of_estimated else "")
            return quote_text(quote, field)
        if role == QuoteRole.SORT_KEY:
            return _sort_value(quote, field)
        if role == Qt.ItemDataRole.ForegroundRole and field in (CHANGE, PERCENT):
            return self.color_for(quote.direction)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if field in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            note = "\nMentioned in the article" if quote.symbol in self._mentioned else ""
            return plain_rich_text(quote_tooltip(quote, AS_OF in self._columns) + note)
        if role == Qt.ItemDataRole.FontRole:
            return _font(quote, field, self._mentioned)
        if role == QuoteRole.QUOTE:
            return quote
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` with numpy; selections survive through persistent indexes."""
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [int(self._order[i.row()]) for i in old_persistent]
        self._sort = (self._columns[column], order)
        self._order = self._sorted_order(*self._sort)
        position = np.full(len(self._rows), -1)
        position[self._order] = np.arange(len(self._order))
        new_persistent = [self.index(int(position[r]), i.column()) for r, i in zip(old_rows, old_persistent, strict=True)]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    # --- sorting internals ----------------------------------------------------------------------
    def _key_array(self, field: int) -> np.ndarray:
        if field not in self._keys:
            name = _SORT_FIELDS[field]
            if field == AS_OF:
                values = (moment_key(q.as_of) for q in self._rows)
                self._keys[field] = np.fromiter(values, dtype=float, count=len(self._rows))
            elif field in NUMERIC:
                numbers = (getattr(q, name) for q in self._rows)
                values = (np.nan if value is None else value for value in numbers)  # not printed: last
                self._keys[field] = np.fromiter(values, dtype=float, count=len(self._rows))
            else:
                texts = np.asarray([(getattr(q, name) or "").lower() for q in self._rows], dtype=str)
                _, ranks = np.unique(texts, return_inverse=True)
                self._keys[field] = ranks.astype(float)
        return self._keys[field]

    def _sorted_order(self, field: int, order: Qt.SortOrder) -> np.ndarray:
        if not self._rows:
            return np.arange(0)
        key = self._key_array(field)
        finite = np.isfinite(key)
        if order == Qt.SortOrder.DescendingOrder:
            key = -key
        key = np.where(finite, key, np.inf)  # unknown numbers last, whichever way
        ordered = np.argsort(key, kind="stable")
        mask = self._filter_mask()
        return ordered if mask is None else ordered[mask[ordered]]


def quote_text(quote: QuoteRow, field: int) -> str:
    if field == SYMBOL:
        return (FLAG_MARK if quote.flag else "") + quote.symbol
    if field == KIND:
        return KIND_TEXT.get(quote.kind, "Stock")
    if field == PRICE:
        return price_text(quote.price)
    if field == CHANGE:
        return change_text(quote.change)
    if field == PERCENT:
        return percent_text(quote.percent, quote.direction)
    if field == AS_OF:
        return as_of_text(quote.as_of, quote.as_of_estimated)
    value = getattr(quote, _SORT_FIELDS[field])
    if value is None:
        return ""
    if field == VOLUME:
        return f"{value:,}"
    return str(value) if field == SECTOR else price_text(value)


_SORT_FIELDS = {SYMBOL: "symbol", KIND: "kind", PRICE: "price", CHANGE: "change", PERCENT: "percent", AS_OF: "as_of",
                OPEN: "open", HIGH: "high", LOW: "low", PREVIOUS: "previous_close", VOLUME: "volume",
                SECTOR: "sector"}


def _any_has(rows: Sequence[QuoteRow], name: str) -> bool:
    return any(getattr(q, name) is not None for q in rows)


def _sort_value(quote: QuoteRow, field: int) -> Any:
    value = getattr(quote, _SORT_FIELDS[field])
    if field == AS_OF:
        return moment_key(value)
    return value.lower() if field in (SYMBOL, SECTOR) and value is not None else value


def _font(quote: QuoteRow, field: int, mentioned: frozenset[str]) -> QFont | None:
    """Bold for a symbol the article mentions; italic for a percent the page did not print."""
    if field == SYMBOL and quote.symbol in mentioned:
        font = QFont()
        font.setBold(True)
        return font
    if field == PERCENT and quote.percent_computed:
        font = QFont()
        font.setItalic(True)
        return font
    return None


def quote_tooltip(quote: QuoteRow, with_source: bool) -> str:
    text = f"{quote.symbol}: {price_text(quote.price)}, {change_text(quote.change)} ({quote.percent:+.2f}%)"
    if quote.percent_computed:
        text += f"\n{COMPUTED_NOTE}"
    if with_source:
        estimate = " (estimated)" if quote.as_of_estimated else ""
        text += f"\nFrom “{quote.page_title or 'untitled page'}”, quotes as of {datetime_text(quote.as_of)}{estimate}"
    if quote.flag:
        text += f"\nCheck this quote: {quote.flag}"
    return text


class VisibleQuotes(Sequence[QuoteRow]):
    """The model's rows in view order, read on demand."""

    def __init__(self, rows: list[QuoteRow], order: np.ndarray) -> None:
        self._rows, self._order = rows, order

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, index: int) -> QuoteRow:  # type: ignore[override]
        return self._rows[int(self._order[index])]


class QuoteSortProxy(QSortFilterProxyModel):
    """The view's proxy: hands sorting and the symbol filter to the source model.

    A proxy that sorts or filters by itself calls Python ``data()`` (or ``filterAcceptsRow``) once or twice per
    row and comparison, which takes seconds for 100,000 rows; the source model does both with numpy, and this
    proxy maps rows straight through.
    """

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, QuoteTableModel):
            source.sort(column, order)

    def set_symbol_filter(self, text: str) -> None:
        source = self.sourceModel()
        if isinstance(source, QuoteTableModel):
            source.set_symbol_filter(text)
