"""Mastodon statuses: the status, then `/context` for the posts around it.

The thread is the conversation as a tree: the posts the status replies to (marked as
context) above it, the status itself (the cursor opens on it), and its replies nested by
`in_reply_to_id`. Anonymous readers get at most 40 ancestors, 60 descendants and 20
levels; when a reply list reaches a cap the thread says it may be incomplete.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import httpx

from fetchers import fields
from fetchers.addresses.mastodon import LABEL, NAME
from fetchers.errors import BadResponse
from fetchers.http import get_json
from fetchers.instance_url import split_item_url
from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget, Site
from threads.blocks import Block, Body, Span
from threads.html_text import html_to_body
from threads.model import Comment, Thread

ANONYMOUS_CAPS = (40, 60, 20)  # ancestors, descendants, depth (docs: statuses/context)
TITLE_LENGTH = 80


async def fetch_mastodon(
    client: httpx.AsyncClient, target: ItemTarget, *, progress: ProgressCallback | None = None
) -> Thread:
    """The status with its context. Raises `FetchError` subclasses only."""
    origin, status_id = split_item_url(target.item_id)
    site = f"{LABEL} ({urlsplit(origin).hostname})"
    status = await get_json(client, f"{origin}/api/v1/statuses/{status_id}", site=site)
    if isinstance(status, dict) and isinstance(status.get("reblog"), dict):
        status = status["reblog"]  # a boost: the thread is the boosted post's
    status_id = fields.identifier(fields.mapping(status).get("id")) or ""
    if not status_id:
        raise BadResponse(f"{site} sent something that is not a status.")
    context = await get_json(client, f"{origin}/api/v1/statuses/{status_id}/context", site=site)
    context = fields.mapping(context)
    ancestors = fields.items(context.get("ancestors"))
    descendants = fields.items(context.get("descendants"))
    return thread_from_context(status, ancestors, descendants, origin)


def _comment(status: dict[str, Any], status_id: str) -> Comment:
    return Comment(
        id=status_id,
        author=fields.text(fields.mapping(status.get("account")).get("acct")),
        created=fields.iso_time(status.get("created_at")),
        body=_body(status),
        score=fields.integer(status.get("favourites_count")),
        warning=fields.text(status.get("spoiler_text")) or None,
        url=fields.text(status.get("url")) or fields.text(status.get("uri")),
    )


def _body(status: dict[str, Any]) -> Body:
    """The content, then a line of links to the attached media (their descriptions)."""
    body = html_to_body(fields.text(status.get("content")))
    media: list[Span] = []
    for attachment in fields.items(status.get("media_attachments")):
        url = fields.text(attachment.get("url"))
        if url:
            kind = fields.text(attachment.get("type")) or "media"
            described = fields.text(attachment.get("description"))
            label = f"[{kind}: {described}]" if described else f"[{kind}]"
            media += [Span(" " if media else ""), Span(label.replace("\n", " "), href=url)]
    return (*body, Block("paragraph", tuple(s for s in media if s.text))) if media else body


def _title(comment: Comment) -> str:
    text = comment.warning or " ".join(comment.plain_text.split())
    if len(text) > TITLE_LENGTH:
        text = text[: TITLE_LENGTH - 1].rstrip() + "…"
    author = comment.author or "someone"
    return f"{author}: {text}" if text else f"A post by {author}"


def thread_from_context(
    status: dict[str, Any],
    ancestors: list[dict[str, Any]],
    descendants: list[dict[str, Any]],
    origin: str,
) -> Thread:
    """The conversation: ancestors (as context), the status, its replies."""
    root = _comment(status, fields.identifier(status.get("id")) or "")
    thread = Thread(
        source=NAME,
        id=root.id,
        title=_title(root),
        author=root.author,
        points=root.score,
        created=root.created,
        label=f"{LABEL} · {urlsplit(origin).hostname}",
        discussion_url=root.url,
        focus_id=root.id,
    )
    placed: dict[str, Comment] = {}
    parent: Comment | None = None
    for item in ancestors:  # oldest first; each replies to one above it
        comment = _place(thread, placed, item, parent)
        if comment is not None:
            comment.context = True
            parent = comment
    _place(thread, placed, status, parent, comment=root)
    depth = {root.id: 0}
    for item in descendants:  # a reply whose parent is gone hangs under the status
        comment = _place(thread, placed, item, root)
        if comment is not None:
            parent_id = fields.identifier(item.get("in_reply_to_id")) or root.id
            depth[comment.id] = depth.get(parent_id, 0) + 1
    thread.incomplete = _incomplete(status, ancestors, descendants, max(depth.values()))
    return thread


def _place(
    thread: Thread,
    placed: dict[str, Comment],
    status: dict[str, Any],
    fallback: Comment | None,
    comment: Comment | None = None,
) -> Comment | None:
    """Add a status under the post it replies to (or `fallback`); repeats are skipped."""
    status_id = fields.identifier(status.get("id"))
    if status_id is None or status_id in placed:
        return None
    comment = comment or _comment(status, status_id)
    parent = placed.get(fields.identifier(status.get("in_reply_to_id")) or "", fallback)
    (parent.children if parent is not None else thread.comments).append(comment)
    placed[status_id] = comment
    return comment


def _incomplete(
    status: dict[str, Any],
    ancestors: list[dict[str, Any]],
    descendants: list[dict[str, Any]],
    depth: int,
) -> str | None:
    max_ancestors, max_descendants, max_depth = ANONYMOUS_CAPS
    direct = sum(item.get("in_reply_to_id") == status.get("id") for item in descendants)
    replies = fields.integer(status.get("replies_count")) or 0
    if len(ancestors) >= max_ancestors or len(descendants) >= max_descendants:
        return (
            f"Mastodon shows readers without an account at most {max_descendants} replies "
            f"and {max_ancestors} earlier posts: this thread may be incomplete."
        )
    if depth >= max_depth:
        return f"Mastodon stops at {max_depth} levels for readers without an account."
    if replies > direct:
        return f"The server knows of {replies} direct replies but showed {direct}."
    return None


SITE = Site(NAME, LABEL, fetch_mastodon)
