"""The Linux desktop entry: the keys a file manager needs to offer "Open with Market Reader"."""

from __future__ import annotations

import configparser

import pytest

from tests.paths import ROOT

ENTRY = ROOT / "packaging" / "market-reader.desktop"
MIME_TYPES = {"multipart/related", "application/x-mimearchive", "message/rfc822", "text/html", "application/x-webarchive",
              "application/warc"}


@pytest.fixture(scope="module")
def entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read_string(ENTRY.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def semicolon_list(value: str) -> list[str]:
    assert value.endswith(";"), "a desktop-entry list ends with a semicolon"
    return value[:-1].split(";")


def test_required_keys(entry: dict[str, str]):
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Market Reader"
    assert entry["Terminal"] == "false"


def test_exec_takes_several_files(entry: dict[str, str]):
    assert entry["Exec"] == "market-reader %F"


def test_opens_saved_page_types(entry: dict[str, str]):
    assert set(semicolon_list(entry["MimeType"])) == MIME_TYPES


def test_categories(entry: dict[str, str]):
    assert {"Office", "Finance"} <= set(semicolon_list(entry["Categories"]))


def test_icon_name_resolves_to_files(entry: dict[str, str]):
    name = entry["Icon"]
    assert "/" not in name and "." not in name, "a theme icon name, looked up in hicolor"
    icons = ROOT / "resources" / "icons"
    assert (icons / f"{name}.svg").is_file()
    assert (icons / f"{name}-48.png").is_file()
