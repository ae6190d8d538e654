"""View ▸ Theme: the system's look (made readable), or the app's own light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.gui.theme import ThemeChoice, accessible, build_palette

OWN_STYLE = "Fusion"  # honours every palette role; native styles may paint their own colours

_system: tuple[QPalette, str] | None = None  # the look the process started with, before any theme was chosen


def system_look(app: QApplication) -> tuple[QPalette, str]:
    """The palette and style name the desktop gave this process (remembered at the first call)."""
    global _system
    if _system is None:
        style = app.style()
        _system = (QPalette(app.palette()), style.name() if style is not None else OWN_STYLE)
    return _system


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
        if current is None or current.name().lower() != style.lower():
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
