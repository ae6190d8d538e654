"""Marks from tag, role, hidden state and class/id words."""

from __future__ import annotations

import pytest

from parsing.html.marks import (
    ARIA_HIDDEN,
    BYLINE,
    HIDDEN,
    LAYOUT_NEGATIVE,
    NEGATIVE,
    NOTICE,
    POSITIVE,
    STORY,
    TEASER,
    element_marks,
    words_of,
)


def test_words_leave_out_modifiers_slugs_and_atomic_css():
    assert words_of("site-content has-sidebar tag-budget Fz(14px)", "mainContent") == ["site", "content", "main",
                                                                                         "content"]
    assert words_of("", "sharing-with-a-single-developer") == []  # an id made from a heading
    assert words_of("how-to-set-up-a-shared-repository") == []


@pytest.mark.parametrize(("tag", "attrs", "present", "absent"), [
    ("div", {"class": "cookie-banner"}, NEGATIVE | NOTICE, 0),
    ("div", {"id": "global-footer"}, NEGATIVE, NOTICE),
    ("div", {"class": "most-read"}, NEGATIVE, 0),
    ("div", {"class": "commentary"}, 0, NEGATIVE),
    ("div", {"class": "article-body"}, POSITIVE | STORY, NEGATIVE),
    ("div", {"class": "sidebar"}, LAYOUT_NEGATIVE, NEGATIVE),
    ("nav", {"class": "x"}, NEGATIVE, 0),
    ("div", {"role": "navigation"}, NEGATIVE, 0),
    ("article", {"class": "related"}, STORY, NEGATIVE),
    ("div", {"class": "story__excerpt"}, TEASER, 0),
    ("a", {"rel": "author"}, BYLINE, 0),
    ("span", {"class": "visually-hidden"}, HIDDEN, 0),
    ("div", {"style": "display: none"}, HIDDEN, 0),
    ("div", {"aria-hidden": "true"}, ARIA_HIDDEN, HIDDEN),
])
def test_element_marks(tag, attrs, present, absent):
    marks = element_marks(tag, attrs)
    assert marks & present == present and not marks & absent
