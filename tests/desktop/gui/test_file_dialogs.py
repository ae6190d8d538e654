"""The file dialogs list the library's folder without dropping the locks SQLite holds on the library."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from desktop.gui.file_dialogs import FileDialog, NameOnlyIconProvider

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads this process's locks in /proc/locks")


def locks_held(paths: list[Path]) -> int:
    """How many POSIX locks this process holds on these files."""
    inodes = {os.stat(p).st_ino for p in paths}
    pid = str(os.getpid())
    held = 0
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] == "POSIX" and fields[4] == pid and int(fields[5].rsplit(":", 1)[1]) in inodes:
            held += 1
    return held


def test_listing_the_library_folder_keeps_sqlite_locks(qtbot, tmp_path):
    library = tmp_path / "library.db"
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.execute("BEGIN")
    conn.execute("SELECT * FROM t").fetchall()  # a read transaction: SQLite holds its locks on the files
    (tmp_path / "page.html").write_text("<p>hello</p>")
    files = [library, Path(f"{library}-shm")]
    held = locks_held(files)
    assert held > 0

    dialog = FileDialog(None, "Open", str(tmp_path), "All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    root = model.index(str(tmp_path))
    qtbot.waitUntil(lambda: model.rowCount(root) >= 4)  # the library, its -wal and -shm, and the page
    names = set()
    for row in range(model.rowCount(root)):
        for column in range(model.columnCount(root)):
            index = model.index(row, column, root)
            model.data(index, Qt.ItemDataRole.DecorationRole)  # what the view asks for each row shown
            model.data(index, Qt.ItemDataRole.DisplayRole)
        names.add(model.data(model.index(row, 0, root)))
    assert {"library.db", "page.html"} <= names
    assert model.type(model.index(str(tmp_path / "page.html"))) == "HTML document"  # told by the name

    assert locks_held(files) == held
    conn.rollback()
    conn.close()


def test_a_file_is_typed_by_its_name(tmp_path):
    disguised = tmp_path / "notes.html"
    disguised.write_bytes(b"%PDF-1.7\n")  # content says PDF; the dialog never reads it
    assert NameOnlyIconProvider().type(QFileInfo(str(disguised))) == "HTML document"
