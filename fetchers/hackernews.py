"""Hacker News threads: Algolia's tree at once, settled into HN's own order from Firebase;
Firebase alone, streamed, when Algolia fails."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass
from typing import Any

import httpx

from fetchers.config import hn_algolia_url
from fetchers.errors import BadResponse, FetchError, NotFound
from fetchers.hn_firebase import FIREBASE_CONCURRENCY, firebase_item, firebase_story, kid_ids
from fetchers.hn_items import STORY_TYPES, int_or_none, item_id, thread_from_algolia
from fetchers.hn_settle import settle_thread
from fetchers.hn_stream import stream_firebase_thread
from fetchers.http import get_json
from fetchers.load_steps import LoadStep, final_thread
from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget, Site
from threads.model import Thread

__all__ = [
    "FIREBASE_CONCURRENCY",
    "SITE",
    "fetch_thread",
    "fetch_thread_firebase",
    "open_thread",
]


async def fetch_target(
    client: httpx.AsyncClient, target: ItemTarget, *, progress: ProgressCallback | None = None
) -> Thread:
    """`fetch_thread` for a registry target."""
    return await fetch_thread(client, target.item_id, progress=progress)


def open_target(
    client: httpx.AsyncClient, target: ItemTarget, *, settle: bool = True
) -> AsyncIterator[LoadStep]:
    """`open_thread` for a registry target."""
    return open_thread(client, target.item_id, settle=settle)


async def fetch_thread(
    client: httpx.AsyncClient,
    story_or_comment_id: str,
    *,
    progress: ProgressCallback | None = None,
    settle: bool = True,
) -> Thread:
    """The whole thread containing an item, all at once (see `open_thread`)."""
    return await final_thread(open_thread(client, story_or_comment_id, settle=settle), progress)


async def open_thread(
    client: httpx.AsyncClient,
    story_or_comment_id: str,
    *,
    settle: bool = True,
    concurrency: int = FIREBASE_CONCURRENCY,
) -> AsyncIterator[LoadStep]:
    """The thread containing an item, in steps. A comment id opens its story, focused on it.

    Algolia's tree and the story's Firebase item are asked for at the same time, so the
    first step is Algolia's thread with the top level already in HN's order. Unless
    `settle` is false, the steps that follow settle the rest (`fetchers/hn_settle.py`).
    When Algolia fails or lacks the item, Firebase finds the story; Algolia is asked for
    that story once more, and only if that fails too is the thread streamed from Firebase
    (`fetchers/hn_stream.py`; then Firebase's error is the one the reader sees).
    """
    first = await _first_paint(client, story_or_comment_id)
    made = first.requests
    if first.thread is not None:
        will_settle = settle and first.story is not None
        yield LoadStep(
            thread=first.thread, phase="ordering" if will_settle else "done", requests=made
        )
        if first.story is None or not will_settle:
            return
        steps = settle_thread(client, first.thread, first.story, concurrency=concurrency)
    else:
        assert first.story is not None
        steps = stream_firebase_thread(client, first.story, first.focus, concurrency=concurrency)
    async for step in steps:
        yield dataclasses.replace(step, requests=step.requests + made)


async def fetch_thread_firebase(
    client: httpx.AsyncClient,
    wanted_id: str,
    *,
    progress: ProgressCallback | None = None,
    concurrency: int = FIREBASE_CONCURRENCY,
) -> Thread:
    """The thread from Firebase alone (no Algolia request), all at once."""
    story, focus = await firebase_story(client, wanted_id, await firebase_item(client, wanted_id))
    steps = stream_firebase_thread(client, story, focus, concurrency=concurrency)
    return await final_thread(steps, progress)


@dataclass
class _FirstPaint:
    """What the first step shows, and what the rest of the load starts from."""

    thread: Thread | None
    """Algolia's thread, top level in HN's order; `None` when only Firebase has it."""
    story: dict[str, Any] | None
    """The story's Firebase item; `None` when Firebase failed (the thread has a note)."""
    focus: str | None = None
    """The comment asked for, when it was not the story."""
    requests: int = 0
    """Requests made so far."""


async def _first_paint(client: httpx.AsyncClient, wanted_id: str) -> _FirstPaint:
    tasks: list[asyncio.Task[Any]] = []

    def start(request: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        tasks.append(asyncio.create_task(request))
        return tasks[-1]

    try:
        algolia = start(_algolia_item(client, wanted_id))
        firebase = start(firebase_item(client, wanted_id))
        try:
            data = await algolia
        except FetchError:
            first = await _firebase_first(client, wanted_id, await firebase)
            first.requests += len(tasks)
            return first
        if data.get("type") in STORY_TYPES or data.get("parent_id") is None:
            first = await _with_firebase_story(data, firebase, None)
        else:
            story_id = data.get("story_id")
            if not isinstance(story_id, int | str) or str(story_id) == wanted_id:
                raise BadResponse(f"Hacker News (Algolia) gave comment {wanted_id} no story.")
            firebase.cancel()  # that was the comment's item; the story's is needed
            firebase = start(firebase_item(client, str(story_id)))
            algolia = start(_algolia_item(client, str(story_id)))
            try:
                data = await algolia
            except FetchError:
                story, _ = await firebase_story(client, str(story_id), await firebase)
                return _FirstPaint(None, story, wanted_id, len(tasks) + 1)
            first = await _with_firebase_story(data, firebase, wanted_id)
        first.requests += len(tasks)
        return first
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _firebase_first(
    client: httpx.AsyncClient, wanted_id: str, item: dict[str, Any] | None
) -> _FirstPaint:
    """Algolia failed: Firebase finds the story; Algolia is asked for it only if the
    reader asked for a comment (issue: a comment too new for Algolia)."""
    story, focus = await firebase_story(client, wanted_id, item)
    hops = 0 if focus is None else 1  # at least one more request walked up the parents
    if focus is not None:
        try:
            data = await _algolia_item(client, item_id(story))
        except FetchError:
            return _FirstPaint(None, story, focus, hops + 1)
        return _FirstPaint(_algolia_thread(data, story, None, focus), story, focus, hops + 1)
    return _FirstPaint(None, story, focus, hops)


async def _with_firebase_story(
    data: dict[str, Any], firebase: asyncio.Task[Any], focus: str | None
) -> _FirstPaint:
    try:
        story = await firebase
        if story is None:
            raise NotFound("Hacker News has no item for this story.")
    except FetchError as error:
        return _FirstPaint(_algolia_thread(data, None, error, focus), None, focus)
    return _FirstPaint(_algolia_thread(data, story, None, focus), story, focus)


def _algolia_thread(
    data: dict[str, Any],
    story: dict[str, Any] | None,
    error: FetchError | None,
    focus: str | None,
) -> Thread:
    """Algolia's thread with its top level in the order of the story's Firebase `kids`."""
    thread = thread_from_algolia(data)
    thread.focus_id = focus
    if story is None:
        thread.note = f"Replies are in Algolia's order (oldest first): {error}"
        return thread
    rank = {kid: index for index, kid in enumerate(kid_ids(story))}
    thread.comments.sort(key=lambda comment: rank.get(comment.id, len(rank)))
    thread.expected_count = int_or_none(story.get("descendants"))
    return thread


async def _algolia_item(client: httpx.AsyncClient, wanted_id: str) -> dict[str, Any]:
    data = await get_json(
        client, f"{hn_algolia_url()}/items/{wanted_id}", site="Hacker News (Algolia)"
    )
    if not isinstance(data, dict):
        raise BadResponse("Hacker News (Algolia) sent something that is not an item.")
    return data


SITE = Site("hackernews", "Hacker News", fetch_target, open_target)
