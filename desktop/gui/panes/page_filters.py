"""The filters above the page list: Unread, Starred, a tag, a section and a date range, combined with the search."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.library.listing import PageFilter

ANY_TAG = "Any tag"
ANY_SECTION = "Any section"


class FilterToggle(QToolButton):
    """A filter that can be on or off; on, it is painted in the selection colours, as a chosen row is.

    A filter that is on must be seen at a glance: the style's own pressed look is a shade darker at most (on
    the dark palette, none). Painted here rather than by a style sheet, which would hold on to the palette
    of the theme it was set under.
    """

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.isChecked():
            super().paintEvent(event)
            return
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = palette.color(QPalette.ColorRole.Text if self.hasFocus() else QPalette.ColorRole.Highlight)
        painter.setPen(QPen(edge, 1))  # the keyboard's place stays visible
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, max(self.width() - 8, 0))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)


class FilterBar(QWidget):
    """Toggles and choosers that narrow the list; ``changed`` is emitted on every change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageFilters")
        self.unread = self._toggle("Unread", "Only pages not read yet")
        self.starred = self._toggle("★ Starred", "Only starred pages")
        self.tag = self._chooser("tagFilter", ANY_TAG, "Only pages with this tag")
        self.section = self._chooser("sectionFilter", ANY_SECTION, "Only pages of this section")
        self.dated = QCheckBox("Saved")
        self.dated.setToolTip("Only pages saved between these two days")
        self.since, self.until = self._day(), self._day()
        self.dated.toggled.connect(self._dates_toggled)
        self._dates_toggled(False)
        # Widths are shared out by stretch, never by the controls' own minimums: the bar must not make the
        # list (and so the window) any wider than it was without it.
        first, second = QHBoxLayout(), QHBoxLayout()
        for row, widgets in ((first, ((self.unread, 2), (self.starred, 2), (self.tag, 3), (self.section, 3))),
                             (second, ((self.dated, 2), (self.since, 3), (self.until, 3)))):
            row.setContentsMargins(0, 0, 0, 0)
            for widget, stretch in widgets:
                widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
                row.addWidget(widget, stretch)
        for toggle in (self.unread, self.starred):  # a toggle's word is its whole meaning: the choosers give way
            toggle.setMinimumWidth(toggle.sizeHint().width())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(first)
        layout.addLayout(second)

    def _toggle(self, text: str, tip: str) -> FilterToggle:
        button = FilterToggle()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.toggled.connect(lambda _on: self.changed.emit())
        return button

    def _chooser(self, name: str, anything: str, tip: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setToolTip(tip)
        box.addItem(anything)
        # narrow when the list is narrow: the choice is cut short rather than the window made wider
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(4)

        box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return box

    def _day(self) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd MMM yyyy")

        edit.dateChanged.connect(lambda _d: self.changed.emit() if self.dated.isChecked() else None)
        return edit

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.changed.emit()

    def set_choices(self, tags: Sequence[str], sections: Sequence[str]) -> None:
        """Offer these tags and sections, keeping the current choice if it is still there."""
        for box, anything, items in ((self.tag, ANY_TAG, tags), (self.section, ANY_SECTION, sections)):
            current = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItem(anything)
            box.addItems(list(items))
            index = box.findText(current)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
            if box.currentText() != current:
                self.changed.emit()

    def apply(self, search: str | None) -> PageFilter:
        """The filter these controls describe, with the search box's text."""
        since = until = None
        if self.dated.isChecked():
            first, last = sorted((self.since.date(), self.until.date()))
            since, until = first.toString("yyyy-MM-dd"), last.toString("yyyy-MM-dd")
        return PageFilter(
            search=search, unread=self.unread.isChecked(), starred=self.starred.isChecked(),
            tag=self.tag.currentText() if self.tag.currentIndex() > 0 else None,
            section=self.section.currentText() if self.section.currentIndex() > 0 else None,
            since=since, until=until,
        )

    def clear(self) -> None:
        """Show every page again (the search box is the pane's)."""
        for widget in (self.unread, self.starred, self.dated):
            widget.setChecked(False)
        self.tag.setCurrentIndex(0)
        self.section.setCurrentIndex(0)
