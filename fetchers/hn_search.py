"""Hacker News story search through Algolia (`GET /search?query=Q&tags=story`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx

from fetchers.config import hn_algolia_url
from fetchers.errors import BadResponse
from fetchers.hn_items import int_or_none, str_or_none, timestamp
from fetchers.http import get_json
from threads.sanitize import clean_text
from threads.stories import StorySummary

PAGE_SIZE = 30


def summary_from_hit(hit: dict[str, Any]) -> StorySummary | None:
    """A list row from an Algolia search hit (`None` for a hit without an id)."""
    story_id = hit.get("objectID") or hit.get("story_id")
    if not isinstance(story_id, str | int) or isinstance(story_id, bool):
        return None
    return StorySummary(
        id=clean_text(str(story_id)),
        title=clean_text(hit.get("title") or "") or "(untitled)",
        url=str_or_none(hit.get("url")),
        author=str_or_none(hit.get("author")),
        points=int_or_none(hit.get("points")),
        comment_count=int_or_none(hit.get("num_comments")),
        created=timestamp(hit.get("created_at_i")),
    )


async def search_stories(
    client: httpx.AsyncClient, query: str, *, page: int = 0
) -> list[StorySummary]:
    """Stories matching `query`, best first (Algolia's relevance, then points)."""
    params = urlencode({"query": query, "tags": "story", "hitsPerPage": PAGE_SIZE, "page": page})
    data = await get_json(client, f"{hn_algolia_url()}/search?{params}", site="Hacker News search")
    hits = data.get("hits") if isinstance(data, dict) else None
    if not isinstance(hits, list):
        raise BadResponse("Hacker News search sent a response without a list of hits.")
    rows = [summary_from_hit(hit) for hit in hits if isinstance(hit, dict)]
    return [row for row in rows if row is not None]
