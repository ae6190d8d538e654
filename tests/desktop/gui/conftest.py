"""Widget-test fixtures: settings in a temporary folder, saved pages written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.textpages import text_page


@pytest.fixture(autouse=True)
def temp_qsettings(tmp_path: Path):
    """QSettings() anywhere in the app writes an INI file under this test's folder."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


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
