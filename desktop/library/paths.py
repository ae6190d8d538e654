"""Where the library lives: --library, then MARKET_READER_LIBRARY, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop.library.records import LibraryError

ENV_VAR = "MARKET_READER_LIBRARY"


def default_library_path() -> Path:
    return Path(platformdirs.user_data_dir("market-reader")) / "library.db"


def resolve_library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library file to use, creating its folder if needed (LibraryError, worded, if it cannot be)."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        path = default_library_path()
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise LibraryError(f"{path.parent}: the folder for the library cannot be created ({reason}).") from error
    return path
