"""What the user asked to open: an HN URL, an id, `hn:ID`, or a saved `.json` file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from fetchers.errors import BadTarget

_HN_HOSTS = {"news.ycombinator.com"}


@dataclass(frozen=True, slots=True)
class ItemTarget:
    """A thread on a site, by item id (story or comment)."""

    site: str
    item_id: str


@dataclass(frozen=True, slots=True)
class FileTarget:
    """A thread saved in a JSON file."""

    path: Path


Target = ItemTarget | FileTarget


def parse_target(text: str) -> Target:
    """Understand `URL|ID|hn:ID|FILE.json`. Raises `BadTarget` with a readable sentence."""
    value = text.strip()
    if re.fullmatch(r"\d{1,12}", value):
        return ItemTarget("hackernews", str(int(value)))
    if match := re.fullmatch(r"hn:(\d{1,12})", value, re.IGNORECASE):
        return ItemTarget("hackernews", str(int(match[1])))
    if "://" not in value and (value.lower().endswith(".json") or Path(value).is_file()):
        return FileTarget(Path(value))
    url = urlparse(value if "://" in value else f"https://{value}")
    if url.hostname in _HN_HOSTS:
        ids = parse_qs(url.query).get("id", [])
        if url.path.rstrip("/") == "/item" and ids and re.fullmatch(r"\d{1,12}", ids[0]):
            return ItemTarget("hackernews", str(int(ids[0])))
        raise BadTarget(f"{text!r} is a Hacker News address without an item id (…/item?id=N).")
    raise BadTarget(
        f"Don't know how to open {text!r}: give an HN item URL, an id, hn:ID or a .json file."
    )
