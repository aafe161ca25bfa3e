"""Helpers for driving the app headless: a fixed clock, an empty config, screen text."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.worker import WorkerFailed

from fetchers.progress import ProgressCallback
from threads.model import Thread
from tui.app import ThreadReaderApp, create_app
from tui.cli import Options
from tui.config import Config, load_config
from tui.load_source import one_step
from tui.screens.thread_screen import ThreadScreen
from tui.screens.thread_search import INDEX_DELAY
from tui.widgets.comment_view import CommentView
from tui.widgets.status_bar import StatusBar

FIXED_NOW = datetime(2024, 5, 27, 12, 0, tzinfo=UTC)


def fixed_now() -> datetime:
    return FIXED_NOW


def sample_app(
    config_file: Path | None = None, *, sixteen_colours: bool = False
) -> ThreadReaderApp:
    """The app on the bundled sample, with a fixed clock and no user config."""
    config = load_config(config_file) if config_file else Config(Path("/nonexistent/config.toml"))
    return create_app(
        Options(None, True, None, None),
        config=config,
        now=fixed_now,
        sixteen_colours=sixteen_colours,
    )


def app_with_source(source: Callable[[ProgressCallback], Awaitable[Thread]]) -> ThreadReaderApp:
    """The app showing whatever `source` loads (to script failures and retries)."""
    app = sample_app()
    app._initial_source = lambda: one_step(source)  # type: ignore[method-assign]
    return app


def comment_view(app: App[object]) -> CommentView:
    """The comment view of the topmost thread screen (even under a modal panel)."""
    view = thread_screen(app).view
    assert view is not None, "no thread on screen yet"
    return view


def view_lines(app: App[object]) -> list[str]:
    """What the comment view shows, one string per screen row."""
    view = comment_view(app)
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


def view_text(app: App[object]) -> str:
    return "\n".join(view_lines(app))


def status_text(app: App[object]) -> str:
    screen = app.screen
    assert isinstance(screen, ThreadScreen)
    return screen.query_one(StatusBar).text


def cursor_author(app: App[object]) -> str | None:
    comment = comment_view(app).cursor_comment
    return None if comment is None else comment.author


def item_app(item_id: str) -> ThreadReaderApp:
    """The app opening an HN item by id (base URLs from the environment), no user config."""
    from fetchers.targets import ItemTarget

    return create_app(
        Options(ItemTarget("hackernews", item_id), False, None, None),
        config=Config(Path("/nonexistent/config.toml")),
        now=fixed_now,
    )


def thread_screen(app: App[object]) -> ThreadScreen:
    """The topmost thread screen (even under a modal panel)."""
    return next(s for s in reversed(app.screen_stack) if isinstance(s, ThreadScreen))


def notices(app: App[object]) -> str:
    """Every notification shown so far, joined."""
    return " ".join(n.message for n in app._notifications)


async def settle(pilot: Any) -> None:
    """Until no worker is running and what the workers sent is shown.

    A finished worker may start the next (loading -> index -> themes, a pending query),
    so this waits again until none is left; a worker that failed fails the test.
    """
    app = pilot.app
    await pilot.pause()
    for _ in range(20):
        running = [w for w in app.workers if not w.is_finished]
        if not running:
            return
        outcomes = await asyncio.gather(*(w.wait() for w in running), return_exceptions=True)
        failed = [o for o in outcomes if isinstance(o, WorkerFailed)]
        if failed:
            raise failed[0]
        await pilot.pause()
    raise AssertionError(f"workers still running: {[w.name for w in app.workers]}")


async def wait_for_thread(pilot: Any) -> None:
    """Until the thread has loaded and its comment view is mounted."""
    await settle(pilot)


async def wait_for_index(pilot: Any) -> None:
    """Until the search index (built `INDEX_DELAY` s after the thread is shown) and the
    themes that follow from it are in place."""
    await settle(pilot)
    await pilot.pause(INDEX_DELAY)
    await settle(pilot)
