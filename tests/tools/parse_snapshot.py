"""Record what the parser gives for every page we have, or compare it with an earlier record.

    python tests/tools/parse_snapshot.py write before.jsonl
    python tests/tools/parse_snapshot.py compare before.jsonl

The pages: every file under tests/fixtures and resources/samples, the shared sample and development
corpus when ../shared is there, and 100 generated benchmark pages. A change that should not change what
the parser finds (moving code, a refactor) must compare equal; the output lists each page that differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

import parsing  # noqa: E402

SHARED = Path(os.environ.get("MARKET_READER_SHARED") or ROOT.parent / "shared")


def _name(path: Path) -> str:
    """The page's name in a record, the same in every checkout: relative to the checkout or to the shared data."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else f"shared/{path.relative_to(SHARED)}"


def _files() -> Iterator[tuple[str, bytes, Path | None]]:
    """(name, bytes, the page's own path when it is a file that may have a companion folder)."""
    for folder in (ROOT / "tests" / "fixtures", ROOT / "resources" / "samples", SHARED / "samples"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and path.suffix not in (".py", ".json", ".png", ".jpg", ".gif", ".webp"):
                yield _name(path), path.read_bytes(), path
    corpus = SHARED / "corpora" / "readability-test-pages.tar.xz"
    if corpus.exists():
        with tarfile.open(corpus) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                if member.isfile() and member.name.endswith("/source.html"):
                    handle = tar.extractfile(member)
                    if handle is not None:
                        yield member.name, handle.read(), None
    from pagegen import br_article_html

    for index in range(100):
        yield f"generated/{index}.html", br_article_html(index), None


def _record(name: str, data: bytes, path: Path | None) -> dict[str, object]:
    try:
        page = parsing.parse_file(path) if path is not None else parsing.parse_bytes(data, Path(name).name)
    except parsing.ParseError as error:
        return {"name": name, "error": error.message}
    body = page.to_json()
    body["images"] = [
        {**shown, "sha": hashlib.sha256(image.data).hexdigest()[:16]}
        for shown, image in zip(body["images"], page.images, strict=True)
    ]
    return {"name": name, "page": body}


def write(target: Path) -> int:
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for name, data, path in _files():
            out.write(json.dumps(_record(name, data, path), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    print(f"{count} pages recorded in {target}")
    return 0


def compare(source: Path) -> int:
    before = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        before[record["name"]] = record
    differ = 0
    seen = 0
    for name, data, path in _files():
        seen += 1
        now = json.loads(json.dumps(_record(name, data, path), ensure_ascii=False, sort_keys=True))
        if before.get(name) != now:
            differ += 1
            print(f"differs: {name}")
    missing = len(before) - seen
    print(f"{seen} pages compared, {differ} differ" + (f"; {missing} recorded pages not found" if missing else ""))
    return 1 if differ or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("write", "compare"))
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    return write(args.file) if args.action == "write" else compare(args.file)


if __name__ == "__main__":
    sys.exit(main())
