"""HN's official Firebase API: one item per request, fetched by a bounded pool of workers.

`FirebasePool` fetches items most-urgent-first with a fixed number of requests in flight;
`SubtreeLoader` builds whole subtrees on top of it and says when each one is complete.
Both the Firebase-only load and the settling of an Algolia thread use them.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx

from fetchers.config import hn_firebase_url
from fetchers.errors import BadResponse, FetchError, NotFound
from fetchers.hn_items import comment_from_item, item_id
from fetchers.http import get_json
from fetchers.load_steps import LoadStep, Phase
from threads.model import Comment
from threads.tree_changes import TreeChange

FIREBASE_CONCURRENCY = 8  # httpx slows down past ~10 in flight (bench/bench_firebase.py)
MAX_PARENT_HOPS = 10_000  # a comment's chain up to its story; guards against parent cycles

Item = dict[str, Any]
ItemHandler = Callable[[Item | None], None]
"""Called with the item, or `None` when it is null, broken or could not be fetched."""


async def firebase_item(client: httpx.AsyncClient, wanted_id: str) -> Item | None:
    """One item; `None` when Firebase answers `null` (it has no such id)."""
    data = await get_json(client, f"{hn_firebase_url()}/item/{wanted_id}.json", site="Hacker News")
    if data is None:
        return None
    if not isinstance(data, dict):
        raise BadResponse(f"Hacker News sent something that is not an item for {wanted_id}.")
    return data


async def firebase_story(
    client: httpx.AsyncClient, wanted_id: str, item: Item | None
) -> tuple[Item, str | None]:
    """The story item for `wanted_id` (whose own item is `item`), walking `parent` links up
    from a comment. Returns the story and the comment to focus (`None` for a story)."""
    focus: str | None = None
    seen: set[str] = set()
    while item is not None and item.get("type") == "comment":
        focus = focus or wanted_id
        parent = item.get("parent")
        current = item_id(item)
        if current in seen or len(seen) > MAX_PARENT_HOPS or parent is None:
            raise BadResponse(f"Hacker News item {wanted_id} has a broken chain of parents.")
        seen.add(current)
        item = await firebase_item(client, str(parent))
    if item is None:
        raise NotFound(f"Hacker News has no item {wanted_id}.")
    return item, focus


def kid_ids(item: Item | None) -> list[str]:
    """An item's `kids` as strings, in HN's rank order (junk entries dropped)."""
    kids = item.get("kids") if item is not None else None
    if not isinstance(kids, list):
        return []
    return [str(k) for k in kids if isinstance(k, int | str) and not isinstance(k, bool)]


class FirebasePool:
    """Fetches items with `concurrency` workers, lowest urgency number first.

    After the first network failure no further requests are made: every item still
    queued is handed over as `None` and `failure` says why. An item that is `null` or
    malformed is `None` too, without stopping the rest.
    """

    def __init__(self, client: httpx.AsyncClient, concurrency: int) -> None:
        self._client = client
        self._workers = max(1, concurrency)
        self._queue: asyncio.PriorityQueue[tuple[int, int, str, ItemHandler]] = (
            asyncio.PriorityQueue()
        )
        self._order = itertools.count()  # equal urgency: first asked, first fetched
        self.failure: FetchError | None = None
        self.requests = 0
        """Requests actually made."""
        self.queued = 0
        """Items asked for so far."""
        self.handled = 0
        """Items whose handler has run."""
        self.activity = asyncio.Event()
        """Set whenever an item has been handled (the consumer clears it)."""
        self.changes: list[TreeChange] = []
        """Changes for the reader that handlers produced, not yet taken."""

    def get(self, wanted_id: str, urgency: int, then: ItemHandler) -> None:
        """Queue a fetch; `then` is called with the result on the event loop."""
        self.queued += 1
        self._queue.put_nowait((urgency, next(self._order), wanted_id, then))

    async def _fetch(self, wanted_id: str) -> Item | None:
        if self.failure is not None:
            return None
        self.requests += 1
        try:
            return await firebase_item(self._client, wanted_id)
        except (BadResponse, NotFound):
            return None
        except FetchError as error:
            self.failure = error
            return None

    async def _work(self) -> None:
        while True:
            _, _, wanted_id, then = await self._queue.get()
            try:
                then(await self._fetch(wanted_id))
                self.handled += 1
                self.activity.set()
            finally:
                self._queue.task_done()

    async def run(self) -> None:
        """Fetch until nothing is queued (handlers may queue more)."""
        workers = [asyncio.create_task(self._work()) for _ in range(self._workers)]
        joined = asyncio.create_task(self._queue.join())
        try:
            await asyncio.wait([joined, *workers], return_when=asyncio.FIRST_COMPLETED)
            for worker in workers:  # a worker only ends by a bug in a handler: raise it
                if worker.done():
                    worker.result()
        finally:
            for task in (joined, *workers):
                task.cancel()
            await asyncio.gather(joined, *workers, return_exceptions=True)

    async def steps(
        self, phase: Phase, progress: Callable[[], tuple[int, int | None]], interval: float
    ) -> AsyncIterator[LoadStep]:
        """Run the pool, yielding the changes `take_changes` collects as they come.

        The first change goes out at once (a reader waits for it); later ones are
        gathered for `interval` seconds, so a screen applying them is not flooded.
        `progress` gives (done, total) for each step.
        """
        runner = asyncio.create_task(self.run())
        last = -interval
        try:
            while not runner.done():
                self.activity.clear()
                waiter = asyncio.create_task(self.activity.wait())
                await asyncio.wait([runner, waiter], return_when=asyncio.FIRST_COMPLETED)
                waiter.cancel()
                wait_more = last + interval - asyncio.get_running_loop().time()
                if wait_more > 0 and not runner.done():
                    await asyncio.wait([runner], timeout=wait_more)
                if runner.done():
                    break
                last = asyncio.get_running_loop().time()
                done, total = progress()
                yield LoadStep(
                    changes=self.take_changes(),
                    phase=phase,
                    done=done,
                    total=total,
                    requests=self.requests,
                )
            runner.result()
        finally:
            runner.cancel()
            await asyncio.gather(runner, return_exceptions=True)

    def take_changes(self) -> tuple[TreeChange, ...]:
        """The changes handlers have produced since the last call."""
        changes, self.changes = tuple(self.changes), []
        return changes


SubtreeDone = Callable[[Comment | None], None]
"""Called once per subtree root when the root and all its replies have been handled
(`None` when the root itself could not be loaded)."""


class _Subtree:
    """The bookkeeping of one subtree being loaded."""

    def __init__(self, done: SubtreeDone) -> None:
        self.done = done
        self.pending = 1
        self.root: Comment | None = None
        self.slots: list[tuple[Comment, list[Comment | None]]] = []


class SubtreeLoader:
    """Loads comments with all their replies through a pool, keeping `kids` order.

    Each parent gets slots in `kids` order, filled as items arrive in any order, so one
    slow item never holds up the rest. Ids in `seen` (and every id loaded) are never loaded
    twice, which keeps the tree a tree whatever the `kids` say.
    """

    def __init__(self, pool: FirebasePool, seen: set[str]) -> None:
        self._pool = pool
        self.seen = seen
        """Every id loaded or being loaded, and the ids it was told to leave alone."""
        self.missing = 0
        self.loaded = 0

    def load(self, wanted_id: str, urgency: int, done: SubtreeDone) -> bool:
        """Start loading a subtree; `False` (and no call of `done`) for an id already seen."""
        if wanted_id in self.seen:
            return False
        self.seen.add(wanted_id)
        subtree = _Subtree(done)
        self._pool.get(wanted_id, urgency, self._handler(subtree, None, urgency))
        return True

    def _handler(
        self, subtree: _Subtree, slot: tuple[list[Comment | None], int] | None, urgency: int
    ) -> ItemHandler:
        def handle(item: Item | None) -> None:
            comment = self._comment(item)
            if comment is not None:
                self.loaded += 1
                if slot is None:
                    subtree.root = comment
                else:
                    slot[0][slot[1]] = comment
                replies: list[Comment | None] = []
                subtree.slots.append((comment, replies))
                for kid in kid_ids(item):
                    if kid in self.seen:
                        continue
                    self.seen.add(kid)
                    replies.append(None)
                    subtree.pending += 1
                    handler = self._handler(subtree, (replies, len(replies) - 1), urgency)
                    self._pool.get(kid, urgency, handler)
            subtree.pending -= 1
            if subtree.pending == 0:
                for parent, replies in subtree.slots:
                    parent.children = [c for c in replies if c is not None]
                subtree.done(subtree.root)

        return handle

    def _comment(self, item: Item | None) -> Comment | None:
        if item is None:
            self.missing += 1
            return None
        try:
            return comment_from_item(item, author_key="by", time_key="time")
        except BadResponse:
            self.missing += 1
            return None
