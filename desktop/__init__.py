"""Market Reader: the desktop application and its command line."""

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    """The installed distribution's version, or "0+unknown" when running from an uninstalled tree."""
    try:
        return version("market-reader")
    except PackageNotFoundError:
        return "0+unknown"
