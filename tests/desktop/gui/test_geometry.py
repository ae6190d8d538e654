"""Where the window opens: a first size that fits small screens (title bar and status bar on screen), and a
remembered place brought back from a monitor that is gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from desktop.gui.geometry import (
    FRAME_ALLOWANCE,
    PREFERRED,
    best_screen,
    content_for_frame,
    first_geometry,
    fit_frame,
)

SCREENS = {  # work areas: the screen less a 28-px panel, in device-independent pixels
    "1366x768": QRect(0, 28, 1366, 740),
    "1280x800": QRect(0, 28, 1280, 772),
    "1920x1080": QRect(0, 28, 1920, 1052),
    "2560x1600 at 2x": QRect(0, 14, 1280, 786),
}


@pytest.mark.parametrize("name", SCREENS)
def test_a_first_window_and_its_frame_fit_the_screen(name):
    available = SCREENS[name]
    content = first_geometry(available)
    frame = content.marginsAdded(FRAME_ALLOWANCE)
    assert available.contains(frame), f"{name}: {frame} is not inside {available}"
    assert content.width() >= min(PREFERRED.width(), available.width() * 0.85)
    assert content.height() >= min(PREFERRED.height(), available.height() * 0.8)


def test_a_large_screen_gets_the_preferred_size_centred():
    available = SCREENS["1920x1080"]
    content = first_geometry(available)
    assert (content.width(), content.height()) == (PREFERRED.width(), PREFERRED.height())
    assert abs(content.center().x() - available.center().x()) <= 8


def test_a_place_on_an_unplugged_monitor_comes_back_to_the_remaining_one():
    laptop = QRect(0, 0, 1366, 740)
    remembered = QRect(2200, 100, 1400, 900)  # was on a second monitor to the right
    fitted = fit_frame(remembered, [laptop])
    assert laptop.contains(fitted)
    assert (fitted.width(), fitted.height()) == (1366, 740)


def test_a_window_larger_than_the_screen_shrinks_and_keeps_its_title_bar_visible():
    screen = QRect(0, 0, 1280, 800)
    fitted = fit_frame(QRect(-50, -30, 2720, 1640), [screen])  # a 2x-scaled first size on a 2560x1600 screen
    assert fitted == screen


def test_a_window_partly_off_one_screen_moves_onto_the_screen_it_mostly_covers():
    left, right = QRect(0, 0, 1920, 1080), QRect(1920, 0, 1280, 800)
    frame = QRect(1700, 100, 1000, 600)  # mostly on the right-hand screen
    assert best_screen(frame, [left, right]) == right
    fitted = fit_frame(frame, [left, right])
    assert right.contains(fitted) and fitted.size() == frame.size()


def test_a_window_already_on_screen_stays_put():
    frame = QRect(100, 100, 800, 600)
    assert fit_frame(frame, [QRect(0, 0, 1920, 1080)]) == frame


def test_content_follows_the_frame_with_its_margins():
    frame, content = QRect(10, 10, 500, 400), QRect(14, 40, 492, 366)
    moved = content_for_frame(QRect(0, 0, 500, 400), frame, content)
    assert moved == QRect(4, 30, 492, 366)


def test_the_window_opens_within_the_screen(qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication

    from desktop.app import create_main_window

    window = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(window.geometry().marginsAdded(FRAME_ALLOWANCE))
    assert window.statusBar().mapTo(window, window.statusBar().rect().bottomRight()).y() < available.height()


def test_a_remembered_geometry_from_a_bigger_monitor_is_brought_on_screen(qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMainWindow

    from desktop.app import create_main_window
    from desktop.gui.settings import Settings

    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(QRect(3000, 2000, 1800, 1200))  # saved while on a large monitor that is gone now
    Settings().set_geometry(big.saveGeometry())
    window = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(window)
    window.show()
    available = QGuiApplication.primaryScreen().availableGeometry()
    qtbot.waitUntil(lambda: available.contains(window.geometry()))
