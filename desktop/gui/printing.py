"""Printing the article as the panel shows it (text size and images included), through Qt's print dialog."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
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
