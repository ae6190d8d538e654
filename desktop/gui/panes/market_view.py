"""The market view: the latest quote of every symbol across the library, with where each came from."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.gui.models.quote_model import PERCENT
from desktop.gui.panes.quote_grid import QuotePane
from desktop.library.formatting import date_text, moment_key, plural
from desktop.library.records import QuoteRow


class MarketPane(QWidget):
    """Same grid and chart as a page, fed with each symbol's newest snapshot (optionally within a date range)."""

    range_changed = Signal()

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
        self.range_box = QCheckBox("Saved from")
        self.range_box.setToolTip("Only use pages whose quotes are from these days")
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addMonths(-1))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._on_range_edited)
        self.range_box.toggled.connect(self._on_range_toggled)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 6, 6, 0)
        buttons.addWidget(self.losers_button)
        buttons.addWidget(self.gainers_button)
        buttons.addWidget(self.strip_button)
        buttons.addStretch(1)
        dates = QHBoxLayout()
        dates.setContentsMargins(6, 0, 6, 0)
        for widget in (self.range_box, self.since_edit, QLabel("to"), self.until_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        self.span_label.setContentsMargins(6, 0, 6, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(dates)
        layout.addWidget(self.span_label)
        layout.addWidget(self.grid, 1)

    def set_quotes(self, quotes: Sequence[QuoteRow]) -> None:
        self.grid.set_quotes(quotes)
        moments = sorted((q.as_of for q in quotes), key=moment_key)
        if moments:
            first, last = date_text(moments[0]), date_text(moments[-1])
            span = first if first == last else f"{first} – {last}"
            self.span_label.setText(f"{plural(len(quotes), 'symbol')} · {span}")
            self.span_label.setToolTip(f"The latest quote of each symbol, from pages saved {span}")
        else:
            self.span_label.setText("No quotes in the library yet.")

    def date_range(self) -> tuple[str | None, str | None]:
        """(since, until) as ISO days, or (None, None) when the whole library is used."""
        if not self.range_box.isChecked():
            return None, None
        since, until = self.since_edit.date(), self.until_edit.date()
        if since > until:
            since, until = until, since
        return since.toString(Qt.DateFormat.ISODate), until.toString(Qt.DateFormat.ISODate)

    def set_date_range(self, since: str | None, until: str | None) -> None:
        """Use only snapshots saved in [since, until] (ISO days); None for both clears the range."""
        for edit, day in ((self.since_edit, since), (self.until_edit, until)):
            if day:
                edit.blockSignals(True)
                edit.setDate(QDate.fromString(day, Qt.DateFormat.ISODate))
                edit.blockSignals(False)
        self.range_box.setChecked(bool(since or until))
        self.range_changed.emit()

    def _on_range_toggled(self, on: bool) -> None:
        self.since_edit.setEnabled(on)
        self.until_edit.setEnabled(on)
        self.range_changed.emit()

    def _on_range_edited(self) -> None:
        if self.range_box.isChecked():
            self.range_changed.emit()

    def show_losers(self) -> None:
        self.grid.sort_by(self.grid.model.column_of(PERCENT), Qt.SortOrder.AscendingOrder)

    def show_gainers(self) -> None:
        self.grid.sort_by(self.grid.model.column_of(PERCENT), Qt.SortOrder.DescendingOrder)
