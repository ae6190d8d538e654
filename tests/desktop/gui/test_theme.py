"""Colours: every text/background pair the app sets meets WCAG AA (4.5:1; 3:1 for bars and the focus ring)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.gui import appearance
from desktop.gui.theme import (
    MARK_CONTRAST,
    TEXT_CONTRAST,
    accessible,
    build_palette,
    contrast_ratio,
    market_colors,
    readable,
)

Role = QPalette.ColorRole


def gtk_dark_palette() -> QPalette:
    """A dark desktop theme as Qt sees it through GTK: pure-blue links on dark grey (1.5:1)."""
    palette = QPalette(QColor("#353535"), QColor("#353535"))
    for role, value in {Role.Window: "#353535", Role.WindowText: "#eeeeec", Role.Base: "#2d2d2d",
                        Role.AlternateBase: "#323232", Role.Text: "#eeeeec", Role.Highlight: "#3584e4",
                        Role.HighlightedText: "#ffffff", Role.Link: "#0000ff", Role.LinkVisited: "#ff00ff",
                        Role.PlaceholderText: "#777777", Role.Button: "#353535", Role.ButtonText: "#eeeeec",
                        Role.ToolTipBase: "#262626", Role.ToolTipText: "#ffffff"}.items():
        palette.setColor(role, QColor(value))
    return palette


def palettes() -> dict[str, QPalette]:
    return {"light": build_palette("light"), "dark": build_palette("dark"), "gtk dark": accessible(gtk_dark_palette())}


def text_pairs(palette: QPalette) -> dict[str, tuple[QColor, QColor]]:
    """Every text colour the app shows, with the background it is shown on."""
    c = palette.color
    colors = market_colors(palette)
    pairs = {
        "text": (c(Role.Text), c(Role.Base)), "text on alternate rows": (c(Role.Text), c(Role.AlternateBase)),
        "window text": (c(Role.WindowText), c(Role.Window)), "buttons and headers": (c(Role.ButtonText), c(Role.Button)),
        "selection": (c(Role.HighlightedText), c(Role.Highlight)), "tooltips": (c(Role.ToolTipText), c(Role.ToolTipBase)),
        "placeholder": (c(Role.PlaceholderText), c(Role.Base)), "chart note": (c(Role.PlaceholderText), c(Role.Window)),
        "link": (c(Role.Link), c(Role.Base)), "visited link": (c(Role.LinkVisited), c(Role.Base)),
        "article link": (colors.link, colors.background), "article note": (colors.muted, colors.background),
        "find match": (colors.foreground, colors.find_match),
        "current find match": (colors.find_current_text, colors.find_current),
    }
    for name, color in (("gain", colors.up), ("loss", colors.down), ("unchanged", colors.unchanged)):
        pairs[name] = (color, c(Role.Base))
        pairs[f"{name} on alternate rows"] = (color, c(Role.AlternateBase))
    return pairs


def mark_pairs(palette: QPalette) -> dict[str, tuple[QColor, QColor]]:
    colors = market_colors(palette)
    return {"gain bar": (colors.up, colors.background), "loss bar": (colors.down, colors.background),
            "unchanged bar": (colors.unchanged, colors.background),
            "focus ring on the window": (colors.highlight, palette.color(Role.Window)),
            "focus ring on a pane": (colors.highlight, colors.background)}


@pytest.mark.parametrize("name", ["light", "dark", "gtk dark"])
def test_every_text_colour_meets_wcag_aa(qapp, name):
    palette = palettes()[name]
    failing = {label: round(contrast_ratio(fg, bg), 2) for label, (fg, bg) in text_pairs(palette).items()
               if contrast_ratio(fg, bg) < TEXT_CONTRAST}
    assert not failing, f"{name}: below 4.5:1: {failing}"


@pytest.mark.parametrize("name", ["light", "dark", "gtk dark"])
def test_bars_and_focus_ring_stand_out(qapp, name):
    palette = palettes()[name]
    failing = {label: round(contrast_ratio(fg, bg), 2) for label, (fg, bg) in mark_pairs(palette).items()
               if contrast_ratio(fg, bg) < MARK_CONTRAST}
    assert not failing, f"{name}: below 3:1: {failing}"


def test_contrast_ratio_matches_the_wcag_examples(qapp):
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#0000ff"), QColor("#353535")) < 1.6  # the dark GTK link the app must not keep


def test_readable_darkens_or_lightens_until_it_passes(qapp):
    grey = QColor("#999999")
    assert contrast_ratio(readable(grey, [QColor("#ffffff")]), QColor("#ffffff")) >= TEXT_CONTRAST
    assert contrast_ratio(readable(QColor("#0000ff"), [QColor("#2d2d2d")]), QColor("#2d2d2d")) >= TEXT_CONTRAST
    assert readable(QColor("#1f2328"), [QColor("#ffffff")]).name() == "#1f2328"  # already fine: unchanged


def test_the_system_palette_keeps_its_colours_but_gets_readable_links(qapp):
    system = gtk_dark_palette()
    fixed = accessible(system)
    assert fixed.color(Role.Window) == system.color(Role.Window)
    assert fixed.color(Role.Text) == system.color(Role.Text)
    assert contrast_ratio(fixed.color(Role.Link), fixed.color(Role.Base)) >= TEXT_CONTRAST


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_switching_theme_recolours_the_article_link(qtbot, choice, tmp_path):
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_main_window
    from tests.desktop.records import article

    window = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(window)
    try:
        window.set_theme(choice)
        window.article.set_article(article())
        qtbot.waitUntil(lambda: window.article.palette().color(Role.Base) == QApplication.palette().color(Role.Base))
        base = window.article.palette().color(Role.Base)
        sheet = window.article.document().defaultStyleSheet()
        link = QColor(sheet.split("a {")[1].split("color:")[1].split(";")[0].strip())
        assert contrast_ratio(link, base) >= TEXT_CONTRAST
        assert window.actions_.themes[choice].isChecked()
        assert window.settings.theme() == choice
        dark = base.lightness() < 128
        assert dark == (choice == "dark")
    finally:
        window.set_theme("system")


def test_the_system_choice_restores_the_starting_look(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_main_window

    start_palette, start_style = appearance.system_look(QApplication.instance())
    window = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(window)
    window.set_theme("dark")
    window.set_theme("system")
    assert QApplication.style().name().lower() == start_style.lower()
    assert QApplication.palette().color(Role.Window) == start_palette.color(Role.Window)
