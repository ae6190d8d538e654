"""The parsing package stands alone: no Qt, no database, the public names in place."""

from __future__ import annotations

import subprocess
import sys

import parsing
from tests.paths import ROOT


def test_parsing_imports_neither_qt_nor_sqlite():
    code = (
        "import sys, parsing\n"
        "parsing.parse_file('resources/samples/business-recorder-sample.html')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlite3', 'sqlite_utils', 'desktop')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_public_names():
    assert isinstance(parsing.PARSER_VERSION, int)
    assert callable(parsing.parse_file) and callable(parsing.parse_bytes)
    assert issubclass(parsing.ParseError, Exception)


def test_parse_file_reads_the_path_and_parse_bytes_agrees(tmp_path):
    path = tmp_path / "page.html"
    data = (ROOT / "resources" / "samples" / "business-recorder-sample.html").read_bytes()
    path.write_bytes(data)
    assert parsing.parse_file(str(path)) == parsing.parse_bytes(data, "page.html")
