"""The quick text tests of the layout and the quote walk give what their plain definitions give, on any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from parsing.html.layout import _mark_classes, class_mark, collapse
from parsing.html.quote_lines import has_figure

# Characters that make the quick paths choose: white space of every kind, digits that are not decimal, points,
# percent signs, letters.
_TRICKY = st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2002\u2009\u200b\u3000.%²³¹٣३0123456789aZ“”▲"))
_TEXT = st.lists(st.one_of(_TRICKY, st.characters()), max_size=40).map("".join)


def _has_figure_plainly(text: str) -> bool:
    if re.search(r"[0-9]\s?%", text) or re.search(r"\d[\u066b\u066a]", text):  # also "۴٫۱", "۳٪"
        return True
    parts = text.split(".")
    return any(before[-1:].isdigit() and after[:1].isdigit() for before, after in zip(parts, parts[1:], strict=False))


@given(_TEXT)
def test_collapse_is_split_and_join(text: str) -> None:
    assert collapse(text) == " ".join(text.split())


@given(_TEXT)
def test_has_figure_is_a_digit_each_side_of_a_point_or_a_percent(text: str) -> None:
    assert has_figure(text) == _has_figure_plainly(text)


def test_has_figure_examples() -> None:
    assert has_figure("up 4.1 today") and has_figure("3%") and has_figure("3 %") and has_figure("²." + "5")
    assert not has_figure("Version 4. Then 5") and not has_figure("3  %") and not has_figure("“.”")


_CLASS_WORDS = ["up", "down", "flat", "price", "tick", "pos", "neg", "item", "green", "red"]
_CLASS = st.lists(st.sampled_from(_CLASS_WORDS), min_size=1, max_size=3).map(lambda words: "-".join(words))
_TAG = st.tuples(st.sampled_from(["span", "div", "b"]), _CLASS, st.booleans(), st.integers(0, 99))


def _marked_plainly(markup: str) -> str:
    """Each start tag whose class gives a mark, followed by that mark (one tag at a time)."""
    def mark(tag: re.Match[str]) -> str:
        value = re.search(r' class="([^"]*)"', tag[0])
        return tag[0] + (class_mark(value[1]) if value else "")
    return re.sub(r"<[a-z]+(?: [^>]*)?>", mark, markup)


@given(st.lists(_TAG, max_size=12))
def test_class_marks_follow_every_marked_start_tag(tags: list[tuple[str, str, bool, int]]) -> None:
    markup = "".join(f'<{name} class="{value}"{" title=" + chr(34) + "x" + chr(34) if extra else ""}>{n}</{name}>'
                     for name, value, extra, n in tags)
    assert _mark_classes(markup) == _marked_plainly(markup)
