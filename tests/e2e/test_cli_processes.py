"""The command as a separate process: a terminal, a closed pipe, undecodable arguments, pipes in a folder."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desktop.library.helpers import write_hostile, write_pages
from tests.paths import ROOT

SAMPLE = ROOT / "resources" / "samples" / "business-recorder-sample.html"


def run(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "desktop", "--library", str(library), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_parse_json_from_the_installed_command(tmp_path: Path) -> None:
    bad = tmp_path / "image.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    command = [str(Path(sys.executable).with_name("market-reader")), "parse", "--json", str(SAMPLE), str(bad)]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "desktop", *command[1:]]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert result.returncode == 1
    good, failed = (json.loads(line) for line in result.stdout.splitlines())
    assert good["ok"] is True and len(good["page"]["quotes"]) == 34
    assert failed == {"path": str(bad), "ok": False, "error": "This is a PNG image, not a saved web page."}


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    pages = write_pages(tmp_path / "drop", 3)
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "desktop", "--library", str(tmp_path / "l.db"), "import", *map(str, pages)]
    with subprocess.Popen(command, stdout=terminal, stderr=subprocess.PIPE, cwd=ROOT) as child:
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    os.close(controller)
    assert child.returncode == 0
    assert b"\r\x1b[K[" in seen and b"3/3" in seen
    piped = run(tmp_path / "l2.db", "import", *map(str, pages))
    assert "\r" not in piped.stdout and "3 imported" in piped.stdout


@pytest.mark.skipif(os.name != "posix", reason="needs FIFOs and /dev/zero")
def test_import_skips_pipes_devices_and_loops_without_failing(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    good = write_pages(folder, 2)
    os.mkfifo(folder / "pipe.html")
    (folder / "z.html").symlink_to("/dev/zero")
    (folder / "loop").symlink_to(folder)
    library = tmp_path / "library.db"
    result = run(library, "import", str(folder))  # the subprocess timeout fails the test if a read blocks
    assert result.returncode == 0, result.stderr
    assert "2 imported, 0 already in library, 0 failed, 3 skipped" in result.stdout
    assert result.stderr.count("skipped") == 3 and "not a regular file" in result.stderr
    as_json = run(tmp_path / "other.db", "import", "--json", str(folder))
    statuses = {Path(r["path"]).name: r["status"] for r in map(json.loads, as_json.stdout.splitlines())}
    assert as_json.returncode == 0
    assert statuses == {**{p.name: "imported" for p in good}, "pipe.html": "skipped", "z.html": "skipped",
                        "loop": "skipped"}
    named = run(library, "import", "/dev/zero", str(folder / "pipe.html"))
    assert named.returncode == 1 and named.stdout.count("not a regular file") == 2


@pytest.mark.parametrize("as_json", [True, False])
def test_import_finishes_when_its_output_pipe_is_closed(tmp_path: Path, as_json: bool) -> None:
    pages = write_pages(tmp_path / "drop", 5)
    bad = write_hostile(tmp_path / "drop")
    library = tmp_path / "library.db"
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -0`: the first line written meets a closed pipe
    command = [sys.executable, "-m", "desktop", "--library", str(library), "import",
               *(["--json"] if as_json else []), "-j", "1", str(tmp_path / "drop")]
    try:
        result = subprocess.run(command, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT)
    finally:
        os.close(write_end)
    assert result.returncode == 1 and "Traceback" not in result.stderr  # hostile files failed: exit 1
    connection = sqlite3.connect(library)
    stored = connection.execute("SELECT count(*) FROM pages").fetchone()[0]
    connection.close()
    assert stored == len(pages) and len(bad) == 4
    good_only = run(tmp_path / "second.db", "import", str(pages[0]))
    assert good_only.returncode == 0


def test_parse_and_version_leave_the_database_layer_unloaded() -> None:
    """Reading saved pages needs no library: sqlite-utils (which brings numpy) and the package metadata are
    loaded only by the commands that use them, so `parse` starts in a fraction of the time."""
    probe = (
        "import sys, contextlib, io\n"
        "from desktop.cli import run_command\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = run_command(['parse', '--json', {str(SAMPLE)!r}])\n"
        "assert status == 0 and '\"ok\": true' in out.getvalue(), out.getvalue()[:200]\n"
        "print(sorted(name for name in ('sqlite_utils', 'numpy', 'importlib.metadata', 'desktop.library.library')"
        " if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_version_is_printed_on_stdout() -> None:
    result = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.startswith("market-reader ") and result.stdout.strip().split()[-1][0].isdigit()
