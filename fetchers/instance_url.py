"""Addresses of instance-based sites (Discourse, Lemmy, Mastodon): the host is in the URL.

The path decides which site a URL belongs to; `site:URL` forces one. The target keeps a
canonical `origin/...` URL so the fetcher knows the host (http is kept as given, so a
local test server works as is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from fetchers.errors import BadTarget


@dataclass(frozen=True, slots=True)
class WebAddress:
    """An http(s) URL taken apart."""

    origin: str
    """`scheme://host[:port]`, lower-cased."""
    segments: tuple[str, ...]
    """The non-empty path segments."""
    query: str
    fragment: str


def web_address(text: str) -> WebAddress | None:
    """`text` as an http(s) URL (no scheme means https), or `None`."""
    value = text.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
        if " " in value or "." not in value.split("/")[0]:
            return None  # only `host.name/...` is taken for a URL without a scheme
        value = f"https://{value}"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    origin = f"{parts.scheme.lower()}://{host}" + (f":{port}" if port else "")
    segments = tuple(segment for segment in parts.path.split("/") if segment)
    return WebAddress(origin, segments, parts.query, parts.fragment)


def forced(text: str, prefix: str) -> str | None:
    """The URL after `prefix:` (case-insensitive), or `None` when the text lacks it."""
    value = text.strip()
    if value.lower().startswith(f"{prefix}:") and not value.lower().startswith(f"{prefix}://"):
        return value[len(prefix) + 1 :].strip()
    return None


def split_item_url(item_url: str) -> tuple[str, str]:
    """`origin/kind/ID` (a target's canonical URL) -> (origin, ID)."""
    origin, _, item = item_url.rpartition("/")
    return origin.rsplit("/", 1)[0], item


def not_a_thread(text: str, label: str, forms: str) -> BadTarget:
    """The usage error for an address forced to a site that names no thread there."""
    return BadTarget(f"{text!r} is not a {label} thread address ({forms}).")
