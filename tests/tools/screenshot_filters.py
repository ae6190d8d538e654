"""Save the screenshot of the page list's filters in use: Unread and a tag, with a search, and the counts.

Run with `make screenshots` (offscreen), or under Xvfb for a real window frame.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.tools.make_screenshots import OUT, SIZE, import_history, offscreen_screen, wait_until  # noqa: E402


def main() -> int:
    offscreen_screen()  # the window at a laptop's size, as a new user first sees it
    from PySide6.QtCore import QSettings

    from desktop.gui.app import create_main_window, ensure_app
    from desktop.library import Library

    app = ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        window = create_main_window(Path(tmp) / "library.db")
        window.resize(*SIZE)
        window.show()
        import_history(app, window, Path(tmp), days=12)
        with Library(Path(tmp) / "library.db") as library:
            ids = library.page_ids("quotes_as_of", False)
            library.set_read(ids[:5])
            library.set_starred([ids[6], ids[9]])
            library.add_tags(ids[3:10], ["Watch list"])
            library.add_tags(ids[:4], ["Budget"])
            library.set_note(ids[9], "Compare the cement makers with last week's close.")
        window.pages.reload(select_page=ids[9])
        wait_until(app, lambda: window.pages.filters.tag.count() == 3)
        window.pages.filters.unread.setChecked(True)
        window.pages.filters.tag.setCurrentText("Watch list")
        wait_until(app, lambda: window.pages.model.rowCount() == 5)
        window.pages.select_page(ids[9])
        wait_until(app, lambda: window.current_page_id() == ids[9])
        app.processEvents()
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / "filters.png"))
        window.close()
    print(f"screenshot written to {OUT / 'filters.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
