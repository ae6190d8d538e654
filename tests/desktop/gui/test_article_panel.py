"""The article panel reads nothing from disk or network and opens links only when clicked."""

from __future__ import annotations

import http.server
import threading

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor

from desktop.gui.panes import article_panel
from desktop.gui.panes.article_panel import ArticleView
from desktop.library.article_html import article_html
from desktop.library.records import StoredImage
from tests.desktop.records import article, png_bytes


class CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"body { background: red; }")

    def log_message(self, *_args):
        pass


@pytest.fixture
def server():
    CountingHandler.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def view(qtbot):
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_shows_title_date_byline_body_and_related(view):
    view.set_article(article(title="Oil prices slide", published="2025-01-13"))
    text = view.toPlainText()
    for expected in ("MARKETS", "Oil prices slide", "13 Jan 2025", "BR Web Desk", "First paragraph.", "A related story"):
        assert expected in text


def test_page_text_is_escaped_not_markup(view):
    view.set_article(article(paragraphs=("<b>bold</b> & <script>alert(1)</script>",), title="<i>x</i>"))
    text = view.toPlainText()
    assert "<b>bold</b> & <script>alert(1)</script>" in text
    assert "<i>x</i>" in text


def test_images_come_from_memory(view, qtbot):
    image = StoredImage("img-0", "image/png", png_bytes(80, 40, "#2060c0"), "A caption", 1)
    view.set_article(article(images=(image,)))
    assert "A caption" in view.toPlainText()
    grab = view.grab().toImage()
    blue = sum(
        1 for x in range(0, grab.width(), 2) for y in range(0, grab.height(), 2)
        if grab.pixelColor(x, y) == QColor("#2060c0")
    )
    assert blue > 100
    assert "mr-img:img-0" in view.resource_requests


def red_samples(view) -> int:
    grab = view.grab().toImage()
    return sum(
        1 for x in range(0, grab.width(), 2) for y in range(0, grab.height(), 2)
        if grab.pixelColor(x, y) == QColor("#ff0000")
    )


def test_no_network_for_images_or_stylesheets_even_in_raw_markup(view, server):
    view.setHtml(
        f'<link rel="stylesheet" type="text/css" href="{server}/style.css">'
        f'<style>@import url("{server}/import.css");</style><p>text</p>'
    )
    view.grab()
    view.setHtml(f'<p><img src="{server}/photo.jpg"></p><table background="{server}/bg.png"><tr><td>c</td></tr></table>')
    view.grab()
    assert f"{server}/photo.jpg" in view.resource_requests  # Qt asked; the panel answered from memory
    assert CountingHandler.requests == []


def test_no_local_file_is_read_even_for_raw_markup(view, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(png_bytes(60, 60, "#ff0000"))
    view.setHtml(f'<p><img src="{secret}"><img src="file://{secret}"><img src="/dev/zero"></p>')
    assert red_samples(view) == 0
    assert str(secret) in view.resource_requests


def test_links_open_in_browser_only_when_clicked_and_only_web(view, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(article_panel, "open_external_url", lambda url: opened.append(url.toString()) or True)
    view.set_article(article())
    assert opened == []
    before = view.toPlainText()
    for url in ("javascript:alert(1)", "file:///etc/hostname", "mailto:x@example.com", "https://www.brecorder.com/a"):
        view.anchorClicked.emit(QUrl(url))
    assert opened == ["https://www.brecorder.com/a"]
    assert view.toPlainText() == before  # nothing was loaded into the panel


def test_zoom_is_clamped_and_announced(view, qtbot):
    size = view.font().pointSizeF()
    with qtbot.waitSignal(view.zoom_changed) as blocker:
        view.set_zoom(2)
    assert blocker.args == [2]
    assert view.font().pointSizeF() == pytest.approx(size + 2)
    view.set_zoom(100)
    assert view.zoom() == article_panel.MAX_ZOOM


def test_html_has_no_nesting_or_tables():
    html = article_html(article(paragraphs=tuple(f"Paragraph {i}" for i in range(50))))
    assert "<table" not in html and "<div" not in html
    assert html.count("<p>") == 50


def click_text(qtbot, view, text: str) -> None:
    """A real mouse click in the middle of ``text`` as laid out in the panel."""
    from PySide6.QtCore import QPoint

    cursor = view.document().find(text)
    assert not cursor.isNull()
    end = view.cursorRect(cursor)
    cursor.setPosition(cursor.selectionStart())
    start = view.cursorRect(cursor)
    point = QPoint((start.left() + end.right()) // 2, end.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_real_click_on_a_web_link_opens_the_browser_and_keeps_the_article(view, qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(article_panel, "open_external_url", lambda url: opened.append(url.toString()) or True)
    view.set_article(article(source_url="https://www.brecorder.com/news/40343"))
    before = view.toPlainText()
    click_text(qtbot, view, "Open original page")
    assert opened == ["https://www.brecorder.com/news/40343"]
    assert view.toPlainText() == before


def test_real_click_on_a_mentioned_symbol_asks_for_its_history(view, qtbot):
    view.set_article(article(paragraphs=("Shares of OGDC rose in late trade.",)), ["OGDC"])
    with qtbot.waitSignal(view.symbol_clicked, timeout=2000) as blocker:
        click_text(qtbot, view, "OGDC")
    assert blocker.args == ["OGDC"]
    assert "Shares of OGDC rose" in view.toPlainText()


def test_a_wide_image_fits_the_panel_and_follows_its_width(view, qtbot):
    """A photo wider than the panel is shown at the text column's width, with no sideways scrolling,
    both when the article opens and after the panel is made narrower or wider."""
    long_text = tuple(f"Paragraph {n} of a long story about the market." for n in range(60))  # a vertical scroll bar
    image = StoredImage("img-0", "image/png", png_bytes(1400, 300, "#2060c0"), None, 1)
    view.resize(420, 400)
    view.set_article(article(paragraphs=long_text, images=(image,)))
    assert view.verticalScrollBar().isVisible()
    assert view.horizontalScrollBar().maximum() == 0
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    view.resize(300, 400)
    position = view.reading_position()
    qtbot.waitUntil(lambda: view._image_widths["img-0"] < 300)
    assert view.horizontalScrollBar().maximum() == 0
    assert abs(view.reading_position() - position) < 100  # laid out again where the reader was
    view.resize(900, 400)
    qtbot.waitUntil(lambda: view._image_widths["img-0"] > 700)
    assert view.horizontalScrollBar().maximum() == 0


def test_an_image_narrower_than_the_panel_keeps_its_size(view):
    image = StoredImage("img-0", "image/png", png_bytes(80, 40, "#2060c0"), None, 1)
    view.set_article(article(images=(image,)))
    assert view._image_widths == {"img-0": 80}
