"""Business Recorder and Pakistan Stock Exchange facts: index names and the site's title suffixes."""

from __future__ import annotations

import re

# Pakistan Stock Exchange and Business Recorder index names seen in ticker strips.
INDEX_NAMES = frozenset({
    "BR100", "BR30", "KSE100", "KSE30", "KSE100PR", "KMI30", "KMIALLSHR", "ALLSHR", "PSXDIV20",
    "NBPPGI", "NITPGI", "UPP9", "MZNPI", "JSMFI", "JSGBKTI", "HBLTTI", "MII30", "BKTI", "OGTI", "ACI",
    "ALLSHRPR", "KSE30PR",
})
INDEX_PREFIX = re.compile(r"(?:KSE|KMI|BR|PSX)\d")

# " - Business Recorder", " | Dawn" and the like, cut from <title> and og:title.
TITLE_SUFFIX = re.compile(r"\s{1,3}[-|–—:]\s{1,3}(?:Business Recorder|Brecorder|BR|Dawn|Dawn\.com)\s{0,3}$", re.I)


def is_index(symbol: str) -> bool:
    """Whether a ticker symbol names an index rather than a stock."""
    return symbol in INDEX_NAMES or (symbol[0] in "BKP" and INDEX_PREFIX.match(symbol) is not None)
