"""Two pages side by side: each symbol's price in both, the difference, and who entered or left the strip."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.gui.models.table_model import ListTableModel, plain_titles
from desktop.gui.theme import MarketColors, current_market_colors, direction_colors, market_colors
from desktop.library.compare import SymbolMove, compare_quotes, strip_changes
from desktop.library.formatting import as_of_text, change_text, price_text
from desktop.library.records import PageRow, QuoteRow

HEADERS = ("Symbol", "Price A", "Price B", "Difference", "% Difference")


class CompareModel(ListTableModel):
    headers = HEADERS

    def __init__(self, moves: Sequence[SymbolMove], parent: Any = None) -> None:
        super().__init__(moves, parent)
        self.moves = self.items
        self._colors = direction_colors(current_market_colors())

    def set_colors(self, colors: MarketColors) -> None:
        self._colors = direction_colors(colors)

    def cell(self, move: SymbolMove, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(move, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column >= 3 and move.diff:
            return self._colors["up" if move.diff > 0 else "down"]
        return None


def _display(move: SymbolMove, column: int) -> str:
    if column == 0:
        return move.symbol
    if column in (1, 2):
        price = move.price_a if column == 1 else move.price_b
        return price_text(price) if price is not None else "—"
    if move.presence != "both":
        return move.presence
    if column == 3:
        return change_text(move.diff or 0.0)
    if move.percent_diff is None:
        return "—"
    return f"{move.percent_diff:+.2f}%" if move.percent_diff else "0.00%"


def _page_line(page: PageRow) -> str:
    """ "Title (quotes as of 16 Feb 2024 10:05)", with "(est.)" for a time taken from the file's date."""
    return f"{escape(page.title or page.file_name)} (quotes as of {as_of_text(page.quotes_as_of, page.as_of_estimated)})"


class CompareDialog(QDialog):
    export_requested = Signal(object)  # this dialog

    def __init__(self, page_a: PageRow, quotes_a: Sequence[QuoteRow], page_b: PageRow,
                 quotes_b: Sequence[QuoteRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare two pages")
        self.page_a, self.page_b = page_a, page_b
        self.model = CompareModel(compare_quotes(quotes_a, quotes_b), self)
        colors = market_colors(self.palette())
        self.model.set_colors(colors)
        entered, left = strip_changes(quotes_a, quotes_b)
        header = QLabel(
            f"<b>A</b>: {_page_line(page_a)}<br><b>B</b>: {_page_line(page_b)}<br>"
            f"Entered the strip: {escape(', '.join(entered) or 'none')} · "
            f"Left the strip: {escape(', '.join(left) or 'none')}"
        )
        header.setTextFormat(Qt.TextFormat.RichText)
        header.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("compareGrid")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        plain_titles(self.view)
        self.view.setTabKeyNavigation(False)
        export = QPushButton("&Export…")
        export.clicked.connect(self._request_export)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.view, 1)
        layout.addWidget(export, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(640, 560)

    def _request_export(self) -> None:
        self.export_requested.emit(self)
