"""The reader while a Hacker News thread settles: shown at the first step, then kept up to
date without moving what the reader looks at. Against the replay of both HN APIs
(Algolia in date order, Firebase in HN's order: tests/fixtures/hn-replay-*)."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hn_fixtures import BIG_STORY_ID, HNReplay, firebase_order, replay_files
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from fetchers.hackernews import open_thread
from fetchers.http import make_client
from fetchers.load_steps import LoadStep
from fetchers.progress import ProgressCallback
from tests.tui_support import (
    comment_view,
    item_app,
    notices,
    sample_app,
    settle,
    status_text,
    thread_screen,
    view_lines,
    wait_for_index,
)
from threads.model import Thread
from tui.app import ThreadReaderApp
from tui.screens.thread_search import INDEX_DELAY
from tui.widgets.comment_view import CommentView

STORY = str(BIG_STORY_ID)


async def recorded_steps() -> list[LoadStep]:
    """Every step of opening the story from the replay, as the reader would get them."""
    async with make_client() as client:
        return [step async for step in open_thread(client, STORY)]


def held_app(steps: list[LoadStep], release: asyncio.Event) -> ThreadReaderApp:
    """The app on recorded steps: the first at once, the rest once `release` is set."""

    async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
        yield steps[0]
        await release.wait()
        for step in steps[1:]:
            yield step

    app = sample_app()
    app._initial_source = lambda: source  # type: ignore[method-assign]
    return app


async def wait_for_first_step(pilot: Any) -> None:
    """Until the first step is on screen, laid out, with its search index; the load
    itself is still held (so `settle`, which waits for every worker, would not return)."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause()
        view = thread_screen(app).view
        if view is not None and view.size.height and view.layout_rows.preamble:
            break
    await pilot.pause(INDEX_DELAY)
    others = [w for w in app.workers if w.group != "load-thread" and not w.is_finished]
    await asyncio.gather(*(w.wait() for w in others))
    await pilot.pause()


def screen_row(view: CommentView) -> int:
    """The screen row of the cursor comment's first line."""
    return view.layout_rows.starts[view.cursor] - int(view.scroll_y)


def order_ids(thread: Thread) -> list[str]:
    return [comment.id for comment in thread.tree.order]


# -- the place is kept while the order settles ------------------------------------------


async def test_the_cursor_keeps_its_comment_and_screen_row_while_the_order_settles(
    replay: HNReplay,
) -> None:
    steps = await recorded_steps()
    release = asyncio.Event()
    app = held_app(steps, release)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_first_step(pilot)
        view = comment_view(app)
        first = view.thread
        assert "ordering" in status_text(app)
        # A reply that settling moves: its place in the whole order is different after.
        settled_order = order_ids(replay_settled := await _settled(steps))
        moved = next(
            c.id
            for c in first.tree.order[40:]
            if settled_order.index(c.id) != order_ids(first).index(c.id)
        )
        view.move_cursor(view.folds.position_of(moved) or 0, center=True)  # type: ignore[arg-type]
        await pilot.press("j")
        await pilot.pause()
        reading = view.cursor_comment
        assert reading is not None
        row, text_before = screen_row(view), view_lines(app)[screen_row(view)]
        release.set()
        await settle(pilot)
        assert comment_view(app) is view  # replaced in place, not remounted
        assert view.thread is not first and order_ids(view.thread) == order_ids(replay_settled)
        assert view.cursor_comment is not None and view.cursor_comment.id == reading.id
        assert screen_row(view) == row
        assert view_lines(app)[row] == text_before
        assert "ordering" not in status_text(app)


async def _settled(steps: list[LoadStep]) -> Thread:
    from fetchers.load_steps import final_thread

    async def replayed() -> AsyncIterator[LoadStep]:
        for step in steps:
            yield step

    return await final_thread(replayed())


async def test_hn_first_comment_is_shown_first_and_bracket_walks_hn_order(
    replay: HNReplay,
) -> None:
    app = item_app(STORY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        hn_top = firebase_order(replay.firebase, BIG_STORY_ID)
        view = comment_view(app)
        first = view.cursor_comment
        assert first is not None and first.id == hn_top[0]
        shown = "\n".join(view_lines(app))
        assert f"{first.author} " in shown  # on screen at 80x24, under the story header
        assert f"{view.thread.count_text()} comments" in shown
        walked = [first.id]
        for _ in range(6):
            await pilot.press("right_square_bracket")
            walked.append(view.cursor_comment.id)  # type: ignore[union-attr]
        assert walked == hn_top[:7]


async def test_folds_and_search_hits_stay_valid_after_settling(replay: HNReplay) -> None:
    steps = await recorded_steps()
    release = asyncio.Event()
    app = held_app(steps, release)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_first_step(pilot)
        view = comment_view(app)
        folded = next(c for c in view.thread.comments if len(c.children) > 1)
        view.move_cursor(view.folds.position_of(folded.id) or 0)
        await pilot.press("space")
        await pilot.press("slash", *"rust")
        await wait_for_first_step(pilot)
        await pilot.press("enter")
        await wait_for_first_step(pilot)
        reading = view.cursor_comment
        assert reading is not None
        hits_before = len(thread_screen(app).search.result)  # type: ignore[arg-type]
        release.set()
        await settle(pilot)
        await wait_for_index(pilot)
        search = thread_screen(app).search
        assert view.folds.is_folded(folded.id)
        assert view.cursor_comment is not None and view.cursor_comment.id == reading.id
        assert search.result is not None and search.result.thread is view.thread
        assert len(search.result) >= hits_before  # settling only adds text (dead comments)
        for _ in range(3):
            await pilot.press("n")
            comment = view.cursor_comment
            assert comment is not None and "rust" in comment.plain_text.lower()
            assert re.search(r"hit \d+/\d+", status_text(app))


# -- when settling fails -----------------------------------------------------------------


async def test_a_firebase_failure_while_settling_leaves_the_algolia_thread_and_a_note(
    hn_server: HTTPServer, monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> None:
    algolia, firebase = replay_files()
    replay = HNReplay(algolia, firebase)

    def handler(request: Request) -> Response:
        if request.path.startswith("/v0/"):  # the story for the first paint, then Firebase
            dead = f"http://127.0.0.1:{closed_port}/v0"  # goes away (connections refused)
            monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", dead)
        return replay(request)

    hn_server.expect_request(re.compile(".*")).respond_with_handler(handler)
    app = item_app(STORY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = comment_view(app)
        assert view.thread.comment_count == 485  # all of Algolia's thread
        top = [c.id for c in view.thread.comments]
        assert top[0] == firebase_order(firebase, BIG_STORY_ID)[0]
        note = view.thread.note
        assert note is not None and "\n" not in note
        assert notices(app).count(note) == 1
        assert "ordering" not in status_text(app)


# -- streaming from Firebase alone -------------------------------------------------------


@pytest.fixture
def threaded_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[HTTPServer]:
    server = HTTPServer(threaded=True)
    server.start()
    monkeypatch.setenv("THREADREADER_HN_ALGOLIA_URL", server.url_for("/api/v1"))
    monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", server.url_for("/v0"))
    yield server
    server.clear()
    server.stop()


async def test_streaming_shows_the_first_comment_before_the_last_item_arrives(
    threaded_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    algolia, firebase = replay_files()
    replay = HNReplay(algolia, firebase)
    replay.algolia_up = False
    top = firebase_order(firebase, BIG_STORY_ID)
    last = int(top[-1])
    gate = threading.Event()
    served_last: list[int] = []

    def handler(request: Request) -> Response:
        if request.path == f"/v0/item/{last}.json":
            gate.wait(timeout=10)  # the last top-level comment waits for the test
            served_last.append(last)
        return replay(request)

    threaded_server.expect_request(re.compile(".*")).respond_with_handler(handler)
    shown = asyncio.Event()
    original = CommentView.replace_thread

    def replace_thread(self: CommentView, thread: Thread) -> None:
        original(self, thread)
        if thread.comments:
            shown.set()

    monkeypatch.setattr(CommentView, "replace_thread", replace_thread)
    app = item_app(STORY)
    async with app.run_test(size=(80, 24)) as pilot:
        await asyncio.wait_for(shown.wait(), timeout=10)
        await pilot.pause()
        view = comment_view(app)
        assert view.cursor_comment is not None and view.cursor_comment.id == top[0]
        assert any(f"{view.cursor_comment.author} " in line for line in view_lines(app))
        assert re.search(r"loading [\d,]+/[\d,]+", status_text(app))
        assert served_last == []  # the last item had not even been answered
        gate.set()
        await settle(pilot)
        assert [c.id for c in view.thread.comments] == top
        assert view.cursor_comment.id == top[0]
        assert "loading" not in status_text(app)


async def test_a_search_while_the_thread_settles_finds_hits_in_the_copy_on_screen(
    replay: HNReplay,
) -> None:
    # Replacements while settling are not indexed one by one (nobody is searching); a
    # search opened meanwhile indexes the copy on screen at once.
    steps = await recorded_steps()
    release = asyncio.Event()
    app = sample_app()
    app._initial_source = lambda: two_steps_then_hold(steps, release)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_first_step(pilot)
        view = comment_view(app)
        assert "ordering" in status_text(app)  # still settling
        await pilot.press("slash", *"rust")
        await wait_for_first_step(pilot)
        await pilot.press("enter")
        await wait_for_first_step(pilot)
        search = thread_screen(app).search
        assert search.result is not None and search.result.thread is view.thread
        assert len(search.result) > 0
        release.set()
        await settle(pilot)
        await wait_for_index(pilot)
        assert search.result is not None and search.result.thread is view.thread


def two_steps_then_hold(
    steps: list[LoadStep], release: asyncio.Event
) -> Callable[[ProgressCallback], AsyncIterator[LoadStep]]:
    """The first step, then half of the settling's changes (a replacement while the
    thread still settles), then the rest once `release` is set."""
    changes = [change for step in steps[1:] for change in step.changes]
    half = len(changes) // 2
    assert half > 0

    async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
        yield steps[0]
        yield LoadStep(changes=tuple(changes[:half]), phase="ordering", done=half)
        await release.wait()
        yield LoadStep(changes=tuple(changes[half:]))

    return source


async def test_with_a_theme_on_each_copy_while_settling_is_themed(
    replay: HNReplay, tmp_path: Path
) -> None:
    # A hide theme must reach comments a settling step adds or refills: every copy on
    # screen is matched, not only the settled one.
    steps = await recorded_steps()
    release = asyncio.Event()
    config = tmp_path / "config.toml"
    config.write_text('[themes.rust]\nterms = ["rust"]\nmode = "hide"\n')
    app = sample_app(config)
    app._initial_source = lambda: two_steps_then_hold(steps, release)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_first_step(pilot)
        await wait_for_first_step(pilot)
        view = comment_view(app)
        assert "ordering" in status_text(app)  # still settling
        words = thread_screen(app).themes.words
        assert words is not None and words.thread is view.thread
        release.set()
        await settle(pilot)


async def test_the_outline_lists_the_copy_on_screen_after_settling(replay: HNReplay) -> None:
    app = item_app(STORY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for_index(pilot)
        view = comment_view(app)
        panel = thread_screen(app).outline.panel
        assert panel is not None and panel.outline.thread is view.thread  # not the first copy
