"""`market-reader parse`: readable output, the JSON contract and exit codes."""

from __future__ import annotations

import json

from tests.desktop.cli.runner import Completed, run
from tests.paths import ROOT

SAMPLE = ROOT / "resources" / "samples" / "business-recorder-sample.html"
PAGE_KEYS = {"title", "section", "published", "saved", "byline", "source_url", "summary", "quotes", "paragraphs",
             "related"}
QUOTE_KEYS = {"symbol", "price", "change", "percent", "direction", "kind"}


def _run(*args: str) -> Completed:
    return run(None, "parse", *args)


def test_json_lines_contract(tmp_path):
    bad = tmp_path / "image.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = _run("--json", str(SAMPLE), str(bad))
    assert result.returncode == 1
    good, failed = (json.loads(line) for line in result.stdout.splitlines())
    assert good["ok"] is True and good["path"] == str(SAMPLE)
    assert PAGE_KEYS <= set(good["page"]) and len(good["page"]["quotes"]) == 34
    assert QUOTE_KEYS <= set(good["page"]["quotes"][0])
    assert good["page"]["published"] == "2025-03-11" and good["page"]["saved"] is None
    assert failed == {"path": str(bad), "ok": False, "error": "This is a PNG image, not a saved web page."}


def test_shared_sample_through_the_command(shared_sample):
    expected = json.loads(shared_sample.with_name("000_41355db6c868b72e.expected.json").read_text("utf-8"))
    result = _run("--json", str(shared_sample))
    assert result.returncode == 0
    page = json.loads(result.stdout)["page"]
    assert {k: page[k] for k in expected if k != "quotes"} == {k: v for k, v in expected.items() if k != "quotes"}
    assert [{k: q[k] for k in QUOTE_KEYS} for q in page["quotes"]] == expected["quotes"]


def test_readable_summary_exits_zero():
    result = _run(str(SAMPLE))
    assert result.returncode == 0
    assert "Stocks close higher" in result.stdout and "Quotes:    34" in result.stdout


def test_missing_file_exits_one():
    result = _run("/no/such/file.html")
    assert result.returncode == 1 and "does not exist" in result.stdout


def test_json_quotes_gain_the_table_fields_after_the_first_seven():
    page = ROOT / "tests" / "fixtures" / "quotes" / "market_watch" / "market_watch.txt"
    result = _run("--json", str(page))
    quote = json.loads(result.stdout)["page"]["quotes"][1]
    assert list(quote) == ["symbol", "price", "change", "percent", "direction", "kind", "flag", "open", "high",
                           "low", "previous_close", "volume", "sector", "percent_computed"]
    assert (quote["symbol"], quote["previous_close"], quote["volume"], quote["sector"]) == (
        "DGKC", 416.33, 21349, "CEMENT")
    sample = json.loads(_run("--json", str(SAMPLE)).stdout)["page"]["quotes"][0]
    assert sample["volume"] is None and sample["percent_computed"] is False
