"""The thread model: a story and its tree of comments, with cached tree facts.

Everything here is iterative: threads arrive from the internet and can nest thousands of
levels deep, so no helper may recurse per level.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from threads.blocks import Body, body_links, body_to_plain_text


@dataclass(eq=False)
class Comment:
    """One comment and its replies."""

    id: str
    """Stable id, as a string whatever the site uses."""
    author: str | None
    """Who wrote it; `None` when the comment is deleted."""
    created: datetime | None
    """When it was posted (UTC), if known."""
    body: Body = ()
    """The parsed body."""
    deleted: bool = False
    """Removed by its author or the site; kept as a placeholder so replies survive."""
    dead: bool = False
    """Flagged or killed on the site."""
    score: int | None = None
    """Points, where the site exposes them (Hacker News does not)."""
    children: list[Comment] = field(default_factory=list)
    """Direct replies, in the order the site shows them."""

    @cached_property
    def plain_text(self) -> str:
        """The body as plain text (paragraphs split by a blank line, quotes as `> `)."""
        return body_to_plain_text(self.body)

    @cached_property
    def links(self) -> list[str]:
        """Link targets in the body, in order, without repeats."""
        return body_links(self.body)


@dataclass(eq=False)
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

    def walk(self) -> Iterator[tuple[Comment, int]]:
        """Every comment with its depth (0 = top level), in display order."""
        stack: list[tuple[Comment, int]] = [(c, 0) for c in reversed(self.comments)]
        while stack:
            comment, depth = stack.pop()
            yield comment, depth
            stack.extend((child, depth + 1) for child in reversed(comment.children))

    @cached_property
    def _facts(self) -> _TreeFacts:
        return _TreeFacts.build(self)

    def get(self, comment_id: str) -> Comment | None:
        """The comment with this id, or `None`."""
        return self._facts.by_id.get(comment_id)

    def depth(self, comment_id: str) -> int:
        """Depth of a comment (0 = top level). Raises KeyError for an unknown id."""
        return self._facts.depth[comment_id]

    def parent(self, comment_id: str) -> Comment | None:
        """The comment this one replies to, or `None` for a top-level comment."""
        parent_id = self._facts.parent[comment_id]
        return None if parent_id is None else self._facts.by_id[parent_id]

    def descendant_count(self, comment_id: str) -> int:
        """How many comments are under this one (replies, their replies, ...)."""
        return self._facts.descendants[comment_id]

    def ancestors(self, comment_id: str) -> list[Comment]:
        """Parent, grandparent, ... up to the top-level comment."""
        chain: list[Comment] = []
        parent = self.parent(comment_id)
        while parent is not None:
            chain.append(parent)
            parent = self.parent(parent.id)
        return chain

    @property
    def comment_count(self) -> int:
        """Number of comments in the tree, placeholders included."""
        return len(self._facts.by_id)

    @cached_property
    def plain_text(self) -> str:
        """The story text as plain text."""
        return body_to_plain_text(self.body)


@dataclass
class _TreeFacts:
    """Indexes computed once per thread: lookup, parent, depth, descendant counts."""

    by_id: dict[str, Comment]
    parent: dict[str, str | None]
    depth: dict[str, int]
    descendants: dict[str, int]

    @classmethod
    def build(cls, thread: Thread) -> _TreeFacts:
        by_id: dict[str, Comment] = {}
        parent: dict[str, str | None] = {}
        depth: dict[str, int] = {}
        order: list[Comment] = []
        for comment, level in thread.walk():
            by_id[comment.id] = comment
            depth[comment.id] = level
            order.append(comment)
            for child in comment.children:
                parent[child.id] = comment.id
            parent.setdefault(comment.id, None)
        descendants: dict[str, int] = {}
        for comment in reversed(order):  # children come after parents in display order
            descendants[comment.id] = sum(1 + descendants[c.id] for c in comment.children)
        return cls(by_id, parent, depth, descendants)
