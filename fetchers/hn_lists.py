"""Hacker News story lists (top, new, best, ask, show, jobs) from Firebase."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from fetchers.config import hn_firebase_url
from fetchers.errors import BadResponse, NotFound
from fetchers.hn_items import int_or_none, item_id, str_or_none, timestamp
from fetchers.http import get_json
from threads.sanitize import clean_text
from threads.stories import StoryListKind, StorySummary

PAGE_SIZE = 30
LIST_ENDPOINTS: dict[StoryListKind, str] = {
    "top": "topstories",
    "new": "newstories",
    "best": "beststories",
    "ask": "askstories",
    "show": "showstories",
    "jobs": "jobstories",
}


def summary_from_firebase(item: dict[str, Any]) -> StorySummary:
    """A list row from a Firebase story item."""
    return StorySummary(
        id=item_id(item),
        title=clean_text(item.get("title") or "") or "(untitled)",
        url=str_or_none(item.get("url")),
        author=str_or_none(item.get("by")),
        points=int_or_none(item.get("score")),
        comment_count=int_or_none(item.get("descendants")),
        created=timestamp(item.get("time")),
    )


async def fetch_story_list(
    client: httpx.AsyncClient, kind: StoryListKind, *, offset: int = 0, limit: int = PAGE_SIZE
) -> list[StorySummary]:
    """One page of a front-page list, in the site's order. Items that fail are skipped."""
    ids = await get_json(
        client, f"{hn_firebase_url()}/{LIST_ENDPOINTS[kind]}.json", site="Hacker News"
    )
    if not isinstance(ids, list):
        raise BadResponse("Hacker News sent a story list that is not a list.")
    page = [str(i) for i in ids[offset : offset + limit] if isinstance(i, int | str)]
    gate = asyncio.Semaphore(8)

    async def one(story_id: str) -> StorySummary | None:
        async with gate:
            try:
                item = await get_json(
                    client, f"{hn_firebase_url()}/item/{story_id}.json", site="Hacker News"
                )
                return summary_from_firebase(item) if isinstance(item, dict) else None
            except (BadResponse, NotFound):
                return None

    rows = await asyncio.gather(*(one(i) for i in page))
    return [row for row in rows if row is not None]
