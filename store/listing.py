"""The history and bookmarks lists: threads by last visit, bookmarked threads."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from store import codec
from store.keys import ThreadKey


@dataclass(frozen=True)
class ThreadEntry:
    """One thread in the history or bookmarks list."""

    key: ThreadKey
    """Which thread."""
    title: str
    """Its title (sanitised)."""
    url: str | None
    """The story's link."""
    last_visit: datetime | None
    """When it was last opened (UTC), `None` if never (a bookmarked story)."""
    comment_count: int
    """Comments in the stored copy (0 when there is no copy)."""
    new_count: int
    """Comments of the stored copy not seen at any visit."""
    bookmarked: bool
    """Whether it is bookmarked."""
    stored: bool
    """Whether a copy is stored (it opens offline)."""


_SELECT = """
SELECT t.source, t.thread_id, t.title, t.url,
       (SELECT max(visited_at) FROM visits v WHERE v.thread_key = t.key) AS last_visit,
       t.comment_count, t.unseen_count, t.bookmarked_at, t.fetched_at
FROM threads t
"""


def history(connection: sqlite3.Connection, limit: int) -> list[ThreadEntry]:
    """Visited threads, most recently visited first."""
    rows = connection.execute(
        f"{_SELECT} WHERE last_visit IS NOT NULL ORDER BY last_visit DESC LIMIT ?", (limit,)
    )
    return [_entry(row) for row in rows]


def bookmarks(connection: sqlite3.Connection) -> list[ThreadEntry]:
    """Bookmarked threads, most recently bookmarked first."""
    rows = connection.execute(
        f"{_SELECT} WHERE t.bookmarked_at IS NOT NULL ORDER BY t.bookmarked_at DESC"
    )
    return [_entry(row) for row in rows]


def _entry(row: tuple[object, ...]) -> ThreadEntry:
    last_visit = row[4]
    return ThreadEntry(
        key=ThreadKey(codec.text(row[0]), codec.text(row[1])),
        title=codec.text(row[2]) or "(untitled)",
        url=codec.optional_text(row[3]),
        last_visit=datetime.fromtimestamp(last_visit, UTC)
        if isinstance(last_visit, int | float)
        else None,
        comment_count=codec.integer(row[5]) or 0,
        new_count=codec.integer(row[6]) or 0,
        bookmarked=row[7] is not None,
        stored=row[8] is not None,
    )


def set_bookmark(connection: sqlite3.Connection, row_key: int, bookmarked: bool, at: float) -> None:
    """Bookmark a thread (keeping the first bookmark time) or remove its bookmark."""
    if bookmarked:
        connection.execute(
            "UPDATE threads SET bookmarked_at = coalesce(bookmarked_at, ?) WHERE key = ?",
            (at, row_key),
        )
    else:
        connection.execute("UPDATE threads SET bookmarked_at = NULL WHERE key = ?", (row_key,))
