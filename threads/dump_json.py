"""`--dump json`: the documented JSON shape, written and read without recursion.

Python's `json` recurses per nesting level, so a 5,000-deep thread cannot go through
`json.dumps` as one nested object. The writer emits each comment's own fields with
`json.dumps` and stitches the `replies` arrays together with an explicit stack.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from threads.footnotes import footnote_map
from threads.model import Comment, MoreStub, Thread
from threads.plain_body import plain_body
from threads.sanitize import clean_optional, clean_text
from threads.timefmt import iso_utc

if TYPE_CHECKING:
    from threads.search_index import SearchHit  # rapidfuzz stays off the start-up path
    from threads.themes import ThemeView


def stub_fields(comment: Comment, more: MoreStub) -> dict[str, Any]:
    """A stub's entry: `{"id", "more": N, "continue": bool, "children": [ids]}`."""
    return {
        "id": comment.id,
        "more": more.count,
        "continue": more.continue_thread,
        "children": list(more.ids),
    }


def comment_fields(
    comment: Comment, themes: list[str] | None = None, new: bool = False
) -> dict[str, Any]:
    """A comment's own fields in the dump shape (everything but `replies`).

    A comment new since the last visit also has `"new": true`.
    """
    fields = {
        "id": comment.id,
        "author": comment.author,
        "created": iso_utc(comment.created),
        "text": comment.plain_text,
        "deleted": comment.deleted,
        "dead": comment.dead,
        "score": comment.score,
        "warning": comment.warning,
        "context": comment.context,
        "footnotes": footnote_map(comment),
        "links": comment.links,
        "themes": themes or [],
        "stickied": comment.stickied,
        "distinguished": comment.distinguished,
        "edited": iso_utc(comment.edited),
    }
    if new:
        fields["new"] = True
    return fields


def thread_fields(thread: Thread) -> dict[str, Any]:
    """The story's fields in the dump shape (everything but `comments`)."""
    return {
        "source": thread.source,
        "id": thread.id,
        "title": thread.title,
        "url": thread.url,
        "author": thread.author,
        "points": thread.points,
        "created": iso_utc(thread.created),
        "text": thread.plain_text,
        "tags": list(thread.tags),
        "incomplete": thread.incomplete,
        "comment_count": thread.comment_count,
        "unloaded": thread.unloaded_count,
    }


def _open_object(fields: dict[str, Any], list_key: str) -> str:
    """`{"a": 1, ..., "list_key": [` from a dict of plain fields."""
    encoded = json.dumps(fields, ensure_ascii=False)
    separator = ", " if fields else ""
    return f"{encoded[:-1]}{separator}{json.dumps(list_key)}: ["


def iter_thread_json(
    thread: Thread, view: ThemeView | None = None, new_ids: frozenset[str] = frozenset()
) -> Iterator[str]:
    """Chunks of the thread's JSON document, comments nested under `comments`/`replies`.

    With themes, each comment lists the themes it matches; one a `hide` theme matches
    keeps its fields, gains `hidden_by` and has no `replies`. Comments in `new_ids` are
    marked `"new": true`.
    """
    yield _open_object(thread_fields(thread), "comments")
    position = thread.tree.position
    # Stack entries: a comment to open, or a closing string to emit.
    stack: list[Comment | str] = []
    stack.extend(reversed(thread.comments))
    first = True
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            yield entry
            first = False
            continue
        separator = "" if first else ", "
        if entry.more is not None:
            yield separator + json.dumps(stub_fields(entry, entry.more), ensure_ascii=False)
            first = False
            continue
        new = entry.id in new_ids
        if view is None:
            yield separator + _open_object(comment_fields(entry, new=new), "replies")
        else:
            order = position[entry.id]
            fields = comment_fields(entry, [theme.name for theme in view.tags(order)], new)
            hidden = view.hiding(order)
            if hidden is not None:
                yield separator + json.dumps({**fields, "hidden_by": hidden}, ensure_ascii=False)
                first = False
                continue
            yield separator + _open_object(fields, "replies")
        first = True
        stack.append("]}")
        stack.extend(reversed(entry.children))
    yield "]}"


def hits_to_json(
    thread: Thread, query: str, hits: list[SearchHit], new_ids: frozenset[str] = frozenset()
) -> str:
    """`--dump json --search Q`: the story's fields, `query`, and `hits` in rank order."""
    fields = {**thread_fields(thread), "query": query}
    encoded = [
        json.dumps(
            {**comment_fields(hit.comment, new=hit.comment.id in new_ids), "match": hit.match},
            ensure_ascii=False,
        )
        for hit in hits
        if hit.comment.more is None
    ]
    return _open_object(fields, "hits") + ", ".join(encoded) + "]}"


def thread_to_json(thread: Thread) -> str:
    """The whole `--dump json` document as one string."""
    return "".join(iter_thread_json(thread))


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _stub_from_dump(data: dict[str, Any]) -> Comment:
    count, children = data.get("more"), data.get("children")
    ids = [_text(i) for i in children if isinstance(i, str)] if isinstance(children, list) else []
    more = MoreStub(
        count=count if isinstance(count, int) and not isinstance(count, bool) else 0,
        ids=tuple(ids),
        continue_thread=data.get("continue") is True,
    )
    return Comment(id=_text(str(data.get("id", ""))), author=None, created=None, more=more)


def _comment_from_dump(data: dict[str, Any]) -> Comment:
    if "more" in data:
        return _stub_from_dump(data)
    score = data.get("score")
    return Comment(
        id=_text(str(data.get("id", ""))),
        author=clean_optional(data["author"]) if isinstance(data.get("author"), str) else None,
        created=_parse_time(data.get("created")),
        body=plain_body(_text(data.get("text"))),
        deleted=bool(data.get("deleted")),
        dead=bool(data.get("dead")),
        score=score if isinstance(score, int) and not isinstance(score, bool) else None,
        warning=clean_optional(data["warning"]) if isinstance(data.get("warning"), str) else None,
        context=data.get("context") is True,
        stickied=data.get("stickied") is True,
        distinguished=_text(data["distinguished"]) or None
        if isinstance(data.get("distinguished"), str)
        else None,
        edited=_parse_time(data.get("edited")),
    )


def thread_from_dump(data: dict[str, Any]) -> Thread:
    """Read our own `--dump json` document back (saved threads). Iterative, tolerant."""
    points = data.get("points")
    tags = data["tags"] if isinstance(data.get("tags"), list) else []
    thread = Thread(
        source=_text(data.get("source")) or "hackernews",
        id=_text(str(data.get("id", ""))),
        title=_text(data.get("title")) or "(untitled)",
        url=clean_optional(data["url"]) if isinstance(data.get("url"), str) else None,
        author=clean_optional(data["author"]) if isinstance(data.get("author"), str) else None,
        points=points if isinstance(points, int) and not isinstance(points, bool) else None,
        created=_parse_time(data.get("created")),
        body=plain_body(_text(data.get("text"))),
        tags=tuple(_text(tag) for tag in tags if isinstance(tag, str)),
        incomplete=_text(data.get("incomplete")) or None,
    )
    seen: set[str] = set()
    stack: list[tuple[Any, list[Comment]]] = [(data.get("comments"), thread.comments)]
    while stack:
        items, target = stack.pop()
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not item.get("id") or str(item["id"]) in seen:
                continue
            comment = _comment_from_dump(item)
            seen.add(comment.id)
            target.append(comment)
            stack.append((item.get("replies"), comment.children))
    return thread
