"""The filter bar over the page list: a filter that is on can be told from one that is off at a glance."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop.gui.appearance import ThemeSwitch
from desktop.gui.panes.page_filters import FilterBar
from desktop.gui.theme import MARK_CONTRAST, contrast_ratio


def background(widget: QWidget) -> QColor:
    """The colour inside the button's frame, between its edge and its text."""
    image = widget.grab().toImage()
    return image.pixelColor(4, image.height() // 2)


@pytest.fixture
def theme(qapp):
    switch = ThemeSwitch()
    yield switch
    switch.apply("system")


def _shown_bar(qtbot, theme, choice: str) -> FilterBar:
    """The filter bar on screen in the ``choice`` theme, laid out."""
    theme.apply(choice)
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.resize(380, 60)
    bar.show()
    qtbot.waitUntil(lambda: bar.unread.width() > 0 and bar.dated.width() > 0)
    return bar


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_a_checked_toggle_stands_out_from_an_unchecked_one(qtbot, theme, choice):
    bar = _shown_bar(qtbot, theme, choice)
    bar.unread.setChecked(True)
    on, off = background(bar.unread), background(bar.starred)
    palette = QApplication.palette()
    assert on == palette.color(QPalette.ColorRole.Highlight) != off  # the colours of a chosen row
    assert contrast_ratio(on, palette.color(QPalette.ColorRole.Window)) >= MARK_CONTRAST  # seen against the bar
    assert bar.unread.height() == bar.starred.height()  # the toggle keeps its size when checked


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_an_empty_check_box_can_be_seen(qtbot, theme, choice):
    """Fusion's edge of a check box is a shade darker than the window: on the dark palette, invisible."""
    bar = _shown_bar(qtbot, theme, choice)
    assert not bar.dated.isChecked()
    image = bar.dated.grab().toImage()
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    box = [image.pixelColor(x, y) for x in range(min(18, image.width())) for y in range(image.height())]
    assert max(contrast_ratio(color, window) for color in box) >= MARK_CONTRAST


def test_the_filters_follow_a_change_of_theme(qtbot, theme):
    """Every control of the bar takes the new palette (a style sheet keeps the old one unless told)."""
    theme.apply("light")
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.show()
    theme.apply("dark")
    app = QApplication.palette()
    active = QPalette.ColorGroup.Active
    for widget in (bar.dated, bar.starred, bar.tag, bar.since):
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Button, QPalette.ColorRole.Base):
            qtbot.waitUntil(lambda w=widget, r=role: w.palette().color(active, r) == app.color(active, r))


def test_a_narrow_bar_keeps_the_toggles_words_whole(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.resize(220, 60)
    bar.show()
    qtbot.waitUntil(lambda: bar.width() > 0 and bar.starred.width() > 0)
    for toggle in (bar.unread, bar.starred):
        assert toggle.width() >= toggle.fontMetrics().horizontalAdvance(toggle.text())
    assert bar.minimumSizeHint().width() <= 220  # the list is never made wider by the bar
