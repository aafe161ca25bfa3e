"""Stories opened from a list, with the comment count the list showed then.

The front page dims stories opened before and shows `+12` when the list's count has grown
since (`StorySummary.comment_count` now minus the count recorded here).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from store import codec

_CHUNK = 500  # SQLite's default limit on bound parameters is well above this


def story_opened(
    connection: sqlite3.Connection, source: str, story_id: str, count: int | None, at: float
) -> None:
    """Record that a story was opened while its list showed `count` comments."""
    connection.execute(
        "INSERT OR REPLACE INTO stories_opened VALUES (?, ?, ?, ?)", (source, story_id, count, at)
    )


def opened_stories(
    connection: sqlite3.Connection, source: str, story_ids: Iterable[str]
) -> dict[str, int | None]:
    """Which of these stories were opened: id -> comment count seen then (`None` unknown)."""
    wanted = list(story_ids)
    found: dict[str, int | None] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT story_id, comment_count FROM stories_opened "
            f"WHERE source = ? AND story_id IN ({marks})",
            (source, *chunk),
        )
        found.update((codec.text(story_id), codec.integer(count)) for story_id, count in rows)
    return found
