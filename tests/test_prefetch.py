"""The first load starts before Textual is imported, and is handed over exactly once."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from hn_fixtures import BIG_STORY_ID, HNReplay, firebase_order, replay_files
from pytest_httpserver import HTTPServer

from fetchers.errors import Unreachable
from fetchers.load_steps import LoadStep, final_thread
from fetchers.site import ItemTarget
from tui.prefetch import Prefetch


async def test_the_prefetched_first_paint_is_handed_over_once(hn_server: HTTPServer) -> None:
    algolia, firebase = replay_files()
    HNReplay(algolia, firebase).serve(hn_server)
    prefetch = Prefetch(ItemTarget("hackernews", str(BIG_STORY_ID)))
    early = prefetch.take(lambda loaded, expected: None)
    assert early is not None
    thread = await early
    top = [k for k in firebase_order(firebase, BIG_STORY_ID) if k != "9000001"]
    assert [c.id for c in thread.comments] == top  # HN's top level, not yet settled
    assert prefetch.take(lambda loaded, expected: None) is None  # a reload fetches afresh


async def test_a_prefetch_failure_reaches_the_screen_as_the_fetch_error() -> None:
    # The autouse fixture points both APIs at a closed port.
    early = Prefetch(ItemTarget("hackernews", "1")).take(lambda loaded, expected: None)
    assert early is not None
    with pytest.raises(Unreachable):
        await early


async def test_prefetched_steps_settle_like_a_direct_load(hn_server: HTTPServer) -> None:
    algolia, firebase = replay_files()
    HNReplay(algolia, firebase).serve(hn_server)
    steps = Prefetch(ItemTarget("hackernews", str(BIG_STORY_ID)), settle=True).take_steps()
    assert steps is not None
    received = [step async for step in steps]
    assert received[0].thread is not None and received[-1].phase == "done"
    thread = await final_thread(_replayed(received))
    assert [c.id for c in thread.comments] == firebase_order(firebase, BIG_STORY_ID)


async def _replayed(steps: list[LoadStep]) -> AsyncIterator[LoadStep]:
    for step in steps:
        yield step
