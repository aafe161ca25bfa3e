"""The comment view mounted alone in a tiny app: no thread screen, no status bar.

It owns its cursor (a validated reactive anyone may watch), its moves and folds.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from fetchers.saved import load_sample_thread
from tests.tui_support import fixed_now
from tui.widgets.comment_view import CommentView


class ViewApp(App[None]):
    """Just the view; records every cursor notification it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int] = []

    def compose(self) -> ComposeResult:
        yield CommentView(load_sample_thread(), now=fixed_now, id="comments")

    def _saw(self, position: int) -> None:
        self.seen.append(position)

    def on_mount(self) -> None:
        view = self.query_one(CommentView)
        self.watch(view, "cursor", self._saw, init=False)
        view.focus()


def screen_text(view: CommentView) -> str:
    return "\n".join(
        view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)
    )


async def test_keys_move_the_cursor_and_watchers_hear_each_move() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(CommentView)
        await pilot.pause()
        app.seen.clear()
        await pilot.press("j", "j", "k")
        assert view.cursor == 1
        assert app.seen == [1, 2, 1]
        await pilot.press("G")
        assert view.cursor == len(view.folds) - 1
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_y == 0


async def test_the_cursor_is_clamped_to_the_visible_comments() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(CommentView)
        await pilot.pause()
        view.cursor = 10_000
        assert view.cursor == len(view.folds) - 1
        view.cursor = -5
        assert view.cursor == 0


async def test_a_fold_that_keeps_the_cursor_still_notifies() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(CommentView)
        await pilot.pause()
        app.seen.clear()
        await pilot.press("space")  # the first comment has replies: folds them
        assert view.cursor == 0
        assert app.seen == [0]  # same position, but what is folded changed
        assert "+" in screen_text(view).splitlines()[view.layout_rows.starts[0]]


async def test_fold_all_and_unfold_all_alone() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(CommentView)
        await pilot.pause()
        total = len(view.folds)
        await pilot.press("C")
        assert len(view.folds) == len(view.thread.comments)  # top level only
        await pilot.press("E")
        assert len(view.folds) == total
