"""Colours for gains, losses and the chart, chosen from the current palette (light or dark)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class MarketColors:
    up: QColor
    down: QColor
    unchanged: QColor
    background: QColor
    foreground: QColor
    grid: QColor
    highlight: QColor


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def direction_colors(colors: MarketColors) -> dict[str, QColor]:
    """The colour of each direction a quote can take."""
    return {"up": colors.up, "down": colors.down, "unchanged": colors.unchanged}


def current_market_colors() -> MarketColors:
    """The market colours for the application's palette now."""
    return market_colors(QGuiApplication.palette())


def market_colors(palette: QPalette) -> MarketColors:
    """Red/green/grey that stay readable on the palette's base colour."""
    dark = is_dark(palette)
    return MarketColors(
        up=QColor("#3fb950" if dark else "#1a7f37"),
        down=QColor("#f85149" if dark else "#cf222e"),
        unchanged=QColor("#8b949e" if dark else "#6e7781"),
        background=palette.color(QPalette.ColorRole.Base),
        foreground=palette.color(QPalette.ColorRole.Text),
        grid=palette.color(QPalette.ColorRole.Mid),
        highlight=palette.color(QPalette.ColorRole.Highlight),
    )
