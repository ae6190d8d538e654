"""Import outcomes in words."""

from __future__ import annotations

from desktop.library.records import ImportResult, ImportStatus
from desktop.library.report import failure_lines, import_summary


def _result(name: str, status: ImportStatus, message: str = "") -> ImportResult:
    return ImportResult(f"/drop/{name}", status, 1 if status == "imported" else None, message)


def test_summary_counts_every_outcome():
    results = [_result("a.html", "imported"), _result("b.html", "imported"), _result("c.html", "duplicate"),
               _result("d.html", "failed", "This is a PNG image, not a saved web page."),
               _result("photo.png", "ignored", "not a saved page (a PNG image)"),
               _result("loop", "skipped", "a symbolic link loop")]
    assert import_summary(results) == "2 imported, 1 already in library, 1 failed, 1 not a saved page, 1 skipped"
    assert import_summary(results, cancelled=True).startswith("Import cancelled: 2 imported")


def test_summary_leaves_out_what_did_not_happen():
    assert import_summary([_result("a.html", "imported")]) == "1 imported, 0 already in library, 0 failed"
    two = [_result("x.png", "ignored", "not a saved page"), _result("y.csv", "ignored", "not a saved page")]
    assert import_summary(two).endswith("2 not saved pages")


def test_failure_lines_name_each_file_with_its_reason():
    lines = failure_lines([_result("a.html", "imported"), _result("d.html", "failed", "cut short"),
                           _result("loop", "skipped", "a link loop"), _result("x.png", "ignored", "an image")])
    assert lines == ["/drop/d.html: cut short", "/drop/loop: skipped — a link loop", "/drop/x.png: an image"]

