"""The application icon: every PNG size exists and is square, and the .ico/.icns hold the same images."""

from __future__ import annotations

import importlib.util
import re
import struct
import xml.etree.ElementTree as ET

import pytest

from tests.paths import ROOT

ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which must come first."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG file"
    length, kind, width, height = struct.unpack(">I4sII", data[8:24])
    assert (length, kind) == (13, b"IHDR")
    return width, height


def load_render_script() -> object:
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", SIZES)
def test_png_exists_square_with_its_size(size: int):
    path = ICONS / f"market-reader-{size}.png"
    assert path.is_file(), f"{path.name} missing: run packaging/render_icons.py"
    assert png_size(path.read_bytes()) == (size, size)


def test_render_script_makes_the_sizes_tested_here():
    script = load_render_script()
    assert tuple(script.SIZES) == SIZES
    assert [script.png_name(s) for s in (16, 512)] == ["market-reader-16.png", "market-reader-512.png"]


def test_svg_source_is_square():
    root = ET.parse(ICONS / "market-reader.svg").getroot()
    assert root.tag.endswith("svg")
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    assert width == height


def test_ico_directory_points_at_square_pngs():
    data = (ICONS / "market-reader.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sides = []
    for index in range(count):
        width, height, _c, _r, _p, _b, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        side = width or 256
        assert width == height
        assert png_size(data[offset : offset + size]) == (side, side)
        sides.append(side)
    assert sides == [16, 24, 32, 48, 64, 128, 256]


def test_icns_chunks_hold_the_sizes_their_types_promise():
    data = (ICONS / "market-reader.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    promised = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512}
    offset, seen = 8, {}
    while offset < len(data):
        kind, length = struct.unpack_from(">4sI", data, offset)
        seen[kind] = png_size(data[offset + 8 : offset + length])
        offset += length
    assert seen == {kind: (side, side) for kind, side in promised.items()}


def test_install_script_copies_every_size():
    script = (ROOT / "packaging" / "install-linux.sh").read_text()
    sizes = re.search(r'^SIZES="([0-9 ]+)"', script, re.MULTILINE)
    assert sizes is not None
    assert tuple(int(s) for s in sizes.group(1).split()) == SIZES
