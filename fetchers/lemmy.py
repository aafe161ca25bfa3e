"""Lemmy posts (API v3, Lemmy 0.19): the post, then its comments as a tree fetch.

`comment/list` with `max_depth` returns a flat list (at most 300 comments, a server-side
cap) whose `path` ("0.12.34") places each comment. Branches whose `child_count` exceeds
what arrived are fetched again with `parent_id`; what a follow-up repeats is dropped.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from fetchers import fields
from fetchers.addresses.lemmy import LABEL, NAME
from fetchers.errors import BadResponse
from fetchers.http import get_json
from fetchers.instance_url import split_item_url
from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget, Site
from threads.markdown_text import markdown_to_body
from threads.model import Comment, Thread

MAX_DEPTH = 8  # levels per tree fetch; deeper branches come with the follow-ups
MAX_FOLLOW_UPS = 60  # requests per thread beyond the first two (180/min is the default limit)


class _CommentList:
    """Comment views by id in arrival order, with each one's ancestors from its `path`."""

    def __init__(self) -> None:
        self.views: dict[int, dict[str, Any]] = {}
        self.ancestors: dict[int, list[int]] = {}

    def add(self, views: list[dict[str, Any]]) -> int:
        """Keep the views not seen yet; return how many were new."""
        before = len(self.views)
        for view in views:
            comment = fields.mapping(view.get("comment"))
            comment_id = fields.integer(comment.get("id"))
            path = fields.text(comment.get("path")) or ""
            if comment_id is None or comment_id in self.views:
                continue  # a follow-up returns its parent (and maybe more) a second time
            self.views[comment_id] = view
            parts = [int(part) for part in path.split(".") if part.isdigit()]
            self.ancestors[comment_id] = [part for part in parts[1:-1] if part != comment_id]
        return len(self.views) - before

    def short_branches(self) -> list[int]:
        """Comments with more descendants on the server than here, shallowest first."""
        arrived = dict.fromkeys(self.views, 0)
        for chain in self.ancestors.values():
            for ancestor in chain:
                if ancestor in arrived:
                    arrived[ancestor] += 1
        short = [
            comment_id
            for comment_id, view in self.views.items()
            if (fields.integer(fields.mapping(view.get("counts")).get("child_count")) or 0)
            > arrived[comment_id]
        ]
        return sorted(short, key=lambda comment_id: len(self.ancestors[comment_id]))


async def fetch_lemmy(
    client: httpx.AsyncClient, target: ItemTarget, *, progress: ProgressCallback | None = None
) -> Thread:
    """The post and its comment tree. Raises `FetchError` subclasses only."""
    origin, post_id = split_item_url(target.item_id)
    site = f"{LABEL} ({urlsplit(origin).hostname})"
    post = await get_json(client, f"{origin}/api/v3/post?id={post_id}", site=site)
    thread = thread_from_post(post, origin)
    comments = _CommentList()
    query = {"post_id": post_id, "max_depth": MAX_DEPTH, "sort": "Hot", "type_": "All"}
    url = f"{origin}/api/v3/comment/list"
    reply = await get_json(client, f"{url}?{urlencode(query)}", site=site)
    comments.add(fields.items(fields.mapping(reply).get("comments")))
    asked: set[int] = set()
    for _ in range(MAX_FOLLOW_UPS):
        branch = next((c for c in comments.short_branches() if c not in asked), None)
        if branch is None:
            break
        asked.add(branch)
        if progress is not None:
            progress(len(comments.views), thread.expected_count)
        reply = await get_json(
            client, f"{url}?{urlencode({**query, 'parent_id': branch})}", site=site
        )
        comments.add(fields.items(fields.mapping(reply).get("comments")))
    _build_tree(thread, comments, origin)
    thread.missing = max((thread.expected_count or 0) - thread.comment_count, 0)
    return thread


def _author(person: Any) -> str | None:
    """`name`, or `name@host` for someone from another instance."""
    person = fields.mapping(person)
    name = fields.text(person.get("name"))
    host = urlsplit(fields.text(person.get("actor_id")) or "").hostname
    return f"{name}@{host}" if name and host and person.get("local") is False else name


def thread_from_post(data: Any, origin: str) -> Thread:
    """The thread's story part from `GET /api/v3/post`."""
    view = fields.mapping(fields.mapping(data).get("post_view"))
    post = fields.mapping(view.get("post"))
    post_id = fields.identifier(post.get("id"))
    if post_id is None:
        raise BadResponse(
            f"{LABEL} ({urlsplit(origin).hostname}) sent something that is not a post."
        )
    counts = fields.mapping(view.get("counts"))
    community = _author(view.get("community"))
    gone = post.get("deleted") is True or post.get("removed") is True
    return Thread(
        source=NAME,
        id=post_id,
        title=fields.text(post.get("name")) or "(untitled)",
        url=fields.text(post.get("url")) or None,
        author=None if gone else _author(view.get("creator")),
        points=fields.integer(counts.get("score")),
        created=fields.iso_time(post.get("published")),
        body=markdown_to_body(fields.text(post.get("body"))),
        expected_count=fields.integer(counts.get("comments")),
        tags=(community,) if community else (),
        label=f"{LABEL} · {urlsplit(origin).hostname}",
        discussion_url=f"{origin}/post/{post_id}",
    )


def _comment(view: dict[str, Any], comment_id: int, origin: str) -> Comment:
    comment = fields.mapping(view.get("comment"))
    gone = comment.get("deleted") is True or comment.get("removed") is True
    return Comment(
        id=str(comment_id),
        author=None if gone else _author(view.get("creator")),
        created=fields.iso_time(comment.get("published")),
        body=() if gone else markdown_to_body(fields.text(comment.get("content"))),
        deleted=gone,
        dead=comment.get("removed") is True,
        score=fields.integer(fields.mapping(view.get("counts")).get("score")),
        url=f"{origin}/comment/{comment_id}",
    )


def _build_tree(thread: Thread, comments: _CommentList, origin: str) -> None:
    """Attach each comment to its nearest ancestor that arrived (a shallower one: a path
    that loops cannot make the tree a graph)."""
    built = {cid: _comment(view, cid, origin) for cid, view in comments.views.items()}
    for comment_id, comment in built.items():
        depth = len(comments.ancestors[comment_id])
        parent = next(
            (
                built[ancestor]
                for ancestor in reversed(comments.ancestors[comment_id])
                if ancestor in built and len(comments.ancestors[ancestor]) < depth
            ),
            None,
        )
        (parent.children if parent is not None else thread.comments).append(comment)


SITE = Site(NAME, LABEL, fetch_lemmy)
