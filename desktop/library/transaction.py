"""Opening the library connection and the one kind of write transaction it uses."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 15_000


def connect(path: Path) -> Database:
    """A sqlite-utils database on a fresh connection that waits up to 15 s for other writers."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    return Database(conn)


def configure(db: Database) -> None:
    """WAL journal (readers never block the writer), cheap commits, and the busy timeout."""
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = db.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"could not switch the journal to WAL (got {mode})")
    db.conn.execute("PRAGMA synchronous = NORMAL")
    db.conn.execute("PRAGMA foreign_keys = ON")


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
