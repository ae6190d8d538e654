"""Files shipped with Market Reader: icons, the sample page, style sheets."""

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource file, e.g. ``resource_path("samples", "sample.html")``."""
    return Path(str(files(__name__).joinpath(*parts)))
