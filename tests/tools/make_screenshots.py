"""Save screenshots of the window for the README: empty library, a page, the market view, a history, the dark
theme and the find bar — with fresh settings, the way a new user meets the app.

Run with `make screenshots` (offscreen). tests/tools/xvfb_screenshots.py takes the same window on a real X
display with a window manager at small screen sizes.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "screenshots"
SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96,
          "dpr": 1}  # the smallest common laptop screen; a fresh window sizes itself to fit it
SIZE = (1366, 740)  # the window's content on that screen under a window manager's title bar


def offscreen_screen() -> None:
    """Give the offscreen platform a 1366×768 screen (its default is 800×600)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        config = Path(tempfile.mkstemp(suffix=".json")[1])
        config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def wait_until(app: object, condition: object, limit_ms: int = 30_000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QThread

    deadline = QDeadlineTimer(limit_ms)
    while not condition() and not deadline.hasExpired():  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        QThread.msleep(10)


def settle(app: object, rounds: int = 20) -> None:
    from PySide6.QtCore import QThread

    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]
        QThread.msleep(5)


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
    wait_until(app, lambda: bool(done) and not window.background.busy())  # type: ignore[attr-defined]


def shoot(window: object, name: str) -> None:
    window.grab().save(str(OUT / name))  # type: ignore[attr-defined]


def main() -> int:
    offscreen_screen()
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
        window.resize(*SIZE)
        window.show()
        wait_until(app, lambda: window.pages.count_label.text() != "")
        shoot(window, "empty.png")
        import_history(app, window, Path(tmp))
        window.import_sample()
        wait_until(app, lambda: window.current_page_id() is not None and not window.importing())
        wait_until(app, lambda: window.pages.model.rowCount() == 9 and not window.background.busy())
        sample = next(r for r in range(9) if "fertiliser" in (window.pages.model.page_at(r).title or ""))
        window.pages.select_row(sample)
        window.quotes.show_biggest_losers()
        window.quotes.select_row(0)
        window.pages.view.setFocus()
        settle(app)
        shoot(window, "page.png")
        window.tabs.setCurrentWidget(window.market)
        wait_until(app, lambda: window.market.grid.model.rowCount() > 0)
        window.market.show_losers()
        window.market.grid.view.setFocus()
        settle(app)
        shoot(window, "market.png")
        symbol = window.market.grid.model.quote_at(0).symbol
        window.show_history(symbol)
        wait_until(app, lambda: getattr(window, "history_dialog", None) is not None)
        window.history_dialog.resize(900, 620)
        settle(app)
        window.history_dialog.grab().save(str(OUT / "history.png"))
        window.history_dialog.close()
        window.tabs.setCurrentWidget(window.quotes)
        window.find_in_article()
        for key in "shares":
            window.article_pane.find_bar.box.insert(key)
        window.find_step(True)
        settle(app)
        shoot(window, "find.png")
        window.article_pane.find_bar.close_bar()
        window.set_theme("dark")
        window.pages.view.setFocus()
        settle(app)
        shoot(window, "dark.png")
        window.set_theme("system")
        window.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
