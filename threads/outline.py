"""The outline of a thread: one row per top-level comment (`i` in the reader).

Rows are the top-level comments themselves; everything a row shows (reply count, the
first words, tags, a new count) is looked up when the row is drawn, so an outline of
5,000 top-level comments costs one list, not 5,000 parses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from threads.comment_lines import Line
from threads.first_words import cut_to_cells, first_words
from threads.model import Comment, Thread
from threads.numbers import count_text, counted
from threads.wrap import text_width

NewUnder = Callable[[str], int]
"""How many comments are new under a comment (threads/new_comments.py `new_under`)."""
TagsOf = Callable[[Comment], Sequence[tuple[str, str]]]
"""(name, colour) of the themes tagging a comment."""


class Outline:
    """The top-level comments of a thread and the row each one shows."""

    def __init__(self, thread: Thread) -> None:
        self.thread = thread
        self.comments: list[Comment] = list(thread.comments)
        """The top-level comments, in display order."""
        self._row_of = {comment.id: row for row, comment in enumerate(self.comments)}

    def __len__(self) -> int:
        return len(self.comments)

    def row_of(self, comment_id: str) -> int | None:
        """The row of the top-level comment a comment sits under (itself if top-level)."""
        if self.thread.get(comment_id) is None:
            return None
        ancestors = self.thread.ancestors(comment_id)
        top = ancestors[-1].id if ancestors else comment_id
        return self._row_of.get(top)

    def line(
        self,
        row: int,
        width: int,
        *,
        new_under: NewUnder | None = None,
        tags: TagsOf | None = None,
    ) -> Line:
        """`author  12 replies  3 new #theme  first words…`, at most `width` cells."""
        comment = self.comments[row]
        line: Line = [(cut_to_cells(comment.author or "?", 20), ("author",))]
        if comment.deleted:
            line = [("[deleted]", ("deleted",))]
        replies = self.thread.descendant_count(comment.id)
        line.append(("  " + counted(replies, "reply", "replies"), ("meta",)))
        new = new_under(comment.id) if new_under is not None else 0
        if new:
            line.append((f"  {count_text(new)} new", ("fold",)))
        for name, colour in tags(comment) if tags is not None else ():
            line.append((f" #{name}", ("tag", f"fg={colour}")))
        used = sum(text_width(text) for text, _ in line)
        words = first_words(comment.body, width - used - 2) if not comment.deleted else ""
        if words:
            line.append(("  " + words, ("snippet",)))
        return line
