"""Which comments are new since the last visit, and how many new ones each subtree holds.

The rule: a comment is new when it was not in the thread as it stood at your last visit
(every comment shown then counts as seen, read or not). A 2,000-comment thread read halfway
therefore comes back with only what was written since, never with the unread half. On the
first visit nothing is new.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from threads.model import Thread


@dataclass(frozen=True)
class NewComments:
    """The comments new since a visit, in the thread's display order."""

    order: tuple[str, ...] = ()
    """Ids of the new comments in display order (what `tab` / `shift+tab` walk)."""
    under: dict[str, int] = field(default_factory=dict)
    """Comment id -> new comments among its replies, their replies, ... (itself excluded).
    Only comments with at least one new descendant are listed."""

    @property
    def ids(self) -> frozenset[str]:
        """The new comments' ids."""
        return frozenset(self.order)

    @property
    def count(self) -> int:
        """How many comments are new ("23 new")."""
        return len(self.order)

    def new_under(self, comment_id: str) -> int:
        """New comments in this comment's subtree, itself excluded."""
        return self.under.get(comment_id, 0)


def new_since(thread: Thread, previous: Collection[str] | None) -> NewComments:
    """The comments of `thread` that are not in `previous` (the ids of the last visit).

    Args:
        thread: The thread as it is now.
        previous: Every comment id the thread had at the last visit, or `None` when it was
            never visited (then nothing is new).

    Returns:
        The new comments and, per comment, how many new ones its subtree holds.
    """
    if previous is None:
        return NewComments()
    seen = previous if isinstance(previous, set | frozenset) else set(previous)
    tree = thread.tree
    is_new = [comment.id not in seen for comment in tree.order]
    counts = [0] * len(tree.order)
    # Children come after their parent in display order: one backwards pass adds each
    # comment's count (and itself, when new) to its parent's.
    for index in range(len(tree.order) - 1, -1, -1):
        parent = tree.parents[index]
        if parent >= 0:
            counts[parent] += counts[index] + is_new[index]
    order = tuple(comment.id for comment, new in zip(tree.order, is_new, strict=True) if new)
    under = {tree.order[i].id: n for i, n in enumerate(counts) if n}
    return NewComments(order, under)


def folds_for_new_only(thread: Thread, new: NewComments) -> set[str]:
    """The folds of the "new only" view: every comment with replies but nothing new under it.

    What is left open is the path from each top-level comment down to every new comment, so
    the new comments show in their context.
    """
    return {
        comment.id
        for comment in thread.tree.order
        if comment.children and not new.new_under(comment.id)
    }
