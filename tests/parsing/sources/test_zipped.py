"""Zips of saved pages: each page inside, images by the paths pages use, and hostile archives."""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile

import pytest

import parsing
from parsing.sources.zipped import safe_name
from tests.parsing.sources.saved import HTML_FORMS, IMAGES, by_message, content, form, html_form, pages_of

STORY = HTML_FORMS["br-story"].read_bytes()
STORY_PNG = IMAGES["br-story"].read_bytes()


def zipped(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return out.getvalue()


def test_a_zipped_complete_save_is_its_page():
    [part] = parsing.read_parts(form("zip/br-long-complete.zip"), "br-long.zip")
    assert part.name == "br-long.html"
    page = parsing.parse_part(part)
    assert content(page) == content(html_form("br-long")) and page.format == "html"


def test_a_title_named_save_with_spaces_and_a_comma():
    [page] = pages_of("zip/gold-title-complete.zip")
    assert [image.data for image in page.images] == [STORY_PNG]


def test_several_pages_each_in_its_own_form():
    parts = parsing.read_parts(form("zip/several-pages.zip"))
    assert [p.name for p in parts] == [
        "saved/br-sample (SingleFile).html", "saved/br-sample.mhtml",
        "saved/gold/Gold price rises Rs1,200 per tola - Business Recorder.html", "saved/long/br-long.html"]
    pages = [parsing.parse_part(p) for p in parts]
    assert [p.format for p in pages] == ["singlefile", "mhtml", "html", "html"]
    assert pages[0].saved == "2026-11-30T19:24:19+05:00"  # a SingleFile page keeps its own marks
    assert pages[0].quotes == pages[1].quotes == html_form("br-sample").quotes


def test_what_is_kept_is_the_page_and_the_images_it_used():
    [part] = parsing.read_parts(form("zip/br-long-complete.zip"))
    page = parsing.parse_part(part)
    kept = part.original()
    assert zipfile.ZipFile(io.BytesIO(kept)).namelist() == ["br-long.html", "br-long_files/long-photo.png"]
    [again] = parsing.read_parts(kept, "br-long.zip#br-long.html")
    assert parsing.parse_part(again) == page and again.own == part.own


def test_a_page_without_images_is_kept_as_it_is():
    [part] = parsing.read_parts(zipped({"story.html": STORY}))
    assert part.original() == part.own == STORY


def test_names_that_climb_out_are_ignored_and_counted():
    data = zipped({
        "../../evil.html": STORY, "/etc/evil.html": STORY, "C:\\evil.html": STORY, "..\\..\\evil.html": STORY,
        "ok/../../evil.html": STORY,
        "page.html": STORY.replace(b"./br-story_files/photo.png", b"../../evil/photo.png"),
        "evil/photo.png": STORY_PNG,
    })
    [part] = parsing.read_parts(data)
    page = parsing.parse_part(part)
    assert part.name == "page.html" and page.images == ()
    assert any("5 file(s) in the zip with unsafe names" in note for note in page.notes)


@pytest.mark.parametrize(("name", "safe"), [
    ("a/b.html", "a/b.html"), ("../x", None), ("a/../../x", None), ("/etc/x", None), ("C:\\x", None),
    ("..\\..\\x", None), ("a\\b.png", "a/b.png"), ("dir/", None), ("a/./b", "a/b"), ("a\x00b", None),
])
def test_safe_names(name, safe):
    assert safe_name(name) == safe


def _claimed_sizes(data: bytes, size: int) -> bytes:
    """The zip with every member's uncompressed size in the table of contents set to ``size``."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        out[at + 24 : at + 28] = struct.pack("<I", size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def _encrypted(data: bytes) -> bytes:
    """The zip with its members flagged as encrypted (traditional PKWARE encryption)."""
    out = bytearray(data)
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + flag_at] |= 1
            at = out.find(signature, at + 4)
    return bytes(out)


@pytest.mark.parametrize(("data", "message"), ids=by_message, argvalues=[
    (zipped({"a.html": STORY, "b.html": STORY})[:300], "damaged or cut short"),
    (_claimed_sizes(zipped({f"{i}.html": STORY for i in range(3)}), 200 * 2**20), r"\(600 MB in all\); it looks like a zip bomb"),
    (zipped({"zeros.html": bytes(3 * 2**20)}), r"compressed 1,026 to 1\); it looks like a zip bomb"),
    (zipped({f"{i}.txt": b"" for i in range(10_001)}, zipfile.ZIP_STORED), "10,001 files"),
])
def test_hostile_zips_are_refused_before_anything_is_unpacked(data, message):
    with pytest.raises(parsing.ParseError, match=message):
        parsing.read_parts(data)


@pytest.mark.parametrize(("files", "message"), [
    ({"inner.zip": zipped({"deeper.zip": zipped({"page.html": STORY})})}, "zips inside it are not opened"),
    ({"inner.zip": zipped({"read-me.txt": b"Nothing here is a page."})}, "holds no saved page"),
    ({"data.csv": b"a,b\n1,2\n", "read-me.txt": b"Nothing here is a page."}, "holds no saved page"),
    ({"photo.png": STORY_PNG}, "holds no saved page"),
])
def test_zips_without_pages_are_not_pages(files, message):
    with pytest.raises(parsing.NotAPage, match=message):
        parsing.read_parts(zipped(files))


def test_an_encrypted_page_fails_alone():
    parts = parsing.read_parts(_encrypted(zipped({"page.html": STORY})))
    assert [(p.name, p.document) for p in parts] == [("page.html", None)]
    assert "protected with a password" in (parts[0].problem or "")
    parts = parsing.read_parts(_encrypted(zipped({"page.html": STORY, "photo.png": b"\x89PNG\r\n\x1a\n"})))
    assert [p.name for p in parts] == ["page.html"]  # a resource that cannot be read is not a failed page


def test_a_zip_whose_files_are_all_encrypted_says_so():
    with pytest.raises(parsing.ParseError, match="protected with a password"):
        parsing.read_parts(_encrypted(zipped({"saved.dat": STORY})))


def test_a_broken_page_inside_does_not_stop_the_others():
    parts = parsing.read_parts(zipped({"a/story.html": STORY, "b/cut.pdf": form("pdf/br-story.pdf")[:5000]}))
    assert [p.name for p in parts] == ["a/story.html", "b/cut.pdf"]
    assert parts[0].document is not None and "damaged or cut short" in (parts[1].problem or "")


def test_frames_in_a_companion_folder_are_not_pages():
    parts = parsing.read_parts(zipped({"story.html": STORY, "story-Dateien/frame.html": STORY,
                                       "story-Dateien/photo.png": STORY_PNG}))
    assert [p.name for p in parts] == ["story.html"]


def test_a_zip_inside_the_zip_is_read():
    inner = zipped({"saved/br-story.html": STORY, "saved/br-story_files/photo.png": STORY_PNG})
    parts = parsing.read_parts(zipped({"week-1.zip": inner, "read-me.txt": b"Pages of the week."}))
    assert [p.name for p in parts] == ["week-1.zip#saved/br-story.html"]
    assert [i.data for i in parsing.parse_part(parts[0]).images] == [STORY_PNG]


def test_a_zip_made_on_windows_with_backslashes_in_names_and_paths():
    for src in (b"story_files/photo.png", b"story_files\\photo.png"):
        html = (b'<html><body><article><h1>Rupee steady</h1><img src="' + src + b'"><p>' + b"The rupee held. " * 20
                + b"</p></article></body></html>")
        data = zipped({"saved\\story.html": html, "saved\\story_files\\photo.png": STORY_PNG, "other\\page.html": STORY})
        parts = parsing.read_parts(data)
        assert [p.name for p in parts] == ["other/page.html", "saved/story.html"]
        assert [i.data for i in parsing.parse_part(parts[1]).images] == [STORY_PNG]


def _without_utf8_flag(data: bytes) -> bytes:
    """The zip with its names' UTF-8 flag cleared, as Info-ZIP on Linux writes UTF-8 names."""
    out = bytearray(data)
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + flag_at + 1] &= ~0x08
            at = out.find(signature, at + 4)
    return bytes(out)


def test_utf8_names_without_their_flag_are_read_as_written():
    name = "Caf\u00e9 \u2013 \u201cweek\u201d"
    html = (f'<html><body><article><h1>Rupee steady</h1><img src="./{name}_files/photo.png"><p>'
            + "The rupee held steady. " * 20 + "</p></article></body></html>").encode()
    data = _without_utf8_flag(zipped({f"{name}.html": html, f"{name}_files/photo.png": STORY_PNG,
                                      f"{name}_files/frame.html": b"<html><body><p>A frame.</p></body></html>"}))
    parts = parsing.read_parts(data)
    assert [p.name for p in parts] == [f"{name}.html"]
    assert [i.data for i in parsing.parse_part(parts[0]).images] == [STORY_PNG]


class _Stream(io.RawIOBase):
    """A stream the zip writer cannot seek back in, so it writes each size after the data (a data descriptor)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        self.data += chunk
        return len(chunk)


@pytest.mark.parametrize("zip64", [False, True])
def test_a_streamed_zip_with_data_descriptors_or_zip64(zip64):
    stream = _Stream()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("br-story.html", STORY), ("br-story_files/photo.png", STORY_PNG)):
            with archive.open(name, "w", force_zip64=zip64) as member:
                member.write(data)
    data = bytes(stream.data)
    assert data[6] & 0x08  # the first member's sizes follow its data
    [part] = parsing.read_parts(data)
    assert part.name == "br-story.html" and len(parsing.parse_part(part).images) == 1


def test_a_member_in_a_compression_method_not_supported_says_so():
    data = bytearray(zipped({"page.html": STORY}))
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        data[at + method_at : at + method_at + 2] = struct.pack("<H", 9)  # Deflate64, as Windows writes big files
    [part] = parsing.read_parts(bytes(data))
    assert part.document is None and "Deflate64" in (part.problem or "")


def test_names_a_mac_wrote_decomposed_find_their_images():
    html = (b'<html><body><article><h1>Rupee steady</h1><img src="./Caf\xc3\xa9_files/photo.png"><p>'
            + b"The rupee held steady. " * 20 + b"</p></article></body></html>")
    decomposed = unicodedata.normalize("NFD", "Caf\u00e9")
    data = _without_utf8_flag(zipped({f"{decomposed}.html": html, f"{decomposed}_files/photo.png": STORY_PNG}))
    [part] = parsing.read_parts(data)
    assert part.name == "Caf\u00e9.html" and [i.data for i in parsing.parse_part(part).images] == [STORY_PNG]


def test_a_folder_of_pages_the_page_shows_a_picture_from_is_still_read():
    html = STORY.replace(b"<body>", b'<body><img src="markets/kse.png"><link rel="alternate" href="urdu/b.html">', 1)
    parts = parsing.read_parts(zipped({"saved/front.html": html, "saved/markets/kse.png": STORY_PNG,
                                       "saved/markets/rally.html": STORY, "saved/urdu/b.html": STORY}))
    assert [p.name for p in parts] == ["saved/front.html", "saved/markets/rally.html", "saved/urdu/b.html"]


def test_a_renamed_companion_folder_is_known_by_the_page_that_loads_from_it():
    """Its frame is part of the page, not a page; a folder of other pages beside it (with a folder inside, as a
    mirrored site has) and a folder the page only links to are still read."""
    html = STORY.replace(b"./br-story_files/", b"./pictures%20of%20gold/").replace(
        b"<body>", b'<body><iframe src="pictures of gold/ad.html"></iframe><a href="more/other.html">more</a>', 1)
    parts = parsing.read_parts(zipped({"story.html": html, "pictures of gold/ad.html": STORY,
                                       "pictures of gold/photo.png": STORY_PNG, "more/other.html": STORY,
                                       "site/news/page.html": STORY, "site/logo.png": STORY_PNG}))
    assert [p.name for p in parts] == ["more/other.html", "site/news/page.html", "story.html"]
    assert [i.data for i in parsing.parse_part(parts[2]).images] == [STORY_PNG]
