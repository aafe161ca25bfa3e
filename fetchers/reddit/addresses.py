"""What a Reddit address looks like, and where Reddit's APIs are.

Accepted: `https://www.reddit.com/r/SUB/comments/ID/slug/`, the same on `old.`, `np.`,
`new.`, `m.` or bare `reddit.com`, `/comments/ID/`, `redd.it/ID`, `reddit:ID`, and a
comment permalink (`…/comments/ID/slug/COMMENT/`, or `…/comments/ID/comment/COMMENT/`)
which opens focused on that comment. `?sort=top` in the address picks the order.
"""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlparse

from fetchers.errors import BadTarget
from fetchers.site import ItemTarget

REDDIT_DEFAULT = "https://www.reddit.com"
OAUTH_DEFAULT = "https://oauth.reddit.com"
SORTS = ("confidence", "top", "new", "controversial", "old", "qa")
"""Comment orders Reddit offers for a thread (`confidence` is its "best")."""

_ID = re.compile(r"[a-z0-9]{1,13}")
_SHORT_HOSTS = {"redd.it", "www.redd.it"}


def reddit_url() -> str:
    """Base of Reddit's public JSON API and token endpoint (`THREADREADER_REDDIT_URL`)."""
    return os.environ.get("THREADREADER_REDDIT_URL", REDDIT_DEFAULT).rstrip("/")


def oauth_url() -> str:
    """Base of Reddit's OAuth API (`THREADREADER_REDDIT_OAUTH_URL`)."""
    return os.environ.get("THREADREADER_REDDIT_OAUTH_URL", OAUTH_DEFAULT).rstrip("/")


def _is_reddit_host(host: str | None) -> bool:
    return host is not None and (host == "reddit.com" or host.endswith(".reddit.com"))


def _base36(value: str) -> str | None:
    value = value.lower()
    return value if _ID.fullmatch(value) else None


def recognise_reddit(text: str) -> ItemTarget | None:
    """The thread a Reddit address names, `None` for other sites' addresses.

    Raises:
        BadTarget: for a Reddit address that names no thread (a subreddit, a user page).
    """
    if match := re.fullmatch(r"reddit:([A-Za-z0-9]+)(?:/([A-Za-z0-9]+))?", text, re.IGNORECASE):
        thread_id, focus = _base36(match[1]), match[2] and _base36(match[2])
        if thread_id is None or (match[2] and focus is None):
            raise BadTarget(f"{text!r} is not a Reddit thread id (reddit:ID, e.g. reddit:3hahrw).")
        return ItemTarget("reddit", thread_id, focus or None)
    url = urlparse(text if "://" in text else f"https://{text}")
    host = (url.hostname or "").lower()
    parts = [part for part in url.path.split("/") if part]
    sort = _sort_from_query(url.query)
    if host in _SHORT_HOSTS:
        thread_id = _base36(parts[0]) if len(parts) == 1 else None
        if thread_id is None:
            raise BadTarget(f"{text!r} is a redd.it address without a thread id (redd.it/ID).")
        return ItemTarget("reddit", thread_id, sort=sort)
    if not _is_reddit_host(host):
        return None
    return _from_path(text, parts, sort)


def _from_path(text: str, parts: list[str], sort: str | None) -> ItemTarget:
    if "comments" in parts:
        at = parts.index("comments")
        rest = parts[at + 1 :]
        thread_id = _base36(rest[0]) if rest else None
        focus = _base36(rest[2]) if len(rest) >= 3 else None
        if thread_id is not None and (len(rest) < 3 or focus is not None):
            return ItemTarget("reddit", thread_id, focus, sort)
    if len(parts) >= 3 and parts[0] == "r" and parts[2] == "s":
        raise BadTarget(
            f"{text!r} is a Reddit share link: open it in a browser and use the address "
            "it leads to (…/comments/ID/…)."
        )
    raise BadTarget(f"{text!r} is a Reddit address but not a thread (…/comments/ID/…).")


def _sort_from_query(query: str) -> str | None:
    values = parse_qs(query).get("sort", [])
    return values[0].lower() if values and values[0].lower() in SORTS else None
