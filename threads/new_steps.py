"""Stepping through the comments new since the last visit (`tab` / `shift+tab`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from threads.model import Thread
from threads.new_comments import NewComments


def step_new(thread: Thread, new: NewComments, from_id: str | None, direction: int) -> str | None:
    """The next (`direction` > 0) or previous new comment in display order from `from_id`.

    Wraps around at either end, so repeated presses cycle through every new comment;
    `None` when nothing is new. From no comment, the first (or last) new one.
    """
    if not new.order:
        return None
    position = thread.tree.position
    orders = [position[comment_id] for comment_id in new.order]  # ascending: display order
    here = position.get(from_id, -1) if from_id is not None else -1
    if direction > 0:
        index = bisect_right(orders, here)
        return new.order[index % len(orders)]
    index = bisect_left(orders, here) - 1 if here >= 0 else len(orders) - 1
    return new.order[index % len(orders)]
