"""Deterministic Business Recorder-style saved pages ("Webpage, HTML only") with their known truth."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

STOCKS = (
    "AIRLINK", "BOP", "CNERGY", "FCCL", "FFL", "FLYNG", "HUBC", "HUMNL", "KEL", "KOSM",
    "MLCF", "OGDC", "PACE", "PAEL", "PIAHCLA", "PIBTL", "POWER", "PPL", "PRL", "PTC",
    "SEARL", "SILK", "SSGC", "SYM", "TELE", "TPLP", "TRG", "WAVESAPP", "WTL", "YOUW",
)
INDICES = (("BR100", 12_000), ("BR30", 36_000), ("KSE100", 114_000), ("KSE30", 35_000))
SECTIONS = ("World", "Markets", "Pakistan", "Business & Finance", "Stocks", "Energy", "Technology")
SUBJECTS = (
    "The finance ministry", "Analysts at Topline Securities", "The central bank", "Exporters",
    "The Pakistan Stock Exchange", "Textile millers", "Government officials", "Cement makers",
    "Foreign investors", "The planning commission", "Independent power producers", "Brokers in Karachi",
)
VERBS = (
    "said on Monday that", "warned that", "told reporters that", "expect that", "argued that",
    "noted in a statement that", "confirmed on Friday that", "estimated that",
)
CLAUSES = (
    "the rupee would stay stable against the dollar through the quarter",
    "inflation had eased to {n} percent in the last month",
    "the budget deficit narrowed by Rs{n} billion compared with a year earlier",
    "volumes on the exchange rose to {n} million shares",
    "the IMF review was likely to conclude before the end of the fiscal year",
    "gas supply to industry would be restored within {n} days",
    "remittances from the Gulf grew by {n} percent",
    "the benchmark index gained {n} points in early trade before profit-taking set in",
    "cotton arrivals were lower than the target set by the ministry",
    "the policy rate could be cut again if prices keep falling",
    "circular debt in the power sector had reached Rs{n} billion",
    "new tax measures would hit salaried workers the hardest",
)
NAV = ("Home", "Latest", "Markets", "Pakistan", "World", "Business & Finance", "Opinion", "Technology",
       "Sports", "Life & Style", "Videos", "Budget 2025-26", "E-Paper", "Stocks", "Commodities")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@dataclass(frozen=True)
class _Truth:
    title: str
    section: str
    published: str
    published_text: str
    summary: str
    paragraphs: tuple[str, ...]
    related: str
    related_after: int
    quotes: tuple[tuple[str, str, float, float, float, str, str], ...]


def _fmt_percent(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _quote(rng: random.Random, symbol: str, base: float, index: bool) -> tuple:
    prev = base * rng.uniform(0.7, 1.3)
    roll = rng.random()
    if roll < 0.08:
        change = 0.0
    else:
        change = round(prev * rng.uniform(-0.075, 0.075), 1 if index else 2) or 0.01
    price = prev + change
    percent = round(change / prev * 100, 2)
    if index:
        price_text = f"{round(price):,}"
        change_text = f"{change:.1f}"
    else:
        price = round(price, 2)
        price_text = f"{price:.2f}"
        change_text = f"{change:.2f}"
    if change > 0:
        word, glyph, direction = "Increased By", "▲", "up"
    elif change < 0:
        word, glyph, direction = "Decreased By", "▼", "down"
    else:
        word, glyph, direction = "No Change", "▼", "unchanged"
    kind = "index" if index else "stock"
    line = f"{symbol} {price_text} {word} {'' if index else glyph + ' '}{change_text} ({_fmt_percent(percent)}%)"
    return (symbol, line, float(price_text.replace(",", "")), change, percent, direction, kind)


def _sentence(rng: random.Random) -> str:
    clause = rng.choice(CLAUSES).format(n=f"{rng.randint(2, 9_999):,}")
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {clause}."


def _truth(index: int) -> _Truth:
    rng = random.Random(index * 7919 + 17)
    quotes = tuple(_quote(rng, s, rng.uniform(2, 400), False) for s in STOCKS)
    quotes += tuple(_quote(rng, s, base, True) for s, base in INDICES)
    topic = rng.choice(SUBJECTS)
    title = f"{topic} weighs outlook as markets react to report no. {index}: “{rng.choice(CLAUSES).format(n=index)}”"
    paragraphs = []
    for _ in range(rng.randint(6, 12)):
        paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))))
    paragraphs[0] = f"KARACHI: {paragraphs[0]}"
    summary = paragraphs[0][:100].rsplit(" ", 1)[0] + "..."
    year, month, day = 2015 + index % 11, 1 + index % 12, 1 + index % 28
    return _Truth(
        title=title,
        section=SECTIONS[index % len(SECTIONS)],
        published=f"{year:04d}-{month:02d}-{day:02d}",
        published_text=f"{MONTHS[month - 1]} {day}, {year}",
        summary=summary,
        paragraphs=tuple(paragraphs),
        related=f"Related: {rng.choice(SUBJECTS)} reviews plan number {index + 3}",
        related_after=min(3, len(paragraphs) - 1),
        quotes=quotes,
    )


def _script(rng: random.Random, size: int) -> str:
    parts = ["<script>(function(w,d){var cfg={"]
    while sum(map(len, parts)) < size:
        key = rng.randint(10_000, 99_999)
        parts.append(f'"k{key}":"{rng.getrandbits(64):x}",')
        parts.append(f"f{key}:function(a,b){{return a<b?a:b&&d.getElementById('x{key}')}},")
    parts.append("};w.__cfg=cfg;})(window,document);</script>\n")
    return "".join(parts)


def _ticker(truth: _Truth) -> str:
    items = []
    for symbol, _line, price, change, percent, direction, kind in truth.quotes:
        word = {"up": "Increased By", "down": "Decreased By", "unchanged": "No Change"}[direction]
        glyph = "" if kind == "index" else ("▲" if direction == "up" else "▼")
        price_text = f"{round(price):,}" if kind == "index" else f"{price:.2f}"
        change_text = f"{change:.1f}" if kind == "index" else f"{change:.2f}"
        items.append(
            f'<div class="ticker__item ticker--{direction}"><a href="/trends/{symbol.lower()}">'
            f'<span class="ticker__symbol">{symbol}</span> <span class="ticker__price">{price_text}</span> '
            f'<span class="sr-only">{word}</span> <span class="ticker__arrow">{glyph}</span> '
            f'<span class="ticker__change">{change_text} ({_fmt_percent(percent)}%)</span></a></div>'
        )
    return '<div class="ticker"><div class="ticker__inner marquee">' + "".join(items) + "</div></div>\n"


def _card(rng: random.Random, tag: str = "li") -> str:
    """A story teaser as news sites repeat them: thumbnail, headline link, excerpt, time."""
    story = rng.randint(4_000_000, 4_999_999)
    return (
        f'<{tag} class="box"><figure class="box__media"><a href="/news/{story}"><img loading="lazy" '
        f'src="https://i.brecorder.com/thumbs/{story}.jpg" alt="" width="160" height="90"></a></figure>'
        f'<div class="box__body"><h4 class="box__title"><a href="/news/{story}">{html.escape(_sentence(rng))}'
        f'</a></h4><p class="box__excerpt">{html.escape(_sentence(rng))}</p>'
        f'<span class="box__time">{rng.randint(2, 23)} hours ago</span></div></{tag}>'
    )


def _sidebar(rng: random.Random, label: str) -> str:
    items = "".join(_card(rng) for _ in range(10))
    return f'<aside class="sidebar"><h3 class="sidebar__title">{label}</h3><ul>{items}</ul>' \
           f'<div class="ad"><span class="ad__label">Advertisement</span></div></aside>\n'


def _more_stories(rng: random.Random, section: str) -> str:
    cards = "".join(_card(rng, "article") for _ in range(12))
    return f'<section class="more-stories"><h2>More from {html.escape(section)}</h2>{cards}</section>\n'


def _article(truth: _Truth, index: int) -> str:
    body = []
    for n, para in enumerate(truth.paragraphs):
        body.append(f"<p>{html.escape(para)}</p>")
        if n + 1 == truth.related_after:
            body.append(f'<p><strong><a href="/news/{40_000_000 + index}">{html.escape(truth.related)}</a>'
                        "</strong></p>")
    return (
        '<article class="story"><div class="story__section"><a href="/world">'
        f'{html.escape(truth.section)}</a></div><h1 class="story__title">{html.escape(truth.title)}</h1>'
        f'<div class="story__excerpt">{html.escape(truth.summary)}</div>'
        f'<div class="story__time"><span class="timestamp">Published {truth.published_text}</span></div>'
        '<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Whatsapp</a></div>'
        '<figure class="media"><div class="media__item"></div><figcaption>A trader watches screens at the '
        'Pakistan Stock Exchange in Karachi. Photo: file</figcaption></figure>'
        f'<div class="story__content">{"".join(body)}</div></article>\n'
        '<div class="comments"><h4>Comments</h4><form><textarea placeholder="Comment"></textarea>'
        '<span class="chars">200 characters</span></form></div>\n'
    )


def br_article_html(index: int, size_kb: int = 200) -> bytes:
    """A saved Business Recorder article page of about ``size_kb`` KB, the same bytes for the same index."""
    truth = _truth(index)
    rng = random.Random(index)
    url = f"https://www.brecorder.com/news/{40_000_000 + index}/report-{index}"
    head = (
        f"<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->\n<html lang=\"en\"><head>"
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
        f"<title>{html.escape(truth.title)} - Business Recorder</title>"
        f'<meta property="og:title" content="{html.escape(truth.title)}">'
        f'<meta property="article:published_time" content="{truth.published}T09:15:00+05:00">'
        f'<link rel="canonical" href="{url}"><style>.ticker{{overflow:hidden}}.sr-only{{position:absolute}}</style>'
    )
    nav = '<header class="header"><nav><ul class="menu">' + "".join(
        f'<li class="menu__item"><a href="/{n.lower()}">{html.escape(n)}</a><ul class="menu__sub">'
        + "".join(f'<li><a href="/{n.lower()}/{k}">{html.escape(n)} {k}</a></li>' for k in range(8))
        + "</ul></li>"
        for n in NAV
    ) + "</ul></nav></header>\n"
    footer = '<footer class="footer"><div class="footer__links">' + "".join(
        f'<div class="footer__col"><h5>{html.escape(n)}</h5>'
        + "".join(f'<a href="/{n.lower()}/p{k}">Page {k}</a> ' for k in range(5)) + "</div>"
        for n in NAV
    ) + "<p>Copyright © Business Recorder. All rights reserved.</p></div></footer>\n"
    parts = [head, _script(rng, 3_000), "</head><body>", nav, _ticker(truth), '<main class="container">',
             _article(truth, index), _more_stories(rng, truth.section), _sidebar(rng, "Most Popular"),
             _sidebar(rng, "Latest News"), "</main>",
             footer]
    target = size_kb * 1024
    used = sum(len(p.encode()) for p in parts) + 20
    while used < target:
        chunk = _script(rng, min(12_000, max(200, target - used - 200)))
        parts.append(chunk)
        used += len(chunk.encode())
    parts.append("</body></html>\n")
    return "".join(parts).encode("utf-8")


def expected_for(index: int) -> dict:
    """What a correct parser finds in ``br_article_html(index)``."""
    truth = _truth(index)
    return {
        "title": truth.title,
        "section": truth.section,
        "published": truth.published,
        "summary": truth.summary,
        "paragraphs": list(truth.paragraphs),
        "related": [truth.related],
        "quotes": len(truth.quotes),
        "quote_lines": [q[1] for q in truth.quotes],
        "source_url": f"https://www.brecorder.com/news/{40_000_000 + index}/report-{index}",
    }
