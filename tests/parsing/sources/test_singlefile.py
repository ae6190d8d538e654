"""SingleFile and Save Page WE pages: the saver's address and time, images from data: URIs only."""

from __future__ import annotations

import base64

import pytest

import parsing
from parsing.sources.singlefile import js_date, saved_by
from tests.parsing.sources.saved import IMAGES, STORY_URL, form, pages_of

PNG = IMAGES["br-story"].read_bytes()


def singlefile_page(images: list[str], comment: str = "url: https://www.brecorder.com/news/1 \n saved date: "
                    "Mon Nov 30 2026 19:24:24 GMT+0500 (Pakistan Standard Time)") -> bytes:
    figures = "".join(f'<figure><img src="{src}"><figcaption>Picture {i}</figcaption></figure>'
                      for i, src in enumerate(images))
    body = ("<article><h1>Hostile SingleFile page</h1>" + figures
            + "<p>KARACHI: The first paragraph of the story is long enough to be read as the article body.</p>"
            + "<p>The second paragraph says a little more about the market and what traders expect.</p></article>")
    return f"<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n {comment}\n--><head><title>x</title></head>" \
           f"<body>{body}</body></html>".encode()


def test_the_comment_as_singlefile_writes_it():
    mark = saved_by(form("singlefile/br-long.singlefile.html"))
    assert mark is not None and mark.tool == "singlefile" and not mark.zipped
    assert mark.url == "http://www.brecorder.com/news/40300000/budget-arithmetic-tests-investors"
    assert mark.saved == "2026-11-30T19:24:11+05:00"


@pytest.mark.parametrize(("text", "iso"), [
    ("Mon Nov 30 2026 19:24:11 GMT+0500 (Pakistan Standard Time)", "2026-11-30T19:24:11+05:00"),
    ("Sun Oct 06 2024 23:05:09 GMT+0200 (heure d’été d’Europe centrale)", "2024-10-06T23:05:09+02:00"),
    ("Fri Sep 11 2026 15:01:03 GMT-0400 (Eastern Daylight Time)", "2026-09-11T15:01:03-04:00"),
    ("Wed Jan 01 2020 10:00:00 GMT+0800 (台北標準時間)", "2020-01-01T10:00:00+08:00"),
    ("Thu Mar 05 2026 09:34:57 GMT+0530", "2026-03-05T09:34:57+05:30"),
    ("the day before yesterday", None),
    ("Wed Feb 31 2024 10:00:00 GMT+0000", None),
])
def test_javascript_dates(text, iso):
    assert js_date(text) == iso


def test_save_page_we_meta_tags():
    [page] = pages_of("savepagewe/br-long.savepagewe.html")
    assert page.format == "savepagewe" and page.saved == "2025-06-14T15:02:03+05:00"
    assert page.source_url == "https://www.brecorder.com/news/40300000/budget-arithmetic-tests-investors"


def test_html_and_zip_form_reads_its_manifest():
    [page] = pages_of("singlefile/br-story.singlefile-selfextracting.html")
    assert page.format == "singlefile" and page.saved == "2026-11-30T14:27:45+00:00"  # archiveTime, UTC
    assert page.source_url == "http://www.brecorder.com/news/40212345/gold-rate"
    assert [image.data for image in page.images] == [PNG]  # images/1.png inside the zip


def test_html_and_zip_form_cut_short_says_it_is_a_singlefile_page():
    data = form("singlefile/br-story.singlefile-selfextracting.html")
    with pytest.raises(parsing.ParseError, match="This SingleFile page .* is damaged or cut short"):
        parsing.parse_bytes(data[: len(data) // 2], "gold.html")


def test_data_uris_that_are_not_images_give_no_image():
    def uri(kind: str, data: bytes) -> str:
        return f"data:{kind};base64," + base64.b64encode(data).decode()

    sources = [uri("text/html", b"<script>alert(1)</script>"), uri("image/svg+xml", b"<svg/>"),
               uri("application/javascript", b"alert(1)"), uri("image/png", b"<html>not a png</html>"),
               "data:image/png;base64,!!!not base64!!!", "br-story_files/photo.png", uri("image/png", PNG)]
    page = parsing.parse_bytes(singlefile_page(sources))
    assert [image.data for image in page.images] == [PNG]  # only the real PNG; no file is ever read for a src
    assert len(page.paragraphs) == 2


def test_a_data_uri_over_the_cap_gives_no_image():
    big = "data:image/png;base64," + base64.b64encode(PNG + bytes(11 * 2**20)).decode()
    page = parsing.parse_bytes(singlefile_page([big]))
    assert page.images == () and page.title == "Hostile SingleFile page" and len(page.paragraphs) == 2


def test_a_comment_without_a_web_address_or_date():
    page = parsing.parse_bytes(singlefile_page([], "url: javascript:alert(1) \n saved date: the day before"))
    assert page.format == "singlefile" and page.source_url is None and page.saved is None
    assert any("names no web address" in note for note in page.notes)


def test_a_singlefile_page_never_reads_files_beside_it(tmp_path):
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "photo.png").write_bytes(PNG)
    (tmp_path / "page.html").write_bytes(singlefile_page(["page_files/photo.png"]))
    assert parsing.parse_file(tmp_path / "page.html").images == ()


def test_story_page_keeps_its_inline_image():
    [page] = pages_of("singlefile/br-story.singlefile.html")
    assert page.source_url == STORY_URL.replace("https", "http") and [i.data for i in page.images] == [PNG]


def test_a_large_inline_photo_does_not_crowd_out_the_article():
    photo = PNG + bytes(3 * 2**20)
    page = parsing.parse_bytes(singlefile_page(["data:image/png;base64," + base64.b64encode(photo).decode()]))
    assert [image.data for image in page.images] == [photo] and len(page.paragraphs) == 2
