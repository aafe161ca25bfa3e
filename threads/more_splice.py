"""Splicing loaded replies into a thread in place of the stubs that stood for them.

Sites that send big threads in parts (Reddit's `more` and "continue this thread") answer a
load with a flat list of comments, each naming its parent. The rules, so any number of
loads in any order keep one consistent tree:

- a parent has at most one stub, the last of its children (`stub_id(parent)`); a new reply
  goes just before it, so loaded replies keep the site's order and the stub stays last;
- a stub inside an answer merges into the parent's existing stub;
- an id already in the tree is ignored (a repeated load, an overlapping answer);
- a reply whose parent is nowhere stands at the place of the first stub asked for, rather
  than being dropped.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from threads.model import Comment, MoreStub, Thread, stub_id


@dataclass(frozen=True, slots=True)
class LoadedReply:
    """One comment (or stub) of an answer, before it is placed."""

    comment: Comment
    """The comment, with no children yet (a stub when `comment.more` is set)."""
    parent_id: str | None
    """The id of the comment it replies to; `None` for a top-level comment."""


@dataclass(frozen=True, slots=True)
class Expansion:
    """A loader's answer for some stubs, ready for `apply_expansion`."""

    replies: tuple[LoadedReply, ...]
    """The loaded comments and nested stubs, flat, parents first."""
    requested: Mapping[str, tuple[str, ...]]
    """Stub id -> the reply ids that were asked for (empty for continue-thread)."""


@dataclass(frozen=True, slots=True)
class SpliceReport:
    """What one splice did."""

    added: int
    """Comments newly in the tree (stubs not counted)."""
    ignored: int
    """Replies left out because their id was already in the tree."""
    orphans: int
    """Replies whose parent was nowhere, placed where the stub was."""


def stub_parent(thread: Thread, stub: Comment) -> str | None:
    """The id of the comment a stub hangs under, `None` at the top level."""
    parent = thread.parent(stub.id)
    return None if parent is None else parent.id


def splice_replies(
    thread: Thread,
    replies: Sequence[LoadedReply],
    requested: Mapping[str, Collection[str]],
) -> SpliceReport:
    """Put loaded replies into the tree and shrink or drop the stubs they came from.

    Args:
        thread: changed in place; its tree facts are rebuilt (`Thread.reindex`).
        replies: the answer, flat, parents before their children.
        requested: stub id -> the reply ids asked for from that stub. A continue-thread
            stub, or one whose ids are all asked for, is removed.
    """
    nodes = {comment.id: comment for comment in thread.tree.order}
    anchor = _consume_stubs(thread, nodes, requested)
    added = ignored = orphans = 0
    for reply in replies:
        comment = reply.comment
        if comment.more is None and comment.id in nodes:
            ignored += 1
            continue
        parent = reply.parent_id
        if parent is not None and parent not in nodes:
            orphans += comment.more is None
            parent = anchor
        siblings = thread.comments if parent is None else nodes[parent].children
        if comment.more is not None:
            _merge_stub(siblings, comment.more, stub_id(parent or thread.id), nodes)
            continue
        comment.children = []
        nodes[comment.id] = comment
        _insert_before_stub(siblings, comment)
        added += 1
    thread.reindex()
    return SpliceReport(added, ignored, orphans)


def apply_expansion(thread: Thread, expansion: Expansion) -> SpliceReport:
    """`splice_replies` for a loader's answer."""
    return splice_replies(thread, expansion.replies, expansion.requested)


def _consume_stubs(
    thread: Thread, nodes: dict[str, Comment], requested: Mapping[str, Collection[str]]
) -> str | None:
    """Take the asked-for ids off their stubs; returns the first stub's parent."""
    anchor: str | None = None
    for number, (wanted_stub, ids) in enumerate(requested.items()):
        stub = nodes.get(wanted_stub)
        if stub is None or stub.more is None:
            continue
        parent = stub_parent(thread, stub)
        if number == 0:
            anchor = parent
        more = stub.more
        asked = set(ids)
        left = tuple(i for i in more.ids if i not in asked)
        if more.continue_thread or not left:
            siblings = thread.comments if parent is None else nodes[parent].children
            siblings[:] = [c for c in siblings if c is not stub]
            del nodes[stub.id]
            continue
        # The site counts descendants, not direct replies: shrink the count in proportion.
        count = max(len(left), round(more.count * len(left) / max(1, len(more.ids))))
        stub.more = replace(more, ids=left, count=count)
    return anchor


def _merge_stub(
    siblings: list[Comment], more: MoreStub, wanted_id: str, nodes: dict[str, Comment]
) -> None:
    existing = siblings[-1] if siblings and siblings[-1].more is not None else None
    if existing is None or existing.more is None:
        stub = Comment(id=wanted_id, author=None, created=None, more=more)
        nodes[stub.id] = stub
        siblings.append(stub)
        return
    old = existing.more
    known = set(old.ids)
    ids = old.ids + tuple(i for i in more.ids if i not in known)
    existing.more = MoreStub(
        count=old.count + more.count,
        ids=ids,
        continue_thread=old.continue_thread and more.continue_thread,
    )


def _insert_before_stub(siblings: list[Comment], comment: Comment) -> None:
    if siblings and siblings[-1].more is not None:
        siblings.insert(len(siblings) - 1, comment)
    else:
        siblings.append(comment)
