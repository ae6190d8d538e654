"""Times of snapshots: when quotes were current, and a UTC key that orders them."""

from __future__ import annotations

from datetime import UTC, datetime

from parsing import Page


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def parse_moment(iso: str | None) -> datetime | None:
    """An ISO date or datetime as an aware datetime (local time when it names no offset)."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.astimezone()


def sort_key(iso: str) -> str:
    """The UTC form used for ordering snapshots: ISO strings with different offsets do not sort as text."""
    moment = parse_moment(iso) or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def quotes_as_of(page: Page, mtime: float | None, imported_at: str) -> tuple[str, bool]:
    """When the quotes were current: the page's own save time, else the file's mtime, else now (estimates)."""
    saved = parse_moment(page.saved)
    if saved is not None:
        return saved.isoformat(timespec="seconds"), False
    if mtime is not None:
        try:
            return datetime.fromtimestamp(mtime).astimezone().isoformat(timespec="seconds"), True
        except (OverflowError, OSError, ValueError):
            pass
    return imported_at, True


def saved_date_text(iso: str) -> str:
    moment = parse_moment(iso)
    return moment.strftime("%d %b %Y") if moment else iso
