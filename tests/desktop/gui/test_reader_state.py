"""Reader state from the window: read after a while, star, tags with the Tags dialog, notes, filters, export."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app import create_main_window
from desktop.gui import dialogs, reader_state, tag_dialogs
from desktop.gui.models.page_model import TITLE
from desktop.library import Library
from tests.desktop.gui.test_main_window import import_and_wait


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


def open_window(qtbot, library_path: Path):
    window = create_main_window(library_path)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def filled(qtbot, library_path, write_page):
    window = open_window(qtbot, library_path)
    import_and_wait(qtbot, window, [write_page("a.txt", title="Alpha fund posts gains", body_word="spinning"),
                                    write_page("b.txt", title="Beta index slips lower", body_word="clinker"),
                                    write_page("c.txt", title="Cement despatches rise", body_word="clinker")])
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 3)
    return window


def ids_by_title(window) -> dict[str, int]:
    model = window.pages.model
    return {model.page_at(r).title: model.page_at(r).id for r in range(model.rowCount())}


def state_of(library_path: Path, page_id: int):
    with Library(library_path) as library:
        return library.page_states([page_id])[page_id]


def select(window, *titles: str) -> None:
    from PySide6.QtCore import QItemSelectionModel

    wanted = ids_by_title(window)
    selection = window.pages.view.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for title in titles:
        selection.select(window.pages.model.index(window.pages.model.row_of(wanted[title]), 0), flags)


def test_an_open_page_becomes_read_after_a_few_seconds(qtbot, filled, library_path, monkeypatch):
    filled.reader._read_timer.setInterval(50)
    page = filled.current_page_id()
    assert page is not None
    filled.pages.select_page(page)
    filled.reader.page_opened(page)
    qtbot.waitUntil(lambda: state_of(library_path, page).read, timeout=5000)
    row = filled.pages.model.row_of(page)
    qtbot.waitUntil(lambda: filled.pages.model.index(row, TITLE).data(Qt.ItemDataRole.FontRole) is None)
    assert "2 unread" in filled.pages.count_label.text() or "unread" in filled.pages.count_label.text()


def test_state_changes_reach_the_library_and_survive_a_reparse_and_restart(qtbot, filled, library_path,
                                                                           monkeypatch):
    monkeypatch.setattr(tag_dialogs, "ask_page_tags", lambda *_args: ["kept"])
    select(filled, "Beta index slips lower")
    filled.reader.edit_tags.trigger()
    beta = ids_by_title(filled)["Beta index slips lower"]
    qtbot.waitUntil(lambda: state_of(library_path, beta).tags == ("kept",))
    filled.pages.select_page(beta)
    qtbot.waitUntil(lambda: filled.current_page_id() == beta)
    filled.reader.note.text.setPlainText("Beta note")
    qtbot.waitUntil(lambda: state_of(library_path, beta).note == "Beta note", timeout=5000)
    select(filled, "Beta index slips lower", "Cement despatches rise")
    filled.reader.toggle_star.trigger()
    ids = ids_by_title(filled)
    qtbot.waitUntil(lambda: state_of(library_path, ids["Beta index slips lower"]).starred)
    row = filled.pages.model.row_of(ids["Cement despatches rise"])
    qtbot.waitUntil(lambda: filled.pages.model.index(row, TITLE).data().startswith("★"))
    select(filled, "Alpha fund posts gains")
    filled.reader._read_timer.stop()
    filled.reader.toggle_read.trigger()
    qtbot.waitUntil(lambda: state_of(library_path, ids["Alpha fund posts gains"]).read)
    filled.close()
    with Library(library_path) as library:
        assert [r.status for r in library.reparse()] == ["imported"] * 3
    second = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: second.pages.model.rowCount() == 3)
    row = second.pages.model.row_of(ids["Beta index slips lower"])
    assert second.pages.model.index(row, TITLE).data() == "★ Beta index slips lower"
    state = second.pages.model.listed_at(row).state
    assert state.tags == ("kept",) and state.note == "Beta note" and state.starred
    row = second.pages.model.row_of(ids["Alpha fund posts gains"])
    assert second.pages.model.index(row, TITLE).data(Qt.ItemDataRole.FontRole) is None


def test_tags_from_the_editor_and_renamed_in_the_tags_dialog(qtbot, filled, library_path, monkeypatch):
    ids = ids_by_title(filled)
    monkeypatch.setattr(tag_dialogs, "ask_page_tags", lambda *_args: ["cement", "Watch list"])
    select(filled, "Cement despatches rise")
    filled.reader.edit_tags.trigger()
    qtbot.waitUntil(lambda: state_of(library_path, ids["Cement despatches rise"]).tags == ("cement", "Watch list"))
    filled.reader.show_tags()
    qtbot.waitUntil(lambda: getattr(filled.reader, "tags_dialog", None) is not None)
    dialog = filled.reader.tags_dialog
    assert [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())] == [
        "cement", "Watch list"]
    dialog.rename_requested.emit("Watch list", "Later")
    qtbot.waitUntil(lambda: state_of(library_path, ids["Cement despatches rise"]).tags == ("cement", "Later"))
    qtbot.waitUntil(lambda: dialog.list.count() == 2 and "Later" in dialog.list.item(1).text())
    dialog.remove_requested.emit("cement")
    qtbot.waitUntil(lambda: state_of(library_path, ids["Cement despatches rise"]).tags == ("Later",))


def test_reading_to_the_end_marks_read_at_once(qtbot, filled, library_path):
    from PySide6.QtWidgets import QScrollBar

    page = filled.current_page_id()
    filled.reader.page_opened(page)
    assert filled.reader._read_timer.isActive()
    bar = QScrollBar()
    bar.setRange(0, 100)
    filled.reader.watch_scrolling(bar)
    bar.setValue(50)
    assert not state_of(library_path, page).read
    bar.setValue(100)
    qtbot.waitUntil(lambda: state_of(library_path, page).read, timeout=5000)
    assert not filled.reader._read_timer.isActive()


def test_filter_bar_date_range(qtbot):
    from PySide6.QtCore import QDate

    from desktop.gui.panes.page_filters import FilterBar

    bar = FilterBar()
    qtbot.addWidget(bar)
    assert bar.apply("oil") == bar.apply("oil").__class__(search="oil")
    bar.since.setDate(QDate(2025, 3, 9))
    bar.until.setDate(QDate(2025, 1, 2))
    with qtbot.waitSignal(bar.changed):
        bar.dated.setChecked(True)
    wanted = bar.apply(None)
    assert (wanted.since, wanted.until) == ("2025-01-02", "2025-03-09") and wanted.active()


def test_tag_line_completes_the_word_being_typed(qtbot):
    line = tag_dialogs.TagLine(["Oil", "Budget", "Banks"])
    qtbot.addWidget(line)
    line.setText("Oil, ba")
    line.setCursorPosition(len(line.text()))
    assert line.current_word() == "ba"
    line._insert("Banks")
    assert line.text() == "Oil, Banks, "
    assert tag_dialogs.split_tags(" oil ,Oil,, new  tag ") == ["oil", "new tag"]


def test_note_is_saved_and_shown_again(qtbot, filled, library_path):
    page = filled.current_page_id()
    note = filled.reader.note
    note.text.setPlainText("Compare with last week's close.")
    qtbot.waitUntil(lambda: state_of(library_path, page).note == "Compare with last week's close.", timeout=5000)
    filled.close()
    second = open_window(qtbot, library_path)
    qtbot.waitUntil(lambda: second.current_page_id() == page, timeout=10_000)
    assert second.reader.note.text.toPlainText() == "Compare with last week's close."


def test_filters_combine_with_the_search_and_count(qtbot, filled, library_path):
    ids = ids_by_title(filled)
    with Library(library_path) as library:
        library.set_read([ids["Alpha fund posts gains"]])
        library.set_starred([ids["Beta index slips lower"]])
        library.add_tags([ids["Beta index slips lower"], ids["Cement despatches rise"]], ["clinker"])
    filled.pages.reload()
    qtbot.waitUntil(lambda: filled.pages.filters.tag.count() == 2)
    filled.pages.filters.unread.setChecked(True)
    qtbot.waitUntil(lambda: filled.pages.model.rowCount() == 2)
    assert filled.pages.count_label.text() == "2 pages match · 2 unread"
    filled.pages.filters.starred.setChecked(True)
    qtbot.waitUntil(lambda: filled.pages.model.rowCount() == 1)
    filled.pages.filters.starred.setChecked(False)
    filled.pages.filters.tag.setCurrentText("clinker")
    filled.pages.search_box.setText("Cement")
    cement = ids["Cement despatches rise"]
    qtbot.waitUntil(lambda: filled.pages.model.page_ids() == [cement], timeout=5000)
    filled.pages.show_everything()
    qtbot.waitUntil(lambda: filled.pages.model.rowCount() == 3, timeout=5000)


def test_export_selected_articles_as_one_book(qtbot, filled, tmp_path, monkeypatch):
    target = tmp_path / "reading.epub"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: target)
    select(filled, "Alpha fund posts gains", "Beta index slips lower")
    filled.reader.export.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    with zipfile.ZipFile(target) as book:
        assert book.namelist()[0] == "mimetype"
        assert {"OEBPS/chapter-1.xhtml", "OEBPS/chapter-2.xhtml"} <= set(book.namelist())


def test_export_formats_by_file_name():
    assert reader_state.EXPORT_FORMATS[".md"] == "markdown" and reader_state.EXPORT_FORMATS[".pdf"] == "pdf"


def test_one_article_is_offered_under_its_title_in_the_documents_folder(qtbot, filled, monkeypatch):
    """Not 'article.html' in the folder the app was started from, under a filter that says EPUB."""
    asked: list[tuple[str, str, str]] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _parent, title, name, filters: asked.append(
        (title, name, filters)))
    select(filled, "Alpha fund posts gains")
    filled.reader.export.trigger()
    title, suggested, filters = asked[-1]
    assert title == "Export article"
    assert Path(suggested).name == "Alpha fund posts gains.html"
    assert Path(suggested).parent != Path.cwd()
    assert filters.split(";;")[0] == "HTML file (*.html)"  # the filter shown first matches the name's suffix


def test_the_export_folder_is_remembered(qtbot, filled, tmp_path, monkeypatch):
    asked: list[str] = []
    target = tmp_path / "kept" / "alpha.md"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _t, name, _f: asked.append(name) or target)
    select(filled, "Alpha fund posts gains")
    filled.reader.export.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    select(filled, "Beta index slips lower", "Cement despatches rise")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _t, name, _f: asked.append(name))
    filled.reader.export.trigger()
    assert Path(asked[-1]) == target.parent / "articles.epub"


def test_file_names_from_titles():
    assert reader_state.file_stem('PSX: KSE-100 "up" 1.2%? / banks lead') == "PSX KSE-100 up 1.2% banks lead"
    assert reader_state.file_stem("...") == "article" and reader_state.file_stem(None) == "article"
    assert len(reader_state.file_stem("x" * 300)) == reader_state.MAX_NAME


def test_a_new_tag_is_offered_by_the_tag_filter_at_once(qtbot, filled, monkeypatch):
    """Tag a page, then filter by that tag: no reload or restart in between."""
    monkeypatch.setattr(tag_dialogs, "ask_page_tags", lambda *_args: ["banks"])
    tag_box = filled.pages.filters.tag
    assert tag_box.findText("banks") < 0
    select(filled, "Beta index slips lower")
    filled.reader.edit_tags.trigger()
    qtbot.waitUntil(lambda: tag_box.findText("banks") >= 0, timeout=5000)
    tag_box.setCurrentIndex(tag_box.findText("banks"))
    beta = ids_by_title(filled)["Beta index slips lower"]
    qtbot.waitUntil(lambda: filled.pages.model.page_ids() == [beta], timeout=5000)
