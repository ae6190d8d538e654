"""Walking the paths a user gives: page types only from folders, loops and dead links reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.library import iter_page_files


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_folder_is_walked_for_page_types_only(tmp_path: Path) -> None:
    for name in ("a.html", "b.HTM", "c.xhtml", "d.mhtml", "e.mht", "f.txt", "sub/deep/g.html"):
        _touch(tmp_path / name)
    for name in ("photo.png", "notes.pdf", "script.js"):
        _touch(tmp_path / name)
    found = list(iter_page_files([tmp_path]))
    assert all(problem is None for _path, problem in found)
    assert sorted(p.relative_to(tmp_path).as_posix() for p, _ in found) == [
        "a.html", "b.HTM", "c.xhtml", "d.mhtml", "e.mht", "f.txt", "sub/deep/g.html",
    ]


def test_explicit_file_is_always_offered(tmp_path: Path) -> None:
    odd = _touch(tmp_path / "capture.dat")
    assert list(iter_page_files([odd])) == [(odd, None)]


def test_companion_images_folder_is_not_walked(tmp_path: Path) -> None:
    _touch(tmp_path / "story.html")
    _touch(tmp_path / "story_files" / "frame.html")
    _touch(tmp_path / "orphan_files" / "kept.html")
    names = sorted(p.name for p, _ in iter_page_files([tmp_path]))
    assert names == ["kept.html", "story.html"]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    [(path, problem)] = list(iter_page_files([tmp_path / "nope"]))
    assert path == tmp_path / "nope" and problem == "no such file or folder"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loop_and_dead_link_are_reported(tmp_path: Path) -> None:
    _touch(tmp_path / "top" / "a.html")
    (tmp_path / "top" / "loop").symlink_to(tmp_path / "top")
    (tmp_path / "top" / "dead.html").symlink_to(tmp_path / "gone.html")
    found = dict(iter_page_files([tmp_path / "top"]))
    assert found[tmp_path / "top" / "a.html"] is None
    assert "symbolic link" in found[tmp_path / "top" / "loop"]
    assert found[tmp_path / "top" / "dead.html"] == "broken symbolic link"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions to apply")
def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    _touch(locked / "a.html")
    locked.chmod(0)
    try:
        found = dict(iter_page_files([tmp_path]))
    finally:
        locked.chmod(0o700)
    assert "cannot open folder" in found[locked]
