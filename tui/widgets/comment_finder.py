"""The comment view's finding keys: the same author, replies in turn, when posted, and
"go to comment N" (a number typed before `G`).

A plain helper holding the little state these need (the comment whose replies `c`
is stepping through, the number being typed); the view's actions call it and it moves
the view through `expand_to` / `move_cursor`, so folds and themes open to show what is
found.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from threads.comment_finds import absolute_time, next_by_author, next_reply
from threads.numbers import count_text
from threads.timefmt import relative_age

if TYPE_CHECKING:
    from tui.widgets.comment_view import CommentView

MAX_COUNT_DIGITS = 7  # more than any thread has comments; more digits start over


class CommentFinder:
    """What `u`/`U`, `c`, `T` and a number before `G` do, for one comment view."""

    def __init__(self, view: CommentView, now: Callable[[], datetime]) -> None:
        self.view = view
        self._now = now
        self.count = ""
        """Digits typed since the last move (a comment number for `G`)."""
        self._reply_parent: str | None = None

    # -- the same author ---------------------------------------------------------------
    def same_author(self, direction: int) -> None:
        view = self.view
        comment = view.cursor_comment
        if comment is None:
            return
        found = next_by_author(view.thread, comment.id, direction)
        if found is None:
            who = comment.author or "this author"
            where = "after" if direction > 0 else "before"
            view.notify(f"No comment by {who} {where} this one.", timeout=2)
            return
        view.expand_to(found)

    # -- replies in turn ---------------------------------------------------------------
    def next_reply(self) -> None:
        """The next direct reply to the comment `c` was first pressed on."""
        view = self.view
        comment = view.cursor_comment
        if comment is None:
            return
        parent = view.thread.parent(comment.id)
        stepping = parent is not None and parent.id == self._reply_parent
        parent_id = self._reply_parent if stepping and self._reply_parent else comment.id
        found = next_reply(view.thread, parent_id, comment.id if stepping else None)
        if found is None:
            view.notify(
                "No more replies to that comment." if stepping else "No replies to this comment.",
                timeout=2,
            )
            return
        view.expand_to(found)
        self._reply_parent = parent_id

    # -- when posted -------------------------------------------------------------------
    def posted_time(self) -> None:
        view = self.view
        comment = view.cursor_comment
        if comment is None:
            return
        who = comment.author or "This comment"
        if comment.created is None:
            view.notify(f"{who}: the site did not say when it was posted.", timeout=4)
            return
        age = relative_age(comment.created, self._now())
        ago = "just now" if age == "now" else f"{age} ago"
        view.notify(f"{who} posted {absolute_time(comment.created)} ({ago}).", timeout=6)

    # -- go to comment N ---------------------------------------------------------------
    def type_digit(self, digit: str) -> None:
        self.count = (self.count + digit)[-MAX_COUNT_DIGITS:]
        total = len(self.view.folds)
        self.view.notify(
            f"Go to comment {count_text(int(self.count))} of {count_text(total)}: press G.",
            timeout=2,
        )

    def take_count(self) -> int | None:
        """The number typed before `G` (used once), or None."""
        count, self.count = self.count, ""
        return int(count) if count else None
