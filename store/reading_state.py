"""Where the reader was in a thread: cursor, folds and theme modes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from store import codec

THEME_MODES = frozenset({"hide", "highlight", "off"})


@dataclass(frozen=True)
class ReadingState:
    """A thread's reading place, restored when it is opened again."""

    cursor_id: str | None = None
    """The comment the cursor was on."""
    cursor_row: int | None = None
    """The screen row that comment was drawn on (0 = top of the comment view; negative
    when its header was above the screen, the reader being inside a long comment)."""
    folds: frozenset[str] = frozenset()
    """Ids of the folded comments."""
    theme_modes: dict[str, str] = field(default_factory=dict)
    """Theme name -> `hide`, `highlight` or `off`, as set in this thread."""


def save_reading_state(
    connection: sqlite3.Connection, row_key: int, state: ReadingState, at: float
) -> None:
    """Replace the thread's reading state."""
    connection.execute(
        """INSERT OR REPLACE INTO reading_state
           (thread_key, cursor_id, cursor_row, folds, theme_modes, saved_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (
            row_key,
            state.cursor_id,
            state.cursor_row,
            json.dumps(sorted(state.folds)),
            json.dumps(state.theme_modes),
            at,
        ),
    )


def load_reading_state(connection: sqlite3.Connection, row_key: int) -> ReadingState | None:
    """The saved reading state, sanitised, or `None`."""
    row = connection.execute(
        "SELECT cursor_id, cursor_row, folds, theme_modes FROM reading_state WHERE thread_key = ?",
        (row_key,),
    ).fetchone()
    if row is None:
        return None
    folds = _json(row[2])
    modes = _json(row[3])
    row_number = codec.integer(row[1])
    return ReadingState(
        cursor_id=codec.optional_text(row[0]) or None,
        cursor_row=row_number,
        folds=frozenset(codec.text(f) for f in folds if isinstance(f, str))
        if isinstance(folds, list)
        else frozenset(),
        theme_modes={
            codec.text(name): mode
            for name, mode in modes.items()
            if isinstance(name, str) and mode in THEME_MODES
        }
        if isinstance(modes, dict)
        else {},
    )


def _json(value: Any) -> Any:
    try:
        return json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):  # a damaged or doctored store: absurd nesting too
        return None
