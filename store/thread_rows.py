"""A thread as rows: one in `threads`, one per comment in `comments` (display order + depth).

Functions here run inside the caller's transaction and take an open connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from store import codec
from store.keys import ThreadKey
from threads.model import Comment, PendingBody, Thread

_ROW_OVERHEAD = 48  # bytes a comment row costs beyond its text (keys, flags, index entry)


def thread_row_key(connection: sqlite3.Connection, key: ThreadKey, title: str = "") -> int:
    """The row key of a thread, creating a bare row (no stored copy yet) when needed."""
    row = connection.execute(
        "SELECT key FROM threads WHERE source = ? AND thread_id = ?", key
    ).fetchone()
    if row is not None:
        return int(row[0])
    cursor = connection.execute(
        "INSERT INTO threads (source, thread_id, title) VALUES (?, ?, ?)", (*key, title)
    )
    return int(cursor.lastrowid or 0)


def find_row_key(connection: sqlite3.Connection, key: ThreadKey) -> int | None:
    """The row key of a stored thread, or `None`."""
    row = connection.execute(
        "SELECT key FROM threads WHERE source = ? AND thread_id = ?", key
    ).fetchone()
    return None if row is None else int(row[0])


def save_thread(connection: sqlite3.Connection, thread: Thread, fetched_at: float) -> int:
    """Store (or replace) the copy of a thread. Returns its row key."""
    row_key = thread_row_key(connection, ThreadKey(thread.source, thread.id), thread.title)
    tree = thread.tree
    body = codec.encode_body(thread.body)
    size = len(body) + len(thread.title)

    def rows() -> Iterator[tuple[object, ...]]:
        # One row at a time into SQLite: all of a big thread's encoded bodies at once
        # would be several MB more at the reader's peak.
        nonlocal size
        for position, (comment, depth) in enumerate(zip(tree.order, tree.depths, strict=True)):
            encoded = codec.encode_body(comment.body)
            size += len(encoded) + _ROW_OVERHEAD
            yield (
                row_key,
                position,
                comment.id,
                depth,
                comment.author,
                codec.encode_time(comment.created),
                encoded,
                comment.deleted,
                comment.dead,
                comment.score,
            )

    connection.execute("DELETE FROM comments WHERE thread_key = ?", (row_key,))
    connection.executemany("INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
    connection.execute(
        """UPDATE threads SET title = ?, url = ?, author = ?, points = ?, created = ?,
               body = ?, expected_count = ?, missing = ?, comment_count = ?,
               stored_bytes = ?, fetched_at = ?
           WHERE key = ?""",
        (
            thread.title,
            thread.url,
            thread.author,
            thread.points,
            codec.encode_time(thread.created),
            body,
            thread.expected_count,
            thread.missing,
            len(tree.order),
            size,
            fetched_at,
            row_key,
        ),
    )
    update_unseen_count(connection, row_key)
    return row_key


def update_unseen_count(connection: sqlite3.Connection, row_key: int) -> None:
    """Recount the stored comments not seen at any visit (0 for a never-visited thread)."""
    connection.execute(
        """UPDATE threads SET unseen_count = CASE
               WHEN NOT EXISTS (SELECT 1 FROM visits WHERE thread_key = :key) THEN 0
               ELSE (SELECT count(*) FROM comments c WHERE c.thread_key = :key AND NOT EXISTS
                     (SELECT 1 FROM seen s WHERE s.thread_key = :key AND s.comment_id = c.id))
           END WHERE key = :key""",
        {"key": row_key},
    )


def load_thread(connection: sqlite3.Connection, row_key: int) -> Thread | None:
    """The stored copy of a thread, sanitised, or `None` when there is no copy."""
    row = connection.execute(
        """SELECT source, thread_id, title, url, author, points, created, body,
                  expected_count, missing, fetched_at
           FROM threads WHERE key = ?""",
        (row_key,),
    ).fetchone()
    if row is None or row[10] is None:
        return None
    thread = Thread(
        source=codec.text(row[0]),
        id=codec.text(row[1]),
        title=codec.text(row[2]) or "(untitled)",
        url=codec.optional_text(row[3]),
        author=codec.optional_text(row[4]),
        points=codec.integer(row[5]),
        created=codec.decode_time(row[6]),
        body=codec.decode_body(row[7]),
        expected_count=codec.integer(row[8]),
        missing=codec.integer(row[9]) or 0,
    )
    cursor = connection.execute(
        """SELECT id, depth, author, created, body, deleted, dead, score FROM comments
           WHERE thread_key = ? ORDER BY position""",
        (row_key,),
    )
    _build_tree(thread, cursor)
    return thread


def _build_tree(thread: Thread, rows: sqlite3.Cursor) -> None:
    """Rebuild the tree from (display order, depth) rows, iteratively.

    A depth that jumps more than one level is clamped to the level below the previous
    comment; a repeated id is dropped with its replies (the model needs unique ids).
    """
    path: list[Comment] = []  # the chain of ancestors of the next comment
    seen: set[str] = set()
    skip_below: int | None = None  # depth of a dropped comment whose replies are dropped too
    for comment_id, depth, author, created, body, deleted, dead, score in rows:
        depth = max(0, min(codec.integer(depth) or 0, len(path)))
        if skip_below is not None and depth > skip_below:
            continue
        skip_below = None
        clean_id = codec.text(comment_id)
        if not clean_id or clean_id in seen:
            skip_below = depth
            continue
        seen.add(clean_id)
        comment = Comment(
            id=clean_id,
            author=codec.optional_text(author),
            created=codec.decode_time(created),
            # Decoded when first drawn (a 2,000-comment copy: ~40 ms less to open).
            body=PendingBody(body, codec.decode_body) if isinstance(body, str) else (),
            deleted=bool(deleted),
            dead=bool(dead),
            score=codec.integer(score),
        )
        del path[depth:]
        (path[-1].children if path else thread.comments).append(comment)
        path.append(comment)
