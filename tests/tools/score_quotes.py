"""Score the parser's quotes against saved pages with known quotes: recall and precision per case and form.

    python tests/tools/score_quotes.py [FIXTURES_DIR] [-v]

FIXTURES_DIR (default tests/fixtures/quotes) holds one folder per case with ``expected.json`` and the page in
four saved forms: ``CASE.html`` (+ ``CASE_files/``), ``CASE.dom.html``, ``CASE.mhtml`` and ``CASE.txt``. A found
quote is right when its symbol is expected and its price, change, percent, direction and kind are the expected
ones; flags and the table fields (open, high, low, previous close, volume, sector, and whether the percent
was computed) are counted apart. Only
``parsing.parse_file`` is used, so the same script scores any version of the parser.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import parsing  # noqa: E402

FORMS = {"complete": "{c}.html", "dom": "{c}.dom.html", "mhtml": "{c}.mhtml", "text": "{c}.txt"}
CORE = ("price", "change", "percent", "direction", "kind")
EXTRA = ("open", "high", "low", "previous_close", "volume", "sector", "percent_computed")


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    correct: int = 0
    flags_right: int = 0  # among correct quotes: flagged exactly when a flag is expected
    fields: int = 0
    fields_right: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "correct", "flags_right", "fields", "fields_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong


def _same(a: object, b: object) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return abs(a - b) < 1e-6
    return a == b


def score(found: list[dict[str, object]], want: list[dict[str, object]]) -> Score:
    result = Score(expected=len(want), found=len(found))
    by_symbol = {q["symbol"]: q for q in want}
    for quote in found:
        expected = by_symbol.get(quote["symbol"])
        if expected is None:
            result.wrong.append(f"unexpected {quote['symbol']}")
            continue
        bad = [k for k in CORE if not _same(quote.get(k), expected[k])]
        if bad:
            result.wrong.append(f"{quote['symbol']}: " + ", ".join(f"{k} {quote.get(k)!r}≠{expected[k]!r}" for k in bad))
            continue
        result.correct += 1
        result.flags_right += bool(quote.get("flag")) == bool(expected["flag"])
        for key in EXTRA:
            if key in expected:
                result.fields += 1
                result.fields_right += _same(quote.get(key), expected[key])
    return result


def score_case(folder: Path, form: str) -> Score:
    want = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["quotes"]
    path = folder / FORMS[form].format(c=folder.name)
    try:
        page = parsing.parse_file(path)
    except parsing.ParseError as error:
        return Score(expected=len(want), wrong=[f"cannot read: {error.message}"])
    return score([q.to_json() for q in page.quotes], want)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fixtures", nargs="?", type=Path, default=ROOT / "tests" / "fixtures" / "quotes")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what each form got wrong")
    args = parser.parse_args()
    total = Score()
    print("| case | expected | " + " | ".join(FORMS) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in FORMS) + " |")
    notes = []
    for folder in sorted(p.parent for p in args.fixtures.glob("*/expected.json")):
        cells = []
        for form in FORMS:
            result = score_case(folder, form)
            total.add(result)
            cells.append(f"R {result.recall:.2f} P {result.precision:.2f}"
                         + (f" ({result.correct}/{result.expected})" if result.correct != result.expected else ""))
            if result.wrong or result.flags_right != result.correct or result.fields_right != result.fields:
                notes.append(f"{folder.name}/{form}: flags right {result.flags_right}/{result.correct}, fields "
                             f"{result.fields_right}/{result.fields}, wrong {len(result.wrong)}: {result.wrong[:4]}")
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["quotes"]
        print(f"| {folder.name} | {len(expected)} | " + " | ".join(cells) + " |")
    print(f"\nall: recall {total.recall:.3f}, precision {total.precision:.3f} ({total.correct}/{total.expected} right, "
          f"{total.found} found); flags right {total.flags_right}/{total.correct}; "
          f"table fields right {total.fields_right}/{total.fields}")
    if args.verbose:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
