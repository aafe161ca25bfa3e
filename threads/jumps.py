"""Where a reader was before a jump, so `backspace` can take them back exactly."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """A reading position: the cursor's comment and the scroll offset."""

    comment_id: str
    scroll_row: int


@dataclass(frozen=True, slots=True)
class Target:
    """Where a jump lands: a block of a comment's body (a footnote, a quoted passage)."""

    comment_id: str
    block: int | None = None
    """Body block to show and highlight; `None` for the whole comment."""
    span: tuple[int, int] | None = None
    """Characters of that block's text to highlight (a quoted passage); `None`: all of it."""


class JumpStack:
    """Places to go back to, most recent last. Bounded: old places fall off."""

    def __init__(self, limit: int = 100) -> None:
        self._places: list[Place] = []
        self._limit = limit

    def push(self, place: Place) -> None:
        if self._places and self._places[-1] == place:
            return  # jumping twice from the same place needs one way back
        self._places.append(place)
        del self._places[: -self._limit]

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None

    def __len__(self) -> int:
        return len(self._places)
