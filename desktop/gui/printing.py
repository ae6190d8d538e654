"""Printing the article as the panel shows it (text size and images included), through Qt's print dialog, and a
preview of the printed pages first."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from desktop.gui.panes.article_panel import ArticleView


def ask_printer(parent: QWidget, title: str) -> QPrinter | None:
    """The printer (or PDF file) and pages the user chose, or None when they cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print article")
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_article(parent: QWidget, view: ArticleView) -> bool:
    """Ask where to print, then print; False when the user cancelled."""
    article = view.article()
    title = (article.page.title or article.page.file_name) if article is not None else "Article"
    printer = ask_printer(parent, title)
    if printer is None:
        return False
    view.print_to(printer)
    return True


def preview_article(parent: QWidget, view: ArticleView) -> QPrintPreviewDialog:
    """File ▸ Print Preview: the printed pages of the article, with page set-up and Print in the preview's toolbar."""
    article = view.article()
    dialog = QPrintPreviewDialog(parent)  # its own printer: one made here would be freed before the dialog
    dialog.printer().setDocName((article.page.title or article.page.file_name) if article is not None else "Article")
    dialog.setWindowTitle("Print preview")
    dialog.paintRequested.connect(view.print_to)
    room = (parent or view).screen().availableGeometry()
    dialog.resize(min(860, room.width() * 9 // 10), min(720, room.height() * 9 // 10))
    dialog.open()  # modal to the window, without blocking the caller
    return dialog
