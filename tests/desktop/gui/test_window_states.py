"""What the window says when there is nothing to show, what it shows after an import, and honest dates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from desktop.app import create_main_window
from desktop.gui import dialogs, messages
from tests.paths import SAMPLE_PAGE
from tests.textpages import text_page


@pytest.fixture
def window(qtbot, tmp_path):
    win = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def import_and_wait(qtbot, window, paths: list[Path]) -> list:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        window.dropEvent(event)
    return blocker.args[0]


def test_with_nothing_selected_the_grid_and_chart_say_so(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="A page to leave unselected")])
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    window.pages.view.clearSelection()
    window.show_page(None)
    assert window.quotes.view.empty_text() == messages.NO_PAGE
    assert window.quotes.chart.empty_label.text() == messages.NO_PAGE
    assert window.quotes.chart.empty_label.isVisible()
    assert "no ticker quotes" not in window.quotes.view.empty_text().lower()


def test_a_page_without_a_ticker_says_no_quotes_were_found(qtbot, window, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(text_page("A plain article without a ticker strip", quotes=[]).replace(
        "KSE100 114,909 Decreased By -3882.2 (-3.27%)", ""), encoding="utf-8")
    import_and_wait(qtbot, window, [path])
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    assert window.quotes.view.empty_text() == messages.NO_QUOTES
    assert window.quotes.breadth_label.text() == ""


def test_a_filter_that_matches_nothing_says_so_and_breadth_counts_what_is_shown(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Breadth follows the filter")])
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    pane = window.quotes
    pane.filter_box.setText("zzz")
    assert pane.view.empty_text() == "No symbol contains “zzz”."
    assert pane.chart.empty_label.text() == "No symbol contains “zzz”."
    pane.filter_box.setText("o")  # BOP, OGDC, KSE100
    shown = [pane.model.quote_at(r) for r in range(pane.model.rowCount())]
    up = sum(q.direction == "up" for q in shown)
    down = sum(q.direction == "down" for q in shown)
    assert f"▲ {up} advancing" in pane.breadth_label.text().replace("\u00a0", " ")
    assert f"▼ {down} declining" in pane.breadth_label.text().replace("\u00a0", " ")
    assert f"({len(shown)} of 7 symbols shown)" in pane.breadth_label.text().replace("\u00a0", " ")
    pane.filter_box.clear()
    assert "shown)" not in pane.breadth_label.text()


def test_an_empty_chart_shows_no_strange_scale(qtbot, window):
    chart = window.quotes.chart
    assert chart._stack.currentWidget() is chart.empty_label
    assert not chart.plot.getAxis("left").autoSIPrefix


def test_every_file_of_an_import_is_listed_in_the_details(qtbot, window, write_page, tmp_path):
    folder = tmp_path / "saved"
    write_page("good.txt", title="A good page in a mixed folder")
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 4)
    results = import_and_wait(qtbot, window, [folder, folder / "good.txt"])
    assert window.imports.details_button.isVisible()
    assert window.imports.details_button.text() == "Show problems"
    window.show_import_details()
    text = window.imports.details_dialog.findChild(QPlainTextEdit).toPlainText()
    for result in results:
        assert result.path in text
    assert "Imported — 1" in text and "Failed — 2" in text and "Already in the library — 1" in text


def test_the_details_group_files_by_outcome_with_not_a_page_before_the_imported():
    from desktop.gui.import_details import detail_text
    from desktop.library.records import ImportResult

    results = [ImportResult("in/a.html", "imported", 1, ""),
               ImportResult("in/photo.png", "ignored", None, "an image, not a saved page"),
               ImportResult("in/b.html", "failed", None, "the file is cut short"),
               ImportResult("in/loop", "skipped", None, "a link back to a folder above it"),
               ImportResult("in/c.html", "duplicate", None, "already in the library as “C”")]
    text = detail_text(results)
    headings = [line for line in text.splitlines() if line and not line.startswith(" ")]
    assert headings == ["Failed — 1", "Not saved pages — 1", "Passed over — 1", "Already in the library — 1",
                        "Imported — 1"]
    assert "    in/photo.png: an image, not a saved page" in text
    assert "    in/a.html" in text.splitlines()


def test_after_an_import_the_best_page_is_shown_not_the_last_file(qtbot, window, tmp_path):
    good = tmp_path / "a-good.txt"
    good.write_text(text_page("A full market report with quotes"), encoding="utf-8")
    poor = tmp_path / "z-poor.txt"
    poor.write_text("Just a line of text someone saved by mistake, no ticker, no article.", encoding="utf-8")
    os.utime(good, (1_736_000_000, 1_736_000_000))
    os.utime(poor, (1_737_000_000, 1_737_000_000))  # newer, imported last
    results = import_and_wait(qtbot, window, [good, poor])
    assert [r.status for r in results] == ["imported", "imported"]
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    assert window.current_page_id() == results[0].page_id


def test_the_sample_page_says_what_it_knows_about_its_time(qtbot, window):
    import_and_wait(qtbot, window, [SAMPLE_PAGE])
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    line = window.quotes.as_of_label.text()
    assert line.startswith("Save time not recorded") and line.endswith("(est.)")
    assert "file's date" in window.quotes.as_of_label.toolTip()
    assert "11 Mar 2025" in window.article.toPlainText()  # the article's own date beside it
    saved = window.pages.model.index(0, 4).data()
    assert saved.endswith("(est.)")


def test_chart_export_works_with_the_chart_pane_collapsed(qtbot, window, write_page, tmp_path, monkeypatch):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Chart pane collapsed")])
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    window.quotes.splitter.setSizes([800, 0])
    assert window.quotes.chart.height() == 0
    target = tmp_path / "chart.png"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: target)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda *args: errors.append(args))
    window.export_chart()
    assert not errors
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert image.width() >= 600 and image.height() >= 300


def test_export_suggests_the_documents_folder_then_the_last_one_used(qtbot, window, write_page, tmp_path, monkeypatch):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Export folder remembered")])
    qtbot.waitUntil(lambda: window.current_page_id() is not None)
    suggested = []
    target = tmp_path / "out" / "quotes.csv"
    target.parent.mkdir()

    def ask(_parent, _title, name, _filter):
        suggested.append(Path(name))
        return target

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    window.export_quotes()
    window.export_quotes()
    assert suggested[0].parent != Path.cwd() and suggested[0].is_absolute()
    assert suggested[1] == target.parent / "quotes.csv"


def test_compare_and_strip_windows_speak_in_the_window_s_dates(qtbot, window, tmp_path):
    from tests.desktop.gui.test_main_window import import_two_snapshots

    import_two_snapshots(qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    window.pages.view.selectAll()
    window.compare_selected_pages()
    texts = [label.text() for label in window.compare_dialog.findChildren(QLabel)]
    assert any("Jan 2025" in text and "(est.)" in text for text in texts)
    assert not any("2025-01-0" in text for text in texts)
    window.show_strip_changes()
    qtbot.waitUntil(lambda: getattr(window, "strip_dialog", None) is not None, timeout=5000)
    labels = [label.text() for label in window.strip_dialog.findChildren(QLabel)]
    assert "1 change of the ticker strip across the latest 2 snapshots." in labels


def test_every_file_of_a_dropped_folder_is_accounted_for(qtbot, window, write_page, tmp_path):
    folder = tmp_path / "saved"
    write_page("good.txt", title="A good page in a mixed folder")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n" + bytes(100))
    (folder / "archive.zip").write_bytes(b"PK\x03\x04" + bytes(100))
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 4)
    results = import_and_wait(qtbot, window, [folder])
    names = {Path(r.path.split("#")[0]).name for r in results}
    assert names == {"good.txt", "photo.png", "report.pdf", "archive.zip", "blob.bin"}  # every file has an outcome
    assert window.imports.details_button.text() == "Show problems"
    window.show_import_details()
    text = window.imports.details_dialog.findChild(QPlainTextEdit).toPlainText()
    for name in names:
        assert name in text
    assert "Imported — 1" in text
    summary = window.statusBar().currentMessage()
    counted = sum(int(part.split()[0]) for part in summary.split(", "))
    assert counted == 5, summary


def test_the_import_details_wrap_long_messages_and_take_the_keyboard(qtbot, window, tmp_path):
    """A long reason is read whole, without scrolling sideways; arrows and Page Down scroll the list at once."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for number in range(40):
        name = f"photo-{number:02}-with-a-long-name-as-cameras-give-them-{'x' * 40}.html"
        (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    import_and_wait(qtbot, window, [folder])
    window.show_import_details()
    dialog = window.imports.details_dialog
    view = dialog.findChild(QPlainTextEdit)
    qtbot.waitUntil(view.isVisible)
    assert view.horizontalScrollBar().maximum() == 0
    qtbot.waitUntil(lambda: dialog.focusWidget() is view)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > 0


def test_the_breadth_line_wraps_between_its_items_only():
    """A narrow pane puts a whole item on the next line, never '⚠ 2' above 'unreadable'."""
    from desktop.gui.messages import breadth

    line = breadth(150, 146, 24, 300, 320)
    items = [part for part in line.split("  ")]
    assert [item.replace("\u00a0", " ") for item in items] == [
        "▲ 150 advancing", "▼ 146 declining", "• 24 unchanged", "(300 of 320 symbols shown)"]
    assert all(" " not in item for item in items)
