"""Where the library lives: --library, then MARKET_READER_LIBRARY, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.library.records import LibraryError

ENV_VAR = "MARKET_READER_LIBRARY"


def default_library_path() -> Path:
    import platformdirs  # (only when no library is named: `parse` and a named library never need it)

    return Path(platformdirs.user_data_dir("market-reader")) / "library.db"


def chosen_library_path(explicit: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """The library file named by ``explicit``, else the environment, else the default; and whether it was named."""
    if explicit:
        return Path(explicit).expanduser(), True
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser(), True
    return default_library_path(), False


def resolve_library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library file to use, creating its folder if needed (LibraryError, worded, if it cannot be)."""
    path, _named = chosen_library_path(explicit)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise LibraryError(f"{path.parent}: the folder for the library cannot be created ({reason}).") from error
    return path
