"""A page without a title is headed by its file name, the name it has in the list and the window title."""

from __future__ import annotations

from dataclasses import replace

from desktop.library.article_export import article_markdown
from desktop.library.article_html import article_html
from tests.desktop.records import article, page_row


def test_an_untitled_page_is_headed_by_its_file_name():
    story = replace(article(("Hello",)), page=page_row(title=None, file_name="tiny.html"))
    assert "<h1>tiny.html</h1>" in article_html(story)
    assert article_markdown(story).startswith("# tiny.html")


def test_a_titled_page_keeps_its_title():
    story = replace(article(("Hello",)), page=page_row(title="Banks lead the recovery", file_name="p.html"))
    assert "<h1>Banks lead the recovery</h1>" in article_html(story)
