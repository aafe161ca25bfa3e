"""The reader's memory across app runs: new marks, the saved place, offline, bookmarks."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from test_new_since_visit import ADDED, BIG, older_version
from textual.widgets import OptionList
from tui_support import comment_view, fixed_now, notices, settle, status_text, thread_screen

from fetchers.site import ItemTarget
from threads.themes import Theme
from tui.app import ThreadReaderApp, create_app
from tui.cli import Options
from tui.config import Config, load_config
from tui.screens.saved_threads import SavedThreadsScreen
from tui.screens.story_list import StoryListScreen
from tui.screens.thread_screen import ThreadScreen


def reader(
    *, offline: bool = False, no_history: bool = False, config: Config | None = None
) -> ThreadReaderApp:
    options = Options(
        ItemTarget("hackernews", BIG), False, None, None, offline=offline, no_history=no_history
    )
    return create_app(
        options, config=config or Config(Path("/nonexistent/config.toml")), now=fixed_now
    )


def serve(hn_server: HTTPServer, item: dict[str, Any]) -> None:
    hn_server.clear()
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(item)


async def visit(app: ThreadReaderApp, *keys: str) -> None:
    """Open the thread, press `keys`, then leave with `q` (the place is saved)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await pilot.press("q")


async def test_second_visit_marks_the_new_comments_and_tab_walks_them_in_order(
    hn_server: HTTPServer, big_algolia: dict[str, Any]
) -> None:
    older, added = older_version(big_algolia, ADDED)
    serve(hn_server, older)
    await visit(reader())

    serve(hn_server, big_algolia)
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert f"{ADDED} new" in status_text(app)
        view = comment_view(app)
        in_order = [c.id for c in view.thread.tree.order if c.id in added]
        for expected in in_order[:3]:
            await pilot.press("tab")
            assert view.cursor_comment is not None and view.cursor_comment.id == expected
        await pilot.press("shift+tab")
        assert view.cursor_comment is not None and view.cursor_comment.id == in_order[1]
        cursor_row = view.cursor_screen_row()
        header = view.render_line(cursor_row).text
        assert header.startswith("▌") and "● new" in header  # glyph + word: no colour needed
        await pilot.press("w")  # new only: everything without news folded away
        await settle(pilot)
        visible = {view.folds.comment_at(p).id for p in range(len(view.folds))}
        assert set(in_order) <= visible
        assert len(view.folds) < len(view.thread.tree.order)

    app = reader()  # a third visit: nothing is new any more
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "new" not in status_text(app).split("│")[0]


async def test_place_folds_and_theme_modes_come_back_on_the_next_run(
    hn_server: HTTPServer, big_algolia: dict[str, Any], tmp_path: Path
) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('[themes.speed]\nterms = ["speed"]\nmode = "off"\ncolor = "green"\n')
    serve(hn_server, big_algolia)
    app = reader(config=load_config(config_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("]", "]", "space", "j", "j", "j")
        app.themes = [Theme.create("speed", ["speed"], "green").with_mode("highlight")]
        await settle(pilot)
        view = comment_view(app)
        folded = set(view.folds.folded)
        assert folded
        cursor_id = view.cursor_comment.id if view.cursor_comment else None
        row = view.cursor_screen_row()
        await pilot.press("q")

    app = reader(config=load_config(config_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = comment_view(app)
        assert view.cursor_comment is not None and view.cursor_comment.id == cursor_id
        assert view.cursor_screen_row() == row
        assert set(view.folds.folded) == folded
        assert [t.mode for t in app.themes] == ["highlight"]
        await pilot.press("F", "q")  # a fresh start: forget the place
        await settle(pilot)

    app = reader(config=load_config(config_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = comment_view(app)
        assert view.cursor == 0 and not view.folds.folded


async def test_with_the_server_gone_the_stored_copy_opens_and_says_offline(
    hn_server: HTTPServer, big_algolia: dict[str, Any], monkeypatch: Any, closed_port: int
) -> None:
    serve(hn_server, big_algolia)
    await visit(reader())
    monkeypatch.setenv("THREADREADER_HN_ALGOLIA_URL", f"http://127.0.0.1:{closed_port}/api/v1")
    monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", f"http://127.0.0.1:{closed_port}/v0")

    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(comment_view(app).folds) == 485
        assert "offline" in status_text(app) and "copy from" in status_text(app)
        assert notices(app).count("offline") == 1

    app = reader(offline=True)  # --offline: the store only
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(comment_view(app).folds) == 485


async def test_offline_without_a_stored_copy_is_one_sentence(hn_server: HTTPServer) -> None:
    app = reader(offline=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "not in the local store" in status_text(app)
        assert thread_screen(app).view is None
    assert len(hn_server.log) == 0


async def test_no_history_writes_nothing(
    hn_server: HTTPServer, big_algolia: dict[str, Any]
) -> None:
    serve(hn_server, big_algolia)
    data = Path(os.environ["THREADREADER_DATA_DIR"])
    await visit(reader(no_history=True), "]", "b")
    assert not any(data.iterdir())


async def test_bookmarks_and_history_list_and_open_threads(
    hn_server: HTTPServer, big_algolia: dict[str, Any]
) -> None:
    serve(hn_server, big_algolia)
    app = reader()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert "Bookmarked." in notices(app)
        for key in ("B", "H"):
            await pilot.press(key)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SavedThreadsScreen)
            prompt = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
            assert big_algolia["title"] in prompt
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ThreadScreen)
            assert len(comment_view(app).folds) == 485
            await pilot.press("q")  # back to the list
            await settle(pilot)
            await pilot.press("q")  # back to the first thread
            await settle(pilot)
            assert isinstance(app.screen, ThreadScreen)


async def test_front_page_dims_opened_stories_and_shows_comments_added_since(
    hn_server: HTTPServer, big_algolia: dict[str, Any]
) -> None:
    from test_tui_screens import BIG_STORY_ID, _firebase_story

    def front_page(comments: int) -> None:
        hn_server.clear()
        hn_server.expect_request("/v0/topstories.json").respond_with_json([BIG_STORY_ID])
        story = _firebase_story(BIG_STORY_ID, "Speed Is the Killer Feature", [])
        hn_server.expect_request(f"/v0/item/{BIG_STORY_ID}.json").respond_with_json(
            {**story, "descendants": comments}
        )
        hn_server.expect_request(f"/api/v1/items/{BIG_STORY_ID}").respond_with_json(big_algolia)

    def prompt(app: ThreadReaderApp) -> str:
        return str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)

    front_page(480)
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "✓" not in prompt(app)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, StoryListScreen)
        assert "✓" in prompt(app)

    front_page(492)
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "✓" in prompt(app) and re.search(r" \+\d+$", prompt(app))
