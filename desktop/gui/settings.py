"""Typed access to the window's remembered state (QSettings); a value that fails to load falls back."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.gui.theme import THEMES, ThemeChoice

READING_POSITIONS_KEPT = 500  # pages whose reading position is remembered (the most recently read)


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int) -> int:
        value = self._s.value(key, default)
        try:
            return int(value) if isinstance(value, (int, str, float)) else default
        except ValueError:
            return default

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"window/splitter/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"window/splitter/{name}", value)

    def sort(self, name: str, default: tuple[int, int]) -> tuple[int, int]:
        return self._int(f"sort/{name}/column", default[0]), self._int(f"sort/{name}/order", default[1])

    def set_sort(self, name: str, column: int, order: int) -> None:
        self._s.setValue(f"sort/{name}/column", column)
        self._s.setValue(f"sort/{name}/order", order)

    def last_page(self) -> int | None:
        value = self._int("library/last_page", -1)
        return value if value >= 0 else None

    def set_last_page(self, page_id: int | None) -> None:
        self._s.setValue("library/last_page", -1 if page_id is None else page_id)

    def article_zoom(self) -> int:
        return self._int("article/zoom", 0)

    def set_article_zoom(self, steps: int) -> None:
        self._s.setValue("article/zoom", steps)

    def hidden_page_columns(self) -> set[int] | None:
        """The page list's hidden columns (None: never chosen, the list's own default applies)."""
        value = self._s.value("pages/hidden_columns")
        if not isinstance(value, str):
            return None
        return {int(part) for part in value.split(",") if part.strip().isdigit()}

    def set_hidden_page_columns(self, columns: list[int]) -> None:
        self._s.setValue("pages/hidden_columns", ",".join(map(str, columns)))

    def theme(self) -> ThemeChoice:
        value = self._s.value("view/theme", "system")
        return next((choice for choice in THEMES if choice == value), "system")

    def set_theme(self, choice: ThemeChoice) -> None:
        self._s.setValue("view/theme", choice)

    def _folder(self, key: str) -> Path | None:
        """The folder kept under ``key``, if it still exists."""
        value = self._s.value(key)
        folder = Path(value) if isinstance(value, str) and value else None
        return folder if folder is not None and folder.is_dir() else None

    def export_folder(self) -> Path | None:
        """The folder of the last export, if it still exists."""
        return self._folder("export/folder")

    def set_export_folder(self, folder: Path) -> None:
        self._s.setValue("export/folder", str(folder))

    def import_folder(self) -> Path | None:
        """The folder the last Open… or Import Folder… chose from, if it still exists."""
        return self._folder("import/folder")

    def set_import_folder(self, folder: Path) -> None:
        self._s.setValue("import/folder", str(folder))

    def reading_positions(self) -> dict[str, int]:
        """Where each page was left: the character at the top of the article panel, by content hash."""
        value = self._s.value("reading/positions", "{}")
        try:
            loaded = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            return {}
        if not isinstance(loaded, dict):
            return {}
        return {str(k): v for k, v in loaded.items() if isinstance(v, int) and not isinstance(v, bool) and v >= 0}

    def set_reading_position(self, key: str, position: int) -> None:
        """Remember ``position`` for page ``key``; the oldest entries are dropped past the limit."""
        positions = self.reading_positions()
        positions.pop(key, None)
        if position > 0:
            positions[key] = position
        kept = dict(list(positions.items())[-READING_POSITIONS_KEPT:])
        self._s.setValue("reading/positions", json.dumps(kept))

    def sync(self) -> None:
        self._s.sync()
