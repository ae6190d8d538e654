"""Files saved from a page that did not load (the browser's error page) or that only redirects: refused, clearly."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import parsing
from tests.parsing.sources.saved import FORMS, form

CHROMIUM_ERROR = FORMS / "errors" / "chromium-neterror.html"


def _message(data: bytes, name: str = "page.html") -> str:
    with pytest.raises(parsing.ParseError) as caught:
        parsing.parse_bytes(data, name)
    return caught.value.message


def _mhtml(html: bytes, location: str) -> bytes:
    """A page wrapped as Chromium's snapshot writes it (quoted-printable is not needed for ASCII-only lines)."""
    head = (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {location}\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B----"\r\n\r\n\r\n'
            f"------B----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n"
            f"Content-Location: {location}\r\n\r\n").encode()
    return head + html.replace(b"\n", b"\r\n") + b"\r\n------B------\r\n"


def test_chromiums_error_page_says_what_failed():
    """Chromium 156's page for an address that does not resolve, as saved from the DevTools DOM (its scripts and
    styles emptied to keep the fixture small)."""
    message = _message(CHROMIUM_ERROR.read_bytes())
    assert "error page" in message and "ERR_NAME_NOT_RESOLVED" in message
    assert "http://www.brecorder.com.invalid/news/1" in message


def test_an_error_page_snapshot_is_refused_by_its_address():
    html = CHROMIUM_ERROR.read_bytes().replace(b'id="main-frame-error"', b'id="main"').replace(b"neterror", b"x")
    assert "error page" in _message(_mhtml(html, "chrome-error://chromewebdata/"), "page.mhtml")


def test_an_error_page_with_its_styles_and_scripts_in_the_head_is_refused():
    """The page as saved keeps Chromium's inline styles and strings (tens of kilobytes before the body): the
    body's class and the error template are still found just inside the body."""
    bulky = b"<style>" + b".icon{margin:0 auto}" * 6_000 + b"</style><script>" + b"var s='x';" * 8_000 + b"</script>"
    page = CHROMIUM_ERROR.read_bytes().replace(b"</head>", bulky + b"</head>", 1)
    assert len(page) > 200_000 and "ERR_NAME_NOT_RESOLVED" in _message(page)
    without_class = page.replace(b'class="neterror"', b'class="x"')
    assert "error page" in _message(without_class)


def test_a_redirect_stub_with_a_bulky_head_or_no_head_is_refused():
    target = b"https://www.brecorder.com/news/1"
    tag = b'<meta http-equiv="refresh" content="0; url=' + target + b'">'
    bulky = b"<script>" + b"var k='0123456789';" * 5_000 + b"</script>"
    for page in (b"<html><head>" + bulky + tag + b"</head><body><p>Redirecting</p></body></html>",
                 b"<html><body>" + tag + b"<p>Redirecting</p></body></html>"):
        assert "only a redirect to " + target.decode() in _message(page)


def test_firefoxs_error_page_is_refused():
    """Firefox's about:neterror as its markup is laid out (its stylesheet under chrome://), with no <body> class."""
    page = (b'<!DOCTYPE html><html><head><title>Server Not Found</title><link rel="stylesheet" '
            b'href="chrome://browser/skin/aboutNetError.css" type="text/css" media="all"></head><body dir="ltr">'
            b"<h1>Hmm. We\xe2\x80\x99re having trouble finding that site.</h1><p>We can\xe2\x80\x99t connect to the "
            b"server at www.brecorder.com.</p></body></html>")
    assert "error page" in _message(page)


@pytest.mark.parametrize("tag", [
    b'<meta http-equiv="refresh" content="0; url=https://www.brecorder.com/news/1">',
    b"<META CONTENT='0;URL=https://www.brecorder.com/news/1' HTTP-EQUIV='Refresh'>",
    b'<meta http-equiv=refresh content="2;url=\'https://www.brecorder.com/news/1\'">',
    b'<meta http-equiv="refresh" content="0;https://www.brecorder.com/news/1">',
])
def test_a_redirect_stub_names_where_it_leads(tag):
    page = (b"<!DOCTYPE html><html><head><title>Redirecting&hellip;</title>" + tag +
            b'<script>location="https://www.brecorder.com/news/1"</script></head><body><h1>Redirecting&hellip;</h1>'
            b'<a href="https://www.brecorder.com/news/1">Click here if you are not redirected.</a></body></html>')
    message = _message(page)
    assert "only a redirect to https://www.brecorder.com/news/1" in message


def test_a_page_that_reloads_itself_or_redirects_late_is_read():
    """A live page's refresh (every five minutes, or one with an address after a long wait) is not a stub, and
    neither is a whole article whose head asks for a redirect."""
    html = form("src/br-long.html")
    for tag in (b'<meta http-equiv="refresh" content="300">',
                b'<meta http-equiv="refresh" content="600; url=https://www.brecorder.com/">',
                b'<meta http-equiv="refresh" content="0; url=https://www.brecorder.com/amp/40300000">'):
        page = parsing.parse_bytes(html.replace(b"<head>", b"<head>" + tag, 1))
        assert page.title and len(page.paragraphs) > 5


def test_an_error_page_in_a_zip_fails_alone():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("saved/error.html", CHROMIUM_ERROR.read_bytes())
        archive.writestr("saved/br-long.html", form("src/br-long.html"))
    parts = parsing.read_parts(out.getvalue(), "pages.zip")
    assert [(part.name, part.document is None) for part in parts] == [("saved/br-long.html", False),
                                                                       ("saved/error.html", True)]
    assert "ERR_NAME_NOT_RESOLVED" in (parts[1].problem or "")


@pytest.mark.parametrize("title", ["404 Not Found", "Page not found - Business Recorder", "Error 404 (Not Found)!!1",
                                   "403 Forbidden", "503 Service Temporarily Unavailable", "Business Recorder | Page Not Found"])
def test_a_sites_short_error_page_is_refused(title):
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>The requested URL was not found on "
            "this server.</p><hr><address>Apache/2.4.57 (Debian) Server at www.brecorder.com Port 443</address>"
            "</body></html>").encode()
    assert f"site's error page (\u201c{title}\u201d)" in _message(page)


@pytest.mark.parametrize("title", ["Missing fisherman not found", "404 new cases reported in Sindh", "PSX: 500 points up",
                                   "Forbidden City draws record crowds"])
def test_a_story_whose_title_sounds_like_an_error_is_read(title):
    page = parsing.parse_bytes(form("src/br-long.html").replace(
        b"<title>Budget arithmetic tests investors as circular debt and privatisation dominate the week - ",
        f"<title>{title} - ".encode()))
    assert len(page.paragraphs) > 5


def test_an_error_title_over_a_whole_page_is_read():
    """Only a short page is taken for an error page by its title: a long one is left to the reader."""
    html = re.sub(rb"<title>[^<]*</title>", b"<title>404 Not Found</title>", form("src/br-long.html"))
    assert len(parsing.parse_bytes(html).paragraphs) > 5


def test_a_security_check_page_is_refused():
    """Cloudflare's challenge page, shown before some sites' articles, in the shape it has (its script path)."""
    page = (b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" '
            b'content="390"></head><body><div class="main-wrapper" role="main"><div class="main-content"><h1 '
            b'class="zone-name-title h1">www.brecorder.com</h1><div id="challenge-body-text" class="core-msg spacer">'
            b"www.brecorder.com needs to review the security of your connection before proceeding.</div></div></div>"
            b'<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8f"></script></body></html>')
    assert "security check" in _message(page)


def test_an_article_of_a_site_behind_cloudflare_is_read():
    """Cloudflare adds its bot-detection script to ordinary pages (its path under /cdn-cgi/challenge-platform/):
    that is no security check."""
    script = (b"<script>(function(){var a=document.createElement('script');a.nonce='';"
              b"a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';document.head.appendChild(a)})();</script>")
    story = b"".join(b"<p>The KSE-100 index gained 812 points to close at 98,410 on Tuesday as investors cheered the "
                     b"agreement and a fall in bond yields, dealers said.</p>" for _ in range(10))
    html = (b"<html><head><title>Stocks rally on IMF deal - Business Recorder</title></head><body><article><h1>"
            b"Stocks rally on IMF deal</h1>" + story + b"</article>" + script + b"</body></html>")
    assert len(html) < 16_000 and len(parsing.parse_bytes(html).paragraphs) == 10


@pytest.mark.parametrize("title", ["Access denied - Dawn", "Forbidden | The Express Tribune",
                                   "Not found - Business Recorder", "Service unavailable | Dawn"])
def test_a_brief_headed_by_an_error_phrase_is_read(title):
    """An editorial or a brief of a few paragraphs whose headline is only such a phrase says more than an error
    page does."""
    headline = title.split(" - ")[0].split(" | ")[0]
    brief = "".join("<p>The government has blocked access to the platform for a third week, citing security "
                    "concerns; businesses that rely on it for sales say losses are mounting.</p>" for _ in range(6))
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{headline}</h1>"
            f"<p>Editorial, November 26, 2024</p>{brief}</article></body></html>").encode()
    assert len(parsing.parse_bytes(html).paragraphs) >= 6


def test_a_live_quote_page_that_reloads_itself_is_read():
    """A market-watch page refreshing itself every few seconds says little but its figures: no redirect stub."""
    rows = "".join(f"<tr><td>{s}</td><td>{p}</td><td>{c}</td><td>{pc}</td></tr>" for s, p, c, pc in (
        ("HBL", "145.20", "1.20", "0.83%"), ("UBL", "312.45", "-1.05", "-0.33%"), ("OGDC", "190.10", "2.10", "1.12%")))
    html = ('<html><head><meta http-equiv="refresh" content="5; url=marketwatch.php"><title>Market Watch</title>'
            f"</head><body><table><tr><th>Symbol</th><th>Current</th><th>Change</th><th>Change (%)</th></tr>{rows}"
            "</table></body></html>").encode()
    assert [q.symbol for q in parsing.parse_bytes(html).quotes] == ["HBL", "UBL", "OGDC"]
