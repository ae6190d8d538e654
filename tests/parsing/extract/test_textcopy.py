"""Text copies: the article found by structure, on the failure-class pages in both forms, and line by line."""

from __future__ import annotations

import json

import pytest

import parsing
from parsing.extract.lines import is_comments_heading
from parsing.extract.textcopy import build_text_article
from tests.paths import FIXTURES

PAGES = FIXTURES / "textcopy"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
NEVER = set(EXPECTED.pop("_never"))
FIELDS = ("title", "section", "published", "byline", "paragraphs", "related")


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("form", ["html", "text"])
def test_failure_class_pages(name, form):
    truth = {**EXPECTED[name]["html"], **(EXPECTED[name]["text"] if form == "text" else {})}
    page = parsing.parse_file(PAGES / f"{name}.{'html' if form == 'html' else 'txt'}")
    got = {field: getattr(page, field) for field in FIELDS}
    got["paragraphs"], got["related"] = list(page.paragraphs), list(page.related)
    assert got == {field: truth[field] for field in FIELDS}
    assert not NEVER & {*page.paragraphs, page.title, page.section, *page.related}
    if form == "html" and "caption" in truth:
        assert [image.caption for image in page.images] == [truth["caption"]]


TICKER = ["OGDC 213.07 Decreased By ▼ -13.70 (-6.04%)", "KSE100 114,909 Decreased By -3882.2 (-3.27%)"]
BODY = [
    "KARACHI: Cement despatches rose 9 percent in October from a year earlier, the industry association said.",
    "Domestic sales climbed to 3.9 million tonnes, while exports fell for a third month in a row.",
    "Analysts said lower coal prices should lift margins in the second quarter of the fiscal year.",
]


def _copy(*parts: list[str] | str):
    lines = [line for part in parts for line in ([part] if isinstance(part, str) else part)]
    return build_text_article(lines, skip=TICKER)


def test_headline_followed_by_prose_is_the_title():
    article = _copy(["Home", "Markets"], TICKER, "Markets", "Cement despatches rise 9pc in October", BODY)
    assert (article.title, article.section, article.paragraphs) == ("Cement despatches rise 9pc in October", "Markets", BODY)


def test_prose_straight_after_the_ticker_is_the_story_without_a_title():
    article = _copy(["Business Recorder Logo", "Home", "Latest"], TICKER, BODY, "Comments",
                    "Copyright Business Recorder, 2004")
    assert (article.title, article.section, article.paragraphs) == (None, None, BODY)


@pytest.mark.parametrize("line", ["01 Nov, 2023", "Business Recorder Logo", "28 minutes ago", "172,766",
                                  "Copyright Business Recorder, 2004"])
def test_what_is_never_the_title(line):
    article = _copy(TICKER, line, BODY, "Comments")
    assert article.title is None and article.section is None and article.paragraphs == BODY


def test_a_date_line_above_the_story_dates_it():
    assert _copy(TICKER, "01 Nov, 2023", BODY).published == "2023-11-01"


def test_a_number_of_a_panel_above_the_title_is_not_the_section():
    panel = ["Coronavirus", "Pakistan", "Deaths", "172,766"]
    article = _copy(TICKER, panel, "Cement despatches rise 9pc in October", "Published November 2, 2020", BODY)
    assert (article.title, article.section, article.published) == (
        "Cement despatches rise 9pc in October", None, "2020-11-02")


def test_the_print_breadcrumb_gives_its_section():
    article = _copy(TICKER, "Print Print 2025-08-28", "Govt plans higher tax on property sales",
                    "Tahir Amin 28 Aug, 2025", BODY)
    assert (article.section, article.byline, article.published) == ("Print", "Tahir Amin", "2025-08-28")


def test_captions_sign_ups_and_relative_times_are_never_paragraphs():
    noise = ["A money changer counts US dollars. Photo: Reuters/File", "Sign up for the BR Morning Brief…",
             "Get the day's top stories delivered to your inbox every morning.", "Email address", "Sign up"]
    article = _copy(TICKER, "Cement despatches rise 9pc in October", "BR Web Desk 28 minutes ago", BODY[:1],
                    "Pakistani rupee notes", noise[0], BODY[1:2], noise[1:], BODY[2:])
    assert article.paragraphs == BODY and article.byline == "BR Web Desk" and article.related == []


def test_lists_of_other_headlines_are_never_the_story():
    latest = ["Latest", "Gold price rises by Rs1,200 per tola", "28 minutes ago", "Petrol price cut by Rs5", "1 hour ago"]
    most_read = ["Most Read", "1 PSX closes at record high as banks rally", "2 SBP keeps policy rate unchanged"]
    article = _copy(TICKER, latest, BODY, most_read)
    assert (article.title, article.paragraphs, article.related) == (None, BODY, [])
    article = _copy(TICKER, most_read, "Markets", "Cement despatches rise 9pc in October", BODY, latest)
    assert (article.title, article.section, article.paragraphs) == (
        "Cement despatches rise 9pc in October", "Markets", BODY)


def test_a_box_of_links_inside_the_story_does_not_end_it():
    article = _copy(TICKER, "Cement despatches rise 9pc in October", BODY[:2], "Also Read",
                    "Rupee ends week lower against dollar", BODY[2:])
    assert article.paragraphs == BODY


def test_the_story_wins_over_a_longer_run_of_footer_or_notice_text():
    footer = ["The Ledger is published by Ledger Media Group, a company registered in England and Wales, and "
              "no part of it may be reproduced without the written permission of the publisher.",
              "Ledger Media Group also publishes regional weeklies and a monthly business magazine for readers "
              "across the country, and runs events for small businesses and investors."]
    article = _copy("Govt plans higher tax on property sales", "By Staff Reporter", BODY[:1], footer)
    assert (article.paragraphs, article.byline) == (BODY[:1], "Staff Reporter")


def test_a_question_headline_over_a_dateline():
    article = _copy(TICKER, "Will the rupee recover this year?", "Published March 11, 2025", BODY)
    assert article.title == "Will the rupee recover this year?" and article.paragraphs == BODY


def test_teaser_byline_and_related_of_the_business_recorder_layout():
    teaser = "KARACHI: Cement despatches rose 9 percent in October from a year earlier..."
    article = _copy(TICKER, "Markets", "Cement despatches rise 9pc in October", teaser,
                    "BR Web Desk Published March 11, 2025", "Facebook X Whatsapp", BODY[:2],
                    "Rupee ends week lower against dollar", BODY[2:], "Comments", "200 characters")
    assert (article.summary, article.byline, article.published) == (teaser, "BR Web Desk", "2025-03-11")
    assert article.paragraphs == BODY and article.related == ["Rupee ends week lower against dollar"]


def test_a_page_of_quotes_has_no_story():
    assert build_text_article(["Market Watch", *TICKER * 20, "Home"], skip=TICKER).paragraphs == []


def test_a_date_between_the_section_and_the_headline():
    article = _copy(TICKER, "Pakistan", "01 Nov, 2023", "Cement despatches rise 9pc in October", BODY)
    assert (article.section, article.published, article.title) == (
        "Pakistan", "2023-11-01", "Cement despatches rise 9pc in October")


def test_a_quote_table_inside_the_story_does_not_end_it():
    table = ["BR Sectors Position", "Sector Open High Low Close", "BR - Cement 39,235.54 40,520.34 38,945.37"]
    lines = [*TICKER, "Markets", "Stocks close higher as cement leads", "Recorder Report Published March 21, 2025",
             BODY[0], "The KSE-100 index during the session. Chart: Recorder Report", *table, *BODY[1:]]
    article = build_text_article(lines, skip=[*TICKER, *table])
    assert (article.title, article.paragraphs, article.related) == ("Stocks close higher as cement leads", BODY, [])


def test_a_long_run_after_the_end_of_the_story_is_not_the_story():
    comments = [f"Comment number {n} on this story, which goes on for a while and says rather a lot about it." for n in range(40)]
    article = _copy(TICKER, "Cement despatches rise 9pc in October", "Published November 2, 2020", BODY[:1],
                    "Comments", "200 characters", comments)
    assert (article.title, article.paragraphs) == ("Cement despatches rise 9pc in October", BODY[:1])


def test_a_writers_name_alone_under_the_headline_is_the_byline():
    article = _copy(TICKER, "Cement despatches rise 9pc in October", "Aamir Shafaat Khan", "February 11, 2025", BODY)
    assert (article.title, article.byline, article.published) == (
        "Cement despatches rise 9pc in October", "Aamir Shafaat Khan", "2025-02-11")


def test_an_alt_text_run_into_the_same_name_is_read_once():
    article = _copy("Cement despatches rise 9pc in October", "Jane DoeJane Doe", "Published June 14, 2025", BODY,
                    "Jane Doe", "Jane Doe is an economist who writes on taxation and public finance for the paper.")
    assert (article.title, article.byline, article.paragraphs) == ("Cement despatches rise 9pc in October", "Jane Doe",
                                                                   BODY)


def test_consent_dialog_sentences_are_never_the_story():
    dialog = ["This site asks for consent to use your data",
              "We and our partners store and access information on your device, such as cookies, and process "
              "personal data such as unique identifiers.",
              "Some of our partners process your data on the basis of legitimate interest, which you can object to.",
              "With your permission we and our partners may use precise geolocation data through device scanning."]
    article = _copy(dialog, "Cement despatches rise 9pc in October", "Jane Doe 01 Nov, 2023", BODY)
    assert (article.title, article.byline, article.paragraphs) == (
        "Cement despatches rise 9pc in October", "Jane Doe", BODY)


def test_a_tables_rows_inside_the_story_stay():
    rows = ["Rs billion Q2 FY25 Q2 FY24", "Net sales 121.4 109.8", "Gross profit 34.9 27.6", "Profit 18.2 13.8"]
    lines = ["Cement despatches rise 9pc in October", "By Jane Doe", *BODY[:2], *rows, BODY[2]]
    article = build_text_article(lines, rows=range(4, 8))
    assert article.paragraphs == [*BODY[:2], *rows, BODY[2]]
    assert build_text_article(lines).paragraphs == BODY[:2]  # without knowing the rows, the story stops there


@pytest.mark.parametrize("line", ["Like this:", 'In "Energy"', "Like Loading..."])
def test_lines_of_two_words_are_never_paragraphs(line):
    assert _copy("Cement despatches rise 9pc in October", BODY, line).paragraphs == BODY


@pytest.mark.parametrize("heading", ["Comments (3)", "12 comments", "2 responses to “Rupee ends week lower”",
                                     "Leave a Reply", "Closed for comments."])
def test_readers_comments_after_the_story_are_not_paragraphs(heading):
    comment = ("Another loan, another set of promises that will be broken the moment the money arrives, as every "
               "time before, and nobody will answer for it.")
    article = _copy("Cement despatches rise 9pc in October", "Jane Doe 01 Nov, 2023", BODY, heading, "Asad",
                    comment)
    assert article.paragraphs == BODY


def test_a_sentence_about_replies_is_no_comments_heading():
    assert not is_comments_heading("Replies to the questionnaire were due Monday")


def test_a_live_blogs_entries_are_one_story_under_the_pages_headline():
    entries = ["3:35pm", "Cement despatches rise 9pc", BODY[0], "Share", "1:10pm", "Exports fall for a third month",
               BODY[1], "Share", "9:32am", "Coal prices ease", BODY[2]]
    article = _copy("Cement live: despatches, exports and prices", "Follow the day's news as it happened, with "
                    "the latest figures.", "By Jane Doe", "Updated 01 Nov, 2023", entries)
    assert (article.title, article.byline, article.published) == (
        "Cement live: despatches, exports and prices", "Jane Doe", "2023-11-01")
    assert article.paragraphs == ["Follow the day's news as it happened, with the latest figures.",
                                  "Cement despatches rise 9pc", BODY[0], "Exports fall for a third month", BODY[1],
                                  "Coal prices ease", BODY[2]]


def test_a_headline_under_a_time_without_a_live_blog_above_stays_the_title():
    article = _copy("Home", "3:35pm", "Cement despatches rise 9pc in October", BODY)
    assert (article.title, article.paragraphs) == ("Cement despatches rise 9pc in October", BODY)


def test_a_standfirst_under_the_headline_is_not_the_title():
    article = _copy("Markets", "SBP cuts policy rate to 13pc as inflation eases",
                    "Fifth cut in a row brings the rate to its lowest since 2022", "By Jane Doe", "01 Nov, 2023", BODY)
    assert (article.title, article.byline, article.published) == (
        "SBP cuts policy rate to 13pc as inflation eases", "Jane Doe", "2023-11-01")


@pytest.mark.parametrize("above", ["Home Markets World Business", "Auto Times Print this page"])
def test_a_menu_or_toolbar_above_the_headline_is_not_the_title(above):
    article = _copy(above, "Cement despatches rise 9pc in October", "By Jane Doe", "01 Nov, 2023", BODY)
    assert article.title == "Cement despatches rise 9pc in October"


def test_a_question_headline_over_a_standfirst():
    article = _copy("Is this time different?", "The current account surplus is not only about imports",
                    "Jane Doe", "Jun 03, 2025", BODY)
    assert (article.title, article.byline, article.published) == ("Is this time different?", "Jane Doe", "2025-06-03")


@pytest.mark.parametrize("line", ["The writer is a former finance minister.", "Startup Ledger © 2025",
                                  "Get the weekly funding roundup in your inbox. Sign up for free."])
def test_notes_on_the_writer_copyright_and_sign_ups_after_the_story_are_not_paragraphs(line):
    assert _copy("Cement despatches rise 9pc in October", "By Jane Doe", BODY, line).paragraphs == BODY


def test_a_date_with_the_reading_time_dates_the_story():
    article = _copy("Cement despatches rise 9pc in October", "Jane Doe", "Apr 8, 2025• 3 min read", BODY)
    assert (article.byline, article.published) == ("Jane Doe", "2025-04-08")


def test_a_quotation_as_the_headline():
    article = _copy("The Market Weekly", "‘Core inflation is what matters’", "By Jane Doe", "10 May, 2025", BODY)
    assert (article.title, article.byline, article.published) == (
        "‘Core inflation is what matters’", "Jane Doe", "2025-05-10")


def test_numbered_headings_of_a_list_article_are_paragraphs():
    article = _copy("Budget 2025: five things to watch", "By Jane Doe", BODY[0], "1. The tax target", BODY[1],
                    "2. Salaried income tax", BODY[2])
    assert article.paragraphs == [BODY[0], "1. The tax target", BODY[1], "2. Salaried income tax", BODY[2]]


def test_a_video_box_and_advertisement_lines_inside_the_story_do_not_end_it():
    article = _copy("PM announces cut in power prices", "By Jane Doe", "01 Nov, 2023", BODY[0],
                    "Watch: PM addresses the nation on power prices", "02:15", "Play video",
                    "Story continues below advertisement", "Advertisement", BODY[1:])
    assert (article.title, article.paragraphs) == ("PM announces cut in power prices", BODY)


def test_a_page_name_after_the_ticker_is_not_a_byline():
    article = _copy(TICKER, "Market Watch", BODY)
    assert (article.title, article.byline, article.paragraphs) == (None, None, BODY)
    assert _copy("Cement despatches rise 9pc in October", "Market Watch", BODY).byline is None


def test_a_name_beside_a_follow_button_and_a_written_by_box_after_the_story():
    article = _copy("The rupee, not the idea, killed our startups", "Jane Doe", "Jane Doe · Follow",
                    "5 min read · Jun 3, 2025", "1.2K", "Listen", "Share", BODY, "Written by Jane Doe",
                    "1.2K Followers", "Founder, writer. I write about money, startups and the exchange rate for a living.")
    assert (article.title, article.byline, article.published, article.paragraphs) == (
        "The rupee, not the idea, killed our startups", "Jane Doe", "2025-06-03", BODY)


def test_by_on_a_line_of_its_own_then_the_name():
    article = _copy("FFC profit rises 26pc to Rs22.1bn", "By", "Profit", "-", "October 22, 2025", BODY)
    assert (article.byline, article.published) == ("Profit", "2025-10-22")


def test_the_box_about_the_writer_after_the_story_is_not_a_paragraph():
    """As a PDF gives it: the writer's picture (its alt text) is not there, only the sentence about them."""
    story = ["Every budget season the same promise is made: the tax net will be widened, and those who pay are spared.",
             "The reason is simple. It is far easier to deduct tax at source from a pay cheque than to chase a retailer.",
             "Until land and trade are taxed as wages are, the promise of a wider net will remain a line in a speech."]
    bio = "Dr Ayesha Siddiqa is an economist who teaches at the Lahore School of Economics."
    article = build_text_article(["Opinion", "The salaried class pays again", "Ayesha Siddiqa",
                                  "Published June 14, 2025", *story, bio])
    assert article.byline == "Ayesha Siddiqa" and article.paragraphs == story
    other = build_text_article(["The salaried class pays again", "By Recorder Report", *story, bio])
    assert other.paragraphs == [*story, bio]  # someone else named in the story's last paragraph stays


def test_a_latest_link_in_the_menu_does_not_swallow_the_headline():
    article = _copy(["Business Recorder", "Home", "Latest", "Markets", "Pakistan"], "Oil gains as supply cuts extended",
                    "Recorder Report", "11-Mar-24", BODY)
    assert (article.title, article.byline, article.published, article.paragraphs) == (
        "Oil gains as supply cuts extended", "Recorder Report", "2024-03-11", BODY)


def test_a_key_points_summary_opens_the_story():
    points = ["Cement despatches rose 9 percent", "Exports fell for a third month"]
    article = _copy(TICKER, "Cement despatches rise 9pc in October", "By Jane Doe", "Key points", points, BODY)
    assert (article.title, article.byline, article.paragraphs) == (
        "Cement despatches rise 9pc in October", "Jane Doe", ["Key points", *points, *BODY])


def test_an_embedded_post_between_paragraphs_is_kept():
    post = ["Petrol up by Rs4.13, diesel unchanged #PetrolPrice", "— Finance Division (@FinMinistry) March 15, 2024"]
    article = _copy(TICKER, "Cement despatches rise 9pc in October", BODY[:1], post, BODY[1:], "Comments")
    assert article.paragraphs == [*BODY[:1], *post, *BODY[1:]]
