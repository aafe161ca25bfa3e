"""The size bound: the oldest unbookmarked threads and articles go first.

Size is the stored text of the threads (bodies, ids, authors, plus a fixed cost per
comment) and of reader mode's articles, which tracks the file's size without asking
SQLite to measure it.
"""

from __future__ import annotations

import sqlite3


def stored_bytes(connection: sqlite3.Connection) -> int:
    """The size of everything stored, as the bound counts it."""
    return int(
        connection.execute(
            """SELECT (SELECT coalesce(sum(stored_bytes), 0) FROM threads)
                    + (SELECT coalesce(sum(stored_bytes), 0) FROM articles)"""
        ).fetchone()[0]
    )


def prune(
    connection: sqlite3.Connection,
    max_bytes: int,
    keep: int | None = None,
    keep_article: str | None = None,
) -> int:
    """Delete whole threads and articles, least recently used first, until under the bound.

    Bookmarked threads are never deleted.

    Args:
        connection: An open connection inside a write transaction.
        max_bytes: The bound.
        keep: A thread row never to prune (the one just saved).
        keep_article: An article URL never to prune (the one just saved).

    Returns:
        How many threads and articles were deleted.
    """
    total = stored_bytes(connection)
    if total <= max_bytes:
        return 0
    # One queue by last use: a thread read last week goes before an article read today.
    candidates = connection.execute(
        """SELECT 'thread', t.key, t.stored_bytes,
                  max(coalesce(t.fetched_at, 0),
                      coalesce((SELECT max(visited_at) FROM visits v
                                WHERE v.thread_key = t.key), 0)) AS used
           FROM threads t
           WHERE t.bookmarked_at IS NULL AND t.stored_bytes > 0 AND t.key IS NOT ?
           UNION ALL
           SELECT 'article', a.url, a.stored_bytes, a.fetched_at AS used
           FROM articles a WHERE a.url IS NOT ?
           ORDER BY used""",
        (keep, keep_article),
    ).fetchall()
    threads: list[int] = []
    articles: list[str] = []
    for kind, row_key, size in (row[:3] for row in candidates):
        if total <= max_bytes:
            break
        (threads if kind == "thread" else articles).append(row_key)
        total -= size
    connection.executemany("DELETE FROM threads WHERE key = ?", ((key,) for key in threads))
    connection.executemany("DELETE FROM articles WHERE url = ?", ((url,) for url in articles))
    return len(threads) + len(articles)
