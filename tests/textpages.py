"""Saved pages as a browser's select-all and copy gives them, in the Business Recorder layout."""

from __future__ import annotations

QUOTE_LINES = [
    ("AIRLINK", 165.36, -10.19, -5.8),
    ("BOP", 10.39, -0.62, -5.63),
    ("OGDC", 213.07, 13.70, 6.87),
    ("SILK", 1.15, 0.0, 0.0),
    ("TRG", 60.93, -5.07, -7.68),
    ("PPL", 174.79, 2.13, 1.23),
]


def quote_line(symbol: str, price: float, change: float, percent: float) -> str:
    if change > 0:
        return f"{symbol} {price:.2f} Increased By ▲ {change:.2f} ({percent:g}%)"
    if change < 0:
        return f"{symbol} {price:.2f} Decreased By ▼ {change:.2f} ({percent:g}%)"
    return f"{symbol} {price:.2f} No Change ▼ 0.00 (0%)"


def text_page(title: str, body_word: str = "cement", quotes: list[tuple[str, float, float, float]] | None = None) -> str:
    """A page as a browser's select-all and copy gives it, in the Business Recorder layout."""
    lines = [quote_line(*q) for q in (QUOTE_LINES if quotes is None else quotes)]
    lines += ["KSE100 114,909 Decreased By -3882.2 (-3.27%)", "Markets", "", title, ""]
    lines += [f"KARACHI: {title} as traders weighed the outlook...", "Published January 13, 2025", ""]
    lines += [
        f"KARACHI: {title} as traders weighed the outlook for the {body_word} sector on Monday afternoon.",
        "",
        "Analysts said volumes were thin and investors stayed on the sidelines ahead of the policy meeting.",
        "",
        "The benchmark index closed lower after a volatile session in which banks led the decline.",
        "",
        "Comments",
        "",
        "200 characters",
    ]
    return "\n".join(lines)
