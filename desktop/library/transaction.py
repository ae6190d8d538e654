"""Opening the library connection and the one kind of write transaction it uses."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 15_000


def connect(path: Path) -> Database:
    """A sqlite-utils database on a fresh connection that waits up to 15 s for other writers."""
    return _database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))


def connect_read_only(path: Path, immutable: bool = False) -> Database:
    """A connection that never writes: ``mode=ro``, or ``immutable=1`` (no lock or -shm file at all)
    for storage where even WAL's shared-memory file cannot be created."""
    option = "immutable=1" if immutable else "mode=ro"
    uri = f"{path.resolve().as_uri()}?{option}"
    return _database(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000))


def _database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils on a connection (loaded here, when a library is opened: it brings numpy with it)."""
    from sqlite_utils import Database

    return Database(conn)


def configure(db: Database) -> None:
    """WAL journal (readers never block the writer), cheap commits, and the busy timeout.

    Foreign keys are switched on separately (enforce_foreign_keys), after any migration.
    """
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = _switch_to_wal(db.conn)
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"could not switch the journal to WAL (got {mode})")
    db.conn.execute("PRAGMA synchronous = NORMAL")


def enforce_foreign_keys(db: Database) -> None:
    db.conn.execute("PRAGMA foreign_keys = ON")


def _switch_to_wal(conn: sqlite3.Connection) -> str:
    """Set the WAL journal, retrying while another connection holds the file.

    Changing the journal mode needs the file to itself and SQLite answers "database is locked" at
    once, without waiting out the busy timeout, when another process is opening it at the same moment.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One atomic write that takes the write lock first (BEGIN IMMEDIATE).

    The import reads (is this content already here?) before it writes; a deferred BEGIN would fail at
    once with "database is locked" if another process committed in between, whatever the timeout.
    sqlite-utils writes inside the block nest as savepoints and commit with it.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise
