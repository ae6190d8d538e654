"""Windows the main window opens beside itself (a symbol's history, strip changes, a comparison) and the
library calls that feed them on the pool."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop.gui.windows.compare_view import CompareDialog
from desktop.gui.windows.history_view import SymbolHistoryDialog
from desktop.gui.windows.strip_view import StripChangesDialog
from desktop.library import Library, LibraryError
from desktop.library.compare import StripChange
from desktop.library.compare import strip_timeline as timeline_of
from desktop.library.formatting import moment_key
from desktop.library.records import QuoteRow
from desktop.library.series import HistorySeries

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)
STRIP_SNAPSHOTS = 100  # how far back "Strip changes" looks


# --- on the pool ------------------------------------------------------------------------------------
def latest_quotes(since: str | None, until: str | None, library: Library) -> list[QuoteRow]:
    return library.latest_quotes(since=since, until=until)


def history(symbol: str, library: Library) -> tuple[str, HistorySeries]:
    return symbol, library.history_series(symbol)


def delete_pages(page_ids: list[int], library: Library) -> list[bool]:
    return [library.delete_page(page_id) for page_id in page_ids]


def strip_timeline(library: Library) -> tuple[list[StripChange], int, frozenset[int]]:
    """Strip changes across the latest snapshots, how many snapshots, and which have estimated times."""
    newest = library.page_ids("quotes_as_of", True)[:STRIP_SNAPSHOTS]  # ids only: every page's row would be 100,000
    listed = library.listed_pages(newest)
    pages = [listed[i].row for i in reversed(newest) if i in listed and listed[i].row.quote_count]
    snapshots = [(p.id, p.quotes_as_of, p.title, library.quotes(p.id)) for p in pages]
    return timeline_of(snapshots), len(snapshots), frozenset(p.id for p in pages if p.as_of_estimated)


# --- on the GUI thread --------------------------------------------------------------------------------
def open_history(window: MainWindow, symbol: str, series: HistorySeries) -> None:
    """The history window; the rows it shows are read from the window's own connection as they scroll in."""
    dialog = SymbolHistoryDialog(symbol, series, window, partial(_history_rows, window.library, symbol))
    dialog.page_requested.connect(window.open_page)
    dialog.export_table_requested.connect(window.export_quote_rows)
    dialog.export_chart_requested.connect(lambda _chart: window.exporter.save_image(dialog.chart.image()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.history_dialog = dialog
    dialog.show()


def _history_rows(library: Library, symbol: str, keys: Sequence[int]) -> dict[int, QuoteRow]:
    """Rows for the history's table; when the library cannot answer, the table shows what the series holds."""
    try:
        return library.history_rows(symbol, keys)
    except LibraryError as error:
        log.warning("history rows could not be read: %s", error.message)
        return {}


def open_strip_changes(window: MainWindow, changes: list[StripChange], snapshots: int,
                       estimated: frozenset[int]) -> None:
    dialog = StripChangesDialog(changes, snapshots, window, estimated)
    dialog.page_requested.connect(window.open_page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.strip_dialog = dialog
    dialog.show()


def open_comparison(window: MainWindow) -> None:
    """The two pages selected in the list side by side, the older one first."""
    pages = window.pages.selected_pages()
    if len(pages) != 2:
        window.statusBar().showMessage("Select two pages in the list to compare them (Ctrl+click or Shift+arrows).", 6000)
        return
    first, second = sorted(pages, key=lambda p: moment_key(p.quotes_as_of))
    library = window.library
    dialog = CompareDialog(first, library.quotes(first.id), second, library.quotes(second.id), window)
    dialog.export_requested.connect(window.export_comparison)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.compare_dialog = dialog
    dialog.show()
