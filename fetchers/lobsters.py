"""Lobsters stories: one `GET /s/SHORT_ID.json` returns the story and every comment.

The comments are a flat list in display order. Their fields changed over the years
(`indent_level` 1-based vs `depth` 0-based, `parent_comment` present or not,
`commenting_user` a name or an object, `updated_at` vs `last_edited_at`); any mix is read.
"""

from __future__ import annotations

from typing import Any

import httpx

from fetchers import fields
from fetchers.addresses.lobsters import LABEL, NAME
from fetchers.config import lobsters_url
from fetchers.errors import BadResponse
from fetchers.http import get_json
from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget, Site
from threads.blocks import Body
from threads.html_text import html_to_body
from threads.markdown_text import markdown_to_body
from threads.model import Comment, Thread


async def fetch_lobsters(
    client: httpx.AsyncClient, target: ItemTarget, *, progress: ProgressCallback | None = None
) -> Thread:
    """The story and its comments. Raises `FetchError` subclasses only."""
    data = await get_json(client, f"{lobsters_url()}/s/{target.item_id}.json", site=LABEL)
    thread = thread_from_story(data)
    if target.focus and thread.get(target.focus) is not None:
        thread.focus_id = target.focus
    return thread


def _body(html: Any, markdown: Any) -> Body:
    """The HTML rendering when there is one, else the Markdown source."""
    if isinstance(html, str) and html.strip():
        return html_to_body(html)
    return markdown_to_body(markdown if isinstance(markdown, str) else None)


def _username(user: Any) -> str | None:
    return fields.text(user.get("username")) if isinstance(user, dict) else fields.text(user)


def thread_from_story(data: Any) -> Thread:
    """A thread from a story's JSON, in any of the recorded formats."""
    if not isinstance(data, dict) or fields.identifier(data.get("short_id")) is None:
        raise BadResponse("Lobsters sent something that is not a story.")
    thread = Thread(
        source=NAME,
        id=fields.identifier(data.get("short_id")) or "",
        title=fields.text(data.get("title")) or "(untitled)",
        url=fields.text(data.get("url")) or None,
        author=_username(data.get("submitter_user")),
        points=fields.integer(data.get("score")),
        created=fields.iso_time(data.get("created_at")),
        body=_body(data.get("description"), data.get("description_plain")),
        expected_count=fields.integer(data.get("comment_count")),
        tags=tuple(tag for tag in map(fields.text, _list(data.get("tags"))) if tag),
        label=LABEL,
        discussion_url=fields.text(data.get("comments_url"))
        or fields.text(data.get("short_id_url")),
    )
    _add_comments(thread, fields.items(data.get("comments")))
    return thread


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _comment(item: dict[str, Any], short_id: str) -> Comment:
    gone = item.get("is_deleted") is True or item.get("is_moderated") is True
    return Comment(
        id=short_id,
        author=None if gone else _username(item.get("commenting_user")),
        created=fields.iso_time(item.get("created_at")),
        body=_body(item.get("comment"), item.get("comment_plain")),  # the removal notice
        deleted=gone,
        dead=item.get("is_moderated") is True,
        score=fields.integer(item.get("score")),
        url=fields.text(item.get("short_id_url")) or fields.text(item.get("url")),
    )


def _level(item: dict[str, Any]) -> int | None:
    """0-based depth from `depth` (2024+) or `indent_level` (1-based, before)."""
    depth = fields.integer(item.get("depth"))
    if depth is not None:
        return max(depth, 0)
    indent = fields.integer(item.get("indent_level"))
    return None if indent is None else max(indent - 1, 0)


def _add_comments(thread: Thread, items: list[dict[str, Any]]) -> None:
    """Nest the display-ordered list by `parent_comment`, else by depth (a stack of the
    open ancestors, so deleted comments keep their replies)."""
    by_id: dict[str, tuple[Comment, int]] = {}
    open_path: list[tuple[Comment, int]] = []
    for item in items:
        short_id = fields.identifier(item.get("short_id"))
        if short_id is None or short_id in by_id:
            thread.missing += short_id is None
            continue
        comment = _comment(item, short_id)
        parent_id = fields.identifier(item.get("parent_comment"))
        parent, depth = by_id.get(parent_id or "", (None, -1))
        depth += 1
        if parent is None and not ("parent_comment" in item and parent_id is None):
            depth = _level(item) or 0  # no usable parent link: the depth says where it goes
        while open_path and open_path[-1][1] >= depth:
            open_path.pop()
        if parent is None and depth > 0 and open_path:
            parent, depth = open_path[-1][0], open_path[-1][1] + 1
        elif parent is None:
            depth = 0
        (parent.children if parent is not None else thread.comments).append(comment)
        by_id[short_id] = (comment, depth)
        open_path.append((comment, depth))


SITE = Site(NAME, LABEL, fetch_lobsters)
