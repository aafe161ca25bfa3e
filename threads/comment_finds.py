"""Finding comments across the whole thread: by the same author, the replies to one
comment, and a comment's posting time written out in full.

Plain functions over a `Thread` in display order. They look past folds and themes (the
view reveals what they find), so "the next comment by this author" is never missed
because its branch happened to be folded.
"""

from __future__ import annotations

from datetime import UTC, datetime

from threads.model import Thread


def next_by_author(thread: Thread, comment_id: str, direction: int) -> str | None:
    """The next (`direction` 1) or previous (-1) comment by the same author, in display
    order; None when there is none or the comment has no author (deleted)."""
    tree = thread.tree
    order = tree.order
    index = tree.position.get(comment_id)
    if index is None:
        return None
    author = order[index].author
    if not author:
        return None
    probe = index + direction
    while 0 <= probe < len(order):
        comment = order[probe]
        if comment.author == author and not comment.deleted:
            return comment.id
        probe += direction
    return None


def next_reply(thread: Thread, parent_id: str, after_id: str | None) -> str | None:
    """The direct reply to `parent_id` that follows the reply `after_id` (the first
    reply when `after_id` is None or not one of them); None when there is no further one.
    """
    parent = thread.get(parent_id)
    if parent is None:
        return None
    replies = [child.id for child in parent.children]
    if after_id in replies:
        following = replies.index(after_id) + 1
        return replies[following] if following < len(replies) else None
    return replies[0] if replies else None


def absolute_time(moment: datetime | None) -> str:
    """`Sat 25 May 2024, 14:03 UTC`: when a comment was posted, in full (UTC, so it
    means the same wherever the reader is)."""
    if moment is None:
        return "an unknown time"
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.strftime("%a %d %b %Y, %H:%M UTC")
