"""Discourse topics: `GET /t/ID.json` brings the first posts and the id of every post
(`post_stream.stream`); the rest come from `/t/ID/posts.json?post_ids[]=…` in batches.

Discourse is linear; `reply_to_post_number` gives the reply tree. Comment ids are post
numbers (what permalinks and quote asides use), so a quote's `data-post` names its source.
The first post is the topic's own text; small actions ("closed", "pinned") are skipped.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from fetchers import fields
from fetchers.addresses.discourse import LABEL, NAME
from fetchers.errors import BadResponse
from fetchers.http import get_json
from fetchers.instance_url import split_item_url
from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget, Site
from threads.html_text import html_to_body
from threads.model import Comment, Thread

DEFAULT_CHUNK = 20  # Discourse's own chunk_size
SMALL_ACTION = 3  # Post.types: 1 regular, 2 moderator action, 3 small action, 4 whisper
LIKE_ACTION = 2  # actions_summary id of likes


async def fetch_discourse(
    client: httpx.AsyncClient, target: ItemTarget, *, progress: ProgressCallback | None = None
) -> Thread:
    """The topic and all its posts. Raises `FetchError` subclasses only."""
    base, topic_id = split_item_url(target.item_id)
    site = f"{LABEL} ({urlsplit(base).hostname})"
    topic = await get_json(client, f"{base}/t/{topic_id}.json", site=site)
    stream = fields.mapping(topic).get("post_stream") if isinstance(topic, dict) else None
    if not isinstance(stream, dict):
        raise BadResponse(f"{site} sent something that is not a topic.")
    posts = {post["id"]: post for post in fields.items(stream.get("posts")) if "id" in post}
    order = [post_id for post_id in _list(stream.get("stream")) if isinstance(post_id, int)]
    wanted = [post_id for post_id in order if post_id not in posts]
    chunk = max(1, fields.integer(topic.get("chunk_size")) or DEFAULT_CHUNK)
    for start in range(0, len(wanted), chunk):
        if progress is not None:
            progress(len(posts), len(order))
        query = urlencode([("post_ids[]", post_id) for post_id in wanted[start : start + chunk]])
        batch = await get_json(client, f"{base}/t/{topic_id}/posts.json?{query}", site=site)
        more = fields.mapping(fields.mapping(batch).get("post_stream")).get("posts")
        posts.update((post["id"], post) for post in fields.items(more) if "id" in post)
    ordered = [posts[post_id] for post_id in order if post_id in posts]
    ordered += [post for post_id, post in posts.items() if post_id not in set(order)]
    thread = thread_from_topic(topic, ordered, base)
    thread.missing = sum(post_id not in posts for post_id in order)
    if target.focus and thread.get(target.focus) is not None:
        thread.focus_id = target.focus
    return thread


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _likes(post: dict[str, Any]) -> int | None:
    count = fields.integer(post.get("like_count"))
    for action in fields.items(post.get("actions_summary")):
        if action.get("id") == LIKE_ACTION and count is None:
            count = fields.integer(action.get("count"))
    return count


def _tags(topic: dict[str, Any]) -> tuple[str, ...]:
    """Tag names: strings in older forums, `{name, ...}` objects in newer ones."""
    names = [tag.get("name") if isinstance(tag, dict) else tag for tag in _list(topic.get("tags"))]
    return tuple(name for name in map(fields.text, names) if name)


def thread_from_topic(topic: dict[str, Any], posts: list[dict[str, Any]], base: str) -> Thread:
    """The thread from a topic's fields and its posts in stream order."""
    topic_id = fields.identifier(topic.get("id")) or ""
    slug = fields.text(topic.get("slug")) or "topic"
    page = f"{base}/t/{slug}/{topic_id}"
    first = next((post for post in posts if post.get("post_number") == 1), {})
    thread = Thread(
        source=NAME,
        id=topic_id,
        title=fields.text(topic.get("title")) or "(untitled)",
        url=fields.text(topic.get("featured_link")) or None,
        author=fields.text(first.get("username"))
        or fields.text(
            fields.mapping(fields.mapping(topic.get("details")).get("created_by")).get("username")
        ),
        points=_likes(first) if first else None,
        created=fields.iso_time(topic.get("created_at")),
        body=html_to_body(fields.text(first.get("cooked"))),
        expected_count=max((fields.integer(topic.get("posts_count")) or 1) - 1, 0),
        tags=_tags(topic),
        label=f"{LABEL} · {urlsplit(base).hostname}",
        discussion_url=page,
    )
    by_number: dict[int, Comment] = {}
    for post in posts:
        number = fields.integer(post.get("post_number"))
        if number is None or number == 1 or number in by_number:
            continue
        if post.get("post_type") == SMALL_ACTION:
            continue
        comment = _comment(post, number, page)
        parent = by_number.get(fields.integer(post.get("reply_to_post_number")) or 0)
        (parent.children if parent is not None else thread.comments).append(comment)
        by_number[number] = comment
    return thread


def _comment(post: dict[str, Any], number: int, page: str) -> Comment:
    deleted = post.get("deleted_at") is not None or post.get("user_deleted") is True
    return Comment(
        id=str(number),
        author=None if deleted else fields.text(post.get("username")),
        created=fields.iso_time(post.get("created_at")),
        body=html_to_body(fields.text(post.get("cooked"))),
        deleted=deleted,
        dead=post.get("hidden") is True,
        score=_likes(post),
        url=f"{page}/{number}",
    )


SITE = Site(NAME, LABEL, fetch_discourse)
