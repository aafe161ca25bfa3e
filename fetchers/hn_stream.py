"""A whole thread from Firebase alone, streamed: top-level comments in HN's order as
soon as each has arrived with all its replies.

Used when Algolia is down or does not have the story. Items are fetched most urgent
first, the urgency of an item being its top-level comment's rank, so the first top-level
comments complete first and the reader has something to read long before the last of
2,000 items arrives.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import httpx

from fetchers.hn_firebase import FirebasePool, Item, SubtreeDone, SubtreeLoader, kid_ids
from fetchers.hn_items import thread_from_firebase_story
from fetchers.load_steps import LoadStep
from threads.model import Comment
from threads.tree_changes import AddNote, CountMissing, Insert, TreeChange

STEP_INTERVAL = 0.1  # seconds between batches after the first comment


class _InOrder:
    """Hands over top-level comments in rank order as their subtrees complete."""

    def __init__(self, deliver: Callable[[Comment], None]) -> None:
        self._deliver = deliver
        self._results: list[Comment | None] = []
        self._arrived: list[bool] = []
        self._next = 0
        self.delivered = 0

    def slot(self) -> SubtreeDone:
        index = len(self._results)
        self._results.append(None)
        self._arrived.append(False)

        def done(comment: Comment | None) -> None:
            self._results[index] = comment
            self._arrived[index] = True
            while self._next < len(self._arrived) and self._arrived[self._next]:
                ready = self._results[self._next]
                self._results[self._next] = None  # the reader owns it now
                if ready is not None:
                    self._deliver(ready)
                    self.delivered += 1
                self._next += 1

        return done


async def stream_firebase_thread(
    client: httpx.AsyncClient,
    story: Item,
    focus: str | None,
    *,
    concurrency: int,
    interval: float = STEP_INTERVAL,
) -> AsyncIterator[LoadStep]:
    """The story at once (no comments yet), then `Insert`s of top-level comments in order.

    Deleted items stay as placeholders so their replies survive; items that come back
    `null` or broken are counted missing. After a network failure no more requests are
    made; if nothing at all could be loaded, the failure is raised instead.
    """
    thread = thread_from_firebase_story(story)
    thread.focus_id = focus
    yield LoadStep(thread=thread, phase="loading", total=thread.expected_count)
    pool = FirebasePool(client, concurrency)
    loader = SubtreeLoader(pool, seen={thread.id})
    in_order = _InOrder(lambda comment: pool.changes.append(Insert(None, comment)))
    for rank, kid in enumerate(kid_ids(story)):
        if kid not in loader.seen:
            loader.load(kid, rank, in_order.slot())

    def progress() -> tuple[int, int | None]:
        return pool.handled, thread.expected_count

    async for step in pool.steps("loading", progress, interval):
        yield step
    if pool.failure is not None and not in_order.delivered and loader.missing:
        raise pool.failure  # nothing but the story arrived: better to offer a retry
    changes: list[TreeChange] = list(pool.take_changes())
    if loader.missing:
        changes.append(CountMissing(loader.missing))
    if pool.failure is not None:
        changes.append(AddNote(f"Loading stopped part-way: {pool.failure}"))
    yield LoadStep(
        changes=tuple(changes),
        done=pool.handled,
        total=thread.expected_count,
        requests=pool.requests,
    )
