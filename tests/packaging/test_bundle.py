"""The PyInstaller bundle: build it once, then run the built executable headless."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.paths import ROOT

pytest.importorskip("PyInstaller", reason="pyinstaller is not installed (it comes with the test extra)")

pytestmark = pytest.mark.slow

SPEC = ROOT / "packaging" / "market-reader.spec"
SAMPLE = ROOT / "resources" / "samples" / "business-recorder-sample.html"
PDF = ROOT / "tests" / "fixtures" / "forms" / "pdf" / "br-story.pdf"
EXE_NAME = "market-reader.exe" if sys.platform == "win32" else "market-reader"
# Packages whose modules the window imports; the stdlib is left to PyInstaller's own checks.
APP_PACKAGES = {
    "desktop", "parsing", "resources", "PySide6", "shiboken6", "pyqtgraph", "numpy", "sqlite_utils",
    "sqlite_fts4", "selectolax", "charset_normalizer", "platformdirs",
}

# Left out on purpose (see the spec): pyqtgraph tries these and carries on without them. PySide6.support is
# the binding's own signature machinery, which PyInstaller's PySide6 hook provides in its own way.
KNOWN_ABSENT = ("PySide6.QtSvg", "PySide6.QtTest", "PySide6.support")


class Build(NamedTuple):
    dist: Path  # the bundle folder, dist/market-reader
    work: Path  # PyInstaller's work folder, with its tables of contents


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The bundle, built from this tree into a temporary dist/work pair (once per session)."""
    out = tmp_path_factory.mktemp("bundle")
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
        "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(SPEC),
    ]
    build = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, f"PyInstaller failed:\n{build.stderr[-4000:]}"
    return Build(out / "dist" / "market-reader", out / "work" / "market-reader")


@pytest.fixture(scope="session")
def bundle(build: Build) -> Path:
    return build.dist


def run_bundled(bundle: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MARKET_READER_LIBRARY": str(home / "library.db"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [str(bundle / EXE_NAME), *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )


def test_executable_sits_where_make_package_promises(bundle: Path):
    assert (bundle / EXE_NAME).is_file()
    assert os.access(bundle / EXE_NAME, os.X_OK)


def test_version_matches_the_installed_distribution(bundle: Path, tmp_path: Path):
    result = run_bundled(bundle, "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"market-reader {version('market-reader')}"


def test_parse_help_is_bundled(bundle: Path, tmp_path: Path):
    result = run_bundled(bundle, "parse", "--help", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--json" in result.stdout


def test_parse_json_of_the_bundled_sample_matches_the_source_tree(bundle: Path, tmp_path: Path):
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE.name} is not in resources/samples yet")
    bundled_sample = next(bundle.rglob(f"resources/samples/{SAMPLE.name}"), None)
    assert bundled_sample is not None, "the sample page is missing from the bundle"

    result = run_bundled(bundle, "parse", "--json", str(bundled_sample), home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["ok"] is True

    import parsing  # the same parse, in this interpreter, from the source tree

    expected = json.loads(json.dumps(parsing.parse_file(SAMPLE).to_json(), ensure_ascii=False))
    assert record["page"] == expected
    assert record["page"]["quotes"], "the sample page has ticker quotes"


def test_a_printed_pdf_is_read_by_the_bundle(bundle: Path, tmp_path: Path):
    """PDFium is loaded only for PDFs, so the window's imports do not show whether it was bundled."""
    result = run_bundled(bundle, "parse", "--json", str(PDF), home=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)

    import parsing

    assert record["page"] == json.loads(json.dumps(parsing.parse_file(PDF).to_json(), ensure_ascii=False))
    assert record["page"]["format"] == "pdf" and record["page"]["paragraphs"]


def test_pdfium_licences_travel_with_it(bundle: Path):
    licences = {path.name for path in bundle.rglob("licenses/pypdfium2/**/*") if path.is_file()}
    assert {"pdfium.txt", "freetype.txt", "libjpeg_turbo.md", "libopenjpeg.txt", "lcms.txt", "icu.txt"} <= licences


def test_bundle_leaves_out_unused_qt_parts(bundle: Path):
    names = {path.name for path in bundle.rglob("*")}
    assert not any(name.startswith(("QtQml", "QtQuick", "QtWebEngine")) for name in names)
    assert not any(path.suffix == ".qm" for path in bundle.rglob("*.qm")), "Qt translations are not shipped"
    gtk = sorted(name for name in names if name.startswith(("libqgtk3", "libgtk-3", "libgdk-3", "libcairo")))
    assert not gtk, f"the GTK theme plugin and its libraries are left out: {gtk}"


def modules_the_window_imports() -> set[str]:
    code = "import sys, desktop.app, desktop.gui.main_window, desktop.gui.single_instance; print(*sys.modules)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {name for name in result.stdout.split() if name.split(".")[0] in APP_PACKAGES}


def bundled_modules(work: Path) -> set[str]:
    _archive, pure = ast.literal_eval((work / "PYZ-00.toc").read_text(encoding="utf-8"))
    (collected,) = ast.literal_eval((work / "COLLECT-00.toc").read_text(encoding="utf-8"))
    extensions = {
        dest.replace("\\", "/").split(".")[0].replace("/", ".") for dest, _src, kind in collected if kind == "EXTENSION"
    }
    return {name for name, _src, _kind in pure} | extensions


def test_every_module_the_window_imports_is_bundled(build: Build):
    missing = {
        name
        for name in modules_the_window_imports() - bundled_modules(build.work)
        if not any(name == absent or name.startswith(absent + ".") for absent in KNOWN_ABSENT)
    }
    assert not missing, f"left out of the bundle: {sorted(missing)}"
