"""`>`/`<` open the next/previous story of the list; the terminal title follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hn_fixtures import serve_front_page
from pytest_httpserver import HTTPServer

from tests.tui_support import fixed_now, sample_app, settle
from threads.blocks import Block, Span
from threads.terminal_title import title_sequence
from tui.app import create_app
from tui.cli import Options
from tui.config import Config
from tui.load_source import one_step
from tui.screens.story_list import StoryListScreen
from tui.screens.thread_screen import ThreadScreen

HOSTILE = "Evil\x1b]2;pwned\x07 title\x1b[31m red\x9b1;1H\nnext line\x07"


def test_the_title_sequence_lets_no_escape_through() -> None:
    sequence = title_sequence(HOSTILE)
    assert sequence.startswith("\x1b]2;") and sequence.endswith("\x07")
    inner = sequence[len("\x1b]2;") : -1]
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in inner)
    assert inner.startswith("Evil title red") and "pwned" not in inner  # the OSC went whole
    assert "next line" in inner


async def test_the_title_follows_the_thread_and_is_sanitised() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.sub_title == "The case against open-source AI models"
    thread_app = sample_app()
    thread_app._initial_source = lambda: one_step(_hostile_source)  # type: ignore[method-assign]
    async with thread_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "\x1b" not in thread_app.sub_title and "\x07" not in thread_app.sub_title
        assert thread_app.sub_title.startswith("Evil")


async def _hostile_source(progress: Any) -> Any:
    from fetchers.saved import load_sample_thread

    thread = load_sample_thread()
    thread.title = HOSTILE
    thread.body = (Block("paragraph", (Span("x"),)),)
    return thread


async def test_next_and_previous_story_from_the_thread_screen(hn_server: HTTPServer) -> None:
    serve_front_page(hn_server)
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StoryListScreen)
        assert app.sub_title == "top stories"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ThreadScreen) and app.sub_title == "First story"
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert isinstance(app.screen, ThreadScreen) and app.sub_title == "Second story"
        await pilot.press("greater_than_sign", "greater_than_sign")  # past the end: stays
        await settle(pilot)
        assert app.sub_title == "Third story"
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert app.sub_title == "Second story"
        await pilot.press("q")
        assert isinstance(app.screen, StoryListScreen)
        assert app.screen.query_one("OptionList").highlighted == 1  # type: ignore[attr-defined]
        assert app.sub_title == "top stories"
