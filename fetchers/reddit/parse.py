"""Reddit's JSON (listings of `t3` posts, `t1` comments and `more` stubs) to the model.

Bodies come from `body_html`, which with `raw_json=1` is real HTML (without it, HTML
escaped once more: both are accepted), through the same converter and sanitiser as
every other site. Every tree here is walked with an explicit stack: a thread may nest
deeper than Python's recursion limit.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any

from fetchers.errors import BadResponse
from threads.blocks import Body
from threads.html_text import html_to_body
from threads.model import Comment, MoreStub, Thread, stub_id
from threads.more_splice import LoadedReply
from threads.sanitize import clean_text

DELETED_BODIES = {"[deleted]", "[removed]"}
LINK_BASE = "https://www.reddit.com"


def _data(thing: Any) -> dict[str, Any]:
    data = thing.get("data") if isinstance(thing, dict) else None
    return data if isinstance(data, dict) else {}


def _children(listing: Any) -> list[Any]:
    """The things of a Listing; `replies` is `""` when a comment has none."""
    children = _data(listing).get("children")
    return children if isinstance(children, list) else []


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _time(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def _author(value: Any) -> str | None:
    name = _text(value)
    return None if not name or name == "[deleted]" else name


def _html_body(value: Any) -> Body:
    if not isinstance(value, str) or not value:
        return ()
    if value.lstrip().startswith("&lt;"):  # fetched without raw_json=1: escaped once more
        value = html.unescape(value)
    return html_to_body(value, LINK_BASE)


def _short_id(fullname: Any) -> str | None:
    """`t1_abc` -> `abc`; anything else -> `None`."""
    if not isinstance(fullname, str) or "_" not in fullname:
        return None
    return _text(fullname.split("_", 1)[1]) or None


def comment_from_t1(data: dict[str, Any]) -> Comment:
    """One `t1` comment's own fields (its replies are placed by the caller)."""
    comment_id = _text(data.get("id"))
    if not comment_id:
        raise BadResponse("Reddit sent a comment without an id.")
    body_text = data.get("body")
    deleted = isinstance(body_text, str) and body_text.strip() in DELETED_BODIES
    edited = data.get("edited")
    distinguished = data.get("distinguished")
    return Comment(
        id=comment_id,
        author=_author(data.get("author")),
        created=_time(data.get("created_utc")),
        body=_html_body(data.get("body_html")) or _plain(body_text),
        deleted=deleted,
        score=None if data.get("score_hidden") is True else _int(data.get("score")),
        stickied=data.get("stickied") is True,
        distinguished=_text(distinguished) or None if isinstance(distinguished, str) else None,
        edited=_time(edited) if edited is not False else None,
    )


def _plain(value: Any) -> Body:
    """A body from the Markdown source when there is no HTML (shown as written)."""
    text = _text(value).strip()
    return html_to_body(f"<p>{html.escape(text)}</p>") if text else ()


def stub_from_more(data: dict[str, Any], parent: str) -> Comment:
    """A `more` thing as a stub node under `parent` (a comment id or the thread id)."""
    ids = data.get("children")
    child_ids = tuple(_text(i) for i in ids if isinstance(i, str)) if isinstance(ids, list) else ()
    count = _int(data.get("count")) or 0
    is_continue = data.get("id") == "_" or (count == 0 and not child_ids)
    more = MoreStub(count=max(count, len(child_ids)), ids=child_ids, continue_thread=is_continue)
    return Comment(id=stub_id(parent), author=None, created=None, more=more)


def flat_replies(things: list[Any], thread_id: str) -> list[LoadedReply]:
    """Comments and stubs of a listing (nested or flat) as a flat list, parents first.

    Each carries the parent Reddit names (`parent_id`), `None` for the post itself.
    """
    out: list[LoadedReply] = []
    stack: list[Any] = list(reversed(things))
    while stack:
        thing = stack.pop()
        data = _data(thing)
        parent = _short_id(data.get("parent_id"))
        parent = None if parent == thread_id else parent
        kind = thing.get("kind") if isinstance(thing, dict) else None
        if kind == "more":
            out.append(LoadedReply(stub_from_more(data, parent or thread_id), parent))
        elif kind == "t1":
            try:
                comment = comment_from_t1(data)
            except BadResponse:
                continue
            out.append(LoadedReply(comment, parent))
            stack.extend(reversed(_children(data.get("replies"))))
    return out


def build_tree(thread: Thread, replies: list[LoadedReply]) -> None:
    """Nest a flat list into `thread.comments` (first load: nothing to splice around)."""
    nodes: dict[str, Comment] = {}
    for reply in replies:
        comment = reply.comment
        if comment.id in nodes:
            continue  # a repeated id would make the tree a graph
        parent = nodes.get(reply.parent_id) if reply.parent_id is not None else None
        (thread.comments if parent is None else parent.children).append(comment)
        nodes[comment.id] = comment


def thread_from_listing(payload: Any) -> Thread:
    """The thread from `/comments/ID.json`: `[post listing, comment listing]`.

    Raises:
        BadResponse: when the payload is not that shape.
    """
    if not isinstance(payload, list) or len(payload) < 2:
        raise BadResponse("Reddit sent something that is not a thread.")
    posts = _children(payload[0])
    post = _data(posts[0]) if posts else {}
    thread_id = _text(post.get("id"))
    if not thread_id:
        raise BadResponse("Reddit sent a thread without its post.")
    is_self = post.get("is_self") is True
    subreddit = _text(post.get("subreddit"))
    thread = Thread(
        source="reddit",
        id=thread_id,
        title=_text(post.get("title")) or "(untitled)",
        url=None if is_self else (_text(post.get("url")) or None),
        author=_author(post.get("author")),
        points=_int(post.get("score")),
        created=_time(post.get("created_utc")),
        body=_html_body(post.get("selftext_html")),
        expected_count=_int(post.get("num_comments")),
        tags=(f"r/{subreddit}",) if subreddit else (),
    )
    build_tree(thread, flat_replies(_children(payload[1]), thread_id))
    return thread


def morechildren_things(payload: Any) -> list[Any]:
    """The flat `things` of a `/api/morechildren` answer.

    Raises:
        BadResponse: for an answer with errors or without things.
    """
    body = payload.get("json") if isinstance(payload, dict) else None
    errors = body.get("errors") if isinstance(body, dict) else None
    things = _data(body).get("things") if isinstance(body, dict) else None
    if errors:
        raise BadResponse(f"Reddit refused to load more comments ({_text(str(errors))[:200]}).")
    if not isinstance(things, list):
        raise BadResponse("Reddit's answer for more comments has no comments in it.")
    return things
