"""Markup vocabulary true of any site: page furniture, boilerplate words, block and dropped tags."""

from __future__ import annotations

import re

# Lines that are page furniture, never paragraphs (compared case-insensitively, whole line).
FURNITURE_LINES = frozenset({
    "comments", "comment", "200 characters", "advertisement", "advertisements", "ad", "share",
    "read more", "facebook", "twitter", "whatsapp", "linkedin", "email", "print", "copy link",
    "most popular", "latest news", "latest", "related", "related news", "post comment", "submit",
    "follow us", "top stories", "you may also like", "load more", "subscribe", "sponsored",
    "skip to main content", "skip to content", "skip to navigation", "skip to main navigation",
    "skip to footer", "jump to content", "toggle navigation", "open menu", "close menu", "menu", "search",
})
STOP_LINES = frozenset({"comments", "post comment", "leave a comment", "most popular", "latest news"})

# Elements whose content is never article or ticker text (each costs one pass over the tree).
DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "select", "textarea", "button")

# Elements that start and end a line in rendered text (as browsers lay them out).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "marquee", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "option", "optgroup",
})
CELL_TAGS = frozenset({"td", "th"})

# Containers whose content is navigation or clutter, by tag or by a word in class/id.
BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "form", "menu", "dialog"})
BOILERPLATE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|side-bar|widget|popular|trending|latest|most-read|mostread|"
    r"share|sharing|social|comments?|disqus|advert\w{0,12}|ads?|adsbygoogle|sponsor\w{0,6}|newsletter|"
    r"footer|breadcrumbs?|ticker|marquee|cookie|banner|promo|outbrain|taboola|tags?)(?:$|[\s_-])",
    re.I,
)

# Class tokens that describe a state or a taxonomy term (has-sidebar, tag-budget, ads-enabled), not what
# the element holds: they never make a container boilerplate.
MODIFIER_CLASS = re.compile(
    r"^(?:has|no|tag|tags|is|with|without|category|cat|type|format|status|post|page|single|show|hide|"
    r"enable|disable)[-_]|[-_](?:enabled|disabled|active|inactive|visible|hidden|open|closed|on|off)$",
    re.I,
)

# --- Quote vocabulary: words any site uses around prices (no one site's class names) ----------------------------

# Column headers of quote tables, by the role of their column; compared case-insensitively, spaces collapsed.
# "text" columns are read past (LISTED IN); a SECTOR column beside a symbol column is the row's sector.
QUOTE_HEADERS: dict[str, str] = {
    **dict.fromkeys(("symbol", "symbols", "scrip", "scrips", "script", "company", "code", "stock", "ticker"),
                    "symbol"),
    **dict.fromkeys(("index", "indices", "indexes"), "index"),
    **dict.fromkeys(("sector", "sectors"), "sector"),
    **dict.fromkeys(("current", "close", "closing", "rate", "price", "ltp", "last", "last price", "current price",
                     "closing price", "close price", "last rate", "current rate", "last close"), "price"),
    **dict.fromkeys(("change", "chg", "chg.", "net", "net change", "change (rs)", "change (rs.)"), "change"),
    **dict.fromkeys(("change (%)", "change(%)", "% chg", "%chg", "% chg.", "%", "change%", "change %", "% change",
                     "chg%", "chg %", "chg (%)", "percent", "percent change", "pct", "% age"), "percent"),
    **dict.fromkeys(("ldcp", "prev. close", "prev close", "previous", "previous close", "prev.", "prev", "p. close"),
                    "prev"),
    "open": "open", "high": "high", "low": "low",
    **dict.fromkeys(("volume", "vol", "vol.", "volume traded", "turnover"), "volume"),
    "listed in": "text",
}

# Words a strip prints between the price and the change ("Increased By"), with the direction they state.
DIRECTION_WORDS: dict[str, str] = {
    "increased": "up", "up": "up", "decreased": "down", "down": "down", "no change": "unchanged",
    "unchanged": "unchanged", "unch": "unchanged",
}
# Field labels a quote card may carry, often visually hidden; read past inside a strip item.
FIELD_LABELS = (
    "symbol", "scrip", "price", "last price", "last", "ltp", "current", "close", "rate", "change", "chg",
    "percent change", "percentage change", "percent", "percentage", "% change", "volume", "vol",
)

# Arrows drawn before or after a change; a dot or square is drawn for "no change".
GLYPHS_UP = "▲△↑⬆▴⏶"
GLYPHS_DOWN = "▼▽↓⬇▾⏷"
GLYPHS_FLAT = "●◆■◼▪"

# Class-name words (a class split on spaces, "-" and "_") that state a direction: tick--down, qs-item--pos.
CLASS_UP = frozenset({"up", "pos", "positive", "gain", "gainer", "gains", "plus", "green", "rise", "increase",
                      "inc", "higher", "bull", "bullish"})
CLASS_DOWN = frozenset({"down", "dn", "neg", "negative", "loss", "loser", "losers", "minus", "red", "fall",
                        "decrease", "dec", "lower", "bear", "bearish"})
CLASS_FLAT = frozenset({"flat", "unchanged", "nochange", "neutral", "unch", "nc", "same", "zero"})
