"""The market view: the latest quote of every symbol across the library, with where each came from."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.formatting import date_text, moment_key
from desktop.library.records import QuoteRow
from desktop.quote_grid import QuotePane
from desktop.quote_model import PERCENT


class MarketPane(QWidget):
    """Same grid and chart as a page, fed with each symbol's newest snapshot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marketView")
        self.grid = QuotePane(with_as_of=True)
        self.grid.view.setObjectName("marketGrid")
        self.grid.chart.plot.setObjectName("marketChart")
        self.losers_button = QPushButton("Biggest losers")
        self.gainers_button = QPushButton("Biggest gainers")
        self.strip_button = QPushButton("Strip changes…")
        self.strip_button.setToolTip("Which symbols entered or left the ticker strip between saved pages")
        self.losers_button.clicked.connect(self.show_losers)
        self.gainers_button.clicked.connect(self.show_gainers)
        self.span_label = QLabel()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 6, 6, 0)
        buttons.addWidget(self.losers_button)
        buttons.addWidget(self.gainers_button)
        buttons.addWidget(self.strip_button)
        buttons.addStretch(1)
        self.span_label.setContentsMargins(6, 0, 6, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.span_label)
        layout.addWidget(self.grid, 1)

    def set_quotes(self, quotes: Sequence[QuoteRow]) -> None:
        self.grid.set_quotes(quotes)
        moments = sorted((q.as_of for q in quotes), key=moment_key)
        if moments:
            first, last = date_text(moments[0]), date_text(moments[-1])
            span = first if first == last else f"{first} – {last}"
            self.span_label.setText(f"{len(quotes):,} symbols · {span}")
            self.span_label.setToolTip(f"The latest quote of each symbol, from pages saved {span}")
        else:
            self.span_label.setText("No quotes in the library yet.")

    def show_losers(self) -> None:
        self.grid.sort_by(self.grid.model.column_of(PERCENT), Qt.SortOrder.AscendingOrder)

    def show_gainers(self) -> None:
        self.grid.sort_by(self.grid.model.column_of(PERCENT), Qt.SortOrder.DescendingOrder)
