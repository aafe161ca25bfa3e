"""Help, key remaps, load failures with retry, and front page -> thread -> back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hn_fixtures import BIG_STORY_ID
from pytest_httpserver import HTTPServer
from textual.widgets import Input, OptionList, Static

from fetchers.errors import Unreachable
from fetchers.progress import ProgressCallback
from fetchers.saved import load_sample_thread
from tests.tui_support import (
    app_with_source,
    comment_view,
    cursor_author,
    fixed_now,
    item_app,
    notices,
    sample_app,
    settle,
    status_text,
    view_text,
    wait_for_thread,
)
from threads.model import Thread
from tui.app import create_app
from tui.cli import Options
from tui.config import Config
from tui.screens.help_screen import HelpScreen
from tui.screens.story_list import StoryListScreen
from tui.screens.thread_screen import ThreadScreen


async def test_help_lists_every_key_from_the_bindings() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        for description in ("Next comment", "Next sibling", "Fold all", "Unfold a level", "Reload"):
            assert description in text
        assert "j" in text and "ctrl" not in text.lower() or "^d" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ThreadScreen)


async def test_help_follows_a_remapped_key(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nnext_comment = "n,down"\n')
    app = sample_app(config)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert cursor_author(app) == "mdorn"
        await pilot.press("j")  # no longer bound
        assert cursor_author(app) == "mdorn"
        await pilot.press("question_mark")
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "n, ↓" in text or "↓, n" in text


async def test_bad_key_config_is_reported_and_the_app_still_works(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nfly_away = "x"\nparent = "bogus-key"\nlast = "L"\n')
    app = sample_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = notices(app)
        assert "fly_away" in messages and "bogus-key" in messages
        assert str(config) in messages
        await pilot.press("L")
        assert cursor_author(app) == "grebe"


async def test_invalid_toml_is_reported_with_the_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nnext_comment = "j\n')
    app = sample_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = notices(app)
        assert str(config) in messages and "line 2" in messages
        await pilot.press("j")
        assert cursor_author(app) == "mdorn"


async def test_a_failed_load_shows_the_reason_and_r_retries() -> None:
    attempts: list[int] = []

    async def flaky(progress: ProgressCallback) -> Thread:
        attempts.append(1)
        if len(attempts) == 1:
            raise Unreachable("Could not reach Hacker News (connection refused).")
        return load_sample_thread()

    app = app_with_source(flaky)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#message", Static).render())
        assert "Could not reach Hacker News" in message and "r to retry" in message
        assert "Traceback" not in message
        await pilot.press("r")
        await pilot.pause()
        assert cursor_author(app) == "quietfrog"


async def test_a_failed_reload_keeps_the_thread_on_screen() -> None:
    attempts: list[int] = []

    async def fails_second_time(progress: ProgressCallback) -> Thread:
        attempts.append(1)
        if len(attempts) == 2:
            raise Unreachable("Could not reach Hacker News (timed out).")
        return load_sample_thread()

    app = app_with_source(fails_second_time)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "C")
        await pilot.press("r")
        await pilot.pause()
        assert "tessellate" in view_text(app)
        assert cursor_author(app) == "tessellate"
        assert "Reload failed" in notices(app)
        assert "/6" in status_text(app)


async def test_an_unexpected_error_becomes_a_message_not_a_traceback() -> None:
    async def broken(progress: ProgressCallback) -> Thread:
        raise ValueError("boom")

    app = app_with_source(broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#message", Static).render())
        assert "boom" in message and "r to retry" in message


def _firebase_story(story_id: int, title: str, kids: list[int]) -> dict[str, Any]:
    return {
        "id": story_id,
        "type": "story",
        "by": "someone",
        "time": 1716628000,
        "score": 42,
        "title": title,
        "url": "https://example.org/x",
        "descendants": len(kids),
        "kids": kids,
    }


async def test_front_page_opens_a_thread_and_q_comes_back(
    hn_server: HTTPServer, big_algolia: dict
) -> None:
    hn_server.expect_request("/v0/topstories.json").respond_with_json([BIG_STORY_ID, 7])
    hn_server.expect_request("/v0/newstories.json").respond_with_json([7])
    hn_server.expect_request(f"/v0/item/{BIG_STORY_ID}.json").respond_with_json(
        _firebase_story(BIG_STORY_ID, "Speed Is the Killer Feature", [])
    )
    hn_server.expect_request("/v0/item/7.json").respond_with_json(
        _firebase_story(7, "Second story", [])
    )
    hn_server.expect_request(f"/api/v1/items/{BIG_STORY_ID}").respond_with_json(big_algolia)
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        assert isinstance(app.screen, StoryListScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert "Speed Is the Killer Feature" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ThreadScreen)
        assert len(comment_view(app).folds) == 485
        await pilot.press("q")
        assert isinstance(app.screen, StoryListScreen)
        await pilot.press("2")
        await pilot.pause(0.3)
        assert app.screen.query_one(OptionList).option_count == 1
        assert "Second story" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)


async def test_a_successful_reload_keeps_folds_and_the_cursor() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J", "space", "J")  # fold tessellate, go on to holloway
        await pilot.press("r")
        await pilot.pause()
        assert cursor_author(app) == "holloway"
        view = comment_view(app)
        assert view.folds.is_folded(view.thread.comments[1].id)
        assert view.folds.hidden_count(view.thread.comments[1].id) == 4


async def test_loading_shows_progress_of_a_slow_fetch() -> None:
    import asyncio

    release = asyncio.Event()

    async def slow(progress: ProgressCallback) -> Thread:
        progress(312, 2170)
        await release.wait()
        return load_sample_thread()

    app = app_with_source(slow)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#message", Static).render())
        assert "312/2,170 comments" in message
        assert "312/2,170" in status_text(app)
        release.set()
        await pilot.pause()
        assert cursor_author(app) == "quietfrog"


async def test_slash_on_the_front_page_searches_stories(hn_server: HTTPServer) -> None:
    from hn_fixtures import load_fixture

    found = load_fixture("algolia-search-30-stories.json")
    hn_server.expect_request("/v0/topstories.json").respond_with_json([7])
    hn_server.expect_request("/v0/item/7.json").respond_with_json(_firebase_story(7, "Top one", []))
    hn_server.expect_request(
        "/api/v1/search",
        query_string={"query": "firefox", "tags": "story", "hitsPerPage": "30", "page": "0"},
    ).respond_with_json(found)
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("slash", *"firefox", "enter")
        await pilot.pause(0.3)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 30
        assert found["hits"][0]["title"] in str(options.get_option_at_index(0).prompt)
        assert "matching 'firefox'" in str(app.screen.query_one("#list-status", Static).render())
        await pilot.press("escape")  # back to the list it came from
        await pilot.pause(0.3)
        assert app.screen.query_one(OptionList).option_count == 1


async def test_a_comment_id_opens_its_story_with_that_comment_on_screen(
    hn_server: HTTPServer, big_algolia: dict
) -> None:
    from hn_fixtures import algolia_nodes

    nodes = [node for node, _ in algolia_nodes(big_algolia)]
    wanted = nodes[200]  # far down the thread: it must be scrolled to
    hn_server.expect_request(f"/api/v1/items/{wanted['id']}").respond_with_json(
        {**wanted, "story_id": BIG_STORY_ID, "type": "comment"}
    )
    hn_server.expect_request(f"/api/v1/items/{BIG_STORY_ID}").respond_with_json(big_algolia)
    app = item_app(str(wanted["id"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_thread(pilot)
        await pilot.pause()
        view = comment_view(app)
        assert view.cursor_comment is not None and view.cursor_comment.id == str(wanted["id"])
        start = view.layout_rows.starts[view.cursor] - int(view.scroll_y)
        assert 0 <= start < view.page_height  # its header is on screen
        assert "201/485" in status_text(app)


async def test_m_loads_the_next_page_of_the_front_page(hn_server: HTTPServer) -> None:
    ids = list(range(100, 135))  # 35 stories: a page of 30, then 5 more
    hn_server.expect_request("/v0/topstories.json").respond_with_json(ids)
    for story_id in ids:
        hn_server.expect_request(f"/v0/item/{story_id}.json").respond_with_json(
            _firebase_story(story_id, f"Story {story_id}", [])
        )
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count == 30
        await pilot.press("m")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 35
        assert "Story 134" in str(options.get_option_at_index(34).prompt)
        assert "35." in str(options.get_option_at_index(34).prompt)


async def test_a_remap_that_takes_another_actions_key_is_reported_with_file_and_line(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# my keys\n[keys]\nlast = "L"\nnext_comment = "n,down"\n')
    app = sample_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        clash = [m for m in messages if "next_comment" in m]
        assert len(clash) == 1
        assert clash[0].startswith(f"{config}:4:")
        assert "'n'" in clash[0] and "next_hit" in clash[0] and "Next hit" in clash[0]
        assert not any("'down'" in m or "last" in m for m in messages)


async def test_help_keeps_its_order_after_a_remap(tmp_path: Path) -> None:
    from tui.screens.help_screen import binding_rows

    app = sample_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        plain = [description for _, description in binding_rows(app.screen)]
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nnext_comment = "n,down"\n')
    app = sample_app(config)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        remapped = [description for _, description in binding_rows(app.screen)]
    assert remapped == [d for d in plain if d in remapped]
    assert remapped.index("Next comment") == plain.index("Next comment")


async def test_front_page_keeps_the_domain_on_the_title_line_at_80_columns(
    hn_server: HTTPServer,
) -> None:
    title = "Show HN: A remarkably long title that would certainly not fit in eighty columns"
    hn_server.expect_request("/v0/topstories.json").respond_with_json([7])
    hn_server.expect_request("/v0/item/7.json").respond_with_json(_firebase_story(7, title, []))
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 1
        lines = [options.render_line(y).text.rstrip() for y in range(options.virtual_size.height)]
        assert len([line for line in lines if line.strip()]) == 2  # title line, meta line
        assert lines[0].lstrip("▶ ").startswith("1. Show HN: A remarkably long")
        assert lines[0].endswith("… (example.org)")
        assert "42 points" in lines[1]


async def test_escape_on_the_front_page_does_not_quit(hn_server: HTTPServer) -> None:
    hn_server.expect_request("/v0/topstories.json").respond_with_json([7])
    hn_server.expect_request("/v0/item/7.json").respond_with_json(_firebase_story(7, "One", []))
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, StoryListScreen)
        assert "q quits" in notices(app)


async def test_keys_typed_right_after_slash_on_the_front_page_are_the_query(
    hn_server: HTTPServer,
) -> None:
    from textual import events

    hn_server.expect_request("/v0/topstories.json").respond_with_json([7])
    hn_server.expect_request("/v0/item/7.json").respond_with_json(_firebase_story(7, "Top one", []))
    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent")), now=fixed_now
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        for key in ("slash", "m", "a", "r"):  # `m` would load more stories, `r` reload
            app.post_message(events.Key(key, "/" if key == "slash" else key))
        await pilot.pause(0.3)
        assert app.screen.query_one("#story-query", Input).value == "mar"
