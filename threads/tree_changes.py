"""Changes to a thread that arrive after it is on screen, and applying them.

A fetcher may show a thread before it knows everything: Hacker News's order under each
comment, a dead comment's own text, comments too new for the first source, or (when
items arrive one by one) most of the comments. It then sends these changes in batches.

`apply_changes` never touches the thread it is given (the screen may still be drawing
it, and `Thread.tree` is cached): it returns a new `Thread` with the same comment ids
plus any inserted ones. Comments keep their ids, so everything the reader holds by id
(cursor, folds, search hits, jump stack, theme stubs) stays valid across a change.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from threads.model import Comment, Thread


@dataclass(frozen=True, slots=True)
class Reorder:
    """Put a comment's replies (or the top level) in this order."""

    parent_id: str | None
    """Whose replies; `None` for the top-level comments."""
    order: tuple[str, ...]
    """Ids in the wanted order. Ids not present are ignored; replies not listed keep their
    relative order after the listed ones."""


@dataclass(frozen=True, slots=True)
class Insert:
    """Add a comment, with its replies, as the last reply of a parent (a `Reorder` that
    follows places it). Ignored when the id is already in the thread."""

    parent_id: str | None
    """The parent; `None` for a new top-level comment. Ignored when the parent is unknown."""
    comment: Comment
    """The new comment and its subtree."""


@dataclass(frozen=True, slots=True)
class Refill:
    """New content for a comment that is already there (a dead comment's own text and
    flags); its replies stay."""

    comment: Comment
    """The content (its `children` are ignored); matched by id."""


@dataclass(frozen=True, slots=True)
class CountMissing:
    """Comments the fetcher knew of but could not load, to add to `Thread.missing`."""

    count: int


@dataclass(frozen=True, slots=True)
class AddNote:
    """One sentence for the reader about what could not be done (`Thread.note`)."""

    text: str


TreeChange = Reorder | Insert | Refill | CountMissing | AddNote
"""Anything a fetcher may send after the first thread."""

_CACHED = tuple(name for name, value in vars(Comment).items() if isinstance(value, cached_property))


def apply_changes(thread: Thread, changes: Iterable[TreeChange]) -> Thread:
    """A new thread with the changes applied in order; `thread` itself is left as it was.

    Comments are copied shallowly (bodies and cached text are shared), so this costs a few
    milliseconds for thousands of comments.
    """
    roots, by_id = _copy_tree(thread.comments)
    missing, note = thread.missing, thread.note
    for change in changes:
        if isinstance(change, Reorder):
            siblings = _replies(roots, by_id, change.parent_id)
            if siblings is not None:
                rank = {comment_id: index for index, comment_id in enumerate(change.order)}
                siblings.sort(key=lambda comment: rank.get(comment.id, len(rank)))
        elif isinstance(change, Insert):
            siblings = _replies(roots, by_id, change.parent_id)
            if siblings is not None and change.comment.id not in by_id:
                subtree, added = _copy_tree([change.comment], known=by_id)
                siblings.extend(subtree)
                by_id.update(added)
        elif isinstance(change, Refill):
            _refill(by_id.get(change.comment.id), change.comment)
        elif isinstance(change, CountMissing):
            missing += change.count
        else:
            note = change.text
    return dataclasses.replace(thread, comments=roots, missing=missing, note=note)


def _replies(
    roots: list[Comment], by_id: dict[str, Comment], parent_id: str | None
) -> list[Comment] | None:
    if parent_id is None:
        return roots
    parent = by_id.get(parent_id)
    return None if parent is None else parent.children


def _copy_tree(
    comments: list[Comment], known: dict[str, Comment] | None = None
) -> tuple[list[Comment], dict[str, Comment]]:
    """Shallow copies of a forest with fresh `children` lists; ids already `known` (or
    repeated) are dropped so the result stays a tree. Iterative: nesting is unbounded."""
    seen = known if known is not None else {}
    added: dict[str, Comment] = {}

    def fresh(originals: list[Comment]) -> list[Comment]:
        kept = []
        for original in originals:
            if original.id in seen or original.id in added:
                continue
            duplicate = copy.copy(original)
            added[duplicate.id] = duplicate
            kept.append(duplicate)
        return kept

    roots = fresh(comments)
    stack = list(roots)
    while stack:
        comment = stack.pop()
        comment.children = fresh(comment.children)
        stack.extend(comment.children)
    return roots, added


def _refill(target: Comment | None, content: Comment) -> None:
    if target is None:
        return
    target.author = content.author
    target.created = content.created or target.created
    target.body = content.body
    target.deleted = content.deleted
    target.dead = content.dead
    target.score = content.score
    for name in _CACHED:  # derived from the old body
        target.__dict__.pop(name, None)
