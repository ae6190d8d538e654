"""A table's stretching column kept readable when the table is narrow: the other columns give up room first."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

MIN_SHARE = 1 / 3  # a column never gives up more than two thirds of its usual width


class StretchRoom(QObject):
    """Watches a table's width: below the widths of the other columns plus ``min_chars`` characters for the
    ``stretch`` column, the columns given in ``usual`` narrow in proportion (their text is elided); above it they
    get their usual widths back. Wider than that, widths the user dragged are left alone."""

    def __init__(self, view: QTableView, stretch: int, usual: dict[int, int], min_chars: int = 14) -> None:
        super().__init__(view)
        self._view, self._viewport, self._stretch, self._usual = view, view.viewport(), stretch, dict(usual)
        self._min = view.fontMetrics().averageCharWidth() * min_chars
        self._narrowed = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the viewport outlives its table for a moment when the window closes
        if event.type() == QEvent.Type.Resize and watched is self._viewport and shiboken6.isValid(self._view):
            self.fit()
        return False

    def fit(self) -> None:
        view = self._view
        shown = [column for column in self._usual if not view.isColumnHidden(column)]
        usual = sum(self._usual[column] for column in shown)
        kept = sum(view.columnWidth(column) for column in range(view.model().columnCount())
                   if column != self._stretch and column not in self._usual and not view.isColumnHidden(column))
        room = view.viewport().width() - self._min - kept
        if room >= usual or not usual:
            if self._narrowed:
                for column in shown:
                    view.setColumnWidth(column, self._usual[column])
                self._narrowed = False
            return
        share = max(room / usual, MIN_SHARE)
        for column in shown:
            view.setColumnWidth(column, int(self._usual[column] * share))
        self._narrowed = True
