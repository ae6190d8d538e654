"""Saved files that look like pages but hold no article: a browser's own error page, a redirect stub.

* A browser shows its own page when a page fails to load, and saving then saves that page: Chromium's and
  Edge's (``chrome-error://chromewebdata/``, a ``<div id="main-frame-error">``), Firefox's (``about:neterror``,
  ``about:certerror``, styled by ``chrome://…/aboutNetError.css``). Its text is the browser's, never the site's.
* A redirect stub is a tiny page whose only job is to send the browser on (``<meta http-equiv="refresh"
  content="0; url=…">``), as sites and static-site tools write for a moved address; saved, it has nothing to read.

* A site's own error page (a short page titled "404 Not Found", "403 Forbidden", "Service Unavailable"...) or
  the security check some sites show before the article (Cloudflare's "Just a moment..."), saved instead of the
  article.

All are refused with a sentence that says what the file is and what to do, so nothing empty is imported.
"""

from __future__ import annotations

import html
import re

from parsing.model import Document, ParseError

STUB_TEXT_CHARS = 400  # a redirect stub's own words ("Redirecting…", "click here") fit in this
STUB_DELAY_SECONDS = 10  # a refresh after longer than this reloads a live page; it does not redirect
ERROR_URL_SCHEMES = ("chrome-error:", "about:neterror", "about:certerror", "about:blocked", "moz-neterror:",
                     "edge-error:")
_ERROR_MARKS = re.compile(
    rb"""<body\b[^>]{0,200}\bclass\s*=\s*["']?neterror\b"""  # Chromium, Edge and older Firefox
    rb"""|\bid\s*=\s*["']main-frame-error["']"""  # Chromium's error template
    rb"""|href\s*=\s*["']chrome://[a-z]+/(?:skin|content)/about(?:Net|Cert)Error""",  # Firefox's stylesheet
    re.I,
)
_ERROR_CODE = re.compile(rb"""<div class="error-code"[^>]{0,200}>(?:\s|<!--.{0,80}?-->)*([A-Z][A-Z0-9_]{2,60})\s*<""")
_FAILED_URL = re.compile(rb'\bid="reload-button"[^>]{0,300}?\bdata-url="([^"]{1,2000})"')
REFRESH_BYTES = 262_144  # a refresh <meta> is in the page's head
SMALL_PAGE_BYTES = 32_768  # a page this small is searched whole for a refresh; a larger one only in its head
HEAD_BYTES = 524_288  # a browser's error page has its <body> well before this
BODY_OPENING_BYTES = 4_096  # Chromium's error template opens its body with the error's element
_REFRESH = re.compile(rb"""<meta\b[^>]{0,300}?http-equiv\s*=\s*["']?refresh\b[^>]{0,600}>""", re.I)
_CONTENT = re.compile(rb"""\bcontent\s*=\s*(?:"([^"]{0,500})"|'([^']{0,500})'|([^\s>]{1,500}))""", re.I)
_DELAY_URL = re.compile(r"""^\s*(\d{1,6})(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"'\s][^"']*)?""", re.I)
SITE_ERROR_TEXT_CHARS = 600  # a server's error page says a line or two; a brief headed "Access denied" says more
_TITLE = re.compile(rb"<title\b[^>]{0,200}>([^<]{1,300})</title", re.I)
_ERROR_CODE_WORDS = r"(?:http\s+)?(?:error\s*)?[45]\d\d"
_ERROR_PHRASE = (
    r"(?:(?:sorry,?\s+)?(?:the\s+)?(?:page|file|article)\s+)?(?:not\s+found|forbidden|access\s+denied"
    r"|(?:service|site)\s+(?:temporarily\s+)?unavailable|bad\s+gateway|gateway\s+time-?out|too\s+many\s+requests"
    r"|internal\s+server\s+error|(?:does\s+not|doesn't)\s+exist)"
)
_SITE_ERROR_TITLE = re.compile(  # the whole of a title's part: "404 Not Found", "Page not found", "Error 403"
    rf"{_ERROR_CODE_WORDS}(?:\s*[-:.]?\s*\(?{_ERROR_PHRASE}\)?)?[.!1]*|(?:error\s*[-:]?\s*)?{_ERROR_PHRASE}[.!1]*",
    re.I,
)
_TITLE_PARTS = re.compile(r"\s+[-|–—:]\s+|\s*\|\s*")
CHALLENGE_BYTES = 131_072  # a security-check page is small (tens of kilobytes)
# Marks of the challenge page itself; an ordinary article of a site behind Cloudflare loads
# "/cdn-cgi/challenge-platform/scripts/jsd/main.js" too, so that path alone says nothing.
_CHALLENGE = (b"/cdn-cgi/challenge-platform/h/", b"cf-browser-verification", b"cf_chl_opt")
_FIGURE = re.compile(r"\d[.,]\d|\d\s?%")
STUB_FIGURES = 3  # a page showing this many figures (a live quote table that reloads itself) is no stub
_DROPPED = re.compile(rb"<(script|style|noscript|template|head)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(rb"<[^>]{0,2000}>")
_BODY_TAG = re.compile(rb"<body", re.I)


def refuse_stub(document: Document) -> None:
    """Raise ParseError when a page is a browser's error page or a redirect stub; return otherwise."""
    markup = document.markup
    if markup is None:
        return
    source = (document.source_url or "").strip().lower()
    body = _body_start(markup)
    if source.startswith(ERROR_URL_SCHEMES) or (_may_be_error_page(markup, body) and _ERROR_MARKS.search(markup)):
        raise ParseError(error_page_message(markup))
    if (len(markup) <= CHALLENGE_BYTES and any(mark in markup for mark in _CHALLENGE)
            and len(visible_text(markup)) <= SITE_ERROR_TEXT_CHARS):
        raise ParseError(
            "This is the site's security check (\u201cJust a moment\u2026\u201d, \u201cVerify you are human\u201d), "
            "saved before the article loaded: open the page in the browser, wait for the article, and save it again."
        )
    title = site_error_title(markup)
    if title is not None:
        raise ParseError(
            f"This is the site's error page (\u201c{title}\u201d), saved instead of the article: check the address, "
            "open the page again and save it once the article shows."
        )
    target = redirect_target(markup, body)
    if target is not None and _says_nothing(visible_text(markup)):
        where = f" to {target}" if target else ""
        raise ParseError(
            f"This file is only a redirect{where}, not a saved page: open that address in the browser and save "
            "the page it shows."
        )


def _says_nothing(text: str) -> bool:
    """A redirect stub's words: a line or two ("Redirecting…", "click here"), and no figures."""
    return len(text) <= STUB_TEXT_CHARS and len(_FIGURE.findall(text)) < STUB_FIGURES


def _may_be_error_page(markup: bytes, body: int) -> bool:
    """A quick look for the words the marks hold (a substring test is far cheaper than the regex): Chromium's body
    class or its error template's id just inside the body (which starts at ``body``), Firefox's stylesheet in the
    head. Only the head and the body's opening are looked at (a news page is ten times its head); a large page
    whose head does not end in its first HEAD_BYTES is no browser's error page (both write a short head)."""
    if body < 0:
        return len(markup) <= SMALL_PAGE_BYTES and (b"neterror" in markup or b"Error.css" in markup)
    return (markup.find(b"neterror", body, body + BODY_OPENING_BYTES) >= 0
            or markup.find(b"main-frame-error", body, body + BODY_OPENING_BYTES) >= 0
            or markup.find(b"Error.css", 0, min(body, 65_536)) >= 0)


def _body_start(markup: bytes) -> int:
    """Where the ``<body`` tag starts (-1 when the file has none in its first HEAD_BYTES)."""
    found = _BODY_TAG.search(markup, 0, HEAD_BYTES)  # (one case-blind search: twice as quick as two finds)
    return found.start() if found else -1


def error_page_message(markup: bytes) -> str:
    """What to tell the user about a saved error page: the address that failed and the browser's error code,
    when the page names them (Chromium's does)."""
    code = _ERROR_CODE.search(markup)
    url = next((m.group(1) for m in _FAILED_URL.finditer(markup) if b"${" not in m.group(1)), None)  # (not a template)
    what = f" ({code.group(1).decode('ascii')})" if code else ""
    where = f" of {html.unescape(url.decode('utf-8', 'replace'))}" if url else ""
    return (f"This is the browser's own error page{what}, saved when the page{where} did not load: it holds no "
            "article. Open the address again and save the page once it shows.")


def site_error_title(markup: bytes) -> str | None:
    """The title of a site's short error page ("404 Not Found"), or None for any other page."""
    match = _TITLE.search(markup, 0, 65_536)
    if match is None:
        return None
    title = " ".join(html.unescape(match.group(1).decode("utf-8", "replace")).split())
    if not any(_SITE_ERROR_TITLE.fullmatch(part) for part in _TITLE_PARTS.split(title)):
        return None
    if len(visible_text(markup)) > SITE_ERROR_TEXT_CHARS:
        return None
    return title


def redirect_target(markup: bytes, body: int) -> str | None:
    """The address a prompt ``<meta http-equiv="refresh">`` sends the browser to ("" when it names none), or
    None when the page has no such refresh (none at all, or one that only reloads the page after a while).
    A page larger than SMALL_PAGE_BYTES is searched in its head only (its body starts at ``body``)."""
    end = min(body, REFRESH_BYTES) if body >= 0 and len(markup) > SMALL_PAGE_BYTES else REFRESH_BYTES
    for tag in _REFRESH.finditer(markup, 0, end):
        content = _CONTENT.search(tag.group(0))
        if content is None:
            continue
        raw = next(group for group in content.groups() if group is not None)
        value = html.unescape(raw.decode("utf-8", "replace"))
        match = _DELAY_URL.match(value)
        if match is None or int(match.group(1)) > STUB_DELAY_SECONDS or not match.group(2):
            continue
        return match.group(2).strip()
    return None


def visible_text(markup: bytes) -> str:
    """The words a reader would see: the markup without its head, scripts, styles, comments and tags."""
    body = _TAG.sub(b" ", _DROPPED.sub(b" ", markup[:1_000_000]))
    return " ".join(html.unescape(body.decode("utf-8", "replace")).split())
