"""Market Reader: the desktop application and its command line."""

import os

# pyqtgraph binds to the first Qt it finds; make it PySide6 whatever the import order.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def app_version() -> str:
    """The installed distribution's version, or "0+unknown" when running from an uninstalled tree."""
    from importlib.metadata import PackageNotFoundError, version  # (about 25 ms to load: only when asked)

    try:
        return version("market-reader")
    except PackageNotFoundError:
        return "0+unknown"
