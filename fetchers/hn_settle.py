"""Settling an Algolia thread into Hacker News's own order, in the background.

Algolia gives the whole tree in one request but with replies in date order, dead
comments without their text and without the newest comments. Firebase has HN's order
(`kids`), the flags and every comment, one item per request. Settling asks Firebase only
for what can change what the reader sees:

- every comment with more than one reply (its `kids` order; a comment with 0 or 1 replies
  has nothing to order),
- every placeholder (Algolia strips deleted and dead comments alike; Firebase tells which,
  and has a dead comment's text),
- every id in those `kids` (or the story's) that Algolia did not have, with its subtree.

New comments under a comment with 0 or 1 replies in Algolia's copy are not looked for:
finding them would cost a request per comment. Work goes in reading order (the top of the
thread settles first) with bounded concurrency.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx

from fetchers.errors import BadResponse
from fetchers.hn_firebase import FirebasePool, Item, ItemHandler, SubtreeLoader, kid_ids
from fetchers.hn_items import comment_from_item
from fetchers.load_steps import LoadStep
from threads.model import Comment, Thread
from threads.tree_changes import AddNote, CountMissing, Insert, Refill, Reorder, TreeChange

STEP_INTERVAL = 0.25  # seconds between batches of changes after the first


class _Settler:
    """The settling of one thread: what to ask for, and what each answer changes."""

    def __init__(self, pool: FirebasePool, thread: Thread) -> None:
        self._pool = pool
        self._thread = thread
        self._loader = SubtreeLoader(pool, seen={thread.id, *thread.tree.position})

    @property
    def missing(self) -> int:
        return self._loader.missing

    def start(self, story: Item) -> None:
        top = self._thread.comments
        self._place_kids(None, [c.id for c in top], kid_ids(story), urgency=-1)
        for index, comment in enumerate(self._thread.tree.order):
            if len(comment.children) > 1 or comment.deleted:
                self._pool.get(comment.id, index, self._looked_at(comment, index))

    def _looked_at(self, comment: Comment, urgency: int) -> ItemHandler:
        def handle(item: Item | None) -> None:
            if item is None:
                return
            current = [c.id for c in comment.children]
            self._place_kids(comment.id, current, kid_ids(item), urgency)
            if comment.deleted and not item.get("deleted"):
                try:  # dead, not deleted: Firebase has its author and text
                    refill = comment_from_item(item, author_key="by", time_key="time")
                except BadResponse:
                    return
                self._pool.changes.append(Refill(refill))

        return handle

    def _place_kids(
        self, parent_id: str | None, current: list[str], kids: list[str], urgency: int
    ) -> None:
        """Reorder the replies Algolia has; fetch the ones it lacks, with their subtrees."""
        present = set(current)
        order = tuple(kids)
        if [k for k in kids if k in present] != [c for c in current if c in set(kids)]:
            self._pool.changes.append(Reorder(parent_id, order))

        def inserted(comment: Comment | None) -> None:
            if comment is not None:
                self._pool.changes.extend((Insert(parent_id, comment), Reorder(parent_id, order)))

        for kid in kids:
            if kid not in present:
                self._loader.load(kid, urgency, inserted)


async def settle_thread(
    client: httpx.AsyncClient,
    thread: Thread,
    story: Item,
    *,
    concurrency: int,
    interval: float = STEP_INTERVAL,
) -> AsyncIterator[LoadStep]:
    """Changes that put an Algolia `thread` in HN's order, in batches as answers come.

    `story` is the story's Firebase item (already fetched for the first paint). The last
    step has phase `done`; if Firebase fails part-way it carries an `AddNote` saying what
    stays in Algolia's order, and no further requests are made.
    """
    pool = FirebasePool(client, concurrency)
    settler = _Settler(pool, thread)
    settler.start(story)

    def progress() -> tuple[int, int | None]:
        return pool.handled, pool.queued

    async for step in pool.steps("ordering", progress, interval):
        yield step
    changes: list[TreeChange] = list(pool.take_changes())
    if settler.missing:
        changes.append(CountMissing(settler.missing))
    if pool.failure is not None:
        changes.append(
            AddNote(f"Some replies stay in Algolia's order (oldest first): {pool.failure}")
        )
    yield LoadStep(
        changes=tuple(changes),
        done=pool.handled,
        total=pool.queued,
        requests=pool.requests,
    )
