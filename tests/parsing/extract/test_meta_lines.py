"""Byline and date lines as South Asian news sites print them under the headline, read the same from a page and
from its copy: the writer's name (or the desk's, the wire's) and the date, whatever their order and separators."""

from __future__ import annotations

import pytest

from parsing.extract.article.header import date_then_name
from parsing.extract.textcopy import build_text_article
from tests.parsing.extract.article.helpers import STORY, article_of, page, paras

TITLE = "Rates on hold in March"


@pytest.mark.parametrize(("line", "byline", "date"), [
    ("By Ahmad Raza ⋅ Published Mar 11, 2024 ⋅ 4:12 pm", "Ahmad Raza", "2024-03-11"),
    ("By Our Correspondent | March 11, 2024", "Our Correspondent", "2024-03-11"),
    ("Web Desk | March 11, 2024 | 10:15 PM PKT", "Web Desk", "2024-03-11"),
    ("APP Published March 11, 2024", "APP", "2024-03-11"),
    ("News Desk 11-Mar-24", "News Desk", "2024-03-11"),
    ("March 11, 2024 | 10:15 PM PKT | Khalid Mustafa", "Khalid Mustafa", "2024-03-11"),
    ("Mar 11th, 2024 | By Ali Khan", "Ali Khan", "2024-03-11"),
    ("By Ali Khan - March 11, 2024", "Ali Khan", "2024-03-11"),
    ("Recorder Report | 25-03-2024", "Recorder Report", "2024-03-25"),
    ("Monday, 11 March 2024 10:15 PM", None, "2024-03-11"),
])
def test_meta_line_under_the_headline(line, byline, date):
    html = article_of(page(f'<div class="wrap"><h1>{TITLE}</h1><div class="info">{line}</div>'
                           f'<div class="text">{paras(STORY)}</div></div>'))
    text = build_text_article(["Home", "Business", TITLE, line, *STORY])
    assert (html.byline, html.published) == (byline, date)
    assert (text.title, text.byline, text.published) == (TITLE, byline, date)


@pytest.mark.parametrize(("line", "found"), [
    ("March 11, 2024 | 10:15 PM PKT | Khalid Mustafa", ("2024-03-11", "Khalid Mustafa")),
    ("Mar 11th, 2024 · By Ali Khan", ("2024-03-11", "Ali Khan")),
    ("March 11, 2024 | Business", None),  # a section, not a name
    ("Khalid Mustafa | March 11, 2024", None),  # the name first: NAME_DATE's line
])
def test_date_then_name(line, found):
    assert date_then_name(line) == found
