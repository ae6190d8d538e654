"""The ground every feature stands on: entry point, window, package boundaries, the Qt wheel."""

from __future__ import annotations

import socket
import subprocess
import sys
from importlib.metadata import version

import pytest

from desktop.app import create_main_window


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=120
    )


def test_version_comes_from_package_metadata():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"market-reader {version('market-reader')}"


def test_help_lists_usage():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "usage: market-reader" in result.stdout
    assert "--library" in result.stdout


def test_window_is_created_and_shown(qtbot, tmp_path):
    window = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.objectName() == "mainWindow"
    assert window.windowTitle().startswith("Market Reader")
    assert window.isVisible()


@pytest.mark.parametrize("module", ["parsing", "desktop.library", "desktop.cli"])
def test_module_does_not_import_qt(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_parsing_does_not_import_the_database():
    code = "import sys, parsing; sys.exit(1 if {'sqlite3', 'sqlite_utils'} & set(sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_qt_survives_many_void_calls():
    """PySide6-Essentials 6.12.0 on Python 3.11 aborts after ~5,200 void calls; a bad wheel must fail here."""
    code = (
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for i in range(20_000):\n"
        "    label.setText(str(i))\n"
        "print(label.text())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, f"Qt aborted after void calls: {result.stderr[-500:]}"
    assert result.stdout.strip() == "19999"


def test_network_is_blocked_in_tests():
    with socket.socket() as sock, pytest.raises(AssertionError, match="network"):
        sock.connect(("93.184.216.34", 80))
