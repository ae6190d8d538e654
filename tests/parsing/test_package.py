"""The parsing package stands alone: no Qt, no database, the public names in place."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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


def _imports(module_path: Path) -> set[str]:
    """Every module a source file imports (absolute imports, as the project writes them)."""
    tree = ast.parse(module_path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(("package", "forbidden"), [
    ("sources", ("parsing.extract",)),  # a saved form is read without knowing what is extracted from it
    ("html", ("parsing.extract", "parsing.sources")),  # markup helpers serve both, know neither
    ("sites", ("parsing.extract", "parsing.sources", "parsing.html")),  # facts only
])
def test_parsing_layers_import_only_downwards(package: str, forbidden: tuple[str, ...]):
    for path in sorted((ROOT / "parsing" / package).glob("*.py")):
        bad = {name for name in _imports(path) if name.startswith(forbidden)}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
