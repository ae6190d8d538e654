"""Markup vocabulary true of any site: page furniture, boilerplate words, block and dropped tags."""

from __future__ import annotations

import re

# Lines that are page furniture, never paragraphs or titles: compared as ``line_key`` gives them (lower case,
# words only, one space between).
FURNITURE_LINES = frozenset({
    "comments", "comment", "200 characters", "advertisement", "advertisements", "ad", "share", "share this",
    "share this article", "share this story", "read more", "continue reading", "facebook", "twitter", "x",
    "whatsapp", "linkedin", "email", "print", "copy link", "most popular", "most read", "latest news", "latest",
    "related", "related news", "related articles", "related stories", "post comment", "leave a comment",
    "submit", "follow us", "top stories", "you may also like", "load more", "subscribe", "sponsored",
    "recommended", "more", "skip to main content", "skip to content", "skip to navigation",
    "skip to main navigation", "skip to footer", "jump to content", "toggle navigation", "open menu",
    "close menu", "menu", "search", "close", "tweet", "pin", "reddit", "sign up", "log in", "login",
    "back to top", "image", "photo", "video", "story continues below advertisement", "story continues below",
    "article continues below", "article continues below advertisement", "continue reading below",
    "continue reading below advertisement", "content continues below", "advertisement continue reading below",
    "scroll to continue with content", "advertisement scroll to continue", "play video", "watch video", "follow",
})
# Lines after which the story is over (the same comparison).
STOP_LINES = frozenset({
    "comments", "post comment", "leave a comment", "add a comment", "most popular", "most read", "latest news",
    "related articles", "related stories", "related coverage", "more stories", "you may also like",
    "recommended for you", "read next", "more from", "more on this story",
})

# Headings of a list of other stories (the same comparison): what follows them is headlines, not the story.
LIST_HEADINGS = frozenset({
    "latest", "latest news", "latest stories", "most read", "most popular", "most viewed", "most shared",
    "top stories", "trending", "trending now", "popular", "related", "related news", "related stories",
    "related articles", "recommended", "recommended for you", "editor s picks", "editors picks", "you may also like",
    "more stories", "more news", "read next", "in case you missed it", "also read",
})

# Headings of a short summary of the story above its text (the same comparison): its items are the story's.
SUMMARY_HEADINGS = frozenset({
    "key points", "key takeaways", "highlights", "key highlights", "in brief", "at a glance", "the big picture",
    "what you need to know", "in short", "summary", "story highlights", "quick take",
})
# The heading of a press release's contact block ("Media contact:"): the release is over.
CONTACT_HEADING = re.compile(  # (a subheading "Investor relations" or a bold "Contact:" inside a story are no block)
    r"^(?:for (?:media enquiries|media inquiries|press enquiries)[^:]{0,40}|(?:media|press)\s+"
    r"(?:contacts?|enquiries|inquiries))\s*:?$",
    re.IGNORECASE,
)

# Section names that are also furniture words elsewhere ("Print" is a share button and the print edition).
SECTION_NAMES = frozenset({"print", "video", "latest", "opinion"})
# Legal lines of a site's footer (matched against lower-cased text: a case-blind pattern is several times slower).
FOOTER_TEXT = re.compile(
    r"\b(?:all rights reserved|registered in (?:england|scotland|ireland)|may not be reproduced|"
    r"reproduced without (?:the )?(?:prior )?(?:written )?permission|"
    r"views expressed (?:in this (?:article|piece|column) )?are (?:the )?(?:writer|author|contributor)s?(?:'|’)s? own)"
)
# A note on the writer at the end of a story ("The writer is a former finance minister."): not the story.
WRITER_NOTE = re.compile(r"^(?:the )?(?:writer|author|columnist|contributor)s? (?:is|are|was|were|has|teaches|works)\b",
                         re.IGNORECASE)
MAX_WRITER_NOTE = 300
# Words of a consent dialog's text (the purposes and partners it lists); a sentence with two of them is the dialog's.
CONSENT_TERMS = re.compile(
    r"\b(?:consent|cookies?|partners|personal data|legitimate interests?|your (?:device|profile|preferences|"
    r"choices|data)|personali[sz]ed (?:ads|advertising|content)|precise geolocation|unique identifiers)\b"
)

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
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Elements whose text the article walk never reads (controls, media, metadata).
SKIPPED_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "iframe", "select", "textarea", "button",
    "input", "option", "optgroup", "map", "object", "embed", "canvas", "audio", "video", "dialog",
    "link", "meta", "title", "base",
})

# --- What an element is, from its tag, ARIA role, class and id (the article walk's marks) ---------------

# Tags and ARIA roles of page furniture: navigation, asides, footers, dialogs.
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "menu", "header"})
FURNITURE_ROLES = frozenset({
    "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog", "alertdialog",
    "search", "tablist", "toolbar", "alert",
})
# The story's own container: furniture words on it, or on what wraps it, are not trusted.
STORY_TAGS = frozenset({"article", "main"})
STORY_ITEMPROPS = frozenset({"articlebody", "text", "reviewbody"})

# Words of class and id (split at -, _ and case changes, lower-cased) that mark furniture: whole words,
# word prefixes, and pairs of words that mark it although each alone does not ("most-read", "read-next").
NEGATIVE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "breadcrumb", "breadcrumbs", "widget", "widgets",
    "footer", "masthead", "banner", "ad", "ads", "adv", "adslot", "adunit", "dfp", "gpt", "taboola", "outbrain",
    "share", "shares", "sharing", "sharebar", "social", "socials", "disqus", "respond", "replies", "reply",
    "related", "recommended", "recommendations", "recirc", "popular", "trending", "mostread", "mostpopular",
    "newsletter", "newsletters", "cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "didomi", "modal",
    "popup", "overlay", "toolbar", "pagination", "pager", "tags", "tagcloud", "skip", "skiplink", "print",
    "login", "signin", "signup", "register", "ticker", "marquee", "meta", "complementary", "community",
    "partners", "donate", "promo", "promos", "outstream", "subnav", "topbar", "copyright", "legal",
    "unsubscribe", "offscreen", "jumplink", "logo", "sitename", "sitetitle", "disclaimer",
})
NEGATIVE_PREFIXES = (
    "advert", "sponsor", "comment", "subscri", "related", "sharing", "sharebar", "shareicon", "socialicon",
    "sociallink", "socialshare", "trending", "popular", "footer", "breadcrumb", "newsletter", "promot",
    "recommend", "cookie", "consent", "sharedaddy", "addthis", "socialmedia", "nocontent", "adsense",
    "adsbygoogle", "shoutbox", "agegate",
)
NEGATIVE_PAIRS = frozenset({
    ("most", "read"), ("most", "viewed"), ("more", "stories"), ("read", "next"), ("also", "read"),
    ("you", "may"), ("more", "from"), ("top", "stories"), ("latest", "news"), ("sign", "up"), ("log", "in"),
    ("site", "info"), ("next", "post"), ("prev", "post"), ("post", "nav"), ("author", "bio"),
    ("about", "author"), ("author", "box"), ("see", "also"), ("more", "like"), ("site", "header"),
    ("site", "footer"), ("site", "title"), ("site", "name"), ("site", "logo"), ("page", "footer"),
    ("global", "footer"),
})
NOT_NEGATIVE = frozenset({"commentary", "commentaries"})  # opinion pieces: story text
# Furniture words of elements whose text is still read (a byline inside an "entry-meta" bar).
READ_INSIDE = frozenset({
    "meta", "masthead", "modal", "popup", "overlay", "toolbar", "print", "logo", "skip", "hidden", "offscreen",
    "banner",
})
# Word prefixes of notices (cookie, consent, subscription, sign-in): never the story, even as a last resort.
NOTICE_PREFIXES = (
    "cookie", "consent", "gdpr", "subscri", "newsletter", "signup", "onetrust", "didomi", "cmp", "login",
    "signin", "register", "privacy", "unsubscri",
)
# Words of page layout: a sidebar beside the story, or a wrapper of story and sidebar ("contentWithSidebar");
# trusted only where the element is not the main branch of prose.
LAYOUT_WORDS = frozenset({"sidebar", "sidebars", "rail", "aside", "secondary", "supplemental", "extra",
                          "sideblock"})
POSITIVE_WORDS = frozenset({
    "article", "articlebody", "story", "storybody", "entry", "post", "postbody", "content", "main", "body",
    "text", "blog", "prose", "richtext", "page", "column", "copy",
})
STORY_PAIRS = frozenset({
    ("article", "body"), ("story", "body"), ("entry", "content"), ("post", "content"), ("article", "content"),
    ("article", "text"), ("story", "content"), ("post", "body"), ("article", "main"), ("main", "content"),
})
TEASER_WORDS = frozenset({
    "excerpt", "standfirst", "teaser", "summary", "subtitle", "subheadline", "subhead", "dek", "deck",
    "strapline", "sapo", "chapo", "lede", "description", "intro",
})
CAPTION_WORDS = frozenset({"caption", "captions", "figcaption", "credit", "credits", "imagecaption"})
BYLINE_WORDS = frozenset({"byline", "bylines", "author", "authors", "writer", "writers", "contributor",
                          "contributors", "writtenby", "dateline"})
DATE_WORDS = frozenset({"date", "time", "timestamp", "published", "pubdate", "datetime", "dateline"})
HIDDEN_WORDS = frozenset({"sronly", "visuallyhidden", "screenreadertext", "screenreaderonly", "srtext",
                          "readerhidden", "hide", "invisible"})
HIDDEN_PAIRS = frozenset({("sr", "only"), ("visually", "hidden"), ("screen", "reader"), ("u", "hidden"),
                          ("a11y", "hidden")})

# Text of a cookie, consent, subscription or sign-up notice, for notices whose markup says nothing (matched
# against lower-cased text).
NOTICE_TEXT = re.compile(
    r"\b(?:we use cookies|(?:this (?:site|website) )?uses cookies|accept (?:all )?cookies|"
    r"cookie (?:policy|settings|preferences|notice)|"
    r"manage (?:your )?(?:cookie|privacy) (?:settings|preferences)|"
    r"subscribe (?:now|today)|subscribers? only|already a subscriber|to continue reading|"
    r"unlimited (?:digital )?access|"
    r"(?:sign|log) ?in to (?:continue|read)|create a free account|register to (?:continue|read)|"
    r"you(?:'|’)ve reached your|free articles? (?:left|remaining)|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,30}newsletter|(?:in|to) your inbox|"
    r"(?:free or paid|paid) subscriber|(?:type|enter) your e-?mail)|"
    r"^(?:follow|join) (?:us|@|[\w.]+(?: [\w.]+){0,3} (?:on|to) )(?:.{0,30}\b(?:on|to) )?"
    r"(?:google news|whatsapp|telegram|twitter|x|facebook|instagram|youtube)\b(?:[^.]{0,40})$|"
    r"^join (?:our|the) .{0,30}(?:whatsapp|telegram) channel|^like .{0,40} on facebook,? (?:and )?follow\b"
)
# Every match of the notice pattern holds one of these (a cheap test before the pattern; each is rare in prose,
# so the pattern seldom runs).
NOTICE_STEMS = ("cookie", "subscri", "newsletter", "in to ", "register to", "free account", "reached your",
                "free article", "unlimited", "continue reading", "manage", "inbox", "your e")
PROMO_STARTS = ("follow", "join", "like ")  # how the lines that ask to follow the site start (lower case)


# Class tokens that describe a state or a taxonomy term (has-sidebar, tag-budget, ads-enabled), not what
# the element holds: they never make a container boilerplate.
MODIFIER_CLASS = re.compile(
    r"^(?:has|no|tag|tags|is|with|without|category|cat|type|format|status|single|show|enable|disable|layout|"
    r"template|theme|wp|js|lang|section)[-_]|[-_](?:enabled|disabled|active|inactive|visible|open|closed|on|off|loaded)$",
    re.I,
)

# --- Quote vocabulary: words any site uses around prices (no one site's class names) ----------------------------

# Column headers of quote tables, by the role of their column; compared case-insensitively, spaces collapsed.
# "text" columns are read past (LISTED IN); a SECTOR column beside a symbol column is the row's sector.
QUOTE_HEADERS: dict[str, str] = {
    **dict.fromkeys(("symbol", "symbols", "scrip", "scrips", "script", "company", "code", "stock", "ticker",
                     "stock name", "scrip name", "symbol name", "stock symbol", "ticker symbol", "scrip code", "name"),
                    "symbol"),
    **dict.fromkeys(("index", "indices", "indexes"), "index"),
    **dict.fromkeys(("sector", "sectors"), "sector"),
    **dict.fromkeys(("current", "close", "closing", "rate", "price", "ltp", "last", "last price", "current price",
                     "closing price", "close price", "last rate", "current rate", "last close", "closing rate",
                     "last traded price", "last trade price", "last traded", "market price", "points"), "price"),
    **dict.fromkeys(("change", "chg", "chg.", "net", "net change", "net chg", "net chg.", "change (rs)",
                     "change (rs.)", "+/-", "+ / -", "change in rs", "diff", "diff.", "difference"), "change"),
    **dict.fromkeys(("change (%)", "change(%)", "% chg", "%chg", "% chg.", "%", "change%", "change %", "% change",
                     "%change", "chg%", "chg %", "chg.%", "chg. %", "chg (%)", "percent", "percent change", "pct",
                     "% age", "percentage", "percentage change", "change in %", "change in percent",
                     "change in percentage", "% +/-", "diff %", "diff%", "diff (%)", "% diff"), "percent"),
    **dict.fromkeys(("ldcp", "prev. close", "prev close", "previous", "previous close", "prev.", "prev", "p. close",
                     "last day close", "yesterday close", "ref. price"), "prev"),
    "open": "open", "high": "high", "low": "low",
    **dict.fromkeys(("volume", "vol", "vol.", "volume traded", "turnover", "traded volume", "shares traded"),
                    "volume"),
    "listed in": "text",
}

# First-column headers of tables that print a rate and its change but quote no PSX symbol: their rows are not
# quotes even when they read like one ("USD 280.15 +0.05 +0.02%" under Currency | Rate | Change | Change %).
OTHER_NAME_COLUMNS = frozenset({
    "currency", "currencies", "country", "commodity", "commodities", "metal", "date", "day", "month", "year",
    "period", "time", "tenor", "maturity", "bond", "instrument", "market", "exchange", "party", "parties",
    "candidate", "team", "club", "player", "product", "item", "model", "variant", "city", "province", "region",
    "district", "constituency", "crop", "fuel", "fund", "funds", "scheme", "security", "securities",
})
# Codes that are never Pakistan Stock Exchange symbols however quote-like their line: currencies (ISO 4217), crypto
# coins and commodities. An exchange rate written as a pair (``USD/PKR``) is known by its slash.
NOT_PSX_SYMBOLS = frozenset({
    "USD", "EUR", "GBP", "JPY", "CNY", "SAR", "AED", "CAD", "AUD", "CHF", "KWD", "QAR", "OMR", "BHD", "MYR", "SGD",
    "INR", "HKD", "TRY",
    "BTC", "ETH", "XRP", "SOL", "BNB", "USDT", "USDC", "DOGE", "ADA", "TRX", "LTC", "DOT", "AVAX", "SHIB", "XLM",
    "TON", "MATIC",
    "GOLD", "SILVER", "BRENT", "WTI", "CRUDE", "COTTON", "XAU", "XAG", "XPT", "XPD",
})

# Words a strip prints between the price and the change ("Increased By"), with the direction they state.
DIRECTION_WORDS: dict[str, str] = {
    "increased": "up", "up": "up", "decreased": "down", "down": "down", "no change": "unchanged",
    "unchanged": "unchanged", "unch": "unchanged",
}
# Field labels a quote card may carry, often visually hidden; read past inside a strip item.
FIELD_LABELS = (
    "symbol", "scrip", "price", "last price", "last", "ltp", "current", "close", "rate", "change", "chg",
    "percent change", "percentage change", "percent", "percentage", "% change", "change %", "chg %", "change (%)",
    "% chg", "volume", "vol", "pts", "high", "low", "open", "ldcp", "prev close", "prev. close", "turnover",
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
