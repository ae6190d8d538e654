"""Where the main window goes: a first size that fits the screen, and a remembered place brought back on screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QPoint, QRect, QSize

PREFERRED = QSize(1360, 820)  # the window's content on a screen with room to spare
MINIMUM = QSize(640, 420)
# A window manager's borders and title bar, used until the real frame is known (openbox, GNOME and KDE
# measured 0-8 px at the sides and 24-37 px on top).
FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)
SCREEN_GAP = 0.04  # of the free room, kept around a first window on a small screen


def first_geometry(available: QRect, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """The content rectangle of a first window: the preferred size, shrunk to fit ``available``, centred.

    ``available`` is the screen's work area (without panels) in device-independent pixels, so a 2× screen
    of 2560×1600 pixels counts as 1280×800 here.
    """
    room = available.marginsRemoved(frame)
    gap_w = int(room.width() * SCREEN_GAP) if room.width() < PREFERRED.width() * 1.1 else 0
    gap_h = int(room.height() * SCREEN_GAP) if room.height() < PREFERRED.height() * 1.1 else 0
    width = max(min(PREFERRED.width(), room.width() - gap_w), min(MINIMUM.width(), room.width()))
    height = max(min(PREFERRED.height(), room.height() - gap_h), min(MINIMUM.height(), room.height()))
    left = room.left() + (room.width() - width) // 2
    top = room.top() + (room.height() - height) // 2
    return QRect(left, top, width, height)


def best_screen(frame: QRect, screens: Sequence[QRect]) -> QRect:
    """The work area that holds most of ``frame``; when none does, the nearest one."""
    if not screens:
        return frame
    areas = [frame.intersected(screen) for screen in screens]
    sizes = [area.width() * area.height() if not area.isEmpty() else 0 for area in areas]
    if max(sizes) > 0:
        return screens[sizes.index(max(sizes))]
    centre = frame.center()

    def distance(screen: QRect) -> int:
        nearest = QPoint(min(max(centre.x(), screen.left()), screen.right()),
                         min(max(centre.y(), screen.top()), screen.bottom()))
        return (nearest - centre).manhattanLength()

    return min(screens, key=distance)


def fit_frame(frame: QRect, screens: Sequence[QRect]) -> QRect:
    """``frame`` (the window with its title bar) moved, and shrunk if need be, to lie wholly on one screen."""
    if not screens:
        return frame
    screen = best_screen(frame, screens)
    width = min(frame.width(), screen.width())
    height = min(frame.height(), screen.height())
    left = min(max(frame.left(), screen.left()), screen.left() + screen.width() - width)
    top = min(max(frame.top(), screen.top()), screen.top() + screen.height() - height)
    return QRect(left, top, width, height)


def content_for_frame(fitted: QRect, frame: QRect, content: QRect) -> QRect:
    """The content rectangle that puts a window's frame at ``fitted``, keeping the frame's margins."""
    margins = QMargins(
        content.left() - frame.left(), content.top() - frame.top(),
        frame.right() - content.right(), frame.bottom() - content.bottom(),
    )
    return fitted.marginsRemoved(margins)
