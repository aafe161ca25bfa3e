"""The first frame of a launch: a thread that is already there is drawn at once, at the
saved place, with no "Loading…" frame and no blank comment view before it.

What each frame showed is recorded where it is drawn: `render_lines` of the comment view
and of the loading message (called to paint a frame, not to measure).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from test_new_since_visit import BIG
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static
from tui_support import comment_view, fixed_now, settle

from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget
from store.location import database_path
from threads.model import Thread
from tui.app import ThreadReaderApp, create_app
from tui.cli import Options
from tui.config import Config
from tui.load_source import one_step
from tui.widgets.comment_view import CommentView


def reader() -> ThreadReaderApp:
    options = Options(ItemTarget("hackernews", BIG), False, None, None)
    return create_app(options, config=Config(Path("/nonexistent/config.toml")), now=fixed_now)


class Frames:
    """What was drawn: the comment view's rows per frame, and every loading message."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.view_frames: list[list[str]] = []
        self.messages: list[str] = []
        view_lines = CommentView.render_lines
        static_lines = Static.render_lines

        def recording_view(view: CommentView, crop: Region) -> list[Strip]:
            strips = view_lines(view, crop)
            self.view_frames.append([strip.text.rstrip() for strip in strips])
            return strips

        def recording_static(static: Static, crop: Region) -> list[Strip]:
            strips = static_lines(static, crop)
            if static.id == "message":
                self.messages.append("".join(strip.text for strip in strips).strip())
            return strips

        monkeypatch.setattr(CommentView, "render_lines", recording_view)
        monkeypatch.setattr(Static, "render_lines", recording_static)


async def first_visit(hn_server: HTTPServer, big_algolia: dict[str, Any]) -> tuple[Thread, str]:
    """Open the thread over HTTP, move the cursor down, leave: the place is saved.
    Returns the thread and the author of the comment the cursor was left on."""
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("]", "]", "]")
        view = comment_view(app)
        assert view.cursor_comment is not None
        thread, author = view.thread, view.cursor_comment.author
        await pilot.press("q")
    return thread, author


async def test_a_thread_ready_at_launch_is_the_first_frame_at_the_saved_place(
    hn_server: HTTPServer, big_algolia: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    thread, author = await first_visit(hn_server, big_algolia)

    async def ready(progress: ProgressCallback) -> Thread:
        return thread  # as a prefetched launch has it: loaded before the screen mounts

    app = reader()
    app._initial_source = lambda: one_step(ready)  # type: ignore[method-assign]
    frames = Frames(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert frames.messages == []  # no "Loading…" frame before the thread
        first = frames.view_frames[0]
        # The first frame of the view already has the saved place: the cursor comment's
        # header (the cursor bar `▌` and its author), not a blank view or the top.
        assert any(row.startswith("▌") and author in row for row in first), first
        assert comment_view(app).cursor_comment is not None
        assert comment_view(app).cursor_comment.author == author  # type: ignore[union-attr]


async def test_a_thread_still_loading_shows_loading_first(
    hn_server: HTTPServer, big_algolia: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other side: with nothing to show yet, the screen says it is loading (the
    recording would otherwise prove nothing)."""
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)
    frames = Frames(monkeypatch)
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any(message.startswith("Loading") for message in frames.messages)
        assert any(any(row.strip() for row in frame) for frame in frames.view_frames)


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE reading_state SET folds = '" + "[" * 100_000 + "'",  # deeper than JSON decodes
        "UPDATE threads SET fetched_at = 1e300",  # no date at all
    ],
)
async def test_a_damaged_store_does_not_stop_the_launch(
    hn_server: HTTPServer, big_algolia: dict[str, Any], damage: str
) -> None:
    """The launch reads the store before its first frame, on the app's own thread: what
    it cannot read is left out, and the thread opens from the network."""
    await first_visit(hn_server, big_algolia)
    with sqlite3.connect(database_path()) as raw:
        raw.execute(damage)
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert comment_view(app).cursor_comment is not None
        assert comment_view(app).thread.title == "Speed Is the Killer Feature"
