"""View ▸ Theme: the system's look (made readable), or the app's own light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from desktop.gui.theme import MARK_CONTRAST, ThemeChoice, accessible, build_palette, readable

OWN_STYLE = "Fusion"  # honours every palette role; native styles may paint their own colours

_system: tuple[QPalette, str] | None = None  # the look the process started with, before any theme was chosen


def system_look(app: QApplication) -> tuple[QPalette, str]:
    """The palette and style name the desktop gave this process (remembered at the first call)."""
    global _system
    if _system is None:
        style = app.style()
        _system = (QPalette(app.palette()), style.name() if style is not None else OWN_STYLE)
    return _system


class OwnStyle(QProxyStyle):
    """Fusion, with check boxes whose edge can be seen.

    Fusion outlines a check box in a shade darker than the window: faint on the light palette (1.7:1) and all
    but black on the dark one, where the empty box could not be seen. The box gets an edge that stands out
    from the window and the box's own base (3:1, as for the other marks).
    """

    def __init__(self) -> None:
        super().__init__(OWN_STYLE)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            palette: QPalette = option.palette
            grounds = [palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)]
            edge = readable(palette.color(QPalette.ColorRole.Mid), grounds, MARK_CONTRAST)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5))  # over Fusion's own edge
            painter.restore()


class ThemeSwitch(QObject):
    """Applies a theme to the whole application and says when it changed."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        system_look(app)
        self._choice: ThemeChoice = "system"

    def choice(self) -> ThemeChoice:
        return self._choice

    def apply(self, choice: ThemeChoice) -> None:
        """Switch every window to ``choice`` ("system", "light" or "dark")."""
        palette, style = system_look(self._app)
        if choice == "system":
            palette = accessible(palette)
        else:
            palette, style = build_palette(choice), OWN_STYLE
        self._tell_platform(choice)
        current = self._app.style()
        if choice != "system":
            if not isinstance(current, OwnStyle):
                self._app.setStyle(OwnStyle())
        elif current is None or isinstance(current, OwnStyle) or current.name().lower() != style.lower():
            self._app.setStyle(style)
        self._app.setPalette(palette)
        self._choice = choice
        self.changed.emit(choice)

    @staticmethod
    def _tell_platform(choice: ThemeChoice) -> None:
        """Native dialogs (file choosers) follow the choice where the platform allows it (Qt 6.8+)."""
        hints = QGuiApplication.styleHints()
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(choice, Qt.ColorScheme.Unknown)
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(scheme)
