"""Hacker News threads: Algolia in one request, Firebase item by item as the fallback."""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx

from fetchers.config import hn_algolia_url, hn_firebase_url
from fetchers.errors import BadResponse, BadTarget, FetchError, NotFound
from fetchers.hn_items import (
    STORY_TYPES,
    comment_from_item,
    item_id,
    thread_from_algolia,
    thread_from_firebase_story,
)
from fetchers.http import get_json
from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget, Site
from threads.model import Comment, Thread

FIREBASE_CONCURRENCY = 8  # httpx slows down past ~10 in flight (bench/bench_firebase.py)
MAX_PARENT_HOPS = 10_000  # a comment's chain up to its story; guards against parent cycles
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


async def fetch_target(
    client: httpx.AsyncClient, target: ItemTarget, *, progress: ProgressCallback | None = None
) -> Thread:
    """`fetch_thread` for a registry target."""
    return await fetch_thread(client, target.item_id, progress=progress)


async def fetch_thread(
    client: httpx.AsyncClient,
    story_or_comment_id: str,
    *,
    progress: ProgressCallback | None = None,
) -> Thread:
    """The whole thread containing an item. A comment id opens its story, focused on it.

    Tries Algolia first (one request); on any failure (an error, a timeout, an item too
    new to be indexed) falls back to Firebase, which returns one item per request but in
    HN's own order. Firebase's error, if it fails too, is the one the reader sees.
    """
    try:
        return await fetch_thread_algolia(client, story_or_comment_id)
    except FetchError:
        return await fetch_thread_firebase(client, story_or_comment_id, progress=progress)


async def fetch_thread_algolia(client: httpx.AsyncClient, wanted_id: str) -> Thread:
    """The thread from Algolia's `items` endpoint (following a comment up to its story)."""
    data = await get_json(
        client, f"{hn_algolia_url()}/items/{wanted_id}", site="Hacker News (Algolia)"
    )
    if not isinstance(data, dict):
        raise BadResponse("Hacker News (Algolia) sent something that is not an item.")
    if data.get("type") in STORY_TYPES or data.get("parent_id") is None:
        return thread_from_algolia(data)
    story_id = data.get("story_id")
    if not isinstance(story_id, int | str) or str(story_id) == wanted_id:
        raise BadResponse(f"Hacker News (Algolia) gave comment {wanted_id} no story.")
    story = await get_json(
        client, f"{hn_algolia_url()}/items/{story_id}", site="Hacker News (Algolia)"
    )
    thread = thread_from_algolia(story)
    thread.focus_id = wanted_id
    return thread


async def _firebase_item(client: httpx.AsyncClient, wanted_id: str) -> dict[str, Any] | None:
    data = await get_json(client, f"{hn_firebase_url()}/item/{wanted_id}.json", site="Hacker News")
    if data is None:
        return None  # Firebase answers `null` for ids it does not have
    if not isinstance(data, dict):
        raise BadResponse(f"Hacker News sent something that is not an item for {wanted_id}.")
    return data


async def _firebase_story(
    client: httpx.AsyncClient, wanted_id: str
) -> tuple[dict[str, Any], str | None]:
    """The story item for `wanted_id`, walking `parent` links up from a comment."""
    item = await _firebase_item(client, wanted_id)
    focus: str | None = None
    seen: set[str] = set()
    while item is not None and item.get("type") == "comment":
        focus = focus or wanted_id
        parent = item.get("parent")
        current = item_id(item)
        if current in seen or len(seen) > MAX_PARENT_HOPS or parent is None:
            raise BadResponse(f"Hacker News item {wanted_id} has a broken chain of parents.")
        seen.add(current)
        item = await _firebase_item(client, str(parent))
    if item is None:
        raise NotFound(f"Hacker News has no item {wanted_id}.")
    return item, focus


async def fetch_thread_firebase(
    client: httpx.AsyncClient,
    wanted_id: str,
    *,
    progress: ProgressCallback | None = None,
    concurrency: int = FIREBASE_CONCURRENCY,
) -> Thread:
    """The thread from the official Firebase API: the story, then every comment.

    Comments load breadth-first with at most `concurrency` requests in flight; each one's
    replies keep `kids` order. Deleted items stay as placeholders so their replies survive;
    items that come back `null` or broken are counted in `Thread.missing`.
    """
    story, focus = await _firebase_story(client, wanted_id)
    thread = thread_from_firebase_story(story)
    thread.focus_id = focus
    loader = _FirebaseTreeLoader(client, concurrency, thread.expected_count, progress)
    thread.comments = await loader.load(story.get("kids"), seen={thread.id})
    thread.missing = loader.missing
    if loader.failure is not None and not thread.comments and loader.missing:
        raise loader.failure  # nothing but the story arrived: better to offer a retry
    return thread


Slots = list[Comment | None]
"""A parent's replies in `kids` order; `None` until loaded (or when the item is gone)."""


class _FirebaseTreeLoader:
    """Loads comment items with a fixed pool of workers, keeping the tree and its order.

    Each parent gets a list of slots in `kids` order, filled as items arrive in any order,
    so one slow item never holds up the rest. After the first network failure no further
    requests are made: what loaded is kept and the rest is counted as missing.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        concurrency: int,
        expected: int | None,
        progress: ProgressCallback | None,
    ) -> None:
        self._client = client
        self._workers = max(1, concurrency)
        self._expected = expected
        self._progress = progress
        self._queue: asyncio.Queue[tuple[str, Slots, int]] = asyncio.Queue()
        self._slots: list[tuple[Comment | None, Slots]] = []
        self._seen: set[str] = set()
        self.failure: FetchError | None = None
        self.loaded = 0
        self.missing = 0

    def _schedule(self, kids: Any, slots: Slots) -> None:
        for kid in _kid_ids(kids):
            if kid in self._seen:  # a cycle or a repeated id: keep the tree a tree
                continue
            self._seen.add(kid)
            slots.append(None)
            self._queue.put_nowait((kid, slots, len(slots) - 1))

    async def _fetch(self, kid: str) -> dict[str, Any] | None:
        if self.failure is not None:
            return None
        try:
            return await _firebase_item(self._client, kid)
        except (BadResponse, NotFound):
            return None
        except FetchError as error:
            self.failure = error
            return None

    async def _work(self) -> None:
        while True:
            kid, slots, index = await self._queue.get()
            try:
                item = await self._fetch(kid)
                comment = self._to_comment(item)
                if comment is not None and item is not None:
                    slots[index] = comment
                    child_slots: Slots = []
                    self._slots.append((comment, child_slots))
                    self._schedule(item.get("kids"), child_slots)
                self.loaded += 1
                if self._progress is not None:
                    self._progress(self.loaded, self._expected)
            finally:
                self._queue.task_done()

    async def load(self, kids: Any, *, seen: set[str]) -> list[Comment]:
        self._seen |= seen
        roots: Slots = []
        self._schedule(kids, roots)
        workers = [asyncio.create_task(self._work()) for _ in range(self._workers)]
        try:
            await self._queue.join()
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        for comment, child_slots in self._slots:
            if comment is not None:
                comment.children = [c for c in child_slots if c is not None]
        return [c for c in roots if c is not None]

    def _to_comment(self, item: dict[str, Any] | None) -> Comment | None:
        if item is None:
            self.missing += 1
            return None
        try:
            return comment_from_item(item, author_key="by", time_key="time")
        except BadResponse:
            self.missing += 1
            return None


def _kid_ids(kids: Any) -> list[str]:
    if not isinstance(kids, list):
        return []
    return [str(k) for k in kids if isinstance(k, int | str) and not isinstance(k, bool)]


SITE = Site("hackernews", "Hacker News", recognise_hackernews, fetch_target)
