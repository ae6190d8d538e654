"""Reading an article: find with a count and highlighting, the place kept per page, reading time, printing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop.app import create_main_window
from desktop.gui import printing
from desktop.gui.theme import contrast_ratio
from desktop.library.records import StoredImage
from tests.desktop.records import article, png_bytes

Key = Qt.Key
LONG = tuple(f"Paragraph {n}: the cement sector traded higher while banks slipped. " * 6 for n in range(60))


@pytest.fixture
def window(qtbot, tmp_path):
    win = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win


@pytest.fixture
def shown(qtbot, window):
    qtbot.waitUntil(lambda: window.pages.count_label.text() != "")  # the (empty) library has been listed
    window.stack.setCurrentWidget(window.splitter)  # as when the library has pages
    window.article.set_article(article(paragraphs=LONG))
    window.article.setFocus()
    return window


def test_ctrl_f_finds_every_match_counts_and_highlights_them(qtbot, shown):
    window = shown
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.article_pane.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.box
    qtbot.keyClicks(bar.box, "CEMENT")  # case does not matter
    assert bar.count_label.text() == "1 of 360"
    selections = window.article.extraSelections()
    assert len(selections) == 360
    current, other = selections[0].format.background().color(), selections[1].format.background().color()
    assert current != other
    qtbot.keyClick(bar.box, Key.Key_Return)
    assert bar.count_label.text() == "2 of 360"
    qtbot.keyClick(bar.box, Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.box, Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "360 of 360"  # previous wraps around to the last match
    assert window.article.verticalScrollBar().value() > 0  # the last match was scrolled into view


def test_f3_moves_between_matches_and_escape_closes_the_bar(qtbot, shown):
    window = shown
    window.find_in_article()
    bar = window.article_pane.find_bar
    bar.box.setText("banks")
    qtbot.keyClick(bar.box, Key.Key_F3)
    assert bar.count_label.text() == "2 of 360"
    qtbot.keyClick(bar.box, Key.Key_Escape)
    assert not bar.isVisible()
    assert window.article.extraSelections() == []
    assert QApplication.focusWidget() is window.article


def test_no_match_is_said_and_a_new_article_is_searched_again(qtbot, shown):
    window = shown
    window.find_in_article()
    bar = window.article_pane.find_bar
    bar.box.setText("fertiliser")
    assert bar.count_label.text() == "No matches"
    window.article.set_article(article(paragraphs=("Fertiliser makers led the gains.", "Fertiliser again.")))
    assert bar.count_label.text() == "1 of 2"


def test_find_works_in_urdu(qtbot, window):
    window.article.set_article(article(paragraphs=("کراچی اسٹاک ایکسچینج میں تیزی", "اسٹاک مارکیٹ بند")))
    window.find_in_article()
    bar = window.article_pane.find_bar
    bar.box.setText("اسٹاک")
    assert bar.count_label.text() == "1 of 2"


def test_find_highlights_are_readable_in_both_themes(qtbot, shown):
    window = shown
    for theme in ("light", "dark"):
        window.set_theme(theme)
        QApplication.processEvents()
        window.find_in_article()
        window.article_pane.find_bar.box.setText("cement")
        for selection in window.article.extraSelections()[:2]:
            text = selection.format.foreground().color()
            ground = selection.format.background().color()
            assert contrast_ratio(QColor(text), QColor(ground)) >= 4.5, theme
    window.set_theme("system")


def test_the_reading_position_of_each_page_comes_back(qtbot, window, write_page):
    from tests.desktop.gui.test_window_states import import_and_wait

    words = " ".join(["The market closed higher on thin volumes."] * 12)
    pages = [write_page(f"p{n}.txt", title=f"Long article number {n}", body_word=words) for n in range(2)]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\n\n" + "\n\n".join([words] * 40), encoding="utf-8")
    import_and_wait(qtbot, window, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    window.pages.select_row(0)
    first = window.current_page_id()
    bar = window.article.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = window.article.reading_position()
    assert place > 0
    window.pages.select_row(1)
    assert bar.value() == 0  # another page starts at its top
    window.pages.select_row(0)
    assert window.current_page_id() == first
    assert abs(window.article.reading_position() - place) < 200
    window.close()

    again = create_main_window(window.library_path)  # after a restart too
    qtbot.addWidget(again)
    again.resize(900, 600)
    again.show()
    qtbot.waitUntil(lambda: again.current_page_id() == first, timeout=10_000)
    assert abs(again.article.reading_position() - place) < 400
    again.close()


def test_a_page_left_at_its_end_is_not_marked_read_by_being_shown_again(qtbot, window, write_page):
    from tests.desktop.gui.test_window_states import import_and_wait

    words = " ".join(["The market closed higher on thin volumes."] * 12)
    pages = [write_page(f"p{n}.txt", title=f"Long article number {n}", body_word=words) for n in range(2)]
    for path in pages:
        path.write_text(path.read_text(encoding="utf-8") + "\n\n" + "\n\n".join([words] * 40), encoding="utf-8")
    import_and_wait(qtbot, window, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    window.pages.select_row(0)
    first = window.current_page_id()
    bar = window.article.verticalScrollBar()

    def is_read(page_id):
        return window.pages.model.listed_at(window.pages.model.row_of(page_id)).state.read

    bar.setValue(bar.maximum())  # read to the end: read at once
    qtbot.waitUntil(lambda: is_read(first), timeout=5000)
    window.pages.select_row(1)
    second = window.current_page_id()
    window.reader.toggle_read_selected()  # the second page marked read by hand
    qtbot.waitUntil(lambda: is_read(second), timeout=5000)
    window.pages.select_row(0)
    window.reader.toggle_read_selected()  # the user marks the first one unread again
    qtbot.waitUntil(lambda: not is_read(first), timeout=5000)
    window.pages.select_row(1)
    row = window.pages.model.row_of(first)
    window.settings.set_reading_position(window.pages.model.page_at(row).content_hash, 10**6)  # its last line
    window.pages.select_row(row)  # shown again, at the end where it was left
    assert bar.value() == bar.maximum() > 0
    assert window.reader.read_countdown_running()  # it counts as read only if it stays open, as any unread page
    window.close()


def test_reading_time_sits_next_to_the_date(qtbot, window):
    window.article.set_article(article(paragraphs=tuple(["word " * 200] * 3)))
    assert "13 Jan 2025 · 3 min read" in window.article.toPlainText()
    window.article.set_article(article(paragraphs=("A short note.",)))
    assert "13 Jan 2025 · 1 min read" in window.article.toPlainText()


def test_ctrl_p_prints_the_article_with_its_images(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    pdf = tmp_path / "article.pdf"

    def pdf_printer(_parent, _title):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    monkeypatch.setattr(printing, "ask_printer", pdf_printer)
    image = StoredImage("img-0", "image/png", png_bytes(320, 200, "#c03030"), "A caption", 1)
    window.article.set_article(article(paragraphs=LONG[:5], images=(image,)))
    window._current_page = window.article.article().page  # as if chosen in the list
    qtbot.keyClick(window.article, Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" in data
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/") >= 1


def test_print_without_an_article_says_so(qtbot, window, monkeypatch):
    monkeypatch.setattr(printing, "ask_printer", lambda *_args: pytest.fail("no dialog expected"))
    window.print_article()
    assert "Select a page" in window.statusBar().currentMessage()
