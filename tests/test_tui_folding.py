"""Folding keys in the app: one, all, by level; the cursor keeps its screen row."""

from __future__ import annotations

from tests.tui_support import comment_view, cursor_author, sample_app, status_text, view_text


def header_row(app: object, author: str) -> int:
    """Screen row of a comment's header line."""
    view = comment_view(app)  # type: ignore[arg-type]
    position = next(i for i in range(len(view.folds)) if view.folds.comment_at(i).author == author)
    return view.layout_rows.starts[position] - int(view.scroll_y)


async def test_space_folds_and_unfolds_the_replies() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J")  # tessellate, 4 replies
        await pilot.press("space")
        assert "tessellate · 2d +4" in view_text(app)
        assert "lanternfish" not in view_text(app)
        assert "4 folded" in status_text(app)
        await pilot.press("enter")
        assert "+4" not in view_text(app)
        await pilot.press("j")
        assert cursor_author(app) == "lanternfish"
        assert "lanternfish" in view_text(app)


async def test_h_folds_then_goes_to_the_parent_and_l_unfolds() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J", "j", "j")  # ko_bayashi (2 replies)
        assert cursor_author(app) == "ko_bayashi"
        await pilot.press("h")
        assert "ko_bayashi · 2d +2" in view_text(app)
        await pilot.press("h")  # already folded: go to the parent
        assert cursor_author(app) == "tessellate"
        await pilot.press("j", "j", "l")
        assert cursor_author(app) == "ko_bayashi"
        assert "+2" not in view_text(app)
        await pilot.press("j")
        assert cursor_author(app) == "verdigris"


async def test_h_on_a_leaf_goes_to_the_parent() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")  # mdorn, a leaf
        await pilot.press("left")
        assert cursor_author(app) == "quietfrog"


async def test_fold_all_and_unfold_all() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        view = comment_view(app)
        assert len(view.folds) == 6
        assert "11 folded" in status_text(app)
        await pilot.press("E")
        assert len(view.folds) == 17


async def test_minus_and_plus_fold_one_depth_level_at_a_time() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = comment_view(app)
        depths = lambda: {view.folds.depth_at(i) for i in range(len(view.folds))}  # noqa: E731
        assert max(depths()) == 3
        await pilot.press("minus")
        assert max(depths()) == 2
        await pilot.press("minus", "minus")
        assert depths() == {0}
        await pilot.press("plus")
        assert depths() == {0, 1}


async def test_folding_keeps_the_cursor_comment_on_its_screen_row() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J", "J", "j", "j")  # nullset, then its deleted reply
        await pilot.press("j")
        author = cursor_author(app)
        assert author == "riverbend"
        before = header_row(app, "riverbend")
        await pilot.press("minus")  # hides depth 3: riverbend disappears, its parent stays
        assert cursor_author(app) is None  # the deleted placeholder, riverbend's parent
        view = comment_view(app)
        assert view.layout_rows.starts[view.cursor] - int(view.scroll_y) == before
        await pilot.press("E")
        await pilot.press("j")
        assert cursor_author(app) == "riverbend"


async def test_fold_all_from_a_reply_keeps_its_top_level_comment_in_place() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J", "j", "j", "j")  # verdigris under tessellate
        row = header_row(app, "verdigris")
        await pilot.press("C")
        assert cursor_author(app) == "tessellate"
        # One line per top-level comment: the sample now fits on the screen, so the
        # row is kept only as far as scrolling allows (the view starts at the top).
        assert 0 <= header_row(app, "tessellate") <= row
        assert int(comment_view(app).scroll_y) == 0
