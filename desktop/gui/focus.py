"""Keyboard focus you can see and move: a ring around the focused pane, and F6 / Shift+F6 between panes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from desktop.gui.theme import MARK_CONTRAST, market_colors, readable

RING_WIDTH = 2


class FocusRing(QWidget):
    """A frame in the highlight colour drawn over a pane's edge while the focus is anywhere inside it."""

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._pane = pane
        pane.installEventFilter(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._pane and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._pane.rect())
        return False

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = new is not None and (new is self._pane or self._pane.isAncestorOf(new))
        if inside and self._pane.isVisible():
            self.setGeometry(self._pane.rect())
            self.raise_()
            self.show()
        else:
            self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self._pane.palette()
        colors = market_colors(palette)
        color = readable(colors.highlight, [palette.color(palette.ColorRole.Window), colors.background], MARK_CONTRAST)
        painter = QPainter(self)
        pen = QPen(color, RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


def focus_within(pane: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is pane or pane.isAncestorOf(focused))


class PaneCycle:
    """F6 / Shift+F6: the focus moves to the next (previous) visible pane, wrapping around."""

    def __init__(self, panes: Callable[[], Sequence[QWidget]]) -> None:
        self._panes = panes

    def visible_panes(self) -> list[QWidget]:
        return [pane for pane in self._panes() if pane.isVisible() and pane.width() > 0 and pane.height() > 0]

    def move(self, step: int) -> QWidget | None:
        panes = self.visible_panes()
        if not panes:
            return None
        here = next((i for i, pane in enumerate(panes) if focus_within(pane)), -1 if step > 0 else 0)
        target = panes[(here + step) % len(panes)]
        target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
        return target


INTO_LIST_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntoList(QObject):
    """Down or Enter in a box that narrows a list (a search, a filter) moves the focus into the list, onto its first
    row when no row is chosen yet; an empty list leaves the focus in the box. Esc empties the box. ``pending`` is asked first: True when
    the list is about to be replaced (a search typed a moment ago), and its owner then moves the focus when the new
    rows come."""

    def __init__(self, box: QLineEdit, view: QAbstractItemView, pending: Callable[[], bool] | None = None) -> None:
        super().__init__(box)
        self._box = box
        self._view = view
        self._pending = pending
        box.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if plain and event.key() == Qt.Key.Key_Escape and self._box.text():
            self._box.clear()  # Esc takes the words away: the whole list is back
            return True
        if not plain or event.key() not in INTO_LIST_KEYS:
            return False
        if self._pending is not None and self._pending():
            return True  # the list takes the focus when its new rows come, if any do
        model = self._view.model()
        if model is None or model.rowCount() == 0:
            return False  # nothing to move to: the box keeps the focus
        choose_first_row(self._view)
        self._view.setFocus(Qt.FocusReason.TabFocusReason)
        return True


def choose_first_row(view: QAbstractItemView) -> None:
    """Select the list's first row, unless a row is already chosen."""
    model, selection = view.model(), view.selectionModel()
    if model is None or selection is None or model.rowCount() == 0:
        return
    current = selection.currentIndex()
    if current.isValid() and selection.isRowSelected(current.row(), current.parent()):
        return
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    selection.setCurrentIndex(model.index(0, 0), flags)
    view.scrollTo(model.index(0, 0))
