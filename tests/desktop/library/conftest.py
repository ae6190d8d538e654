"""Fixtures for library tests: a fresh library file in the test's temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.library import Library


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def lib(lib_path: Path) -> Iterator[Library]:
    with Library(lib_path) as library:
        yield library
