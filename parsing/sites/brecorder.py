"""Business Recorder and Pakistan Stock Exchange facts: index names and the site's title suffixes."""

from __future__ import annotations

import re

# Pakistan Stock Exchange and Business Recorder index names, as strips and tables print them.
INDEX_NAMES = frozenset({
    "BR100", "BR30", "KSE100", "KSE30", "KSE100PR", "KSE30PR", "KMI30", "KMIALLSHR", "ALLSHR", "ALLSHRPR",
    "PSXDIV20", "NBPPGI", "NITPGI", "UPP9", "MZNPI", "JSMFI", "JSGBKTI", "HBLTTI", "MII30", "BKTI", "OGTI", "ACI",
    "KMIPSX", "PSXBR",
})
# Indices a table may name in words, lower-cased without " Index": their symbols.
INDEX_TITLES = {"all share": "ALLSHR", "all shares": "ALLSHR", "kmi all share": "KMIALLSHR",
                "kmi all shares": "KMIALLSHR", "kse all share": "ALLSHR"}
INDEX_PREFIX = re.compile(r"(?:KSE|KMI|BR|PSX|MII)\d")

# " - Business Recorder", " | Dawn" and the like, cut from <title> and og:title.
TITLE_SUFFIX = re.compile(r"\s{1,3}[-|–—:]\s{1,3}(?:Business Recorder|Brecorder|BR|Dawn|Dawn\.com)\s{0,3}$", re.I)


def is_index(symbol: str) -> bool:
    """Whether a ticker symbol names an index rather than a stock ("KSE-100" and "KSE100" alike)."""
    key = symbol.replace("-", "").replace(" ", "").upper() if "-" in symbol or " " in symbol else symbol
    return key in INDEX_NAMES or (key[:1] in "BKPM" and INDEX_PREFIX.match(key) is not None)
