"""The story's parts from its region: paragraphs, subheadings, lists, images and captions, teaser, related."""

from __future__ import annotations

import pytest

from tests.parsing.extract.article.helpers import FOOTER, STORY, article_of, page, paras


def test_teaser_is_the_summary_and_read_more_lines_are_related():
    body = ('<article><h1>Rates on hold</h1><div class="story__excerpt">The bank kept rates unchanged.</div>'
            f'<div class="content">{paras(STORY[:2])}<p>Read more: <a href="/x">Rupee ends week lower</a></p>'
            f'<p class="related"><a href="/y">Gold rises for a third day in Karachi</a></p>{paras(STORY[2:])}</div>'
            "</article>")
    article = article_of(page(body))
    assert article.summary == "The bank kept rates unchanged."
    assert article.paragraphs == STORY
    assert article.related == ["Read more: Rupee ends week lower", "Gold rises for a third day in Karachi"]


def test_images_with_captions_and_positions():
    body = ('<article><h1>Rates on hold</h1><figure><img src="lead.jpg" alt="Bank"><figcaption>The bank in '
            f'Karachi.</figcaption></figure>{paras(STORY[:2])}<img src="chart.png" alt="Chart" width="600">'
            f'<p class="caption">Rates since 2020.</p>{paras(STORY[2:])}<img src="pixel.gif" width="1" height="1">'
            "</article>")
    article = article_of(page(body))
    assert [(i.src, i.after_paragraph, i.caption) for i in article.images] == [
        ("lead.jpg", 0, "The bank in Karachi."), ("chart.png", 2, "Rates since 2020.")]
    assert article.paragraphs == STORY


def test_a_short_line_right_under_an_image_is_its_caption():
    body = (f'<article><h1>Rates on hold</h1><div class="media"><img src="a.jpg"><span>The bank in Karachi. '
            f"Photo: APP</span></div>{paras(STORY)}</article>")
    article = article_of(page(body))
    assert [i.caption for i in article.images] == ["The bank in Karachi. Photo: APP"] and article.paragraphs == STORY


def test_lazy_image_source():
    body = f'<article><h1>Rates</h1><img src="data:image/gif;base64,R0lG" data-src="real.jpg">{paras(STORY)}</article>'
    assert [i.src for i in article_of(page(body)).images] == ["real.jpg"]


def test_subheadings_kept_only_when_text_follows():
    body = (f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<h2>What analysts say</h2>{paras(STORY[2:])}"
            '<h2>More from the Ledger</h2><ul><li><a href="/a">One story title here</a></li>'
            '<li><a href="/b">Another story title here</a></li></ul></article>')
    assert article_of(page(body)).paragraphs == [*STORY[:2], "What analysts say", *STORY[2:]]


def test_a_related_box_in_the_middle_does_not_end_the_story_but_comments_do():
    body = (f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<h3>Related stories</h3>"
            '<ul><li><a href="/a">Rupee ends week lower</a></li><li><a href="/b">Gold rises again</a></li></ul>'
            f"{paras(STORY[2:])}<h3>Comments</h3><div class=\"discussion\"><p>Great article, thank you for writing "
            "it so clearly.</p></div></article>")
    assert article_of(page(body)).paragraphs == STORY


def test_list_items_of_the_story_are_kept():
    points = ["Policy rate unchanged at 12 percent", "Inflation down to 4.1 percent", "Rupee stable"]
    body = f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<ul>{paras(points, 'li')}</ul>{paras(STORY[2:])}</article>"
    assert article_of(page(body)).paragraphs == [*STORY[:2], *points, *STORY[2:]]


def test_hidden_text_stays_out():
    body = (f'<article><h1>Rates on hold</h1>{paras(STORY[:2])}<p style="display:none">{FOOTER[0]}</p>'
            f'<p hidden>{FOOTER[1]}</p><p>Text with <span class="sr-only">Increased By</span>a hidden label in it, '
            f"long enough to be a paragraph.</p>{paras(STORY[2:])}</article>")
    assert article_of(page(body)).paragraphs == [
        *STORY[:2], "Text with a hidden label in it, long enough to be a paragraph.", *STORY[2:]]


def test_first_paragraph_that_the_next_repeats_is_the_teaser():
    body = f"<article><h1>Rates on hold</h1><p>{STORY[0][:70]}...</p>{paras(STORY)}</article>"
    article = article_of(page(body))
    assert article.summary == f"{STORY[0][:70]}..." and article.paragraphs == STORY


def test_a_read_line_and_a_note_on_the_writer_are_not_paragraphs():
    body = (f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<p><strong>READ: Rupee ends week lower</strong></p>"
            f"{paras(STORY[2:])}<p><em>The writer is a former governor of the central bank.</em></p></article>")
    assert article_of(page(body, "Rates on hold")).paragraphs == STORY


def test_an_intro_of_several_paragraphs_opens_the_story():
    body = (f"<article><h1>Rates on hold</h1><div class='gallery-intro'>{paras(STORY[:2])}</div>"
            f"<figure><img src='a.jpg'><figcaption>Traders at the exchange. Photo: Online</figcaption></figure>"
            "</article>")
    assert article_of(page(body, "Rates on hold")).paragraphs == STORY[:2]


def test_the_title_of_a_video_box_is_not_a_paragraph():
    body = (f"<article><h1>Rates on hold</h1>{paras(STORY[:1])}<div class='video-box'><div>Watch: The governor "
            f"explains the decision to reporters</div><div>02:15</div></div>{paras(STORY[1:])}</article>")
    assert article_of(page(body, "Rates on hold")).paragraphs == STORY


@pytest.mark.parametrize("line", ["1.2K", "* * *", "2,045"])
def test_a_count_or_an_ornament_is_not_a_paragraph(line):
    body = f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}<p>{line}</p>{paras(STORY[2:])}</article>"
    assert article_of(page(body, "Rates on hold")).paragraphs == STORY


def test_a_count_in_a_table_stays():
    table = "<table><tr><td>Net sales</td><td>121.4</td></tr><tr><td>2,045</td></tr></table>"
    body = f"<article><h1>Rates on hold</h1>{paras(STORY[:2])}{table}{paras(STORY[2:])}</article>"
    assert article_of(page(body, "Rates on hold")).paragraphs == [*STORY[:2], "Net sales 121.4", "2,045", *STORY[2:]]


def test_a_press_release_ends_at_its_contact_block():
    body = (f'<article><h1>Rates on hold</h1><div class="release">{paras(STORY)}<p><b>Media contact:</b><br>'
            "Ayesha Noor<br>press@example.pk</p><p>SOURCE Example Limited</p></div></article>")
    assert article_of(page(body)).paragraphs == STORY


def test_continue_reading_below_is_no_paragraph():
    body = f'<article><h1>Rates on hold</h1>{paras(STORY[:1])}<p>Continue reading below</p>{paras(STORY[1:])}</article>'
    assert article_of(page(body)).paragraphs == STORY


@pytest.mark.parametrize("box", ['<blockquote class="pullquote"><p>{}</p></blockquote>',
                                 '<aside class="pull-quote"><blockquote>{}</blockquote></aside>',
                                 '<figure class="quote"><blockquote>{}</blockquote></figure>'])
def test_a_pull_quote_that_repeats_the_story_is_left_out(box):
    body = f'<article><h1>Rates on hold</h1>{paras(STORY[:2])}{box.format(STORY[0][:70])}{paras(STORY[2:])}</article>'
    assert article_of(page(body)).paragraphs == STORY


def test_a_quotation_of_its_own_is_kept():
    quote = "“The economy has turned the corner, and the rupee will hold,” the governor told parliament."
    body = f'<article><h1>Rates on hold</h1>{paras(STORY[:2])}<blockquote><p>{quote}</p></blockquote>{paras(STORY[2:])}'
    assert article_of(page(body + "</article>")).paragraphs == [*STORY[:2], quote, *STORY[2:]]


def test_a_follow_us_line_is_no_paragraph():
    body = f'<article><h1>Rates on hold</h1>{paras(STORY)}<p>Follow Business Recorder on Google News</p></article>'
    assert article_of(page(body)).paragraphs == STORY


def test_readers_comments_under_a_counted_heading_end_the_story():
    said = ["The real problem is that the government keeps borrowing from the banks at these rates, so the banks "
            "have no reason to lend to businesses, and the rate cannot come down until the deficit does.",
            "Twenty-two percent is killing small businesses. My family runs a garment unit and we have laid off "
            "half our workers since last year because running finance costs more than the profit on an order.",
            "Savers are finally getting a positive real return after years of losing money in the banks. Let the "
            "rate stay where it is until inflation is well below it, otherwise the rupee will fall again."]
    comments = "".join(f'<div class="rb-item"><div class="rb-text">{p}</div></div>' for p in said)
    body = (f'<div class="story"><h1>Rates on hold</h1><div class="text">{paras(STORY)}</div>'
            f'<div class="reader-box"><h3>Comments (3)</h3>{comments}</div></div>')
    assert article_of(page(body)).paragraphs == STORY


def test_a_subheading_named_like_comments_without_a_count_does_not_end_the_story():
    body = f'<article><h1>Rates on hold</h1>{paras(STORY[:2])}<h2>Response</h2>{paras(STORY[2:])}</article>'
    assert article_of(page(body)).paragraphs == [*STORY[:2], "Response", *STORY[2:]]


def test_a_like_us_on_facebook_line_is_no_paragraph():
    promo = "Like Business on Facebook, follow @TribuneBiz on Twitter to stay informed and join in the conversation."
    body = f'<article><h1>Rates on hold</h1>{paras(STORY)}<p><em>{promo}</em></p></article>'
    assert article_of(page(body)).paragraphs == STORY
