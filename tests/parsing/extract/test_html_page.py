"""HTML pages: ticker markups, the article region, what must and must not reach the paragraphs, images."""

from __future__ import annotations

import pytest

import parsing
from tests.parsing.pages import (
    PARAGRAPHS,
    TICKER_LINES,
    article_body,
    br_article_html,
    expected_for,
    html_page,
    png,
    span_ticker,
    table_ticker,
)
from tests.paths import ROOT

SAMPLE = ROOT / "resources" / "samples" / "business-recorder-sample.html"


@pytest.mark.parametrize("index", [0, 1, 7, 42, 299])
def test_generated_br_pages_give_their_truth(index):
    page = parsing.parse_bytes(br_article_html(index), "page.html")
    truth = expected_for(index)
    assert page.title == truth["title"]
    assert page.section == truth["section"]
    assert page.published == truth["published"]
    assert page.summary == truth["summary"]
    assert list(page.paragraphs) == truth["paragraphs"]
    assert list(page.related) == truth["related"]
    assert page.source_url == truth["source_url"]
    assert len(page.quotes) == truth["quotes"] and not [q for q in page.quotes if q.flag]
    assert page.format == "html" and page.encoding == "utf-8"


def test_generated_page_keeps_furniture_out_of_paragraphs():
    page = parsing.parse_bytes(br_article_html(3), "page.html")
    text = "\n".join(page.paragraphs)
    for furniture in ("Comments", "200 characters", "Advertisement", "Most Popular", "Facebook", "function(",
                      "Decreased By", "Copyright"):
        assert furniture not in text


def test_bundled_sample_page():
    page = parsing.parse_file(SAMPLE)
    assert len(page.quotes) == 34 and not [q for q in page.quotes if q.flag]
    assert {q.symbol for q in page.quotes if q.kind == "index"} == {"BR100", "BR30", "KSE100", "KSE30"}
    assert page.title == "Stocks close higher as fertiliser and banks lead gains"
    assert (page.section, page.published, page.byline) == ("Markets", "2025-03-11", "BR Web Desk")
    assert len(page.paragraphs) == 8 and page.related == ("Rupee gains against dollar in interbank trading",)
    assert page.summary.endswith("...")
    assert len(page.images) == 1 and page.images[0].media_type == "image/png"
    assert page.images[0].caption.startswith("Brokers follow prices") and page.images[0].after_paragraph == 5
    assert all("Brokers follow" not in p for p in page.paragraphs)


def test_bundled_sample_references_nothing_on_the_network():
    text = SAMPLE.read_text(encoding="utf-8")
    for attr in ('src="http', "src='http", 'href="http', "url(http", "@import", 'src="//', 'href="//'):
        assert attr not in text


@pytest.mark.parametrize("ticker", [span_ticker, table_ticker])
def test_ticker_markups_read_as_lines(ticker):
    page = parsing.parse_bytes(html_page(ticker(TICKER_LINES) + article_body()).encode(), "p.html")
    assert [q.symbol for q in page.quotes] == ["AIRLINK", "SILK", "FFC", "KSE100"]
    assert [q.direction for q in page.quotes] == ["down", "unchanged", "up", "down"]
    assert list(page.paragraphs) == PARAGRAPHS


def test_marquee_list_with_separate_arrow_and_repeat():
    items = "".join(
        f'<li><b>{s}</b> {p} <span class="sr-only">{w}</span><i class="arrow">▼</i> {c} ({pc})</li>'
        for s, p, w, c, pc in [("KEL", "4.19", "Decreased By", "-0.25", "-5.63%"),
                               ("PTC", "22.70", "Decreased By", "-1.35", "-5.61%")]
    )
    body = f'<marquee><ul>{items}{items}</ul></marquee>' + article_body()
    page = parsing.parse_bytes(html_page(body).encode(), "p.html")
    assert [q.symbol for q in page.quotes] == ["KEL", "PTC"]


def test_numbers_in_the_article_are_never_quotes():
    body = article_body().replace("</div></article>", "<p>KSE100 114,909 Decreased By -3882.2 (-3.27%)</p>"
                                  "</div></article>")
    page = parsing.parse_bytes(html_page(body).encode(), "p.html")
    assert page.quotes == ()


def test_market_page_without_article_has_quotes_and_no_paragraphs():
    page = parsing.parse_bytes(html_page(span_ticker(TICKER_LINES) + "<div>Market watch</div>").encode(), "m.html")
    assert len(page.quotes) == 4 and page.paragraphs == ()


def test_scripts_styles_and_templates_never_leak():
    body = (article_body() + "<script>var leaked = 'SCRIPT TEXT';</script><style>.x{color:red}</style>"
            "<template><p>TEMPLATE TEXT that is long enough to be a paragraph.</p></template>"
            "<noscript><p>NOSCRIPT TEXT that is long enough to be a paragraph.</p></noscript>")
    page = parsing.parse_bytes(html_page(body).encode(), "p.html")
    text = "\n".join(page.paragraphs)
    assert "SCRIPT" not in text and "TEMPLATE" not in text and "color:red" not in text


def test_title_from_og_title_or_title_without_suffix():
    html = html_page("<div><p>" + PARAGRAPHS[0] + "</p><p>" + PARAGRAPHS[1] + "</p></div>",
                     title="Rupee steady - Business Recorder")
    assert parsing.parse_bytes(html.encode(), "p.html").title == "Rupee steady"


def test_dates_from_byline_meta_and_json_ld():
    byline = html_page("<article><h1>A title here now</h1><div>BR Web Desk 05 Jul, 2022</div>"
                       + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    page = parsing.parse_bytes(byline.encode(), "p.html")
    assert (page.published, page.byline) == ("2022-07-05", "BR Web Desk")
    ld = html_page("<div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>",
                   head='<script type="application/ld+json">{"@type":"NewsArticle",'
                        '"datePublished":"2023-02-01T08:00:00+05:00"}</script>')
    assert parsing.parse_bytes(ld.encode(), "p.html").published == "2023-02-01"


def test_source_url_from_canonical_and_og_url():
    canon = html_page("<p>x</p>", head='<link rel="canonical" href="https://example.com/a">')
    assert parsing.parse_bytes(canon.encode()).source_url == "https://example.com/a"
    og = html_page("<p>x</p>", head='<meta property="og:url" content="https://example.com/b">')
    assert parsing.parse_bytes(og.encode()).source_url == "https://example.com/b"


def test_generic_site_main_text():
    body = ('<div id="nav"><a href="/">Home</a> <a href="/about">About us and everything else here</a></div>'
            '<div class="post"><h1>Growing tomatoes on a balcony</h1>'
            "<p>Tomatoes need at least six hours of sun a day, so pick the brightest corner you have.</p>"
            "<p>Use a pot of at least twenty litres and water deeply twice a week in summer.</p></div>"
            '<div class="sidebar"><p>Subscribe to our newsletter for weekly gardening tips and offers.</p></div>')
    page = parsing.parse_bytes(html_page(body, title="Tomatoes | My Garden").encode(), "x.htm")
    assert page.title == "Growing tomatoes on a balcony"
    assert len(page.paragraphs) == 2 and "newsletter" not in " ".join(page.paragraphs)


def test_webpage_complete_images_come_from_the_files_folder(tmp_path):
    files = tmp_path / "story_files"
    files.mkdir()
    (files / "photo.png").write_bytes(png())
    (files / "fake.png").write_bytes(b"<script>not an image</script>")
    (tmp_path / "secret.png").write_bytes(png(9, 9))
    body = article_body(image="./story_files/photo.png") + article_body(image="story_files/fake.png").replace(
        "<article>", "<div>").replace("</article>", "</div>")
    (tmp_path / "story.html").write_text(html_page(body), encoding="utf-8")
    page = parsing.parse_file(tmp_path / "story.html")
    assert len(page.images) == 1
    image = page.images[0]
    assert (image.name, image.media_type, image.data) == ("img-0", "image/png", png())
    assert image.caption == "The bank in Karachi." and image.after_paragraph == 0
    assert "The bank in Karachi." not in page.paragraphs


@pytest.mark.parametrize("src", ["story_files/../secret.png", "../secret.png", "/etc/passwd",
                                 "story_files/%2e%2e/secret.png", "file:///etc/passwd", "http://x/a.png"])
def test_images_never_leave_the_files_folder(tmp_path, src):
    files = tmp_path / "story_files"
    files.mkdir()
    (tmp_path / "secret.png").write_bytes(png(9, 9))
    (tmp_path / "story.html").write_text(html_page(article_body(image=src)), encoding="utf-8")
    assert parsing.parse_file(tmp_path / "story.html").images == ()


def test_data_uri_images_are_checked():
    import base64

    good = "data:image/png;base64," + base64.b64encode(png()).decode()
    bad = "data:image/png;base64," + base64.b64encode(b"GIF? no, text").decode()
    assert len(parsing.parse_bytes(html_page(article_body(image=good)).encode()).images) == 1
    assert parsing.parse_bytes(html_page(article_body(image=bad)).encode()).images == ()


def test_webpage_complete_fixture():
    page = parsing.parse_file(ROOT / "tests" / "fixtures" / "complete" / "br-story.html")
    assert page.title == "Gold price rises Rs1,200 per tola" and page.section == "Markets"
    assert (page.published, page.byline) == ("2024-02-02", "Recorder Report")
    assert page.source_url == "https://www.brecorder.com/news/40212345/gold-rate"
    assert [q.symbol for q in page.quotes] == ["FFC", "KSE100"]
    assert len(page.paragraphs) == 3 and page.paragraphs[2] == "Silver was unchanged at Rs2,450 per tola."
    assert len(page.images) == 1 and page.images[0].caption == "Gold bars at a jeweller's shop in Karachi."
    assert "Cotton prices" not in " ".join(page.paragraphs)


def test_inline_spans_in_a_marquee_give_every_quote():
    spans = "".join(f'<span class="item">{line}</span> ' for line in TICKER_LINES)
    page = parsing.parse_bytes(html_page(f"<marquee>{spans}</marquee>" + article_body()).encode(), "p.html")
    assert [q.symbol for q in page.quotes] == ["AIRLINK", "SILK", "FFC", "KSE100"]


def test_strip_split_over_sibling_blocks_is_one_run():
    first, second = span_ticker(TICKER_LINES[:2]), span_ticker(TICKER_LINES[2:])
    page = parsing.parse_bytes(html_page(first + second + article_body()).encode(), "p.html")
    assert [q.symbol for q in page.quotes] == ["AIRLINK", "SILK", "FFC", "KSE100"]


def test_quote_words_in_an_earlier_block_do_not_hide_the_strip():
    intro = "<div><p>Prices Decreased By a lot, the report said in its summary of the week.</p></div>"
    page = parsing.parse_bytes(html_page(intro + span_ticker(TICKER_LINES) + article_body()).encode(), "p.html")
    assert len(page.quotes) == 4


def test_teaser_by_class_is_the_summary_and_read_more_is_related():
    body = ('<article><h1>Rupee steady in interbank trade</h1><div class="story__excerpt">The rupee held '
            "steady against the dollar on Monday.</div><div class=\"content\">"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
            + '<p>Read more: <a href="/x">Rupee ends week lower against dollar</a></p>'
            + f"<p>{PARAGRAPHS[2]}</p></div></article>")
    page = parsing.parse_bytes(html_page(body).encode(), "p.html")
    assert page.summary == "The rupee held steady against the dollar on Monday."
    assert list(page.paragraphs) == PARAGRAPHS
    assert page.related == ("Read more: Rupee ends week lower against dollar",)


def test_logo_h1_outside_the_article_is_not_the_title():
    body = ('<header><h1 class="logo">Business Recorder</h1></header><div class="story">'
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>")
    page = parsing.parse_bytes(html_page(body, head='<meta property="og:title" content="Rates on hold">').encode())
    assert page.title == "Rates on hold" and list(page.paragraphs) == PARAGRAPHS


def test_article_h1_wins_over_og_title():
    body = '<article><h1>Rates on hold, bank says</h1>' + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    page = parsing.parse_bytes(html_page(body, head='<meta property="og:title" content="Rates on hold">').encode())
    assert page.title == "Rates on hold, bank says"


def test_wrapper_with_a_logo_h1_is_not_taken_as_the_article():
    body = ('<div id="page"><header class="site-header"><h1 class="logo">Business Recorder</h1></header>'
            '<div class="story">' + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
            '<div class="notes"><p>Short note text that is long enough to count here.</p></div></div>')
    page = parsing.parse_bytes(html_page(body, head='<meta property="og:title" content="Rates on hold">').encode())
    assert page.title == "Rates on hold" and list(page.paragraphs[:3]) == PARAGRAPHS
    # a clean sentence right after the story, in the same wrapper, reads as its last line
    assert page.paragraphs[3:] == ("Short note text that is long enough to count here.",)
    assert "Business Recorder" not in page.paragraphs


def test_item_per_quote_strip_with_a_bad_item_falls_back_to_the_layout():
    lines = [*TICKER_LINES[:2], "Posted By the desk", *TICKER_LINES[2:]]
    page = parsing.parse_bytes(html_page(span_ticker(lines) + article_body()).encode(), "p.html")
    assert [q.symbol for q in page.quotes] == ["AIRLINK", "SILK", "FFC", "KSE100"]


def test_pretty_printed_strip_items():
    items = "".join(
        f'<div class="item">\n        <span>{s}</span>\n        <span>{p}</span>\n        '
        f'<span class="sr-only">{w}</span>\n        <span>{rest}</span>\n    </div>\n'
        for s, p, w, rest in [("KEL", "4.19", "Decreased By", "▼ -0.25 (-5.63%)"),
                              ("PTC", "22.70", "Decreased By", "▼ -1.35 (-5.61%)")]
    )
    page = parsing.parse_bytes(html_page(f'<div class="strip">\n{items}</div>' + article_body()).encode())
    assert [q.symbol for q in page.quotes] == ["KEL", "PTC"]
