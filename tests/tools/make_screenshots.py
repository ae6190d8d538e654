"""Save screenshots of the window for the README: empty state, a page sorted by biggest losers, dark mode.

Run with `make screenshots` (offscreen) or under Xvfb for a real window manager frame.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "screenshots"


def wait_until(app: object, condition: object, limit_ms: int = 30_000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QThread

    deadline = QDeadlineTimer(limit_ms)
    while not condition() and not deadline.hasExpired():  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        QThread.msleep(10)


def dark_palette() -> object:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#1f2328", QPalette.ColorRole.WindowText: "#e6edf3",
        QPalette.ColorRole.Base: "#161b22", QPalette.ColorRole.AlternateBase: "#1c2129",
        QPalette.ColorRole.Text: "#e6edf3", QPalette.ColorRole.Button: "#2d333b",
        QPalette.ColorRole.ButtonText: "#e6edf3", QPalette.ColorRole.Highlight: "#388bfd",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#8b949e",
        QPalette.ColorRole.Mid: "#444c56", QPalette.ColorRole.Link: "#58a6ff",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette


def import_history(app: object, window: object, folder: Path, days: int = 8) -> None:
    """Several saved pages a day apart, so the market view and a symbol's history have something to show."""
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from pagegen import br_article_html

    pages = folder / "history"
    pages.mkdir()
    for day in range(days):
        path = pages / f"day-{day}.html"
        path.write_bytes(br_article_html(day + 1, size_kb=40))
        moment = 1_736_000_000 + day * 86_400
        os.utime(path, (moment, moment))
    done: list[object] = []
    window.import_finished.connect(done.append)  # type: ignore[attr-defined]
    window.import_paths([pages])  # type: ignore[attr-defined]
    wait_until(app, lambda: bool(done))


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.gui.app import create_main_window, ensure_app

    app = ensure_app()
    assert isinstance(app, QApplication)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        window = create_main_window(Path(tmp) / "library.db")
        window.resize(1440, 860)
        window.show()
        wait_until(app, lambda: window.pages.count_label.text() != "")
        window.grab().save(str(OUT / "empty.png"))
        window.import_sample()
        wait_until(app, lambda: window.current_page_id() is not None)
        window.quotes.show_biggest_losers()
        window.quotes.select_row(0)
        app.processEvents()
        window.grab().save(str(OUT / "page.png"))
        import_history(app, window, Path(tmp))
        window.tabs.setCurrentWidget(window.market)
        wait_until(app, lambda: window.market.grid.model.rowCount() > 0)
        window.market.show_losers()
        app.processEvents()
        window.grab().save(str(OUT / "market.png"))
        symbol = window.market.grid.model.quote_at(0).symbol
        window.show_history(symbol)
        wait_until(app, lambda: getattr(window, "history_dialog", None) is not None)
        window.history_dialog.resize(900, 640)
        app.processEvents()
        window.history_dialog.grab().save(str(OUT / "history.png"))
        window.history_dialog.close()
        window.tabs.setCurrentWidget(window.quotes)
        app.setPalette(dark_palette())
        app.processEvents()
        window.grab().save(str(OUT / "dark.png"))
        window.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
