"""Walking the paths a user gives: every file of a folder but a page's companion folder; loops and dead links
reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.library import iter_page_files
from desktop.library.files import claims_page, find_files


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_every_file_of_a_folder_is_offered_whatever_its_name(tmp_path: Path) -> None:
    names = ["a.html", "b.HTM", "c.mhtml", "d.txt", "e.pdf", "f.zip", "g.warc.gz", "photo.png", "script.js",
             "sub/deep/g.html", "sub/saved"]
    for name in names:
        _touch(tmp_path / name)
    found = list(find_files([tmp_path]))
    assert all(item.problem is None and item.in_folder for item in found)
    assert sorted(item.path.relative_to(tmp_path).as_posix() for item in found) == sorted(names)


def test_explicit_file_is_always_offered(tmp_path: Path) -> None:
    odd = _touch(tmp_path / "capture.dat")
    assert list(iter_page_files([odd])) == [(odd, None)]
    assert [item.in_folder for item in find_files([odd])] == [False]


@pytest.mark.parametrize("suffix", ["_files", "-Dateien", "_fichiers", "_archivos", ".files"])
def test_companion_folder_belongs_to_its_page(tmp_path: Path, suffix: str) -> None:
    _touch(tmp_path / "story.html")
    _touch(tmp_path / f"story{suffix}" / "frame.html")
    _touch(tmp_path / f"story{suffix}" / "photo.png")
    _touch(tmp_path / "orphan_files" / "kept.html")  # no orphan.html beside it: an ordinary folder
    _touch(tmp_path / "story extras" / "other.html")  # named after the page, but no companion suffix
    names = sorted(p.name for p, _ in iter_page_files([tmp_path]))
    assert names == ["kept.html", "other.html", "story.html"]


def test_a_page_named_in_capitals_keeps_its_companion_folder(tmp_path: Path) -> None:
    _touch(tmp_path / "STORY.HTM")  # old Windows programs wrote 8.3 names in capitals
    _touch(tmp_path / "STORY_files" / "frame.html")
    _touch(tmp_path / "Budget.Html")
    _touch(tmp_path / "Budget_files" / "photo.png")
    assert sorted(p.name for p, _ in iter_page_files([tmp_path])) == ["Budget.Html", "STORY.HTM"]


def test_a_companion_folder_whose_name_a_mac_decomposed_still_belongs(tmp_path: Path) -> None:
    _touch(tmp_path / "Caf\u00e9.html")
    _touch(tmp_path / "Cafe\u0301_files" / "frame.html")  # the same name, decomposed (NFD)
    assert [p.name for p, _ in iter_page_files([tmp_path])] == ["Caf\u00e9.html"]


@pytest.mark.parametrize(("name", "claims"), [
    ("a.html", True), ("a.MHT", True), ("a.txt", True), ("a.warc.gz", True), ("a.webarchive", True),
    ("a.pdf", False), ("a.zip", False), ("a.gz", False), ("photo.png", False), ("README", False),
])
def test_names_that_claim_a_saved_page(name: str, claims: bool) -> None:
    assert claims_page(Path(name)) is claims


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


def test_a_folder_of_saved_pages_is_walked_though_a_page_beside_it_loads_from_it(tmp_path: Path) -> None:
    """A front page that shows a picture kept among the stories it links to, or names their folder in a <link>
    (another language's edition): the stories are pages of their own, not the front page's resources."""
    _touch(tmp_path / "index.html", '<img src="markets/kse.jpg"><link rel="alternate" hreflang="ur" href="urdu/a.html">')
    _touch(tmp_path / "markets" / "kse.jpg")
    _touch(tmp_path / "markets" / "stocks-rally.html")
    _touch(tmp_path / "markets" / "rupee-gains.mhtml")
    _touch(tmp_path / "urdu" / "a.html")
    names = sorted(p.name for p, problem in iter_page_files([tmp_path]) if problem is None)
    assert names == ["a.html", "index.html", "kse.jpg", "rupee-gains.mhtml", "stocks-rally.html"]


def test_a_renamed_companion_folder_is_known_by_the_page_that_loads_from_it(tmp_path: Path) -> None:
    """The page's images, frames or stylesheet come from it (any name); a folder it only links to, or one with
    folders inside (a mirrored site), is walked; a pipe named like a page beside it never blocks the walk."""
    _touch(tmp_path / "story.html", '<link rel="stylesheet" href="./my%20pictures/s.css"><a href="more/b.html">'
                                    '<img src="site/logo.png"><iframe src="my%20pictures/frame.html"></iframe>')
    _touch(tmp_path / "my pictures" / "frame.html")
    _touch(tmp_path / "my pictures" / "s.css")
    _touch(tmp_path / "more" / "b.html")
    _touch(tmp_path / "site" / "logo.png")
    _touch(tmp_path / "site" / "news" / "c.html")
    os.mkfifo(tmp_path / "waiting.html")
    names = sorted(p.name for p, problem in iter_page_files([tmp_path]) if problem is None)
    assert names == ["b.html", "c.html", "logo.png", "story.html"]
