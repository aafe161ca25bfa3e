"""The wide view: from `[reader] list_beside` columns the front page list stands beside
the open thread; `enter` there opens a story in the thread's place, the list keeping its
cursor and the focus. Narrower, a thread is a screen of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hn_fixtures import serve_front_page
from pytest_httpserver import HTTPServer

from tests.tui_support import fixed_now, settle, view_text
from tui.app import ThreadReaderApp, create_app
from tui.cli import Options
from tui.config import Config
from tui.screens.story_list import StoryListScreen
from tui.screens.thread_screen import ThreadScreen
from tui.widgets.beside_list import BesideList
from tui.widgets.comment_view import CommentView


def front_page_app(config: Config | None = None) -> ThreadReaderApp:
    return create_app(
        Options(None, False, None, None),
        config=config or Config(Path("/nonexistent")),
        now=fixed_now,
    )


def _beside(app: ThreadReaderApp) -> BesideList:
    return app.screen.query_one("#beside-list", BesideList)


async def test_wide_the_list_stands_beside_the_thread_and_enter_opens_in_place(
    hn_server: HTTPServer,
) -> None:
    serve_front_page(hn_server)
    app = front_page_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ThreadScreen) and app.sub_title == "First story"
        listed = _beside(app)
        assert listed.display and listed.highlighted == 0
        assert "reply to the first one" in view_text(app)
        assert isinstance(app.focused, CommentView)  # opened from the front page: the thread
        await pilot.press("q")  # from the thread: to the list beside it, not back
        await settle(pilot)
        assert isinstance(app.screen, ThreadScreen) and app.focused is _beside(app)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.sub_title == "Second story"
        assert "reply to the second one" in view_text(app)
        assert app.focused is _beside(app) and _beside(app).highlighted == 1
        await pilot.press("l")  # to the thread, and back with escape
        assert isinstance(app.focused, CommentView)
        await pilot.press("escape")
        assert app.focused is _beside(app)
        await pilot.press("q")  # from the list: the front page alone, on the last story
        await settle(pilot)
        assert isinstance(app.screen, StoryListScreen)
        assert app.screen.query_one("#stories").highlighted == 1  # type: ignore[attr-defined]


async def test_narrow_a_thread_is_a_screen_of_its_own(hn_server: HTTPServer) -> None:
    serve_front_page(hn_server)
    app = front_page_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ThreadScreen)
        assert not _beside(app).display and isinstance(app.focused, CommentView)
        await pilot.press("q")  # today's behaviour: back to the front page
        assert isinstance(app.screen, StoryListScreen)


async def test_narrowing_hides_the_list_and_the_thread_keeps_the_focus(
    hn_server: HTTPServer,
) -> None:
    serve_front_page(hn_server)
    app = front_page_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")
        assert app.focused is _beside(app)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert not _beside(app).display and isinstance(app.focused, CommentView)
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert _beside(app).display


async def test_the_threshold_comes_from_the_config(hn_server: HTTPServer, tmp_path: Path) -> None:
    serve_front_page(hn_server)
    path = tmp_path / "config.toml"
    path.write_text("[reader]\nlist_beside = 100\n")
    from tui.config import load_config

    app = front_page_app(load_config(path))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert _beside(app).display


def test_wide_view_snapshot_at_200x50(hn_server: HTTPServer, snap_compare: Any) -> None:
    serve_front_page(hn_server)

    async def open_first_then_list_the_second(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q", "j")
        await settle(pilot)

    assert snap_compare(
        front_page_app(), run_before=open_first_then_list_the_second, terminal_size=(200, 50)
    )


def test_a_bad_list_beside_keeps_the_default_and_says_so(tmp_path: Path) -> None:
    from tui.config import load_config
    from tui.reader_widths import LIST_BESIDE, reader_widths

    config = tmp_path / "config.toml"
    config.write_text('[reader]\nlist_beside = "wide"\n', encoding="utf-8")
    loaded = load_config(config)
    assert reader_widths(loaded.raw).list_beside == LIST_BESIDE
    assert loaded.problems == [
        f'{config}:2: [reader] list_beside = "wide" must be a whole number of columns '
        f"from 40 to 1000; using {LIST_BESIDE}."
    ]
    assert reader_widths({"reader": {"list_beside": 150}}).list_beside == 150
