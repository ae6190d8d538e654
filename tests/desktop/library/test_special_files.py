"""Pipes, devices and link loops among saved pages: never read, reported, and the good files still import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.library import Library, Skipped, iter_page_files, reading
from tests.desktop.library.helpers import write_pages

pytestmark = pytest.mark.skipif(os.name != "posix" or not Path("/dev/zero").exists(), reason="needs POSIX")


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Two good pages, a FIFO and a link to /dev/zero, all with page names."""
    folder = tmp_path / "drop"
    write_pages(folder, 2)
    os.mkfifo(folder / "pipe.html")
    (folder / "z.html").symlink_to("/dev/zero")
    return folder


def test_pipes_and_devices_in_a_folder_are_skipped(mixed: Path) -> None:
    found = dict(iter_page_files([mixed]))
    for name in ("pipe.html", "z.html"):
        assert "not a regular file" in found[mixed / name]
        assert isinstance(found[mixed / name], Skipped)
    assert [found[mixed / f"page_000{i}.html"] for i in range(2)] == [None, None]


def test_pipes_and_devices_named_directly_are_failures(mixed: Path) -> None:
    for path in (mixed / "pipe.html", Path("/dev/zero"), mixed / "z.html"):
        [(_, problem)] = list(iter_page_files([path]))
        assert "not a regular file" in problem and not isinstance(problem, Skipped)


def test_import_reads_the_good_files_and_skips_the_rest(mixed: Path, lib: Library) -> None:
    results = {Path(r.path).name: r for r in lib.import_paths([mixed])}
    assert [results[f"page_000{i}.html"].status for i in range(2)] == ["imported", "imported"]
    assert results["pipe.html"].status == results["z.html"].status == "skipped"
    assert "not a regular file" in results["pipe.html"].message


def test_reading_a_pipe_or_device_directly_is_refused(mixed: Path, lib: Library) -> None:
    for path in (mixed / "pipe.html", mixed / "z.html", Path("/dev/zero")):
        result = lib.import_file(path)
        assert result.status == "failed" and "not a regular file" in result.message


def test_never_reads_past_the_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 99)
    assert reading.read_capped(path) == reading.TOO_LARGE
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    raw, info = reading.read_capped(path)
    assert raw == b"x" * 100 and info.st_size == 100


def test_link_loops_are_skipped_not_failed(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "top"
    [good] = write_pages(folder, 1)
    (folder / "loop").symlink_to(folder)
    (folder / "self.html").symlink_to(folder / "self.html")
    results = {Path(r.path).name: r for r in lib.import_paths([folder])}
    assert results[good.name].status == "imported"
    assert results["loop"].status == results["self.html"].status == "skipped"
    assert "symbolic link" in results["loop"].message and "loop" in results["self.html"].message
