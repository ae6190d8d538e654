"""Before the window opens: a library that is missing, cannot be created or cannot be read gets a choice, not a crash.

A missing library at the default place is created quietly (the first start). One named with ``--library`` or
``MARKET_READER_LIBRARY`` that does not exist may be a typing mistake, so the user is asked before anything is
created. Each problem offers Create (when it can help), Choose Another… and Quit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from desktop.library import Library
from desktop.library.records import LibraryError

Choice = Literal["create", "choose", "quit"]


@dataclass(frozen=True)
class LibraryProblem:
    path: Path
    message: str  # what is wrong, in a sentence
    can_create: bool  # whether "Create" would help


def _create_folder(path: Path) -> LibraryProblem | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return LibraryProblem(path, f"The folder for the library, {path.parent}, cannot be created ({reason}).", False)
    return None


def _can_open(path: Path) -> LibraryProblem | None:
    """Open (creating when missing) the library once; read-only storage is fine, the window marks it."""
    try:
        Library(path, read_only_fallback=True).close()
    except LibraryError as error:
        return LibraryProblem(path, error.message, False)
    return None


def library_problem(path: Path, ask_before_creating: bool) -> LibraryProblem | None:
    """What stops the window from opening ``path`` (None: it can open). May create the folder and library."""
    if path.is_dir():
        return LibraryProblem(path, f"{path} is a folder; a library is a file (for example library.db).", False)
    if not path.exists():
        if ask_before_creating:
            folder_note = "" if path.parent.is_dir() else f" (the folder {path.parent} does not exist either)"
            return LibraryProblem(path, f"There is no library at {path}{folder_note}.", True)
        problem = _create_folder(path)
        if problem is not None:
            return problem
    return _can_open(path)


def settle_library(
    path: Path,
    ask_before_creating: bool,
    ask: Callable[[LibraryProblem], Choice],
    choose: Callable[[Path], Path | None],
) -> Path | None:
    """The library the window should open, after asking the user about any problem; None when they quit.

    ``ask(problem)`` returns "create", "choose" or "quit"; ``choose(start)`` returns a path picked in a file
    dialog (a new name there means "create it").
    """
    while True:
        problem = library_problem(path, ask_before_creating)
        if problem is None:
            return path
        answer = ask(problem)
        if answer == "create" and problem.can_create:
            ask_before_creating = False
        elif answer == "choose":
            chosen = choose(path.parent if path.parent.is_dir() else Path.home())
            if chosen is not None:
                path, ask_before_creating = chosen, False
        else:
            return None
