"""A "Webpage, Complete" save's images: by the relative path the page uses, whatever its folder is called."""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

import parsing
from parsing.sources.files import from_companion
from tests.parsing.sources.saved import FORMS, IMAGES, content, html_form

CHROMIUM_SAVE = FORMS / "complete" / "en"
PHOTO = IMAGES["br-long"].read_bytes()


def _save(tmp_path: Path, folder: str, page: str = "br-long.html") -> Path:
    """The real Chromium save, with its folder renamed as another browser or language would call it."""
    html = (CHROMIUM_SAVE / "br-long.html").read_text(encoding="utf-8").replace("br-long_files", folder)
    (tmp_path / page).write_text(html, encoding="utf-8")
    shutil.copytree(CHROMIUM_SAVE / "br-long_files", tmp_path / folder)
    return tmp_path / page


def test_chromium_save_reads_like_the_served_page():
    page = parsing.parse_file(CHROMIUM_SAVE / "br-long.html")
    assert [image.data for image in page.images] == [PHOTO]
    assert content(page) == content(html_form("br-long"))


@pytest.mark.parametrize("folder", ["br-long-Dateien", "br-long_fichiers", "br-long_archivos", "br-long.files",
                                    "br-long_files", "Budget arithmetic_files"])
def test_any_folder_name_the_page_uses(tmp_path, folder):
    page = parsing.parse_file(_save(tmp_path, folder))
    assert [image.data for image in page.images] == [PHOTO]


def test_a_renamed_page_still_finds_its_translated_folder(tmp_path):
    page = parsing.parse_file(_save(tmp_path, "Budget arithmetic-Dateien", page="budget.html"))
    assert [image.data for image in page.images] == [PHOTO]


@pytest.mark.parametrize("folder", ["Photos", "pictures of the budget story", "صور"])
def test_a_renamed_folder_is_found_by_the_paths_the_page_uses(tmp_path, folder):
    """A user may rename the folder and fix the page's paths (or the saving tool chose any name): the page's own
    relative paths lead to it."""
    page_path = _save(tmp_path, folder)
    assert [image.data for image in parsing.parse_file(page_path).images] == [PHOTO]
    assert from_companion(f"{folder}/long-photo.png", page_path) == PHOTO


def test_a_folder_the_page_does_not_use_gives_no_images(tmp_path):
    page_path = _save(tmp_path, "br-long_files")
    shutil.move(tmp_path / "br-long_files", tmp_path / "Photos")
    assert parsing.parse_file(page_path).images == ()


def test_never_outside_the_companion_folder(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html></html>")
    folder = tmp_path / "p_files"
    folder.mkdir()
    (tmp_path / "secret.png").write_bytes(PHOTO)
    (folder / "ok.png").write_bytes(PHOTO)
    (folder / "big.png").write_bytes(PHOTO + bytes(11 * 2**20))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.png").write_bytes(PHOTO)
    os.symlink(tmp_path / "secret.png", folder / "link.png")
    os.symlink(elsewhere, tmp_path / "p-Dateien")
    assert from_companion("p_files/ok.png", page) == PHOTO
    assert from_companion("./p_files/ok.png?v=2#top", page) == PHOTO
    for src in ("p_files/link.png", "p_files/../secret.png", "p_files/big.png", "/etc/passwd", "file:///etc/passwd",
                "p-Dateien/x.png", "p_files", "..\\secret.png", "https://www.brecorder.com/p_files/ok.png"):
        assert from_companion(src, page) is None, src


def test_escaped_names_are_found(tmp_path):
    page = _save(tmp_path, "Gold price rises Rs1,200 per tola_files", page="Gold price rises Rs1,200 per tola.html")
    assert from_companion("Gold%20price%20rises%20Rs1,200%20per%20tola_files/long-photo.png", page) == PHOTO


def test_firefox_complete_save_with_renamed_resources_and_its_mark_of_the_web(tmp_path):
    photo = IMAGES["br-long"].read_bytes()
    html = ('<!DOCTYPE html>\n<!-- saved from url=(0047)https://www.brecorder.com/news/40300000/budget -->\n'
            '<html><head><meta charset="utf-8"><title>Rupee steady</title></head><body><article><h1>Rupee steady</h1>'
            '<img src="./Rupee steady_files/long-photo(1).png"><p>KARACHI: The rupee held steady against the dollar '
            "in interbank trading on Monday as reserves rose.</p></article></body></html>")
    (tmp_path / "Rupee steady.html").write_text(html, encoding="utf-8")
    (tmp_path / "Rupee steady_files").mkdir()
    (tmp_path / "Rupee steady_files" / "long-photo(1).png").write_bytes(photo)
    (tmp_path / "Rupee steady_files" / "saved_resource.html").write_text("<html><body>frame</body></html>")
    page = parsing.parse_file(tmp_path / "Rupee steady.html")
    assert page.source_url == "https://www.brecorder.com/news/40300000/budget"
    assert [image.data for image in page.images] == [photo]


def test_a_save_copied_from_a_mac_with_decomposed_names(tmp_path):
    photo = IMAGES["br-story"].read_bytes()
    decomposed = unicodedata.normalize("NFD", "Caf\u00e9")
    page = tmp_path / f"{decomposed}.html"
    page.write_text('<html><body><article><h1>Rupee steady</h1><img src="Caf%C3%A9_files/photo.png"><p>'
                    + "The rupee held steady. " * 20 + "</p></article></body></html>", encoding="utf-8")
    (tmp_path / f"{decomposed}_files").mkdir()
    (tmp_path / f"{decomposed}_files" / "photo.png").write_bytes(photo)
    assert [image.data for image in parsing.parse_file(page).images] == [photo]
