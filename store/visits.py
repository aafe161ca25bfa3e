"""Visits to a thread and the comments each one saw.

Each comment id is kept once per thread with the visit that first saw it, so "the thread as
it stood at the last visit" is every id seen so far, without storing the whole list again
at every visit.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from store import codec
from store.thread_rows import update_unseen_count
from threads.model import Thread


@dataclass(frozen=True)
class PreviousVisit:
    """What the reader had seen of a thread before this visit."""

    visited_at: datetime
    """When the last visit was (UTC)."""
    seen: frozenset[str]
    """Every comment id the thread had at the visits so far."""


def previous_visit(
    connection: sqlite3.Connection, row_key: int, before_visit: int | None = None
) -> PreviousVisit | None:
    """The last visit (before `before_visit`, when given) and the ids seen up to it."""
    limit = before_visit if before_visit is not None else -1
    row = connection.execute(
        """SELECT max(visit), max(visited_at) FROM visits
           WHERE thread_key = ? AND (? < 0 OR visit < ?)""",
        (row_key, limit, limit),
    ).fetchone()
    if row is None or row[0] is None:
        return None
    ids = connection.execute(
        "SELECT comment_id FROM seen WHERE thread_key = ? AND first_visit <= ?",
        (row_key, row[0]),
    )
    seen = frozenset(codec.text(comment_id) for (comment_id,) in ids)
    return PreviousVisit(datetime.fromtimestamp(float(row[1]), UTC), seen)


def start_visit(connection: sqlite3.Connection, row_key: int, at: float) -> int:
    """Record a new visit; returns its id."""
    cursor = connection.execute(
        "INSERT INTO visits (thread_key, visited_at) VALUES (?, ?)", (row_key, at)
    )
    return int(cursor.lastrowid or 0)


def mark_seen(connection: sqlite3.Connection, row_key: int, visit: int, thread: Thread) -> None:
    """Every comment of `thread` not seen before is now seen, first at `visit`."""
    connection.executemany(
        "INSERT OR IGNORE INTO seen (thread_key, comment_id, first_visit) VALUES (?, ?, ?)",
        ((row_key, comment.id, visit) for comment in thread.tree.order),
    )
    update_unseen_count(connection, row_key)


def visit_exists(connection: sqlite3.Connection, row_key: int, visit: int) -> bool:
    """Whether `visit` is a recorded visit of this thread (it may have been pruned)."""
    row = connection.execute(
        "SELECT 1 FROM visits WHERE visit = ? AND thread_key = ?", (visit, row_key)
    ).fetchone()
    return row is not None
