"""The article extractor on the development set: 130 real pages (Mozilla Readability's test pages in
../shared/corpora), scored with the shared scorer's own metric, must not fall below what it reaches today.

Floors (this code: body F1 0.960, title 107/130, byline 54/76, date 31/33; trafilatura 2.3.1 on the same pages:
0.929, 85, 34, 31). Skipped when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import tarfile
from types import ModuleType
from typing import Any

import pytest

import parsing
from tests.paths import SHARED

CORPUS = SHARED / "corpora" / "readability-test-pages.tar.xz"
SCORER = SHARED / "tools" / "score_articles.py"
FLOORS = {"f1": 0.959, "title": 107, "byline": 54, "date": 31}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_articles", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages() -> dict[str, dict[str, Any]]:
    """Each page's source bytes, expected text and expected metadata, read straight from the archive."""
    pages: dict[str, dict[str, Any]] = {}
    with tarfile.open(CORPUS) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            if member.isfile() and len(parts) >= 2 and parts[-1] in ("source.html", "expected.html",
                                                                     "expected-metadata.json"):
                handle = tar.extractfile(member)
                if handle is not None:
                    pages.setdefault(parts[-2], {})[parts[-1]] = handle.read()
    return {name: files for name, files in pages.items() if len(files) == 3}


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not CORPUS.exists() or not SCORER.exists():
        pytest.skip("../shared (the development set and its scorer) is absent")
    scorer = _scorer()
    per_page, titles, bylines, dates = [], 0, 0, 0
    for files in _pages().values():
        truth = scorer.html_text(files["expected.html"].decode("utf-8"))
        meta = json.loads(files["expected-metadata.json"])
        page = parsing.parse_bytes(files["source.html"], "source.html")
        per_page.append(scorer.tp_fp_fn(truth, "\n".join(page.paragraphs)))
        titles += scorer.norm(page.title) == scorer.norm(meta.get("title"))
        if meta.get("byline"):
            bylines += scorer.norm(page.byline) == scorer.norm(meta["byline"])
        if meta.get("publishedTime"):
            dates += (page.published or "")[:10] == meta["publishedTime"][:10]
    f1, _precision, _recall = scorer.summary(per_page)
    return {"pages": len(per_page), "f1": f1, "title": titles, "byline": bylines, "date": dates}


def test_every_page_is_read(scores):
    assert scores["pages"] == 130


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_no_measure_falls_below_its_floor(scores, measure):
    assert scores[measure] >= FLOORS[measure]
