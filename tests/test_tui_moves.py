"""Moving the cursor on the sample thread with every movement key."""

from __future__ import annotations

import pytest

from tests.tui_support import comment_view, cursor_author, sample_app, status_text, view_lines

# The sample's top-level comments, in order, and the first replies (see tools/build_sample.py).
TOP_LEVEL = ["quietfrog", "tessellate", "holloway", "auklet", "cormorant", "grebe"]


async def test_opens_on_the_first_comment_with_the_story_above() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = view_lines(app)
        assert "The case against open-source AI models" in lines[0]
        assert "212 points" in lines[1] and "essayreader" in lines[1]
        assert cursor_author(app) == "quietfrog"
        assert "1/17" in status_text(app)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["j"], "mdorn"),
        (["down", "down"], "tessellate"),
        (["j", "j", "k"], "mdorn"),
        (["J"], "tessellate"),
        (["J", "J", "K"], "tessellate"),
        (["right_square_bracket", "right_square_bracket"], "holloway"),
        (["G"], "grebe"),
        (["end", "left_square_bracket"], "cormorant"),
        (["G", "g"], "quietfrog"),
        (["J", "j", "j", "p"], "tessellate"),  # lanternfish -> ko_bayashi -> parent
    ],
)
async def test_movement_keys(keys: list[str], expected: str) -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        assert cursor_author(app) == expected


async def test_sibling_keys_skip_replies_and_stop_at_the_last_sibling() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(8):
            seen.append(cursor_author(app))
            await pilot.press("J")
        assert seen[:6] == TOP_LEVEL
        assert seen[6:] == ["grebe", "grebe"]


async def test_previous_top_level_goes_to_the_root_of_a_deep_comment_first() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J", "j", "j", "j")  # verdigris, depth 2 under tessellate
        assert cursor_author(app) == "verdigris"
        await pilot.press("left_square_bracket")
        assert cursor_author(app) == "tessellate"
        await pilot.press("left_square_bracket")
        assert cursor_author(app) == "quietfrog"


async def test_cursor_comment_is_always_on_screen_and_marked_in_the_gutter() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(16):
            await pilot.press("j")
            author = cursor_author(app)
            lines = view_lines(app)
            marked = [line for line in lines if line.startswith("▌")]
            assert marked, f"no cursor gutter visible on {author}"
            header = author or "[deleted]"
            assert any(header in line for line in marked)


async def test_page_keys_move_by_a_screen() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = comment_view(app)
        await pilot.press("ctrl+d")
        first_page = view.scroll_y
        assert first_page >= view.page_height - 1
        assert view.cursor > 0
        await pilot.press("pagedown")
        assert view.scroll_y > first_page
        await pilot.press("ctrl+u", "pageup")
        assert view.scroll_y < first_page
        assert cursor_author(app) in {"quietfrog", "mdorn"}


async def test_deleted_and_dead_comments_are_one_line_placeholders_with_replies() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await pilot.press("J", "J", "j", "j")  # nullset's deleted reply
        view = comment_view(app)
        assert view.cursor_comment is not None and view.cursor_comment.deleted
        assert view.layout_rows.height(view.cursor) == 2  # header and the gap
        await pilot.press("j")
        assert cursor_author(app) == "riverbend"  # its reply survived
        await pilot.press("G", "k")
        assert cursor_author(app) == "throwaway_x9"
        lines = view_lines(app)
        header = next(i for i, line in enumerate(lines) if "throwaway_x9" in line)
        assert "[dead]" in lines[header]
        assert "gift to our competitors" not in "\n".join(lines)


async def test_a_click_selects_the_comment_under_the_pointer() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = view_lines(app)
        row = next(i for i, line in enumerate(lines) if "mdorn" in line)
        await pilot.click("#comments", offset=(10, row + 1))
        assert cursor_author(app) == "mdorn"


async def test_no_color_renders_without_errors(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "C", "slash", "c", "a", "p", "i", "enter", "question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        screenshot = app.export_screenshot()
        assert "mdorn" in screenshot and cursor_author(app) == "mdorn"
        assert app.return_code is None  # still running: nothing crashed


async def test_page_down_at_the_end_settles_on_the_last_comment() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        for _ in range(3):
            await pilot.press("ctrl+d")
            assert cursor_author(app) == "grebe"
        await pilot.press("g")
        await pilot.press("ctrl+u")
        assert cursor_author(app) == "quietfrog"
        positions = []
        for _ in range(12):
            await pilot.press("pagedown")
            positions.append(comment_view(app).cursor)
        assert positions == sorted(positions) and positions[-1] == 16


async def test_shrinking_the_terminal_keeps_the_cursor_on_screen() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g", "j", "j", "j", "j", "j")
        assert cursor_author(app) == "verdigris"
        await pilot.resize_terminal(80, 12)
        await pilot.pause()
        view = comment_view(app)
        row = view.layout_rows.starts[view.cursor] - int(view.scroll_y)
        assert 0 <= row < view.page_height


async def test_page_up_at_the_top_does_not_scroll() -> None:
    from hn_fixtures import FIXTURES

    from fetchers.saved import load_thread_file
    from tests.tui_support import app_with_source

    async def source(progress: object) -> object:
        return load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json")

    app = app_with_source(source)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g", "pageup")
        assert comment_view(app).scroll_y == 0
        assert "Speed Is the Killer Feature" in view_lines(app)[0]
