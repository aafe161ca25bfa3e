"""What a Hacker News thread address looks like."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from fetchers.errors import BadTarget
from fetchers.site import ItemTarget

_HN_HOSTS = {"news.ycombinator.com"}


def recognise_hackernews(text: str) -> ItemTarget | None:
    """`26312516`, `hn:26312516` or `https://news.ycombinator.com/item?id=26312516`."""
    if re.fullmatch(r"\d{1,12}", text):
        return ItemTarget("hackernews", str(int(text)))
    if match := re.fullmatch(r"hn:(\d{1,12})", text, re.IGNORECASE):
        return ItemTarget("hackernews", str(int(match[1])))
    url = urlparse(text if "://" in text else f"https://{text}")
    if url.hostname not in _HN_HOSTS:
        return None
    ids = parse_qs(url.query).get("id", [])
    if url.path.rstrip("/") == "/item" and ids and re.fullmatch(r"\d{1,12}", ids[0]):
        return ItemTarget("hackernews", str(int(ids[0])))
    raise BadTarget(f"{text!r} is a Hacker News address without an item id (…/item?id=N).")
