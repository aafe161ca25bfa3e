"""Links of a comment: numbered for the picker, checked before opening, and links that
point into the thread itself (another comment of the same HN thread)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from threads.model import Comment, Thread

OPENABLE_SCHEMES = ("http", "https")
_HN_ITEM_HOSTS = ("news.ycombinator.com",)


@dataclass(frozen=True, slots=True)
class Link:
    """One link of a comment, numbered from 1 in reading order."""

    number: int
    url: str
    text: str
    """What the link looks like in the body (may differ from the URL)."""


def comment_links(comment: Comment) -> list[Link]:
    """Every distinct link target in a comment (anchors, bare URLs, footnote URLs)."""
    found: dict[str, str] = {}
    for block in comment.body:
        for span in block.spans:
            if span.href and span.href not in found:
                found[span.href] = span.text
    return [Link(number, url, text) for number, (url, text) in enumerate(found.items(), start=1)]


def is_openable(url: str) -> bool:
    """Only web links are handed to a browser (`javascript:`, `file:` etc. are not)."""
    return urlparse(url).scheme.lower() in OPENABLE_SCHEMES


def linked_item_id(url: str) -> str | None:
    """The item id of a Hacker News item URL (`news.ycombinator.com/item?id=N`), else None."""
    parsed = urlparse(url)
    if (parsed.hostname or "").lower() not in _HN_ITEM_HOSTS or parsed.path.rstrip("/") != "/item":
        return None
    ids = parse_qs(parsed.query).get("id", [])
    return ids[0] if ids and re.fullmatch(r"\d{1,12}", ids[0]) else None


def in_thread_target(thread: Thread, url: str) -> str | None:
    """The id of a comment of this thread that `url` points to (the story id counts)."""
    item = linked_item_id(url)
    if item is None or thread.source != "hackernews":
        return None
    if item == thread.id or thread.get(item) is not None:
        return item
    return None


def permalink(thread: Thread, comment: Comment | None = None) -> str:
    """The web address of a comment (or of the story)."""
    item = comment.id if comment is not None else thread.id
    if thread.source == "hackernews":
        return f"https://news.ycombinator.com/item?id={item}"
    if comment is not None and comment.url:
        return comment.url
    return thread.discussion_url or thread.url or ""
