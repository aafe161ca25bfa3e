"""The collector rests during start-up (tui/collector.py) but never stays off.

Left off, a long reading session would never free its reference cycles (asyncio tasks,
exceptions with tracebacks): memory would only grow.
"""

from __future__ import annotations

import asyncio
import copy
import gc
from collections.abc import Iterator

import pytest
from hn_fixtures import BIG_STORY_ID, HNReplay

from tests.tui_support import (
    app_with_source,
    comment_view,
    item_app,
    sample_app,
    settle,
    status_text,
)
from threads.blocks import Block, Body, Span
from threads.model import Comment, PendingBody, Thread
from tui import collector


@pytest.fixture
def paused_collector() -> Iterator[None]:
    collector.pause()
    try:
        yield
    finally:
        gc.enable()  # whatever the test did, the next test gets a collector
        gc.unfreeze()


@pytest.mark.usefixtures("paused_collector")
async def test_collector_runs_again_once_the_first_thread_is_on_screen() -> None:
    app = sample_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert comment_view(app).thread.comment_count > 0
        assert gc.isenabled()


@pytest.mark.usefixtures("paused_collector")
async def test_what_start_up_made_is_frozen_not_walked_when_collections_resume(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Everything made while the collector rested is in its youngest generation: the
    # first collection would walk all of it in the frame that shows the thread.
    monkeypatch.setattr(collector, "FREEZE_AFTER", 60.0)  # not the later, quiet freeze
    app = sample_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 10_000  # what was alive, frozen as the thread showed


@pytest.mark.usefixtures("paused_collector")
async def test_collector_runs_again_when_no_thread_comes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collector, "RESUME_AFTER", 0.05)
    never: asyncio.Future[Thread] = asyncio.get_running_loop().create_future()
    app = app_with_source(lambda progress: never)
    async with app.run_test() as pilot:
        await pilot.pause(0.3)
        assert gc.isenabled()


async def test_no_copy_of_a_settled_thread_is_kept_frozen(
    replay: HNReplay, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Settling makes a copy of the thread per step; finished workers (cycles) hold the
    # copies they worked on. Frozen with them, those copies would never be freed.
    monkeypatch.setattr(collector, "FREEZE_AFTER", 0.05)
    app = item_app(str(BIG_STORY_ID))
    try:
        async with app.run_test() as pilot:
            await settle(pilot)
            await pilot.pause(0.3)
            await settle(pilot)
            assert "ordering" not in status_text(app)
            assert gc.get_freeze_count() > 0
            unfrozen = _threads_alive()  # frozen objects are invisible to gc.get_objects()
            gc.unfreeze()
            frozen = _threads_alive() - unfrozen
            assert frozen  # the thread on screen, at least
            gc.collect()
            # At most the copy the screen replaced last may have been frozen while still
            # referenced (its search index waits to be rebuilt); the next freeze frees it.
            assert len(frozen - _threads_alive()) <= 1
    finally:
        gc.unfreeze()


def _threads_alive() -> set[int]:
    return {id(o) for o in gc.get_objects() if isinstance(o, Thread)}


def test_copies_of_a_comment_share_one_parse_of_its_body() -> None:
    parses: list[str] = []

    def parse(source: str) -> Body:
        parses.append(source)
        return (Block("paragraph", (Span(source),)),)

    original = Comment("1", "a", None, PendingBody("text", parse))
    duplicate = copy.copy(original)  # as HN's settling copies a thread
    assert duplicate.body is original.body
    assert parses == ["text"]
