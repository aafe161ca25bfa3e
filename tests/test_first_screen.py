"""A big thread's first screenful first: the load hands over the first top-level comments
with all their replies, then the whole thread, which replaces it without moving anything.
Shown only as the first thing on screen and only where it holds the place to open on.
Against the replay of both HN APIs (tests/fixtures/hn-replay-*)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from hn_fixtures import BIG_STORY_ID, HNReplay
from tui_support import (
    comment_view,
    fixed_now,
    item_app,
    notices,
    settle,
    status_text,
    thread_screen,
)

from fetchers.hn_items import thread_from_algolia
from fetchers.http import make_client
from fetchers.load import load_target, open_target
from fetchers.load_steps import LoadStep, final_thread
from fetchers.progress import ProgressCallback
from fetchers.saved import load_sample_thread
from fetchers.targets import ItemTarget
from store.memory import Memory
from threads.first_screen import first_screen
from threads.model import Comment, Thread
from tui.app import ThreadReaderApp, create_app
from tui.cli import Options
from tui.config import load_config

STORY = str(BIG_STORY_ID)


def display_ids(thread: Thread) -> list[str]:
    return [comment.id for comment in thread.tree.order]


async def recorded_steps() -> list[LoadStep]:
    async with make_client() as client:
        return [step async for step in open_target(client, ItemTarget("hackernews", STORY))]


# -- the first screenful ------------------------------------------------------------------


def test_the_first_screenful_is_whole_subtrees_in_the_thread_s_order(
    big_algolia: dict[str, Any],
) -> None:
    thread = thread_from_algolia(big_algolia)
    screenful = first_screen(thread)

    assert screenful is not None
    shown = display_ids(screenful)
    assert len(shown) == 100
    assert shown == display_ids(thread)[:100]  # the rows the whole thread starts with
    assert screenful.count_text() == f"{screenful.live_count:,} of {thread.live_count:,}"
    assert screenful.title == thread.title and screenful.missing == 0
    assert len(display_ids(thread)) > 400  # the thread's own comments keep their replies


def test_a_thread_less_than_twice_a_screenful_has_none() -> None:
    assert first_screen(load_sample_thread()) is None
    assert first_screen(load_sample_thread(), comments=5) is not None


async def test_a_load_hands_over_the_first_screenful_then_the_whole_thread(
    replay: HNReplay,
) -> None:
    steps = await recorded_steps()

    preview, whole = steps[0], steps[1]
    assert preview.preview and preview.thread is not None and not preview.changes
    assert not whole.preview and whole.thread is not None
    assert display_ids(preview.thread) == display_ids(whole.thread)[: preview.done]
    assert preview.done == 100
    assert preview.progress_text() == f"loading {preview.done:,}/{preview.total:,}"
    assert not any(step.preview for step in steps[2:])
    async with make_client() as client:  # a whole load (--dump) is what the steps make
        thread = await load_target(client, ItemTarget("hackernews", STORY))
    assert display_ids(thread) == display_ids(await settled(steps))


async def settled(steps: list[LoadStep]) -> Thread:
    """The thread the steps end with, the first screenful left out."""

    async def without_preview() -> AsyncIterator[LoadStep]:
        for step in steps:
            if not step.preview:
                yield step

    return await final_thread(without_preview())


# -- in the reader ------------------------------------------------------------------------


async def wait_for_view(pilot: Any) -> None:
    """Until a comment view is on the thread screen (the load may still be held)."""
    for _ in range(50):
        await pilot.pause()
        if thread_screen(pilot.app).view is not None:
            return


def held_app(steps: list[LoadStep], release: asyncio.Event, focus: str | None = None) -> Any:
    """The app on recorded steps: the first at once, the rest once `release` is set."""

    async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
        yield steps[0]
        await release.wait()
        for step in steps[1:]:
            yield step

    app: ThreadReaderApp = item_app(focus or STORY)
    app._initial_source = lambda: source  # type: ignore[method-assign]
    return app


async def test_the_whole_thread_replaces_its_first_screenful_where_the_reader_is(
    replay: HNReplay,
) -> None:
    steps = await recorded_steps()
    release = asyncio.Event()
    app = held_app(steps, release)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_view(pilot)
        view = comment_view(app)
        assert view.thread is steps[0].thread  # the first screenful, on screen at once
        assert "loading" in status_text(app)
        await pilot.press("j", "j", "j")
        cursor_id = view.cursor_comment.id if view.cursor_comment else None
        row = view.cursor_screen_row()

        release.set()
        await settle(pilot)

        view = comment_view(app)
        assert display_ids(view.thread) == display_ids(await settled(steps))
        assert view.cursor_comment is not None and view.cursor_comment.id == cursor_id
        assert view.cursor_screen_row() == row
        await pilot.press("q")
    # The visit and the stored copy are the whole thread's, not the first screenful's.
    stored = Memory().open_stored(thread_screen_key(app))  # the app closed its own
    assert stored is not None
    assert steps[1].thread is not None  # the copy kept when shown: the whole first step's
    assert sorted(display_ids(stored.thread)) == sorted(display_ids(steps[1].thread))


def thread_screen_key(app: ThreadReaderApp) -> Any:
    from tui.memory import target_key

    return target_key(app.options.target)


async def test_a_saved_place_beyond_the_first_screenful_is_where_the_thread_opens(
    replay: HNReplay,
) -> None:
    steps = await recorded_steps()
    assert steps[0].thread is not None and steps[1].thread is not None
    beyond = display_ids(steps[1].thread)[steps[0].done + 20]
    app = held_app(steps, asyncio.Event())
    app._initial_source = lambda: _whole(steps)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:  # a first visit leaves the cursor there
        await settle(pilot)
        comment_view(app).expand_to(beyond)
        await pilot.press("q")

    release = asyncio.Event()
    app = held_app(steps, release)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(20):  # the stored copy at the saved place; no first screenful
            await pilot.pause()
        view = comment_view(app)
        assert view.thread is not steps[0].thread
        assert view.cursor_comment is not None and view.cursor_comment.id == beyond
        release.set()
        await settle(pilot)
        view = comment_view(app)
        assert view.cursor_comment is not None and view.cursor_comment.id == beyond


async def test_a_comment_asked_for_beyond_the_first_screenful_gets_the_cursor(
    replay: HNReplay,
) -> None:
    steps = await recorded_steps()
    assert steps[1].thread is not None
    wanted = display_ids(steps[1].thread)[steps[0].done + 30]
    for step in steps[:2]:
        assert step.thread is not None
        step.thread.focus_id = wanted
    app = held_app(steps, asyncio.Event(), focus=wanted)
    app._initial_source = lambda: _no_hold(steps)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = comment_view(app)
        assert view.cursor_comment is not None and view.cursor_comment.id == wanted


def _whole(steps: list[LoadStep]) -> Any:
    async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
        for step in steps[1:]:
            yield step

    return source


def _no_hold(steps: list[LoadStep]) -> Any:
    async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
        for step in steps:
            yield step

    return source


async def test_leaving_before_the_whole_thread_keeps_no_partial_copy(replay: HNReplay) -> None:
    """The first screenful is never stored: offline, it would pass for the thread."""
    steps = await recorded_steps()
    app = held_app(steps, asyncio.Event())  # the whole thread never comes
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_view(pilot)
        assert comment_view(app).thread is steps[0].thread
        await pilot.press("q")
    assert Memory().open_stored(thread_screen_key(app)) is None


async def test_comments_that_could_not_be_loaded_are_said_once_with_the_whole_thread(
    replay: HNReplay,
) -> None:
    steps = await recorded_steps()
    assert steps[1].thread is not None
    steps[1].thread.missing = 3
    release = asyncio.Event()
    app = held_app(steps, release)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_view(pilot)
        assert "could not be loaded" not in notices(app)  # the first screenful says nothing
        release.set()
        await settle(pilot)
        assert notices(app).count("3 comments could not be loaded.") == 1


def scored_thread(count: int) -> Thread:
    """`count` top-level comments, every other one scored -5 (the rest 10)."""
    comments = [
        Comment(str(1000 + n), f"user{n}", None, body=(), score=-5 if n % 2 else 10)
        for n in range(count)
    ]
    return Thread(source="lobsters", id="scored", title="Scored", comments=comments)


async def test_the_score_threshold_folds_the_whole_thread_after_its_first_screenful(
    tmp_path: Path,
) -> None:
    whole = scored_thread(300)
    screenful = first_screen(whole)
    assert screenful is not None
    steps = [LoadStep(thread=screenful, preview=True), LoadStep(thread=whole)]
    config = tmp_path / "config.toml"
    config.write_text("[reader]\nfold_below = 1\n")
    app = create_app(
        Options(ItemTarget("lobsters", "scored"), False, None, None),
        config=load_config(config),
        now=fixed_now,
    )
    app._initial_source = lambda: _no_hold(steps)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert comment_view(app).thread is whole
        assert "150 below 1 point collapsed" in status_text(app)
