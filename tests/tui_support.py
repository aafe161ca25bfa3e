"""Helpers for driving the app headless: a fixed clock, an empty config, screen text."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import App

from fetchers.progress import ProgressCallback
from threads.model import Thread
from tui.app import ThreadReaderApp, create_app
from tui.cli import Options
from tui.config import Config, load_config
from tui.screens.thread_screen import ThreadScreen
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
    app._initial_source = lambda: source  # type: ignore[method-assign]
    return app


def comment_view(app: App[object]) -> CommentView:
    """The comment view of the topmost thread screen (even under a modal panel)."""
    screen = next(s for s in reversed(app.screen_stack) if isinstance(s, ThreadScreen))
    return screen.query_one(CommentView)


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


async def wait_for_thread(pilot: Any) -> None:
    """Until the thread has loaded and its comment view is mounted (up to 5 s)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if pilot.app.screen.query(CommentView):
            break
    await pilot.pause()
