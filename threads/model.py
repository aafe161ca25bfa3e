"""The thread model: a story and its tree of comments, with cached tree facts.

Everything here is iterative: threads arrive from the internet and can nest thousands of
levels deep, so no helper may recurse per level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from threads.blocks import Body, body_links, body_prose_text, body_to_plain_text


@dataclass(frozen=True, slots=True)
class MoreStub:
    """Replies the site did not send yet, standing where they belong in the tree.

    A stub is carried by a `Comment` whose `more` is set, so it has a row, a depth and a
    parent like any comment, and folding, moves and dumps need no second node type.
    """

    count: int
    """How many comments the site says are behind it (0 when it does not say)."""
    ids: tuple[str, ...] = ()
    """Ids of the unloaded direct replies, in the site's order (what a loader asks for)."""
    continue_thread: bool = False
    """The site cut the thread's depth here: the replies load as a sub-thread of the
    parent ("continue this thread"), not by id."""

    @property
    def label(self) -> str:
        """What its row says: `… 37 more replies` or `continue this thread →`."""
        if self.continue_thread:
            return "continue this thread →"
        count = max(self.count, len(self.ids))
        return f"… {count:,} more repl{'y' if count == 1 else 'ies'}"


def stub_id(parent_id: str) -> str:
    """The id of the one stub a parent (a comment id, or the thread id) may carry."""
    return f"more:{parent_id}"


@dataclass(eq=False)
class PendingBody:
    """A body not parsed yet: its source and the function that parses it.

    A 2,000-comment thread takes ~0.3 s to parse while the first screen shows ~10
    comments, so fetchers may hand over bodies this way; `Comment.body` parses on first
    use (whichever thread asks first; parsing is pure, so a race only wastes work).
    """

    source: str
    """The site's markup (already known to be a string)."""
    parse: Callable[[str], Body]
    """Markup to blocks, sanitising as it goes."""
    _parsed: Body | None = field(default=None, init=False, repr=False)
    """The parse, once made (shared by every copy of the comment holding this body)."""

    def body(self) -> Body:
        """The parsed body, parsed once: a thread's copies (HN's settling makes one per
        step, sharing their pending bodies) then share one parse instead of each keeping
        its own (measured: ~25 MB more at 2,170 comments)."""
        if self._parsed is None:
            self._parsed = self.parse(self.source)
        return self._parsed

    def estimate(self) -> tuple[int, int, int]:
        """(paragraphs, characters, code lines) guessed from the markup, cheaply."""
        paragraphs = 1 + self.source.count("<p>")
        code_lines = self.source.count("\n") if "<pre>" in self.source else 0
        return paragraphs, len(self.source) * 9 // 10, code_lines


class _LazyBody:
    """The `body` field: a `Body`, or a `PendingBody` parsed when first read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_{name}"

    def __get__(self, comment: Any, owner: Any = None) -> Body:
        if comment is None:
            return ()  # the dataclass default
        value = comment.__dict__[self._slot]
        if isinstance(value, PendingBody):
            value = value.body()
            comment.__dict__[self._slot] = value
        return value  # type: ignore[no-any-return]

    def __set__(self, comment: Any, value: Body | PendingBody) -> None:
        comment.__dict__[self._slot] = value


@dataclass(eq=False, repr=False)
class Comment:
    """One comment and its replies."""

    id: str
    """Stable id, as a string whatever the site uses."""
    author: str | None
    """Who wrote it; `None` when the comment is deleted."""
    created: datetime | None
    """When it was posted (UTC), if known."""
    body: _LazyBody = _LazyBody()
    """The parsed body (given as a `Body`, or a `PendingBody` parsed when first read)."""
    deleted: bool = False
    """Removed by its author or the site; kept as a placeholder so replies survive."""
    dead: bool = False
    """Flagged or killed on the site."""
    score: int | None = None
    """Points, where the site exposes them (Hacker News does not)."""
    children: list[Comment] = field(default_factory=list)
    """Direct replies, in the order the site shows them."""
    warning: str | None = None
    """A content warning the author put on the comment (Mastodon `spoiler_text`); readers
    show the comment folded behind it."""
    context: bool = False
    """Shown for context only, not part of the discussion asked for (Mastodon: a post the
    opened status replies to, drawn above it)."""
    url: str | None = None
    """The comment's own web address on its site, when the site gives one."""

    def __repr__(self) -> str:
        # Short on purpose: Textual's `@work` puts the repr of its arguments in the worker's
        # description, and a generated repr would walk (and parse) every reply's body.
        return f"Comment(id={self.id!r}, author={self.author!r}, replies={len(self.children)})"

    @property
    def pending_body(self) -> PendingBody | None:
        """The unparsed body, while it has not been read yet (for cheap estimates)."""
        value = self.__dict__.get("_body")
        return value if isinstance(value, PendingBody) else None

    more: MoreStub | None = None
    """Set when this node is not a comment but the place of unloaded replies."""
    stickied: bool = False
    """Pinned by the moderators (Reddit)."""
    distinguished: str | None = None
    """Marked as speaking for the site: `moderator`, `admin` (Reddit)."""
    edited: datetime | None = None
    """When the author last edited it, where the site says (UTC)."""

    @cached_property
    def plain_text(self) -> str:
        """The body as plain text (paragraphs split by a blank line, quotes as `> `)."""
        return body_to_plain_text(self.body)

    @property
    def prose_text(self) -> str:
        """The body's words without link URLs (what search and themes match).

        Made on each use, not kept: the word index is built from it once, and a copy for
        every comment would be as big as the thread's text again (~3 MB at 2,170
        comments); only regex theme terms read it again.
        """
        return body_prose_text(self.body)

    @cached_property
    def links(self) -> list[str]:
        """Link targets in the body, in order, without repeats."""
        return body_links(self.body)


@dataclass(eq=False, repr=False)
class Thread:
    """A story (or post) with its comment tree."""

    source: str
    """Which site it came from, e.g. `hackernews`."""
    id: str
    """The story's id on that site."""
    title: str
    """The story's title."""
    url: str | None = None
    """The link the story points to (`None` for Ask HN and text posts)."""
    author: str | None = None
    """Who submitted it."""
    points: int | None = None
    """The story's score."""
    created: datetime | None = None
    """When it was submitted (UTC)."""
    body: Body = ()
    """The story's own text (Ask HN), parsed."""
    comments: list[Comment] = field(default_factory=list)
    """Top-level comments, in site order."""
    focus_id: str | None = None
    """A comment to put the cursor on when the thread opens (it was asked for by id)."""
    expected_count: int | None = None
    """How many comments the site says the story has, if it says."""
    missing: int = 0
    """Comments the fetcher knew of but could not load."""
    tags: tuple[str, ...] = ()
    """The story's tags or category as the site names them (Lobsters tags, a Lemmy
    community)."""
    label: str | None = None
    """How the header names where the thread is from, e.g. `Lobsters` or
    `Discourse · meta.discourse.org`; `None` means the site's own name."""
    incomplete: str | None = None
    """One sentence saying why the thread may be incomplete (a server cap), or `None`."""
    discussion_url: str | None = None
    """The web address of the discussion itself (not the story's link)."""
    note: str | None = None
    """One sentence about what the fetcher could not do (e.g. the site's own order could
    not be loaded, so replies are in another order)."""

    def __repr__(self) -> str:
        # Short on purpose (see `Comment.__repr__`).
        return (
            f"Thread(source={self.source!r}, id={self.id!r}, title={self.title!r}, "
            f"top_level={len(self.comments)})"
        )

    def walk(self) -> Iterator[tuple[Comment, int]]:
        """Every comment with its depth (0 = top level), in display order."""
        stack: list[tuple[Comment, int]] = [(c, 0) for c in reversed(self.comments)]
        while stack:
            comment, depth = stack.pop()
            yield comment, depth
            stack.extend((child, depth + 1) for child in reversed(comment.children))

    @cached_property
    def tree(self) -> TreeIndex:
        """Display order and tree facts, computed once; `reindex` after changing the tree."""
        return TreeIndex.build(self)

    def reindex(self) -> None:
        """Forget the cached tree facts (after loaded replies were spliced in)."""
        self.__dict__.pop("tree", None)

    def get(self, comment_id: str) -> Comment | None:
        """The comment with this id, or `None`."""
        index = self.tree.position.get(comment_id)
        return None if index is None else self.tree.order[index]

    def depth(self, comment_id: str) -> int:
        """Depth of a comment (0 = top level). Raises KeyError for an unknown id."""
        return self.tree.depths[self.tree.position[comment_id]]

    def parent(self, comment_id: str) -> Comment | None:
        """The comment this one replies to, or `None` for a top-level comment."""
        parent = self.tree.parents[self.tree.position[comment_id]]
        return None if parent < 0 else self.tree.order[parent]

    def descendant_count(self, comment_id: str) -> int:
        """How many comments are under this one (replies, their replies, ...)."""
        index = self.tree.position[comment_id]
        return self.tree.subtree_end[index] - index - 1

    def ancestors(self, comment_id: str) -> list[Comment]:
        """Parent, grandparent, ... up to the top-level comment."""
        tree = self.tree
        chain: list[Comment] = []
        parent = tree.parents[tree.position[comment_id]]
        while parent >= 0:
            chain.append(tree.order[parent])
            parent = tree.parents[parent]
        return chain

    @property
    def comment_count(self) -> int:
        """Number of comments in the tree, deleted placeholders included, stubs not."""
        return len(self.tree.order) - self.tree.stub_count

    @property
    def unloaded_count(self) -> int:
        """Comments the stubs say are still to load (continue-thread stubs count 0)."""
        return self.tree.unloaded

    def stubs(self) -> list[Comment]:
        """The stub nodes, in display order."""
        return [self.tree.order[index] for index in self.tree.stub_positions]

    @property
    def live_count(self) -> int:
        """Comments that are neither deleted nor dead: what a site's own count counts."""
        return sum(1 for c in self.tree.order if not (c.deleted or c.dead))

    def count_text(self) -> str:
        """The comment count for a header: `2,150 of 2,170` while comments are still
        arriving or some were left out, else `2,170`."""
        expected = self.expected_count
        if expected is None:
            return f"{self.comment_count:,}"
        loaded = self.live_count
        return f"{loaded:,} of {expected:,}" if loaded < expected else f"{loaded:,}"

    @cached_property
    def plain_text(self) -> str:
        """The story text as plain text."""
        return body_to_plain_text(self.body)


@dataclass
class TreeIndex:
    """The thread in display order, with each comment's depth, parent and subtree span.

    A comment's subtree is the contiguous run `order[i : subtree_end[i]]`, so folding,
    counting replies and finding siblings are index arithmetic.
    """

    order: list[Comment]
    depths: list[int]
    parents: list[int]
    """Index of each comment's parent in `order`, -1 for top-level comments."""
    subtree_end: list[int]
    """Index just after each comment's last descendant."""
    position: dict[str, int]
    """Comment id -> index in `order`."""
    stub_positions: list[int] = field(default_factory=list)
    """Indexes of the stub nodes (`Comment.more` set)."""

    @property
    def stub_count(self) -> int:
        """How many stub nodes the tree holds."""
        return len(self.stub_positions)

    @property
    def unloaded(self) -> int:
        """The stubs' counts added up."""
        stubs = (self.order[index].more for index in self.stub_positions)
        return sum(stub.count for stub in stubs if stub is not None)

    @classmethod
    def build(cls, thread: Thread) -> TreeIndex:
        order: list[Comment] = []
        depths: list[int] = []
        parents: list[int] = []
        stack: list[tuple[Comment, int, int]] = [(c, 0, -1) for c in reversed(thread.comments)]
        while stack:
            comment, depth, parent = stack.pop()
            index = len(order)
            order.append(comment)
            depths.append(depth)
            parents.append(parent)
            stack.extend((child, depth + 1, index) for child in reversed(comment.children))
        subtree_end = list(range(1, len(order) + 1))
        for index in range(len(order) - 1, -1, -1):  # children come after their parent
            parent = parents[index]
            if parent >= 0 and subtree_end[index] > subtree_end[parent]:
                subtree_end[parent] = subtree_end[index]
        position = {comment.id: index for index, comment in enumerate(order)}
        stubs = [index for index, comment in enumerate(order) if comment.more is not None]
        return cls(order, depths, parents, subtree_end, position, stubs)
