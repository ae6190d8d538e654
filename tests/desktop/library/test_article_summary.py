"""A summary that only repeats the story's opening is not shown (or exported) twice."""

from __future__ import annotations

from dataclasses import replace

from desktop.library.article_export import article_markdown
from desktop.library.article_html import article_html, shown_summary
from tests.desktop.records import article

FIRST = ("KYIV: Ukraine’s President Volodymyr Zelenskiy said on Sunday Kyiv is ready to hand over captured North "
         "Korean soldiers to their leader Kim Jong Un if he can facilitate their exchange.")


def test_a_description_cut_from_the_first_paragraph_is_not_shown_again():
    story = replace(article((FIRST, "Second paragraph.")),
                    summary="KYIV: Ukraine’s President Volodymyr Zelenskiy said on Sunday Kyiv is ready to hand over "
                            "captured North Korean...")
    assert shown_summary(story) is None
    assert article_html(story).count("is ready to hand over") == 1
    assert article_markdown(story).count("is ready to hand over") == 1


def test_a_summary_of_its_own_is_kept():
    story = replace(article((FIRST, "Second paragraph.")), summary="Kyiv offers a prisoner swap for its soldiers.")
    assert shown_summary(story) == "Kyiv offers a prisoner swap for its soldiers."
    assert '<p class="summary"><i>Kyiv offers a prisoner swap' in article_html(story)
    assert "*Kyiv offers a prisoner swap for its soldiers.*" in article_markdown(story)


def test_a_short_summary_that_opens_like_the_story_is_kept():
    story = replace(article(("Markets fell on Monday as banks slid.",)), summary="Markets fell")
    assert shown_summary(story) == "Markets fell"


def test_a_summary_with_no_story_is_kept():
    story = replace(article(()), summary="Only a summary was saved.")
    assert shown_summary(story) == "Only a summary was saved."
