"""Loading a Reddit thread: the first page, one stub, or everything in the background.

The loader only fetches; it hands each answer back as an `Expansion` and the caller
splices it (`threads.more_splice.apply_expansion`) before the next request is planned,
so the tree is only ever changed where the caller chooses (the UI's own handler).
"""

from __future__ import annotations

import time
from typing import Any

from fetchers.errors import BadTarget, FetchError, NotFound
from fetchers.progress import ProgressCallback
from fetchers.reddit.api import RedditApi
from fetchers.reddit.pacing import Stopped
from fetchers.reddit.parse import flat_replies, morechildren_things, thread_from_listing
from fetchers.stub_loading import Apply, LoadAllReport
from threads.model import Comment, Thread
from threads.more_splice import Expansion, apply_expansion, stub_parent

FIRST_PAGE_LIMIT = 500  # comments Reddit sends with the thread (it sends fewer when it likes)
IDS_PER_REQUEST = 100  # Reddit's cap for /api/morechildren
FOCUS_CONTEXT = 8  # ancestors fetched with a permalinked comment that is not on page one


async def fetch_thread(api: RedditApi, thread_id: str, *, sort: str | None = None) -> Thread:
    """The thread as Reddit's first answer has it: stubs stand for the rest."""
    payload = await api.get(f"/comments/{thread_id}", _params(sort, limit=str(FIRST_PAGE_LIMIT)))
    return thread_from_listing(payload)


async def fetch_focus(api: RedditApi, thread: Thread, focus: str, sort: str | None) -> None:
    """Make sure a permalinked comment is in the tree, loading it with its context."""
    thread.focus_id = focus
    if thread.get(focus) is not None:
        return
    path = f"/comments/{thread.id}/_/{focus}"
    payload = await api.get(path, _params(sort, context=str(FOCUS_CONTEXT)))
    if not isinstance(payload, list) or len(payload) < 2:
        return
    things = payload[1].get("data", {}).get("children", []) if isinstance(payload[1], dict) else []
    apply_expansion(thread, Expansion(tuple(flat_replies(things, thread.id)), {}))


def _params(sort: str | None, **extra: str) -> dict[str, str]:
    params = {"raw_json": "1", **extra}
    if sort:
        params["sort"] = sort
    return params


class StubLoader:
    """Loads a thread's stubs: one on request, or all of them, paced and stoppable."""

    def __init__(self, api: RedditApi, thread: Thread, *, sort: str | None = None) -> None:
        self._api = api
        self._thread = thread
        self._sort = sort
        self._failed: set[str] = set()
        """Stubs that could not be loaded (or came back unchanged): not asked for again."""
        self._asked: set[str] = set()
        """Reply ids already asked for: an answer that lists them again cannot loop."""

    def stop(self) -> None:
        """Stop a running `load_all` at the next request or during a wait."""
        self._api.pacer.stop_requested = True

    async def load_stub(self, stub_comment_id: str) -> Expansion:
        """Fetch what one stub stands for (up to 100 ids; a partly loaded stub remains).

        Raises:
            BadTarget: when the id is not a stub of this thread.
            FetchError: when Reddit fails.
        """
        self._api.pacer.stop_requested = False
        stub = self._thread.get(stub_comment_id)
        if stub is None or stub.more is None:
            raise BadTarget(f"{stub_comment_id!r} is not a stub of this thread.")
        if stub.more.continue_thread or not stub.more.ids:
            return await self._continue(stub)
        return await self._more_children({stub.id: stub.more.ids[:IDS_PER_REQUEST]})

    async def load_all(
        self, apply: Apply | None = None, *, progress: ProgressCallback | None = None
    ) -> LoadAllReport:
        """Load every stub, batching ids across stubs, until none is left or `stop()`.

        `apply` must splice each answer into the thread before it returns (default:
        `apply_expansion` on the loader's thread). A sub-thread Reddit will not give is
        skipped; any other failure stops the load, keeping what was loaded.
        """
        if apply is None:
            thread = self._thread
            apply = lambda expansion: apply_expansion(thread, expansion)  # noqa: E731
        self._api.pacer.stop_requested = False
        pacer, start = self._api.pacer, time.monotonic()
        requests, waited, throttled = self._api.requests, pacer.waited, pacer.throttled
        added, stopped = 0, None
        while (batch := self._next_batch()) is not None:
            try:
                expansion = await self._fetch_batch(batch)
            except Stopped:
                stopped = "stopped"
                break
            except NotFound:
                if isinstance(batch, Comment):
                    continue  # a vanished sub-thread (marked failed) must not stop the rest
                stopped = "Reddit no longer has some of these comments"
                break
            except FetchError as error:
                stopped = str(error).rstrip(".")
                break
            added += apply(expansion).added
            if progress is not None:
                progress(self._thread.comment_count, self._expected())
        return LoadAllReport(
            requests=self._api.requests - requests,
            added=added,
            seconds=time.monotonic() - start,
            waited=pacer.waited - waited,
            throttled=pacer.throttled - throttled,
            remaining=self._thread.unloaded_count,
            remaining_stubs=self._thread.tree.stub_count,
            stopped=stopped,
        )

    def _expected(self) -> int:
        known = self._thread.comment_count + self._thread.unloaded_count
        return max(known, self._thread.expected_count or 0)

    def _next_batch(self) -> dict[str, tuple[str, ...]] | Comment | None:
        """Up to 100 ids from the counted stubs in thread order, else one continue stub."""
        batch: dict[str, tuple[str, ...]] = {}
        room = IDS_PER_REQUEST
        continues: list[Comment] = []
        for stub in self._thread.stubs():
            more = stub.more
            if more is None or stub.id in self._failed:
                continue
            if more.continue_thread or not more.ids:
                continues.append(stub)
                continue
            fresh = tuple(i for i in more.ids if i not in self._asked)[:room]
            if fresh:
                batch[stub.id] = fresh
                room -= len(fresh)
            if room == 0:
                break
        if batch:
            self._asked.update(i for ids in batch.values() for i in ids)
            return batch
        if continues:
            self._failed.add(continues[0].id)  # asked once; if it comes back, it stays
            return continues[0]
        return None

    async def _fetch_batch(self, batch: dict[str, tuple[str, ...]] | Comment) -> Expansion:
        if isinstance(batch, Comment):
            return await self._continue(batch)
        return await self._more_children(batch)

    async def _more_children(self, requested: dict[str, tuple[str, ...]]) -> Expansion:
        ids = [i for chunk in requested.values() for i in chunk]
        params = _params(
            self._sort,
            api_type="json",
            link_id=f"t3_{self._thread.id}",
            children=",".join(ids),
            limit_children="false",
        )
        payload = await self._api.get("/api/morechildren", params)
        replies = flat_replies(morechildren_things(payload), self._thread.id)
        return Expansion(tuple(replies), requested)

    async def _continue(self, stub: Comment) -> Expansion:
        parent = stub_parent(self._thread, stub)
        if parent is None:
            raise BadTarget("A top-level stub cannot be continued as a sub-thread.")
        payload = await self._api.get(
            f"/comments/{self._thread.id}/_/{parent}", _params(self._sort)
        )
        things: list[Any] = []
        if isinstance(payload, list) and len(payload) >= 2 and isinstance(payload[1], dict):
            data = payload[1].get("data")
            things = data.get("children", []) if isinstance(data, dict) else []
        return Expansion(tuple(flat_replies(things, self._thread.id)), {stub.id: ()})
