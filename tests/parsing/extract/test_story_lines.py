"""Lines of a story that look like a site's furniture but are the story's own: kept, in HTML and in a text copy."""

from __future__ import annotations

import parsing

OPENING = ("The federal budget for 2024-25 raises income tax on the salaried class and imposes new duties on a range "
           "of imported goods, officials said on Monday.")
CLOSING = ("Foreign investors were net buyers of $3.2 million worth of shares during the day, according to data from "
           "the National Clearing Company of Pakistan Limited.")


def _html(*middle: str) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in (OPENING, *middle, CLOSING))
    return (f"<html><head><title>Budget raises taxes</title></head><body><article><h1>Budget raises taxes</h1>"
            f"<p>By Ali Khan</p><p>March 11, 2024</p>{body}</article></body></html>").encode()


def _copy(*middle: str) -> bytes:
    lines = ("Home", "Markets", "Budget raises taxes", "By Ali Khan", "March 11, 2024", OPENING, *middle, CLOSING,
             "Copyright 2024 Business Recorder")
    return "\n".join(lines).encode()


STORY_LINES = (
    "Follow-up talks were announced on Twitter by the finance ministry on Monday.",
    "Join the discussion: the minister told traders on WhatsApp groups that more relief was coming.",
    "Presented by Finance Minister Muhammad Aurangzeb, the budget sets a tax target of Rs13 trillion.",
)


def test_sentences_that_begin_like_a_follow_us_line_or_a_credit_are_kept():
    for data, name in ((_html(*STORY_LINES), "story.html"), (_copy(*STORY_LINES), "story.txt")):
        assert parsing.parse_bytes(data, name).paragraphs == (OPENING, *STORY_LINES, CLOSING), name


def test_a_follow_us_line_is_left_out():
    for line in ("Follow us on Twitter", "Follow Business Recorder on WhatsApp", "Join us on Telegram"):
        assert parsing.parse_bytes(_html(line), "story.html").paragraphs == (OPENING, CLOSING), line


def test_a_subheading_about_investor_relations_does_not_end_the_story():
    data = _html().replace(f"<p>{CLOSING}</p>".encode(),
                           f"<h2>Investor relations</h2><p><strong>Contact:</strong></p><p>{CLOSING}</p>".encode())
    assert parsing.parse_bytes(data, "story.html").paragraphs[-1] == CLOSING
