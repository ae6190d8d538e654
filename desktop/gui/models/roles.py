"""Custom item-data roles shared by the models and the views."""

from enum import IntEnum

from PySide6.QtCore import Qt


class QuoteRole(IntEnum):
    SORT_KEY = Qt.ItemDataRole.UserRole + 1  # raw number or lower-case text, for sorting
    QUOTE = Qt.ItemDataRole.UserRole + 2  # the QuoteRow itself


class PageRole(IntEnum):
    SORT_KEY = Qt.ItemDataRole.UserRole + 1
    PAGE_ID = Qt.ItemDataRole.UserRole + 2
    PAGE = Qt.ItemDataRole.UserRole + 3
    STATE = Qt.ItemDataRole.UserRole + 4  # the page's reader state (read, starred, tags, note)
