"""Collapsed means one line: `C` gives an overview of the top-level comments."""

from __future__ import annotations

from typing import Any

from tests.overview_threads import long_top_level_thread
from tests.tui_support import app_with_source, comment_view, cursor_author, view_lines
from threads.model import Thread


def long_app() -> Any:
    async def source(progress: Any) -> Thread:
        return long_top_level_thread()

    return app_with_source(source)


def headers_on_screen(app: Any) -> list[str]:
    return [line for line in view_lines(app) if line.lstrip("▌ ").startswith("author")]


async def test_c_lists_at_least_15_long_top_level_comments_at_80x24() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(headers_on_screen(app)) <= 2  # open, each comment is ~20 rows
        await pilot.press("C")
        shown = headers_on_screen(app)
        assert len(shown) >= 15
        assert all(len(line) <= 80 for line in shown)
        assert "#0 All: before reading" in shown[0] and shown[0].endswith("…")
        assert "+2" in shown[0]  # the replies it hides


async def test_space_collapses_a_leaf_to_one_line_and_opens_it_again() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("]")  # author1: no replies
        assert cursor_author(app) == "author1"
        view = comment_view(app)
        assert view.layout_rows.height(view.cursor) > 10
        await pilot.press("space")
        assert view.layout_rows.height(view.cursor) == 1
        await pilot.press("space")
        assert view.layout_rows.height(view.cursor) > 10


async def test_e_opens_every_collapsed_comment() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("C", "E")
        assert len(headers_on_screen(app)) <= 2
