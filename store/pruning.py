"""The size bound: the oldest unbookmarked threads go first.

Size is the stored text of the threads (bodies, ids, authors, plus a fixed cost per
comment), which tracks the file's size without asking SQLite to measure it.
"""

from __future__ import annotations

import sqlite3


def stored_bytes(connection: sqlite3.Connection) -> int:
    """The size of everything stored, as the bound counts it."""
    return int(
        connection.execute("SELECT coalesce(sum(stored_bytes), 0) FROM threads").fetchone()[0]
    )


def prune(connection: sqlite3.Connection, max_bytes: int, keep: int | None = None) -> int:
    """Delete whole threads, least recently used and unbookmarked first, until under the bound.

    Args:
        connection: An open connection inside a write transaction.
        max_bytes: The bound.
        keep: A thread row never to prune (the one just saved).

    Returns:
        How many threads were deleted.
    """
    total = stored_bytes(connection)
    if total <= max_bytes:
        return 0
    candidates = connection.execute(
        """SELECT t.key, t.stored_bytes FROM threads t
           WHERE t.bookmarked_at IS NULL AND t.stored_bytes > 0 AND t.key IS NOT ?
           ORDER BY max(coalesce(t.fetched_at, 0),
                        coalesce((SELECT max(visited_at) FROM visits v
                                  WHERE v.thread_key = t.key), 0))""",
        (keep,),
    ).fetchall()
    doomed: list[int] = []
    for row_key, size in candidates:
        if total <= max_bytes:
            break
        doomed.append(row_key)
        total -= size
    connection.executemany("DELETE FROM threads WHERE key = ?", ((key,) for key in doomed))
    return len(doomed)
