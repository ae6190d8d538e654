"""Colours: the light and dark palettes, the system's own made readable, and market red/green that meet WCAG AA.

Every text colour the app sets is checked against the backgrounds it sits on (4.5:1, WCAG AA for text);
marks that are not text (chart bars, the focus ring) get 3:1. ``readable`` nudges a colour that falls short
towards black or white, so the system's palette (a dark GTK theme's pure-blue links, say) is made to pass too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QColor, QGuiApplication, QPalette

ThemeChoice = Literal["system", "light", "dark"]
THEMES: tuple[ThemeChoice, ...] = ("system", "light", "dark")
TEXT_CONTRAST = 4.5  # WCAG 2 AA, normal text
MARK_CONTRAST = 3.0  # WCAG 2 AA, non-text marks (bars, focus indicators)

Role = QPalette.ColorRole
LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: "#f3f4f6", Role.WindowText: "#1f2328", Role.Base: "#ffffff", Role.AlternateBase: "#f6f8fa",
    Role.Text: "#1f2328", Role.Button: "#e9ecef", Role.ButtonText: "#1f2328", Role.BrightText: "#ffffff",
    Role.Highlight: "#0969da", Role.HighlightedText: "#ffffff", Role.PlaceholderText: "#59636e",
    Role.Link: "#0550ae", Role.LinkVisited: "#6639ba", Role.ToolTipBase: "#ffffff", Role.ToolTipText: "#1f2328",
    Role.Mid: "#afb8c1",
}
DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: "#1f2328", Role.WindowText: "#e6edf3", Role.Base: "#161b22", Role.AlternateBase: "#1c2129",
    Role.Text: "#e6edf3", Role.Button: "#2d333b", Role.ButtonText: "#e6edf3", Role.BrightText: "#ffffff",
    Role.Highlight: "#1f6feb", Role.HighlightedText: "#ffffff", Role.PlaceholderText: "#8b949e",
    Role.Link: "#58a6ff", Role.LinkVisited: "#bc8cff", Role.ToolTipBase: "#2d333b", Role.ToolTipText: "#e6edf3",
    Role.Mid: "#545d68",
}
DISABLED_TEXT = {"light": "#8c959f", "dark": "#6e7681"}  # disabled controls are exempt from the contrast rule


@dataclass(frozen=True)
class MarketColors:
    up: QColor
    down: QColor
    unchanged: QColor
    background: QColor
    foreground: QColor
    grid: QColor
    highlight: QColor
    muted: QColor
    link: QColor
    find_match: QColor  # background of a find-in-article match (text stays ``foreground``)
    find_current: QColor  # background of the current match
    find_current_text: QColor


# --- contrast -------------------------------------------------------------------------------------
def luminance(color: QColor) -> float:
    """Relative luminance as WCAG 2 defines it (sRGB, 0 for black, 1 for white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: QColor, backgrounds: Iterable[QColor], minimum: float = TEXT_CONTRAST) -> QColor:
    """``color``, or the nearest shade of it (towards black or white) that reaches ``minimum`` on every background."""
    grounds = list(backgrounds)
    if all(contrast_ratio(color, ground) >= minimum for ground in grounds):
        return QColor(color)
    darker = sum(luminance(ground) for ground in grounds) / max(len(grounds), 1) > 0.18
    hue, saturation, lightness = color.hslHueF(), color.hslSaturationF(), color.lightnessF()
    step = -0.02 if darker else 0.02
    candidate = QColor(color)
    for _ in range(60):
        lightness = min(max(lightness + step, 0.0), 1.0)
        candidate = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
        if all(contrast_ratio(candidate, ground) >= minimum for ground in grounds):
            return candidate
    return QColor("#000000" if darker else "#ffffff")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


# --- palettes -------------------------------------------------------------------------------------
def build_palette(choice: Literal["light", "dark"]) -> QPalette:
    """The app's own light or dark palette (used with the Fusion style, which honours every role)."""
    roles = LIGHT if choice == "light" else DARK
    palette = QPalette(QColor(roles[Role.Button]), QColor(roles[Role.Window]))  # derives the bevel shades
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    disabled = QColor(DISABLED_TEXT[choice])
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def accessible(palette: QPalette) -> QPalette:
    """The system palette with links, selection and placeholder text made readable (other colours kept)."""
    fixed = QPalette(palette)
    base = palette.color(Role.Base)
    grounds = [base, palette.color(Role.AlternateBase), palette.color(Role.Window)]
    own = DARK if is_dark(palette) else LIGHT
    for role in (Role.Link, Role.LinkVisited):
        if contrast_ratio(palette.color(role), base) < TEXT_CONTRAST:
            fixed.setColor(role, readable(QColor(own[role]), grounds))
    fixed.setColor(Role.PlaceholderText, readable(palette.color(Role.PlaceholderText), grounds))
    selected_text = palette.color(Role.HighlightedText)
    if contrast_ratio(selected_text, palette.color(Role.Highlight)) < TEXT_CONTRAST:
        fixed.setColor(Role.Highlight, readable(palette.color(Role.Highlight), [selected_text]))
    return fixed


def current_market_colors() -> MarketColors:
    """The market colours for the application's palette now."""
    return market_colors(QGuiApplication.palette())


def market_colors(palette: QPalette) -> MarketColors:
    """Red/green/grey and the other colours the app draws itself, readable on the palette's backgrounds."""
    dark = is_dark(palette)
    grounds = [palette.color(Role.Base), palette.color(Role.AlternateBase)]
    text = palette.color(Role.Text)
    match = QColor("#5c4a00" if dark else "#fff1a8")
    current = QColor("#e3b341" if dark else "#bf5700")
    current_text = QColor("#000000" if dark else "#ffffff")
    return MarketColors(
        up=readable(QColor("#3fb950" if dark else "#1a7f37"), grounds),
        down=readable(QColor("#f85149" if dark else "#cf222e"), grounds),
        unchanged=readable(QColor("#8b949e" if dark else "#59636e"), grounds),
        background=grounds[0],
        foreground=text,
        grid=palette.color(Role.Mid),
        highlight=readable(palette.color(Role.Highlight), [grounds[0], palette.color(Role.Window)], MARK_CONTRAST),
        muted=readable(palette.color(Role.PlaceholderText), grounds),
        link=readable(palette.color(Role.Link), grounds),
        find_match=readable(match, [text]),
        find_current=readable(current, [current_text]),
        find_current_text=current_text,
    )


def direction_colors(colors: MarketColors) -> dict[str, QColor]:
    """The colour of each direction a quote can take."""
    return {"up": colors.up, "down": colors.down, "unchanged": colors.unchanged}
