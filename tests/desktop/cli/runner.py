"""Running `market-reader` commands in this process, as a user would type them, with output captured."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.app import main


@dataclass(frozen=True)
class Completed:
    """What a command did: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _environment(changes: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run(library: Path | None, *args: str, env: dict[str, str] | None = None) -> Completed:
    """``market-reader [--library LIBRARY] ARGS...`` in-process; argparse's exits become the status."""
    argv = [*(["--library", str(library)] if library else []), *args]
    out, err = io.StringIO(), io.StringIO()
    with _environment(env or {}), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    return Completed(code, out.getvalue(), err.getvalue())
