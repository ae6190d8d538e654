"""Widget-test fixtures: settings in a temporary folder, saved pages written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def temp_qsettings(tmp_path: Path):
    """QSettings() anywhere in the app writes an INI file under this test's folder."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


QUOTE_LINES = [
    ("AIRLINK", 165.36, -10.19, -5.8),
    ("BOP", 10.39, -0.62, -5.63),
    ("OGDC", 213.07, 13.70, 6.87),
    ("SILK", 1.15, 0.0, 0.0),
    ("TRG", 60.93, -5.07, -7.68),
    ("PPL", 174.79, 2.13, 1.23),
]


def quote_line(symbol: str, price: float, change: float, percent: float) -> str:
    if change > 0:
        return f"{symbol} {price:.2f} Increased By ▲ {change:.2f} ({percent:g}%)"
    if change < 0:
        return f"{symbol} {price:.2f} Decreased By ▼ {change:.2f} ({percent:g}%)"
    return f"{symbol} {price:.2f} No Change ▼ 0.00 (0%)"


def text_page(title: str, body_word: str = "cement", quotes: list[tuple[str, float, float, float]] | None = None) -> str:
    """A page as a browser's select-all and copy gives it, in the Business Recorder layout."""
    lines = [quote_line(*q) for q in (QUOTE_LINES if quotes is None else quotes)]
    lines += ["KSE100 114,909 Decreased By -3882.2 (-3.27%)", "Markets", "", title, ""]
    lines += [f"KARACHI: {title} as traders weighed the outlook...", "Published January 13, 2025", ""]
    lines += [
        f"KARACHI: {title} as traders weighed the outlook for the {body_word} sector on Monday afternoon.",
        "",
        "Analysts said volumes were thin and investors stayed on the sidelines ahead of the policy meeting.",
        "",
        "The benchmark index closed lower after a volatile session in which banks led the decline.",
        "",
        "Comments",
        "",
        "200 characters",
    ]
    return "\n".join(lines)


@pytest.fixture
def write_page(tmp_path: Path):
    """write_page("name.txt", title=..., body_word=...) -> path of a saved text page."""
    folder = tmp_path / "saved"
    folder.mkdir(exist_ok=True)

    def write(name: str, **kwargs: object) -> Path:
        path = folder / name
        path.write_text(text_page(**kwargs), encoding="utf-8")  # type: ignore[arg-type]
        return path

    return write
