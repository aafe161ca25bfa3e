"""The next or previous story of a list, for `>`/`<` on the thread screen."""

from __future__ import annotations

from collections.abc import Sequence

from threads.stories import StorySummary


def neighbour(stories: Sequence[StorySummary], current_id: str, step: int) -> StorySummary | None:
    """The story `step` places from `current_id` in `stories`, or `None` past either end
    (or when the current story is not in the list any more)."""
    index = next((i for i, story in enumerate(stories) if story.id == current_id), None)
    if index is None or not 0 <= index + step < len(stories):
        return None
    return stories[index + step]
