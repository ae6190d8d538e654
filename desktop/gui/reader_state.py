"""The reader's state in the window: read after a few seconds or at the article's end, star, tags, note, export.

Every change is written through the window's one background helper; the page list then reads the
changed rows again. The note sits in a small editor of its own that the window places beside the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollBar, QVBoxLayout, QWidget

from desktop.gui import dialogs, tag_dialogs
from desktop.gui.background import Background
from desktop.gui.panes.page_list import PageListPane
from desktop.gui.pdf_export import write_pdf
from desktop.library import Library
from desktop.library.article_export import articles_for, write_document
from desktop.library.records import PageRow
from desktop.library.state import PageState, TagCount

READ_AFTER_MS = 4_000  # an open page counts as read after this long
NOTE_SAVE_DELAY_MS = 800
EXPORT_FILTER = "EPUB book (*.epub);;PDF (*.pdf);;HTML file (*.html);;Markdown (*.md)"
ONE_EXPORT_FILTER = "HTML file (*.html);;PDF (*.pdf);;EPUB book (*.epub);;Markdown (*.md)"  # its first: the name's
UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')
MAX_NAME = 80  # characters of a title kept in a suggested file name
EXPORT_FORMATS = {".epub": "epub", ".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown",
                  ".markdown": "markdown"}
T = TypeVar("T")


class NoteEditor(QWidget):
    """The current page's note: plain text, saved a moment after typing stops."""

    note_edited = Signal(int, str)  # page id, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.label = QLabel("Note")
        self.text = QPlainTextEdit()
        self.text.setObjectName("noteText")
        self.text.setPlaceholderText("A note kept with this page")
        self.text.setTabChangesFocus(True)
        self._page: int | None = None
        self._dirty = False
        self._timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.text.textChanged.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        self.set_page(None, None)

    def set_page(self, page_id: int | None, note: str | None) -> None:
        """Show another page's note (saving the one being typed first)."""
        self.save()
        self._page = page_id
        self.text.blockSignals(True)
        self.text.setPlainText(note or "")
        self.text.blockSignals(False)
        self._dirty = False
        self.text.setEnabled(page_id is not None)

    def _edited(self) -> None:
        if self._page is not None:
            self._dirty = True
            self._timer.start()

    def save(self) -> None:
        """Hand on the text typed since the last save, if any."""
        self._timer.stop()
        if self._dirty and self._page is not None:
            self._dirty = False
            self.note_edited.emit(self._page, self.text.toPlainText())


class ReaderActions(QObject):
    """Menu actions and timers for the reader's state of the pages in the list."""

    def __init__(self, window: Any, pages: PageListPane, background: Background, library_path: Path,
                 status: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window, self._pages, self._background, self._path, self._status = (
            window, pages, background, library_path, status)
        self._open_page: int | None = None
        self._placing = False  # the window is scrolling the article itself (a new page, a place put back)
        self.note = NoteEditor()
        self.note.note_edited.connect(self._save_note)
        self._read_timer = QTimer(self, singleShot=True, interval=READ_AFTER_MS)
        self._read_timer.timeout.connect(self._mark_open_page_read)
        self.toggle_read = self._action("Mark as &Read / Unread", self.toggle_read_selected, "Ctrl+Shift+U")
        self.toggle_star = self._action("&Star / Unstar", self.toggle_star_selected, "Ctrl+S")
        self.edit_tags = self._action("Edit &Tags…", self.edit_selected_tags, "Ctrl+T")
        self.manage_tags = self._action("Ta&gs…", self.show_tags)
        self.export = self._action("Export &Article…", self.export_selected, "Ctrl+Shift+E")
        for action in (self.toggle_read, self.toggle_star, self.edit_tags, self.export):
            pages.view.addAction(action)
        pages.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # --- the open page -------------------------------------------------------------------------------
    def page_opened(self, page_id: int | None) -> None:
        """The window shows another page: its note, and a count-down to marking it read."""
        self._open_page = page_id
        self._read_timer.stop()
        state = self._state(page_id)
        self.note.set_page(page_id, state.note if state else None)
        if state is not None and not state.read:
            self._read_timer.start()

    def watch_scrolling(self, bar: QScrollBar) -> None:
        """Reading to the end of an article marks it read at once."""
        bar.valueChanged.connect(lambda value: self._reached_end(bar, value))

    def read_countdown_running(self) -> bool:
        """True while the open page is counting down to being marked read."""
        return self._read_timer.isActive()

    @contextmanager
    def placing_article(self) -> Iterator[None]:
        """Scrolling done by the window, not the reader: a new article shown, a reading position put back (a
        page left at its end is not read again by being shown again, say just after it was marked unread)."""
        self._placing = True
        try:
            yield
        finally:
            self._placing = False

    def _reached_end(self, bar: QScrollBar, value: int) -> None:
        if self._placing:
            return
        if bar.maximum() > 0 and value >= bar.maximum() and self._read_timer.isActive():
            self._read_timer.stop()
            self._mark_open_page_read()

    def _mark_open_page_read(self) -> None:
        if self._open_page is not None:
            self._write([self._open_page], partial(_set_read, [self._open_page], True))

    def _state(self, page_id: int | None) -> PageState | None:
        if page_id is None:
            return None
        row = self._pages.model.row_of(page_id)
        listed = self._pages.model.listed_at(row) if row >= 0 else None
        return listed.state if listed is not None else None

    # --- commands on the selected pages ---------------------------------------------------------------
    def _selected(self) -> list[PageRow]:
        chosen = self._pages.selected_pages()
        if not chosen:
            self._status("Select one or more pages in the list first.")
        return chosen

    def toggle_read_selected(self) -> None:
        """Unread pages among the selection become read; if all were read, they become unread."""
        chosen = self._selected()
        if chosen:
            self._read_timer.stop()
            read = not all(s.read for s in map(self._state_or_default, chosen))
            ids = [p.id for p in chosen]
            self._write(ids, partial(_set_read, ids, read))

    def toggle_star_selected(self) -> None:
        chosen = self._selected()
        if chosen:
            starred = not all(s.starred for s in map(self._state_or_default, chosen))
            ids = [p.id for p in chosen]
            self._write(ids, partial(_set_starred, ids, starred))

    def _state_or_default(self, page: PageRow) -> PageState:
        return self._state(page.id) or PageState()

    def edit_selected_tags(self) -> None:
        chosen = self._selected()
        if chosen:
            self._run(lambda library: [t.name for t in library.tags()], partial(self._ask_tags, chosen))

    def _ask_tags(self, chosen: list[PageRow], known: list[str]) -> None:
        first = chosen[0]
        current = list(self._state_or_default(first).tags) if len(chosen) == 1 else []
        title = first.title or first.file_name if len(chosen) == 1 else f"{len(chosen)} pages"
        names = tag_dialogs.ask_page_tags(self._window, title, current, known)
        if names is None:
            return
        ids = [p.id for p in chosen]
        if len(chosen) == 1:
            self._write(ids, partial(_set_tags, first.id, names))
        elif names:
            self._write(ids, partial(_add_tags, ids, names))

    def _save_note(self, page_id: int, text: str) -> None:
        self._write([page_id], partial(_set_note, page_id, text))

    def show_tags(self) -> None:
        self._run(_all_tags, self._open_tags_dialog)

    def _open_tags_dialog(self, tags: list[TagCount]) -> None:
        dialog = tag_dialogs.TagsDialog(tags, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rename_requested.connect(lambda old, new: self._change_tags(dialog, partial(_rename_tag, old, new)))
        dialog.remove_requested.connect(lambda name: self._change_tags(dialog, partial(_delete_tag, name)))
        self.tags_dialog = dialog
        dialog.show()

    def _change_tags(self, dialog: tag_dialogs.TagsDialog, change: Callable[[Library], object]) -> None:
        def done(tags: list[TagCount]) -> None:
            dialog.set_tags(tags)
            self._pages.reload()

        self._run(lambda library: (change(library), library.tags())[1], done)

    # --- export -------------------------------------------------------------------------------------
    def export_selected(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        if len(chosen) == 1:
            target = self._window.exporter.ask("Export article", f"{file_stem(chosen[0].title)}.html",
                                               ONE_EXPORT_FILTER)
        else:
            target = self._window.exporter.ask("Export articles", "articles.epub", EXPORT_FILTER)
        if target is None:
            return
        fmt = EXPORT_FORMATS.get(target.suffix.lower())
        if fmt is None:
            target, fmt = target.with_suffix(target.suffix + ".epub" if len(chosen) > 1 else ".html"), (
                "epub" if len(chosen) > 1 else "html")
        ids = [p.id for p in chosen]
        if fmt == "pdf":  # Qt's text layout stays on this thread
            self._export_here(target, ids)
        else:
            self._run(partial(_export, target, fmt, ids), lambda _none: self._exported(target, len(ids)),
                      lambda message: dialogs.show_error(self._window, "Export failed", message))

    def _export_here(self, target: Path, ids: Sequence[int]) -> None:
        articles = articles_for(self._window.library, list(ids))
        if isinstance(articles, str):
            dialogs.show_error(self._window, "Export failed", articles)
            return
        try:
            write_pdf(target, articles)
        except OSError as error:
            dialogs.show_error(self._window, "Export failed", f"{target}: {error.strerror or error}")
            return
        self._exported(target, len(ids))

    def _exported(self, target: Path, count: int) -> None:
        self._status(f"{count} {'article' if count == 1 else 'articles'} exported to {target}")

    # --- plumbing -----------------------------------------------------------------------------------
    def _run(self, call: Callable[[Library], T], done: Callable[[T], None],
             failed: Callable[[str], None] | None = None) -> None:
        self._background.run_in_library(self._path, call, done, failed or self._status)

    def _write(self, ids: list[int], change: Callable[[Library], object]) -> None:
        """Write a change off the GUI thread, then show the changed rows and counts."""
        self._run(change, lambda _result: self._pages.refresh_state(ids))


def _set_read(ids: list[int], read: bool, library: Library) -> int:
    return library.set_read(ids, read)


def _set_starred(ids: list[int], starred: bool, library: Library) -> int:
    return library.set_starred(ids, starred)


def _set_tags(page_id: int, names: list[str], library: Library) -> None:
    library.set_tags(page_id, names)


def _add_tags(ids: list[int], names: list[str], library: Library) -> int:
    return library.add_tags(ids, names)


def _set_note(page_id: int, text: str, library: Library) -> None:
    library.set_note(page_id, text)


def _all_tags(library: Library) -> list[TagCount]:
    return library.tags()


def _rename_tag(old: str, new: str, library: Library) -> int:
    return library.rename_tag(old, new)


def _delete_tag(name: str, library: Library) -> int:
    return library.delete_tag(name)


def _export(target: Path, fmt: str, ids: list[int], library: Library) -> None:
    articles = articles_for(library, ids)
    if isinstance(articles, str):
        raise OSError(articles)
    write_document(target, fmt, articles)


def file_stem(title: str | None) -> str:
    """A page's title as the start of a file name: no characters file systems refuse, not too long."""
    stem = " ".join(UNSAFE_IN_NAMES.sub(" ", title or "").split())[:MAX_NAME].strip(" .")
    return stem or "article"
