"""The main window as a user meets it: drop pages, pick one, sort, read, search, come back later."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QPushButton

from desktop.app import create_main_window
from desktop.gui import dialogs
from desktop.gui.models.quote_model import PERCENT, PRICE, SYMBOL


@pytest.fixture
def window(qtbot, tmp_path):
    win = create_main_window(tmp_path / "library.db")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def drop_urls(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    drop(window, mime)


def drop(window, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


def import_and_wait(qtbot, window, paths: list[Path]) -> list:
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        drop_urls(window, paths)
    return blocker.args[0]


def wait_for_page(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.current_page_id() is not None, timeout=10_000)


def test_empty_library_shows_drop_panel_and_imports_the_sample(qtbot, window):
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty)
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        window.empty.findChild(QPushButton, "sampleButton").click()
    assert [r.status for r in blocker.args[0]] == ["imported"]
    wait_for_page(qtbot, window)
    assert window.stack.currentWidget() is window.splitter
    assert window.quotes.model.rowCount() >= 30


def test_dropping_files_imports_and_shows_the_newest(qtbot, window, write_page):
    first = write_page("first.txt", title="Cement stocks slide")
    second = write_page("second.txt", title="Banks lead the recovery")
    results = import_and_wait(qtbot, window, [first, second])
    assert [r.status for r in results] == ["imported", "imported"]
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    wait_for_page(qtbot, window)
    newest = max(r.page_id for r in results)
    assert window.current_page_id() == newest
    assert "Banks lead the recovery" in window.windowTitle()
    assert window.pages.count_label.text() == "2 pages · 2 unread"


def test_a_bad_file_is_reported_and_the_rest_imported(qtbot, window, write_page, tmp_path):
    good = write_page("good.txt", title="Oil output rises")
    bad = tmp_path / "saved" / "picture.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    empty = tmp_path / "saved" / "empty.mhtml"
    empty.write_bytes(b"")
    results = import_and_wait(qtbot, window, [bad, good, empty])
    statuses = {Path(r.path).name: r.status for r in results}
    assert statuses == {"picture.html": "failed", "good.txt": "imported", "empty.mhtml": "failed"}
    assert "1 imported, 0 already in library, 2 failed" in window.statusBar().currentMessage()
    assert window.imports.details_button.isVisible()
    assert all(r.message for r in results if r.status == "failed")


def test_importing_the_same_file_twice_reports_a_duplicate(qtbot, window, write_page):
    page = write_page("page.txt", title="Gold steady")
    import_and_wait(qtbot, window, [page])
    results = import_and_wait(qtbot, window, [page])
    assert results[0].status == "duplicate"
    assert "already in library" in results[0].message


def test_grid_sorts_numerically_and_chart_follows(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Stocks mixed")])
    wait_for_page(qtbot, window)
    pane = window.quotes
    percents = [pane.model.quote_at(r).percent for r in range(pane.model.rowCount())]
    assert percents == sorted(percents)  # biggest losers first by default
    assert pane.chart.bar_heights()["down"][1][0] == percents[0]
    pane.sort_by(pane.model.column_of(PRICE), Qt.SortOrder.DescendingOrder)
    prices = [pane.model.quote_at(r).price for r in range(pane.model.rowCount())]
    assert prices == sorted(prices, reverse=True)
    ordered = [pane.model.quote_at(r).symbol for r in range(pane.model.rowCount())]
    assert [q.symbol for q in pane.chart._quotes] == ordered
    pane.filter_box.setText("o")
    assert [q.symbol for q in pane.chart._quotes] == [s for s in ordered if "O" in s]


def test_clicking_a_bar_selects_its_row_and_the_row_highlights_its_bar(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Stocks mixed")])
    wait_for_page(qtbot, window)
    pane = window.quotes
    pane.chart.bar_clicked.emit(2)
    assert pane.view.selectionModel().currentIndex().row() == 2
    assert pane.chart.selected_bar() == 2
    pane.select_row(4)
    assert pane.chart.selected_bar() == 4


def test_breadth_and_as_of_are_shown(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Stocks mixed")])
    wait_for_page(qtbot, window)
    assert "▲ 2 advancing" in window.quotes.breadth_label.text().replace("\u00a0", " ")
    assert "▼ 4 declining" in window.quotes.breadth_label.text().replace("\u00a0", " ")
    assert "Save time not recorded" in window.quotes.as_of_label.text()  # a text copy records no save time
    assert window.quotes.as_of_label.text().endswith("(est.)")


def test_article_panel_shows_title_date_and_body(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Fertiliser makers rally")])
    wait_for_page(qtbot, window)
    text = window.article.toPlainText()
    assert "Fertiliser makers rally" in text
    assert "13 Jan 2025" in text
    assert "Analysts said volumes were thin" in text
    assert "200 characters" not in text


def test_ctrl_c_copies_the_selection_as_tab_separated_text(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Stocks mixed")])
    wait_for_page(qtbot, window)
    view = window.quotes.view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["Symbol", "Kind"]
    assert lines[1].split("\t")[0] == "TRG"


def test_search_box_finds_a_page_by_a_word_of_its_body(qtbot, window, write_page):
    pages = [write_page("a.txt", title="Textile exports hit record", body_word="spinning"),
             write_page("b.txt", title="Cement despatches rise sharply", body_word="clinker")]
    import_and_wait(qtbot, window, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    qtbot.keyClicks(window.pages.search_box, "clinker")
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 1, timeout=5000)
    assert window.pages.model.page_at(0).title == "Cement despatches rise sharply"
    window.pages.search_box.setText('"unbalanced AND OR *')
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 0, timeout=5000)


def test_delete_asks_first(qtbot, window, write_page, monkeypatch):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Page to be deleted soon")])
    wait_for_page(qtbot, window)
    monkeypatch.setattr(dialogs, "confirm_delete", lambda _parent, _titles: False)
    window.delete_selected_pages()
    assert window.pages.model.rowCount() == 1
    monkeypatch.setattr(dialogs, "confirm_delete", lambda _parent, _titles: True)
    window.delete_selected_pages()
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty)


def test_after_a_delete_the_list_moves_on_to_the_next_page(qtbot, window, write_page, monkeypatch):
    pages = [write_page(f"p{i}.txt", title=f"Page number {i} of three") for i in range(3)]
    import_and_wait(qtbot, window, pages)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 3)
    order = window.pages.model.page_ids()
    monkeypatch.setattr(dialogs, "confirm_delete", lambda _parent, _titles: True)

    window.pages.select_row(1)
    window.delete_selected_pages()
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: window.current_page_id() is not None, timeout=5000)
    assert window.current_page_id() == order[2]  # the one below took its place
    assert window.pages.current_page_id() == order[2]

    window.delete_selected_pages()  # the last one: the one above is shown
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.current_page_id() == order[0], timeout=5000)


def test_a_right_to_left_title_keeps_its_place_in_the_window_title(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("urdu.txt", title="اسٹاک مارکیٹ میں تیزی")])
    wait_for_page(qtbot, window)
    # set apart, so the line is not laid out right to left with the app's name first
    assert window.windowTitle() == "\u2068اسٹاک مارکیٹ میں تیزی\u2069 — Market Reader"
    import_and_wait(qtbot, window, [write_page("english.txt", title="Stocks rally on rate cut hopes")])
    qtbot.waitUntil(lambda: "Stocks rally" in window.windowTitle())
    assert window.windowTitle() == "Stocks rally on rate cut hopes — Market Reader"


def test_pages_imported_from_a_terminal_are_listed_when_the_window_comes_back(qtbot, window, write_page):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.library import Library

    import_and_wait(qtbot, window, [write_page("a.txt", title="Imported in the window")])
    wait_for_page(qtbot, window)
    shown = window.current_page_id()
    with Library(window.library_path) as other:  # another program's connection, as `market-reader import`
        other.import_paths([write_page("b.txt", title="Imported from a terminal")])
    window.activateWindow()
    qtbot.waitActive(window)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2, timeout=5000)
    titles = {window.pages.model.page_at(r).title for r in range(2)}
    assert titles == {"Imported in the window", "Imported from a terminal"}
    assert window.current_page_id() == shown  # the page being read stays
    assert window.pages.count_label.text().startswith("2 pages")
    assert not window.pages.reload_if_changed()  # nothing new since: no reload


def test_html_dragged_from_a_browser_becomes_a_page(qtbot, window):
    mime = QMimeData()
    mime.setText("AIRLINK 165.36 Decreased By ▼ -10.19 (-5.8%)\nMarkets\n\nDragged selection title\n\n"
                 "A paragraph of the article that the reader selected in the browser and dragged.")
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        drop(window, mime)
    assert blocker.args[0][0].status == "imported"


def test_no_network_request_when_showing_a_page_that_points_to_a_server(qtbot, window, tmp_path):
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *_args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    page = tmp_path / "remote.html"
    page.write_text(
        f'<html><head><title>Remote pictures - Business Recorder</title>'
        f'<link rel="stylesheet" type="text/css" href="{base}/site.css"><style>@import "{base}/more.css";</style>'
        f'</head><body><h1>Remote pictures</h1><p>Published January 13, 2025</p>'
        f'<figure><img src="{base}/photo.jpg"><figcaption>A photo</figcaption></figure>'
        f'<p>The first paragraph of an article whose photo lives on a server far away.</p>'
        f'<p style="background: url({base}/bg.png)">The second paragraph, with a background on the server.</p>'
        f'<script src="{base}/app.js"></script></body></html>',
        encoding="utf-8",
    )
    try:
        import_and_wait(qtbot, window, [page])
        wait_for_page(qtbot, window)
        window.article.grab()
        assert "Remote pictures" in window.article.toPlainText()
        assert requests == []
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_state_is_restored_after_closing_and_reopening(qtbot, tmp_path, write_page):
    library = tmp_path / "library.db"
    first = create_main_window(library)
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.import_finished, timeout=30_000):
        drop_urls(first, [write_page("a.txt", title="Alpha fund posts gains"), write_page("b.txt", title="Beta index slips lower")])
    qtbot.waitUntil(lambda: first.pages.model.rowCount() == 2)
    alpha = next(p.id for p in map(first.pages.model.page_at, range(2)) if p.title == "Alpha fund posts gains")
    first.pages.select_page(alpha)
    first.quotes.sort_by(first.quotes.model.column_of(SYMBOL), Qt.SortOrder.DescendingOrder)
    first.article.set_zoom(3)
    first.resize(760, 560)  # within the offscreen screen, which restoreGeometry fits windows into
    first.splitter.setSizes([150, 350, 240])
    sizes = first.splitter.sizes()
    first.close()

    second = create_main_window(library)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.current_page_id() == alpha, timeout=10_000)
    assert (second.size().width(), second.size().height()) == (760, 560)
    assert second.splitter.sizes() == sizes
    assert second.quotes.model.sort_state() == (second.quotes.model.column_of(SYMBOL), Qt.SortOrder.DescendingOrder)
    assert second.article.zoom() == 3
    assert second.quotes.model.column_of(PERCENT) >= 0
    second.close()




def import_two_snapshots(qtbot, window, tmp_path) -> None:
    import os

    from tests.textpages import text_page

    snapshots = [
        ("Monday market report page", [("OGDC", 200.00, 2.00, 1.01), ("OLD", 5.00, -0.10, -1.96)]),
        ("Tuesday market report page", [("OGDC", 220.00, 20.00, 10.0), ("NEW", 7.00, 0.50, 7.69)]),
    ]
    paths = []
    for n, (title, quotes) in enumerate(reversed(snapshots)):  # newest imported first: order must not matter
        path = tmp_path / f"snap{n}.txt"
        path.write_text(text_page(title, quotes=quotes), encoding="utf-8")
        moment = 1_736_100_000 - n * 86_400
        os.utime(path, (moment, moment))
        paths.append(path)
    import_and_wait(qtbot, window, paths)


def test_market_view_shows_the_latest_quote_of_each_symbol(qtbot, window, tmp_path):
    import_two_snapshots(qtbot, window, tmp_path)
    window.tabs.setCurrentWidget(window.market)
    model = window.market.grid.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    latest = {model.quote_at(r).symbol: model.quote_at(r) for r in range(model.rowCount())}
    assert latest["OGDC"].price == 220.0
    assert {"OLD", "NEW", "KSE100"} <= set(latest)
    window.market.show_gainers()
    assert model.quote_at(0).symbol == "OGDC"


def test_history_opens_for_a_symbol_and_leads_to_its_page(qtbot, window, tmp_path):
    import_two_snapshots(qtbot, window, tmp_path)
    window.show_history("OGDC")
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None, timeout=5000)
    dialog = window.history_dialog
    assert dialog.series.price.tolist() == [200.0, 220.0]
    first = dialog.table.model.quote_at(0)  # read from the library as the row is shown
    assert (first.price, first.page_id) == (200.0, int(dialog.series.page_id[0]))
    dialog.page_requested.emit(first.page_id)
    qtbot.waitUntil(lambda: window.current_page_id() == first.page_id, timeout=5000)
    dialog.close()


def test_export_writes_the_grid_with_provenance(qtbot, window, write_page, tmp_path, monkeypatch):
    import csv
    import json

    import_and_wait(qtbot, window, [write_page("p.txt", title="Stocks mixed in thin trade")])
    wait_for_page(qtbot, window)
    for name in ("quotes.csv", "quotes.json"):
        target = tmp_path / name
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args, target=target: target)
        window.export_quotes()
        if name.endswith(".csv"):
            rows = list(csv.DictReader(target.open(encoding="utf-8")))
        else:
            rows = json.loads(target.read_text(encoding="utf-8"))
        assert [r["symbol"] for r in rows][:2] == ["TRG", "AIRLINK"]  # the grid's order
        assert rows[0]["page_title"] == "Stocks mixed in thin trade"
        assert rows[0]["file_hash"] and rows[0]["quotes_as_of"]


def test_compare_two_selected_pages(qtbot, window, tmp_path):
    from PySide6.QtCore import QItemSelectionModel

    import_two_snapshots(qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    selection = window.pages.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(2):
        selection.select(window.pages.model.index(row, 0), flags)
    window.compare_selected_pages()
    model = window.compare_dialog.model
    assert model.index(0, 0).data() == "OGDC"
    assert model.index(0, 4).data() == "+10.00%"


def test_files_handed_over_by_a_second_launch_are_imported(qtbot, window, write_page):
    page = write_page("handed.txt", title="Handed over by another launch")
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        window.receive_paths([str(page)])
    assert [r.status for r in blocker.args[0]] == ["imported"]


def test_drag_over_the_window_shows_the_drop_highlight(qtbot, window, write_page):
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_page("x.txt", title="Dragged over the window")))])
    enter = QDragEnterEvent(QPoint(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    assert window.overlay.isVisible() and window.overlay.geometry() == window.rect()
    window.dragLeaveEvent(QDragLeaveEvent())
    assert not window.overlay.isVisible()


def test_a_second_import_waits_for_the_first_and_keeps_its_failures(qtbot, window, write_page, tmp_path):
    bad = tmp_path / "saved" / "broken.mhtml"
    write_page("first.txt", title="First batch page imports")
    bad.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/html")
    finished: list[list] = []
    window.import_finished.connect(finished.append)
    window.import_paths([tmp_path / "saved" / "first.txt", bad])
    window.import_paths([write_page("second.txt", title="Second batch page imports")])
    assert window.importing()
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=30_000)
    first, second = finished
    assert sorted(r.status for r in first) == ["failed", "imported"]
    assert [r.status for r in second] == ["imported"]


def test_closing_with_a_job_in_flight_is_safe(qtbot, tmp_path, write_page):
    from PySide6.QtCore import QCoreApplication

    win = create_main_window(tmp_path / "library.db")
    win.show()
    win.show_history("OGDC")
    win.refresh_market()
    win.import_paths([write_page("late.txt", title="Arrives after the window closed")])
    win.close()
    win.deleteLater()
    for _ in range(20):
        QCoreApplication.processEvents()  # any late answer must find the window closed, not crash


def test_symbol_filter_keeps_the_selected_quote(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("p.txt", title="Stocks mixed in thin trade")])
    wait_for_page(qtbot, window)
    pane = window.quotes
    row = next(r for r in range(pane.model.rowCount()) if pane.model.quote_at(r).symbol == "OGDC")
    pane.select_row(row)
    pane.filter_box.setText("g")
    assert pane.current_quote() is not None and pane.current_quote().symbol == "OGDC"
    assert pane.chart.selected_bar() == pane.view.selectionModel().currentIndex().row()


def test_strip_changes_between_snapshots(qtbot, window, tmp_path):
    import_two_snapshots(qtbot, window, tmp_path)
    window.show_strip_changes()
    qtbot.waitUntil(lambda: getattr(window, "strip_dialog", None) is not None, timeout=5000)
    model = window.strip_dialog.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in (2, 3)] == ["NEW", "OLD"]
    assert "Tuesday market report page" == model.index(0, 1).data()


def test_history_and_comparison_export_with_provenance(qtbot, window, tmp_path, monkeypatch):
    import csv
    import json

    from PySide6.QtCore import QItemSelectionModel

    import_two_snapshots(qtbot, window, tmp_path)
    window.show_history("OGDC")
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None, timeout=5000)
    table, chart = tmp_path / "history.json", tmp_path / "history.png"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: table)
    window.history_dialog._request_table_export()
    rows = json.loads(table.read_text(encoding="utf-8"))
    assert [r["price"] for r in rows] == [200.0, 220.0] and all(r["file_hash"] for r in rows)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: chart)
    window.history_dialog._request_chart_export()
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(2):
        window.pages.view.selectionModel().select(window.pages.model.index(row, 0), flags)
    window.compare_selected_pages()
    target = tmp_path / "comparison.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: target)
    window.compare_dialog._request_export()
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert rows[0]["symbol"] == "OGDC" and rows[0]["percent_diff"] == "10.0"
    assert rows[0]["a_title"] == "Monday market report page" and rows[0]["b_title"] == "Tuesday market report page"
    assert rows[0]["a_file_hash"] and rows[0]["b_quotes_as_of"]


def test_a_link_loop_in_a_dropped_folder_is_skipped_not_failed(qtbot, window, write_page, tmp_path):
    folder = tmp_path / "saved"
    write_page("good.txt", title="A page beside a link loop")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    results = import_and_wait(qtbot, window, [folder])
    assert sorted(r.status for r in results) == ["imported", "skipped"]
    assert "1 imported, 0 already in library, 0 failed, 1 skipped" in window.statusBar().currentMessage()
    assert window.imports.details_button.isVisible()  # the list says what was passed over, and why


def test_cancel_stops_an_import_between_files(qtbot, window, write_page):
    from PySide6.QtWidgets import QProgressBar

    paths = [write_page(f"many{i}.txt", title=f"Page number {i} of a long import") for i in range(60)]
    assert window.findChild(QProgressBar, "importProgress") is not None
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        window.import_paths(paths)
        window.cancel_import()
    assert len(blocker.args[0]) < 60
    assert window.statusBar().currentMessage().startswith("Import cancelled")
    assert not window.importing()


def test_market_view_narrowed_to_a_date_range(qtbot, window, tmp_path):
    import_two_snapshots(qtbot, window, tmp_path)  # saved 2025-01-04 and 2025-01-05 (file dates)
    window.tabs.setCurrentWidget(window.market)
    model = window.market.grid.model

    def prices() -> dict[str, float]:
        return {model.quote_at(r).symbol: model.quote_at(r).price for r in range(model.rowCount())}

    qtbot.waitUntil(lambda: prices().get("OGDC") == 220.0, timeout=5000)
    window.market.set_date_range("2025-01-01", "2025-01-04")
    qtbot.waitUntil(lambda: prices().get("OGDC") == 200.0, timeout=5000)
    assert "NEW" not in prices()
    window.market.set_date_range(None, None)
    qtbot.waitUntil(lambda: prices().get("OGDC") == 220.0, timeout=5000)


def test_open_starts_in_the_downloads_folder_then_where_the_last_pages_came_from(qtbot, window, write_page,
                                                                                 monkeypatch):
    """Never in the folder the app happened to be started from."""
    starts: list[Path | None] = []
    page = write_page("a.txt", title="Cotton prices firm")
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda _parent, start=None: starts.append(start) or [page])
    monkeypatch.setattr(dialogs, "ask_folder", lambda _parent, start=None: starts.append(start))
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.open_files()
    assert starts[0] == dialogs.downloads_folder() and starts[0] != Path.cwd()
    window.open_folder()
    assert starts[1] == page.parent


def test_the_empty_library_offers_to_open_saved_pages_without_dragging(qtbot, window, write_page, monkeypatch):
    page = write_page("a.txt", title="Rupee steady against the dollar")
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda _parent, _start=None: [page])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty)
    button = window.empty.findChild(QPushButton, "openButton")
    assert button.isVisible() and button.isEnabled()
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [r.status for r in blocker.args[0]] == ["imported"]
    wait_for_page(qtbot, window)
    assert window.stack.currentWidget() is window.splitter


def test_the_button_that_has_the_focus_at_first_shows_it(qtbot, window):
    """Space imports the sample at once: the button it presses must look chosen."""
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty)
    sample = window.empty.sample_button
    qtbot.waitUntil(sample.hasFocus)
    # Qt's mark that focus frames are drawn in this window (set once the activation's own focus is given)
    qtbot.waitUntil(lambda: window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange))
    focused = sample.grab().toImage()
    window.empty.open_button.setFocus()
    qtbot.waitUntil(lambda: not sample.hasFocus())
    assert sample.grab().toImage() != focused


def test_a_search_that_finds_nothing_says_so_in_the_list(qtbot, window, write_page):
    import_and_wait(qtbot, window, [write_page("a.txt", title="Textile exports hit record")])
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 1)
    note = window.pages.no_match
    assert not note.isVisible()
    window.pages.search_box.setText("zzqx")
    qtbot.waitUntil(note.isVisible, timeout=5000)
    assert "Clear the search or the filters" in note.text()
    assert note.geometry().top() >= 0 and note.width() > 0  # inside the list
    window.pages.search_box.clear()
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 1, timeout=5000)
    assert not note.isVisible()


def test_a_library_filled_elsewhere_opens_on_its_first_page(qtbot, tmp_path, write_page):
    """Pages imported from the command line, the window opened for the first time: a page is shown at once,
    not a list with nothing chosen beside two empty panes."""
    from desktop.library import Library

    library = tmp_path / "library.db"
    with Library(library) as lib:
        lib.import_paths([write_page("a.txt", title="Alpha fund posts gains"),
                          write_page("b.txt", title="Beta index slips lower")])
    window = create_main_window(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 2, timeout=10_000)
    first = window.pages.model.page_at(0)
    qtbot.waitUntil(lambda: window.current_page_id() == first.id, timeout=10_000)
    qtbot.waitUntil(lambda: first.title in window.article.toPlainText())
    other = window.pages.model.page_at(1).title
    window.pages.search_box.setText(other.split()[0])  # a later search that hides the page picks none by itself
    qtbot.waitUntil(lambda: window.pages.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.current_page_id() is None)


def test_print_preview_shows_the_article_on_pages(qtbot, window, write_page):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    import_and_wait(qtbot, window, [write_page("a.txt", title="Cotton prices firm")])
    wait_for_page(qtbot, window)
    window.actions_.all[[a.text() for a in window.actions_.all].index("Print Pre&view…")].trigger()
    preview = window.print_preview
    qtbot.waitUntil(preview.isVisible)
    pages = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: pages.pageCount() >= 1)
    assert "Cotton prices firm" in preview.printer().docName()
    preview.reject()


def test_a_narrow_page_list_keeps_room_for_the_titles(qtbot, window, write_page):
    from desktop.gui.models.page_model import AS_OF as SAVED
    from desktop.gui.models.page_model import QUOTES, TITLE

    import_and_wait(qtbot, window, [write_page("a.txt", title="Textile exports hit a record high")])
    view = window.pages.view
    usual = view.columnWidth(SAVED)
    title_room = view.fontMetrics().averageCharWidth() * 14
    window.resize(1000, 560)
    window.splitter.setSizes([280, 400, 320])
    needed = usual + view.columnWidth(QUOTES) + title_room
    qtbot.waitUntil(lambda: needed - 60 < view.viewport().width() < needed)  # too narrow for the usual widths
    qtbot.waitUntil(lambda: view.columnWidth(TITLE) >= title_room)
    assert view.columnWidth(SAVED) < usual
    assert view.columnWidth(QUOTES) >= view.fontMetrics().horizontalAdvance("Quotes")  # counts are never cut
    window.resize(1200, 560)
    window.splitter.setSizes([600, 300, 300])
    qtbot.waitUntil(lambda: view.viewport().width() > 500)  # room for every column again
    qtbot.waitUntil(lambda: view.columnWidth(SAVED) == usual)
