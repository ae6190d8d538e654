"""The Library: one SQLite file of saved pages, opened per thread, shared by the window and the CLI."""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Concatenate, ParamSpec, TypeVar, cast

from sqlite_utils import Database

import parsing
from desktop.library import (
    importer,
    listing,
    originals,
    packing,
    pool,
    queries,
    ranking,
    reading,
    reparse,
    series,
    state,
)
from desktop.library.files import Found, Skipped, find_files, iter_page_files
from desktop.library.packing import Packer
from desktop.library.pool import read_in_pool
from desktop.library.ranking import RankHelper
from desktop.library.records import (
    ImportResult,
    ImportStatus,
    LibraryError,
    PageData,
    PageRow,
    QuoteRow,
    SearchHit,
    SearchResults,
    StoredArticle,
)
from desktop.library.schema import LIBRARY_TABLES, SCHEMA_VERSION, library_state, migrate
from desktop.library.transaction import (
    configure,
    connect,
    connect_read_only,
    enforce_foreign_keys,
    write_transaction,
)

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
P = ParamSpec("P")
R = TypeVar("R")
POOL_MIN_FILES = 16  # below this, starting worker processes costs more than it saves
TRAIN_EVERY = 16  # while there is no compression dictionary, look for enough pages after this many imports
AUTO_REPACK_LIMIT = 1_000  # a library this small gets its originals rewritten with a new dictionary at once


def database_message(path: Path, error: sqlite3.Error) -> str:
    """A sentence for the user about a problem with the library file itself."""
    text = str(error).lower()
    if "not a database" in text or "malformed" in text:
        return f"{path}: not a Market Reader library (the file is not a readable SQLite database)."
    if "readonly" in text or "read-only" in text:
        return f"{path}: the library cannot be written (read-only file or folder)."
    if "locked" in text or "busy" in text:
        return f"{path}: the library is busy in another program; try again when it has finished."
    if "disk" in text and "full" in text:
        return f"{path}: the disk is full; free some space and try again."
    if "unable to open" in text:
        return f"{path}: the library file cannot be opened or created here."
    return f"{path}: library error: {error}"


def write_denied(error: sqlite3.Error) -> bool:
    """True when SQLite failed for lack of write access (read-only file, folder or storage)."""
    text = str(error).lower()
    return any(part in text for part in ("readonly", "read-only", "unable to open"))


def _library_errors(method: Callable[Concatenate[Library, P], R]) -> Callable[Concatenate[Library, P], R]:
    """SQLite failures (disk full, I/O error, locked too long) leave the library as a LibraryError."""

    def guarded(self: Library, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise LibraryError(database_message(self.path, error)) from error

    return cast("Callable[Concatenate[Library, P], R]", functools.update_wrapper(guarded, method))


class Library:
    """Saved pages, their quotes, images and original bytes in one SQLite file.

    A sqlite3 connection belongs to the thread that opened it: each thread opens its own Library.
    """

    def __init__(self, path: str | os.PathLike[str], read_only_fallback: bool = False) -> None:
        """Open (creating or migrating) the library at ``path``.

        With ``read_only_fallback``, a library that cannot be written (read-only storage, where WAL
        cannot even create its -shm file) is opened read-only instead; ``read_only`` tells which.
        """
        self.path = Path(path)
        self.read_only = False
        self._imported = 0
        self._ranker: RankHelper | None = None
        try:
            self._db = self._open_for_writing()
            self._packer = originals.packer(self._db)
        except sqlite3.Error as error:
            if not (read_only_fallback and write_denied(error)):
                raise LibraryError(database_message(self.path, error)) from error
            self._db = self._open_read_only(error)
            self._packer = Packer()
            self.read_only = True

    def _open_for_writing(self) -> Database:
        """Refuse newer or foreign files before changing anything, then switch to WAL and migrate."""
        db = connect(self.path)
        try:
            self._check(*library_state(db))
            configure(db)
            migrate(db, self._check)
            enforce_foreign_keys(db)
        except BaseException:
            db.close()
            raise
        return db

    def _open_read_only(self, first: sqlite3.Error) -> Database:
        """The library opened without writing anything: mode=ro, else immutable (no lock files)."""
        for immutable in (False, True):
            try:
                db = connect_read_only(self.path, immutable)
            except sqlite3.Error:
                continue
            try:
                version, tables = library_state(db)
                self._check(version, tables)
                if version == 0:  # nothing here to read, and it cannot be created
                    raise LibraryError(database_message(self.path, first))
                if version < SCHEMA_VERSION:
                    raise LibraryError(
                        f"{self.path}: this library was written by an older Market Reader (library version "
                        f"{version}) and must be upgraded once where it can be written; it cannot be read here."
                    )
            except sqlite3.Error:
                db.close()
                continue
            except LibraryError:
                db.close()
                raise
            return db
        raise LibraryError(database_message(self.path, first)) from first

    def _check(self, version: int, tables: frozenset[str]) -> None:
        """Raise LibraryError for a file this version must not touch: newer, or not a library at all."""
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path}: this library was written by a newer Market Reader (library version {version}; "
                f"this version reads up to {SCHEMA_VERSION}). Update Market Reader to open it."
            )
        foreign = tables - {"sqlite_sequence"} if version == 0 else not LIBRARY_TABLES <= tables
        if foreign:
            raise LibraryError(f"{self.path}: not a Market Reader library (it holds other tables).")

    def close(self) -> None:
        if self._ranker is not None:
            self._ranker.close()
            self._ranker = None
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _value: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def db(self) -> Database:
        """The underlying sqlite_utils.Database (for tests and maintenance)."""
        return self._db

    # ---- import -------------------------------------------------------------------------------

    def import_page(self, page: parsing.Page, raw: bytes, file_name: str, mtime: float | None = None,
                    path: str | None = None) -> ImportResult:
        """Store an already parsed page whose saved bytes are ``raw``; duplicates are reported, not stored."""
        shown = path if path is not None else file_name
        return self._store(reading.prepare(page, raw, file_name, mtime, shown, packer=self._packer))

    def _store(self, item: reading.Prepared | ImportResult) -> ImportResult:
        if isinstance(item, ImportResult):
            return item
        try:
            result = _with_notes(importer.store_prepared(self._db, item), item.page.notes)
            self._after_import(result)
            return result
        except sqlite3.IntegrityError as error:
            found = importer.find_duplicate(self._db, item.digest)
            if found is None:  # a constraint other than the content hash: this page only, not the import
                log.warning("page %s refused by the library: %s", item.path, error)
                return ImportResult(item.path, "failed", None, f"the page could not be stored ({error})")
            return reading.duplicate_result(item.path, found)
        except sqlite3.Error as error:
            raise LibraryError(database_message(self.path, error)) from error

    def _after_import(self, result: ImportResult) -> None:
        """Learn a compression dictionary once the library holds enough pages to learn from."""
        if result.status != "imported" or self._packer.dictionary is not None:
            return
        self._imported += 1
        if self._imported % TRAIN_EVERY:
            return
        packer = originals.train_dictionary(self._db)
        if packer is None:
            return
        self._packer = packer
        if self.page_count() <= AUTO_REPACK_LIMIT:
            originals.repack_all(self._db)

    def _learn_from(self, paths: Sequence[Path]) -> None:
        """Before a large import into a library with no dictionary yet, learn one from a sample of its files,
        so every page of it (including those parsed in other processes) is stored with it."""
        if self._packer.dictionary is not None or len(paths) < packing.TRAIN_MIN_PAGES:
            return
        step = max(1, len(paths) // packing.TRAIN_SAMPLE_FILES)
        samples = [got[0] for got in map(reading.read_capped, paths[::step][:packing.TRAIN_SAMPLE_FILES])
                   if not isinstance(got, str)]
        try:
            packer = originals.train_dictionary(self._db, samples)
        except sqlite3.Error as error:
            raise LibraryError(database_message(self.path, error)) from error
        if packer is not None:
            self._packer = packer
            if self.page_count() <= AUTO_REPACK_LIMIT:
                originals.repack_all(self._db)

    def import_file(self, path: Path | str) -> ImportResult:
        """Import one saved file; a file that cannot be read is reported as failed, never raised.

        Every page of a file that holds several (a zip, a WARC) is imported; the result is the first
        page's (``import_paths`` reports each page).
        """
        return self._import_found(Found(Path(path)))[0]

    def _import_found(self, found: Found) -> list[ImportResult]:
        return [self._store(item) for item in self._read_here(found.path, found.in_folder)]

    def _read_here(self, path: Path, in_folder: bool = False) -> reading.Outcome:
        return reading.read_file(path, self._duplicate_of, in_folder, self._packer)

    def import_data(self, data: bytes, name: str, mtime: float | None = None) -> ImportResult:
        """Import page bytes that came without a file (e.g. HTML dropped from a browser)."""
        items = reading.read_data(data, name, mtime, self._duplicate_of, self._packer)
        return [self._store(item) for item in items][0]

    def _duplicate_of(self, digest: str) -> tuple[int, str] | None:
        try:
            return importer.find_duplicate(self._db, digest)
        except sqlite3.Error as error:
            raise LibraryError(database_message(self.path, error)) from error

    def _is_own_file(self, item: Found) -> bool:
        """The library's own database files, met in a folder being imported (never read as pages)."""
        if not item.in_folder or not item.path.name.startswith(self.path.name):
            return False
        if item.path.name not in {self.path.name + end for end in ("", "-wal", "-shm", "-journal")}:
            return False
        try:
            return item.path.parent.resolve() == self.path.parent.resolve()
        except OSError:
            return False

    def import_paths(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        on_result: Callable[[ImportResult], None] | None = None,
        workers: int = 1,
        data: Sequence[PageData] = (),
    ) -> list[ImportResult]:
        """Import files and folders (recursively), then ``data`` dropped without files.

        There is one result per page: a zip, WARC or WACZ gives one for each page inside (its path is the
        file's with "#" and the member's name or the page's number), any other file one. Entries passed
        over in folders (link loops, folders that cannot be opened, pipes) come back with status
        "skipped", and files in folders that are plainly not saved pages (images, spreadsheets, programs)
        with "ignored"; neither is a failure. ``on_result(result)`` is called for each result and
        ``progress(done, total, name)`` after each file; ``cancelled()`` is asked before each file. With ``workers`` > 1 and enough files, files are read and parsed in that many processes
        while this thread writes.
        """
        found = [item for item in find_files(paths) if not self._is_own_file(item)]
        readable = [item.path for item in found if item.problem is None]
        in_folder = {item.path for item in found if item.problem is None and item.in_folder}
        self._learn_from(readable)
        pooled = workers > 1 and len(readable) >= POOL_MIN_FILES and pool.available()
        outcomes = (read_in_pool(readable, self.path, workers, self._read_here, in_folder, self._packer) if pooled
                    else None)
        total = len(found) + len(data)
        results: list[ImportResult] = []
        done = 0

        def step(file_results: list[ImportResult], name: str) -> None:
            nonlocal done
            for result in file_results:
                results.append(result)
                if on_result is not None:
                    on_result(result)
            done += 1
            if progress is not None:
                progress(done, total, name)

        try:
            for item in found:
                if cancelled is not None and cancelled():
                    return results
                if item.problem is not None:
                    status: ImportStatus = "skipped" if isinstance(item.problem, Skipped) else "failed"
                    step([ImportResult(str(item.path), status, None, str(item.problem))], item.path.name)
                elif outcomes is not None:
                    step([self._store(entry) for entry in next(outcomes)], item.path.name)
                else:
                    step(self._import_found(item), item.path.name)
        finally:
            if outcomes is not None:
                outcomes.close()
        for page_data in data:
            if cancelled is not None and cancelled():
                break
            step([self.import_data(page_data.data, page_data.name)], page_data.name)
        return results

    @_library_errors
    def delete_page(self, page_id: int) -> bool:
        """Remove a page with its quotes, images and original bytes; False if there was no such page."""
        with write_transaction(self._db):
            importer.remove_text(self._db, page_id)
            state.forget_page(self._db, page_id)
            for table in ("quotes", "images", "originals"):
                self._db.conn.execute(f"DELETE FROM {table} WHERE page_id = ?", [page_id])
            return self._db.conn.execute("DELETE FROM pages WHERE id = ?", [page_id]).rowcount > 0

    @_library_errors
    def compact(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Compress every stored original densely with the library's dictionary (learning one if needed),
        merge the full-text index into one segment, then give the space freed back to the file system.
        Returns how many originals were rewritten."""
        trained = originals.train_dictionary(self._db)
        if trained is not None:
            self._packer = trained
        changed = originals.repack_all(self._db, progress, dense=True)
        with write_transaction(self._db):
            self._db.conn.execute("INSERT INTO pages_fts (pages_fts) VALUES ('optimize')")
        self._db.conn.execute("VACUUM")
        return changed

    @_library_errors
    def compress_densely(self, page_ids: Sequence[int]) -> int:
        """Compress the originals of ``page_ids`` as ``compact`` does (those not yet done); returns how many
        were rewritten. The space freed is reused by later imports (``compact`` gives it back to the disk)."""
        return originals.compress_densely(self._db, page_ids)

    @_library_errors
    def reparse(self, progress: Progress | None = None, outdated_only: bool = False) -> list[ImportResult]:
        """Read every stored original again with the current parser and replace what was taken from it."""
        return reparse.reparse_all(self._db, progress, outdated_only)

    # ---- reads --------------------------------------------------------------------------------

    @_library_errors
    def page_count(self) -> int:
        return queries.page_count(self._db)

    @_library_errors
    def pages_mark(self) -> tuple[int, int]:
        """The page count and newest page id: a different mark means another program imported or deleted pages."""
        return queries.pages_mark(self._db)

    @_library_errors
    def pages(self, sort: str = "quotes_as_of", descending: bool = True, search: str | None = None
              ) -> list[PageRow]:
        """Pages sorted by quotes_as_of, published, imported, title or quote_count; optionally searched."""
        return queries.pages(self._db, sort, descending, search)

    @_library_errors
    def page(self, page_id: int) -> PageRow | None:
        return queries.page(self._db, page_id)

    @_library_errors
    def article(self, page_id: int) -> StoredArticle | None:
        return queries.article(self._db, page_id)

    @_library_errors
    def quotes(self, page_id: int) -> list[QuoteRow]:
        """The quotes of one page in the order of its ticker strip."""
        return queries.quotes(self._db, page_id)

    @_library_errors
    def latest_quotes(
        self, kind: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[QuoteRow]:
        """The market view: the latest quote of every symbol across the library (or saved within a date range)."""
        return queries.latest_quotes(self._db, kind, since, until)

    @_library_errors
    def history(self, symbol: str) -> list[QuoteRow]:
        """Every snapshot of ``symbol``, oldest first."""
        return queries.history(self._db, symbol)

    @_library_errors
    def history_series(self, symbol: str) -> series.HistorySeries:
        """Every snapshot of ``symbol`` as columns, oldest first: what a history window draws and sorts (read on
        two connections in a large library, as a search is ranked)."""
        return series.history_series(self._db, symbol, self._rank_helper())

    @_library_errors
    def history_rows(self, symbol: str, keys: Iterable[int]) -> dict[int, QuoteRow]:
        """The rows of the snapshots of ``symbol`` named by ``keys`` (``HistorySeries.keys``), by key."""
        return series.history_rows(self._db, symbol, keys)

    @_library_errors
    def movers(self, page_id: int | None, n: int = 10, losers: bool = True) -> list[QuoteRow]:
        """Biggest losers (or gainers) of one page, or of the market view when ``page_id`` is None."""
        rows = self.latest_quotes() if page_id is None else self.quotes(page_id)
        return queries.movers(rows, n, losers)

    @_library_errors
    def search(self, text: str, limit: int = 200) -> list[SearchHit]:
        """Ranked full-text search over title, summary and body; any text is valid, blank finds nothing.

        In a large library on a machine with two or more cores the ranking runs on two connections; when a
        query matches more than ranking.RANK_WINDOW pages, the best of those imported last (``search_results``
        says when).
        """
        return self.search_results(text, limit).hits

    @_library_errors
    def search_results(self, text: str, limit: int = 200) -> SearchResults:
        """``search``'s hits, and whether only the newest matches were ranked."""
        return queries.search(self._db, text, limit, self._rank_helper())

    def _rank_helper(self) -> RankHelper | None:
        if self._ranker is None and not self.read_only and (os.cpu_count() or 1) > 1 \
                and self.page_count() >= ranking.PARALLEL_MIN_PAGES:
            self._ranker = RankHelper(self.path)
        return self._ranker

    # ---- the page list ------------------------------------------------------------------------

    @_library_errors
    def page_ids(self, sort: str = "quotes_as_of", descending: bool = True,
                 wanted: listing.PageFilter | None = None) -> list[int]:
        """Ids of the pages passing ``wanted``, sorted by title, section, published, quote_count or
        quotes_as_of (ties: newest id first when descending)."""
        return listing.page_ids(self._db, sort, descending, wanted or listing.PageFilter())

    @_library_errors
    def page_listing(self, sort: str = "quotes_as_of", descending: bool = True,
                     wanted: listing.PageFilter | None = None) -> tuple[list[int], dict[str, int]]:
        """``page_ids`` and ``filter_counts`` at once, from one query."""
        return listing.page_listing(self._db, sort, descending, wanted or listing.PageFilter())

    @_library_errors
    def listed_pages(self, page_ids: Sequence[int]) -> dict[int, listing.ListedPage]:
        """The list rows of ``page_ids`` with their reader state, by id."""
        return listing.listed_pages(self._db, page_ids)

    @_library_errors
    def filter_counts(self, wanted: listing.PageFilter | None = None) -> dict[str, int]:
        """Pages passing ``wanted``, and how many of them are unread and starred."""
        return listing.filter_counts(self._db, wanted or listing.PageFilter())

    @_library_errors
    def sections(self) -> list[str]:
        return listing.sections(self._db)

    # ---- reader state -------------------------------------------------------------------------

    @_library_errors
    def page_states(self, page_ids: Iterable[int]) -> dict[int, state.PageState]:
        """Read, starred, tags, note and length of each page in ``page_ids`` that exists."""
        return state.page_states(self._db, page_ids)

    @_library_errors
    def state_counts(self) -> dict[str, int]:
        """Pages in the library, and how many are unread and starred."""
        return state.counts(self._db)

    @_library_errors
    def tags(self) -> list[state.TagCount]:
        return state.all_tags(self._db)

    @_library_errors
    def set_read(self, page_ids: Sequence[int], read: bool = True) -> int:
        """Mark pages read or unread; raises UnknownPages (changing nothing) if one is not here."""
        return state.set_read(self._db, page_ids, read)

    @_library_errors
    def set_starred(self, page_ids: Sequence[int], starred: bool = True) -> int:
        return state.set_starred(self._db, page_ids, starred)

    @_library_errors
    def set_note(self, page_id: int, text: str | None) -> None:
        """The page's note; empty text removes it."""
        state.set_note(self._db, page_id, text)

    @_library_errors
    def add_tags(self, page_ids: Sequence[int], names: Sequence[str]) -> int:
        return state.add_tags(self._db, page_ids, names)

    @_library_errors
    def remove_tags(self, page_ids: Sequence[int], names: Sequence[str]) -> int:
        return state.remove_tags(self._db, page_ids, names)

    @_library_errors
    def set_tags(self, page_id: int, names: Sequence[str]) -> None:
        """Make ``names`` exactly the tags of one page."""
        state.set_tags(self._db, page_id, names)

    @_library_errors
    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag on every page (merging into ``new`` if it exists); returns the pages touched."""
        return state.rename_tag(self._db, old, new)

    @_library_errors
    def delete_tag(self, name: str) -> int:
        """Remove a tag from every page; returns how many pages carried it."""
        return state.delete_tag(self._db, name)


def _with_notes(result: ImportResult, notes: tuple[str, ...]) -> ImportResult:
    """An imported page's result, with what the reader wants the user to know about it."""
    if result.status != "imported" or not notes:
        return result
    return ImportResult(result.path, result.status, result.page_id, f"{result.message} ({' '.join(notes)})")


__all__ = ["Library", "iter_page_files"]
