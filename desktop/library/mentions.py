"""Finding the ticker symbols and company names an article mentions (no Qt)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Common names of companies listed on the Pakistan Stock Exchange, by ticker symbol.
COMPANY_NAMES: dict[str, tuple[str, ...]] = {
    "OGDC": ("Oil and Gas Development Company", "OGDCL"),
    "PPL": ("Pakistan Petroleum",),
    "PSO": ("Pakistan State Oil",),
    "POL": ("Pakistan Oilfields",),
    "MARI": ("Mari Petroleum", "Mari Energies"),
    "HUBC": ("Hub Power", "Hubco"),
    "KEL": ("K-Electric",),
    "ENGRO": ("Engro Corporation",),
    "EFERT": ("Engro Fertilizers", "Engro Fertilisers"),
    "FFC": ("Fauji Fertilizer", "Fauji Fertiliser"),
    "FFBL": ("Fauji Fertilizer Bin Qasim",),
    "FCCL": ("Fauji Cement",),
    "LUCK": ("Lucky Cement",),
    "DGKC": ("DG Khan Cement", "D.G. Khan Cement"),
    "MLCF": ("Maple Leaf Cement",),
    "PIOC": ("Pioneer Cement",),
    "HBL": ("Habib Bank",),
    "UBL": ("United Bank",),
    "MCB": ("MCB Bank",),
    "NBP": ("National Bank of Pakistan",),
    "MEBL": ("Meezan Bank",),
    "BAFL": ("Bank Alfalah",),
    "BOP": ("Bank of Punjab",),
    "SYS": ("Systems Limited",),
    "TRG": ("TRG Pakistan",),
    "PTC": ("Pakistan Telecommunication Company", "PTCL"),
    "SSGC": ("Sui Southern Gas",),
    "SNGP": ("Sui Northern Gas",),
    "SEARL": ("Searle Pakistan", "The Searle Company"),
    "AIRLINK": ("Air Link Communication", "Airlink Communication"),
    "PAEL": ("Pak Elektron",),
    "CNERGY": ("Cnergyico",),
    "PRL": ("Pakistan Refinery",),
    "PIBTL": ("Pakistan International Bulk Terminal",),
    "PIAHCLA": ("PIA Holding Company",),
    "NML": ("Nishat Mills",),
    "ATRL": ("Attock Refinery",),
    "ISL": ("International Steels",),
    "INIL": ("International Industries",),
}
MAX_TERMS = 400  # symbols and names in one pattern; a strip has about 34 symbols


def mention_pattern(symbols: Iterable[str]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """A pattern matching the given symbols (exact case) and their company names (any case), as whole words.

    Returns the pattern and a map from each matched text (upper-cased) to its symbol.
    """
    lookup: dict[str, str] = {}
    for symbol in symbols:
        if symbol and len(lookup) < MAX_TERMS:
            lookup[symbol.upper()] = symbol
            for name in COMPANY_NAMES.get(symbol, ()):
                lookup[name.upper()] = symbol
    if not lookup:
        return None
    terms = sorted(lookup, key=len, reverse=True)  # longest first, so "Fauji Fertilizer Bin Qasim" wins
    alternation = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), lookup


def split_mentions(text: str, compiled: tuple[re.Pattern[str], dict[str, str]] | None) -> list[tuple[str, str | None]]:
    """``text`` cut into pieces, each with the symbol it mentions or None.

    A bare symbol counts only when written in capitals ("PSO", not "pso"), so that tickers which are
    also ordinary words ("PACE", "POWER") are not found in every sentence.
    """
    if compiled is None:
        return [(text, None)]
    pattern, lookup = compiled
    pieces: list[tuple[str, str | None]] = []
    last = 0
    for match in pattern.finditer(text):
        found = match.group(0)
        symbol = lookup.get(found.upper())
        if symbol is None or (found.upper() == symbol.upper() and found != found.upper()):
            continue
        if match.start() > last:
            pieces.append((text[last : match.start()], None))
        pieces.append((found, symbol))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], None))
    return pieces or [(text, None)]


def mentioned_symbols(paragraphs: Sequence[str], symbols: Iterable[str]) -> set[str]:
    compiled = mention_pattern(symbols)
    found: set[str] = set()
    for paragraph in paragraphs:
        found.update(symbol for _text, symbol in split_mentions(paragraph, compiled) if symbol)
    return found
