"""Hacker News JSON (Algolia and Firebase item shapes) to `threads` objects.

Pure conversion, no network: used by the fetcher, by saved files and by the sample.
Item JSON is untrusted: missing keys, `null` values, wrong types and repeated ids are
tolerated; anything that makes no sense as a thread raises `BadResponse`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fetchers.errors import BadResponse
from threads.blocks import Body
from threads.html_text import html_to_body
from threads.model import Comment, PendingBody, Thread
from threads.sanitize import clean_optional, clean_text

SOURCE = "hackernews"
STORY_TYPES = {"story", "job", "poll"}


def str_or_none(value: Any) -> str | None:
    return clean_optional(value) if isinstance(value, str) else None


def int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def timestamp(value: Any) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return None


def _body(value: Any) -> Body:
    return html_to_body(value) if isinstance(value, str) else ()


def _lazy_body(value: Any) -> Body | PendingBody:
    """Comment bodies are parsed when first read: the first screen needs only a few."""
    return PendingBody(value, html_to_body) if isinstance(value, str) and value else ()


def item_id(item: Any) -> str:
    """The id of an item as a string; `BadResponse` when there is none."""
    if isinstance(item, dict):
        value = item.get("id")
        if isinstance(value, int | str) and not isinstance(value, bool):
            text = clean_text(str(value)).strip()
            if text:
                return text
    raise BadResponse("Hacker News sent an item without an id.")


def comment_from_item(item: dict[str, Any], *, author_key: str, time_key: str) -> Comment:
    """One comment (no children yet) from an Algolia (`author`, `created_at_i`) or
    Firebase (`by`, `time`) item."""
    author = str_or_none(item.get(author_key))
    text = item.get("text")
    deleted = bool(item.get("deleted")) or (author is None and not text)
    return Comment(
        id=item_id(item),
        author=None if deleted else author,
        created=timestamp(item.get(time_key)),
        body=() if deleted else _lazy_body(text),
        deleted=deleted,
        dead=bool(item.get("dead")),
        score=None,  # HN never exposes comment scores
    )


def thread_from_algolia(data: Any) -> Thread:
    """A whole thread from Algolia's `GET /items/ID` (a story with nested `children`)."""
    if not isinstance(data, dict):
        raise BadResponse("Hacker News (Algolia) sent something that is not an item.")
    thread = Thread(
        source=SOURCE,
        id=item_id(data),
        title=clean_text(data.get("title") or "") or "(untitled)",
        url=str_or_none(data.get("url")),
        author=str_or_none(data.get("author")),
        points=int_or_none(data.get("points")),
        created=timestamp(data.get("created_at_i")),
        body=_body(data.get("text")),
    )
    seen = {thread.id}
    # Explicit stack of (json children, list to append to): nesting depth is unbounded.
    stack: list[tuple[Any, list[Comment]]] = [(data.get("children"), thread.comments)]
    while stack:
        children, target = stack.pop()
        if not isinstance(children, list):
            continue
        for child in children:
            if not isinstance(child, dict):
                thread.missing += 1
                continue
            try:
                comment = comment_from_item(child, author_key="author", time_key="created_at_i")
            except BadResponse:
                thread.missing += 1
                continue
            if comment.id in seen:  # a repeated id would make the tree a graph
                continue
            seen.add(comment.id)
            target.append(comment)
            stack.append((child.get("children"), comment.children))
    return thread


def thread_from_firebase_story(story: dict[str, Any]) -> Thread:
    """The story part of a thread from a Firebase item (comments are added by the caller)."""
    return Thread(
        source=SOURCE,
        id=item_id(story),
        title=clean_text(story.get("title") or "") or "(untitled)",
        url=str_or_none(story.get("url")),
        author=str_or_none(story.get("by")),
        points=int_or_none(story.get("score")),
        created=timestamp(story.get("time")),
        body=_body(story.get("text")),
        expected_count=int_or_none(story.get("descendants")),
    )
