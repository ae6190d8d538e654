"""Reader state kept per page: read or unread, starred, tags, a note; stored beside the page, never re-parsed.

The state lives in columns of the pages table (which a re-parse never writes) and in the tags and
page_tags tables, so re-importing or re-parsing a page keeps it. Every change names its pages by id
and changes nothing when one of them is not in the library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.library.fts import clean_text
from desktop.library.packing import DamagedData, unpack_text
from desktop.library.records import BadTag, UnknownPages
from desktop.library.storage_schema import LIST_INDEXES
from desktop.library.transaction import write_transaction

WORDS_PER_MINUTE = 200
MAX_TAG_CHARS = 100
MAX_NOTE_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class PageState:
    """What the reader has done with a page."""

    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()
    note: str | None = None
    words: int = 0

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.words)


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    pages: int


def reading_minutes(words: int) -> int:
    """Minutes an article takes to read at 200 words a minute, rounded up; 0 for no text."""
    return math.ceil(words / WORDS_PER_MINUTE) if words > 0 else 0


def count_words(paragraphs: Iterable[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def tag_name(text: str) -> str:
    """A tag as stored: spaces trimmed and collapsed; raises BadTag for an empty or overlong name."""
    name = " ".join(clean_text(text).split())
    if not name:
        raise BadTag("a tag needs at least one letter or digit")
    if len(name) > MAX_TAG_CHARS:
        raise BadTag(f"a tag can be at most {MAX_TAG_CHARS} characters long")
    return name


# ---- schema -------------------------------------------------------------------------------------

def add_reader_state(db: Database) -> None:
    """Migration to version 5: read, starred, note and word count on pages; tags and page_tags."""
    present = {r[1] for r in db.conn.execute("PRAGMA table_info(pages)")}
    for column, definition in (("read", "INTEGER NOT NULL DEFAULT 0"), ("starred", "INTEGER NOT NULL DEFAULT 0"),
                               ("note", "TEXT"), ("word_count", "INTEGER NOT NULL DEFAULT 0")):
        if column not in present:
            db.conn.execute(f"ALTER TABLE pages ADD COLUMN {column} {definition}")
    db.conn.execute("CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)")
    db.conn.execute(
        "CREATE TABLE IF NOT EXISTS page_tags (page_id INTEGER NOT NULL REFERENCES pages(id),"
        " tag_id INTEGER NOT NULL REFERENCES tags(id), PRIMARY KEY (page_id, tag_id)) WITHOUT ROWID"
    )
    db.conn.execute("CREATE INDEX IF NOT EXISTS idx_page_tags_tag ON page_tags (tag_id, page_id)")
    for name, columns in LIST_INDEXES.items():
        db.conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON pages {columns}")
    _count_stored_words(db)


def _count_stored_words(db: Database) -> None:
    last = 0
    while rows := db.conn.execute(
        "SELECT page_id, data FROM texts WHERE page_id > ? ORDER BY page_id LIMIT 2000", [last]
    ).fetchall():
        counts = []
        for page_id, data in rows:
            try:
                counts.append((count_words(unpack_text(data)[0]), page_id))
            except (DamagedData, ValueError):
                continue
        db.conn.executemany("UPDATE pages SET word_count = ? WHERE id = ?", counts)
        last = rows[-1][0]


# ---- reading ------------------------------------------------------------------------------------

STATE_FIELDS = (
    "p.read, p.starred, p.note, p.word_count,"
    " (SELECT json_group_array(name) FROM (SELECT t.name FROM page_tags pt JOIN tags t ON t.id = pt.tag_id"
    " WHERE pt.page_id = p.id ORDER BY t.name COLLATE NOCASE))"
)


def state_from(read: int, starred: int, note: str | None, words: int | None, tags: str | None) -> PageState:
    """A PageState from the columns STATE_FIELDS selects."""
    return PageState(bool(read), bool(starred), tuple(json.loads(tags or "[]")), note, int(words or 0))


def page_states(db: Database, ids: Iterable[int]) -> dict[int, PageState]:
    rows = db.execute(
        f"SELECT p.id, {STATE_FIELDS} FROM pages p WHERE p.id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(ids))],
    )
    return {int(r[0]): state_from(*r[1:]) for r in rows}


def all_tags(db: Database) -> list[TagCount]:
    """Every tag with the number of pages that carry it, by name."""
    rows = db.execute(
        "SELECT t.name, count(pt.page_id) FROM tags t LEFT JOIN page_tags pt ON pt.tag_id = t.id"
        " GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
    )
    return [TagCount(name, int(n)) for name, n in rows]


def counts(db: Database) -> dict[str, int]:
    """How many pages there are, and how many are unread and starred."""
    total, unread, starred = db.execute(
        "SELECT count(*), coalesce(sum(read = 0), 0), coalesce(sum(starred != 0), 0) FROM pages"
    ).fetchone()
    return {"pages": int(total), "unread": int(unread), "starred": int(starred)}


# ---- changing -----------------------------------------------------------------------------------

def _check_pages(db: Database, ids: Sequence[int]) -> list[int]:
    wanted = list(dict.fromkeys(int(i) for i in ids))
    found = {int(r[0]) for r in db.execute(
        "SELECT id FROM pages WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(wanted)]
    )}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise UnknownPages(missing)
    return wanted


def _set_flag(db: Database, column: str, ids: Sequence[int], value: bool) -> int:
    with write_transaction(db):
        wanted = _check_pages(db, ids)
        cursor = db.conn.execute(
            f"UPDATE pages SET {column} = ? WHERE {column} != ? AND id IN (SELECT value FROM json_each(?))",
            [int(value), int(value), json.dumps(wanted)],
        )
        return int(cursor.rowcount)


def set_read(db: Database, ids: Sequence[int], read: bool) -> int:
    """Mark pages read (or unread); returns how many changed."""
    return _set_flag(db, "read", ids, read)


def set_starred(db: Database, ids: Sequence[int], starred: bool) -> int:
    return _set_flag(db, "starred", ids, starred)


def set_note(db: Database, page_id: int, text: str | None) -> None:
    """Keep ``text`` as the page's note; blank text removes it."""
    note = clean_text(text or "").strip()[:MAX_NOTE_CHARS] or None
    with write_transaction(db):
        _check_pages(db, [page_id])
        db.conn.execute("UPDATE pages SET note = ? WHERE id = ?", [note, page_id])


def _tag_ids(db: Database, names: Iterable[str], create: bool) -> list[int]:
    ids = []
    for name in dict.fromkeys(tag_name(n) for n in names):
        if create:
            db.conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
        row = db.conn.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
        if row is not None:
            ids.append(int(row[0]))
    return ids


def _drop_unused_tags(db: Database) -> None:
    db.conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM page_tags)")


def add_tags(db: Database, ids: Sequence[int], names: Sequence[str]) -> int:
    """Give every page in ``ids`` every tag in ``names`` (created as needed); returns the links added."""
    names = [tag_name(n) for n in names]
    with write_transaction(db):
        pages = _check_pages(db, ids)
        tags = _tag_ids(db, names, create=True)
        cursor = db.conn.executemany(
            "INSERT OR IGNORE INTO page_tags (page_id, tag_id) VALUES (?, ?)", [(p, t) for p in pages for t in tags]
        )
        return int(cursor.rowcount)


def remove_tags(db: Database, ids: Sequence[int], names: Sequence[str]) -> int:
    """Take the tags in ``names`` off the pages in ``ids``; a tag left on no page is forgotten."""
    names = [tag_name(n) for n in names]
    with write_transaction(db):
        pages = _check_pages(db, ids)
        tags = _tag_ids(db, names, create=False)
        cursor = db.conn.executemany(
            "DELETE FROM page_tags WHERE page_id = ? AND tag_id = ?", [(p, t) for p in pages for t in tags]
        )
        _drop_unused_tags(db)
        return int(cursor.rowcount)


def set_tags(db: Database, page_id: int, names: Sequence[str]) -> None:
    """Make ``names`` the page's tags exactly (the tag editor's save)."""
    names = [tag_name(n) for n in names]
    with write_transaction(db):
        _check_pages(db, [page_id])
        db.conn.execute("DELETE FROM page_tags WHERE page_id = ?", [page_id])
        for tag in _tag_ids(db, names, create=True):
            db.conn.execute("INSERT OR IGNORE INTO page_tags (page_id, tag_id) VALUES (?, ?)", [page_id, tag])
        _drop_unused_tags(db)


def rename_tag(db: Database, old: str, new: str) -> int:
    """Rename a tag on every page at once; into an existing tag, the two become one. Returns pages touched.

    Raises BadTag when there is no tag ``old``.
    """
    old, new = tag_name(old), tag_name(new)
    with write_transaction(db):
        source = db.conn.execute("SELECT id FROM tags WHERE name = ?", [old]).fetchone()
        if source is None:
            raise BadTag(f"there is no tag {old!r}")
        pages = int(db.conn.execute("SELECT count(*) FROM page_tags WHERE tag_id = ?", [source[0]]).fetchone()[0])
        target = db.conn.execute("SELECT id FROM tags WHERE name = ? AND id != ?", [new, source[0]]).fetchone()
        if target is None:
            db.conn.execute("UPDATE tags SET name = ? WHERE id = ?", [new, source[0]])
            return pages
        db.conn.execute(
            "INSERT OR IGNORE INTO page_tags (page_id, tag_id) SELECT page_id, ? FROM page_tags WHERE tag_id = ?",
            [target[0], source[0]],
        )
        db.conn.execute("DELETE FROM page_tags WHERE tag_id = ?", [source[0]])
        db.conn.execute("DELETE FROM tags WHERE id = ?", [source[0]])
        return pages


def delete_tag(db: Database, name: str) -> int:
    """Remove a tag from every page; returns how many pages carried it. Raises BadTag for an unknown tag."""
    name = tag_name(name)
    with write_transaction(db):
        row = db.conn.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
        if row is None:
            raise BadTag(f"there is no tag {name!r}")
        pages = db.conn.execute("DELETE FROM page_tags WHERE tag_id = ?", [row[0]]).rowcount
        db.conn.execute("DELETE FROM tags WHERE id = ?", [row[0]])
        return int(pages)


def forget_page(db: Database, page_id: int) -> None:
    """A page's tag links, before the page itself is deleted (inside the caller's transaction)."""
    db.conn.execute("DELETE FROM page_tags WHERE page_id = ?", [page_id])
    _drop_unused_tags(db)
