"""The outline (`i`): top-level comments one a line, following the cursor, jumping."""

from __future__ import annotations

from typing import Any

from tests.overview_threads import long_top_level_thread
from tests.test_snapshots_overview import app_on
from tests.tui_support import comment_view, cursor_author, thread_screen, view_lines
from threads.outline import Outline
from tui.widgets.outline_panel import OutlinePanel


def panel(app: Any) -> OutlinePanel:
    return thread_screen(app).query_one(OutlinePanel)


def panel_lines(app: Any) -> list[str]:
    outline = panel(app)
    return [outline.render_line(y).text.rstrip() for y in range(outline.size.height)]


async def test_enter_in_the_outline_jumps_and_opens_the_comment() -> None:
    app = app_on(long_top_level_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("C", "i")
        assert panel_lines(app)[0].startswith("▶ author0  2 replies  #0 All:")
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert not panel(app).display  # over the thread: it closes
        view = comment_view(app)
        assert cursor_author(app) == "author3"
        assert not view.folds.is_folded(view.cursor_comment.id)  # type: ignore[union-attr]
        assert view.layout_rows.height(view.cursor) > 10  # its text is open again
        assert app.focused is view


async def test_the_outline_follows_the_cursor_beside_the_thread() -> None:
    app = app_on(long_top_level_thread())
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("i", "G", "enter")
        await pilot.pause()
        assert panel(app).cursor == 39  # beside: it stays open
        assert cursor_author(app) == "author39"
        await pilot.press("g")  # the thread's own g, the focus went back to it
        assert panel(app).cursor == 0
        await pilot.press("]", "]")
        assert panel(app).cursor == 2


async def test_the_thread_narrows_and_keeps_the_cursor_row_beside_the_outline() -> None:
    app = app_on(long_top_level_thread())
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("]", "]", "j")
        view = comment_view(app)
        row = view.layout_rows.starts[view.cursor] - int(view.scroll_y)
        wide = view.size.width
        await pilot.press("i")
        await pilot.pause()
        assert view.size.width < wide
        assert view.layout_rows.starts[view.cursor] - int(view.scroll_y) == row
        await pilot.press("escape")
        await pilot.pause()
        assert view.size.width == wide and app.focused is view


def test_an_outline_row_shows_the_new_count_when_there_is_one() -> None:
    outline = Outline(long_top_level_thread(3))
    line = "".join(text for text, _ in outline.line(0, 80, new_under=lambda _id: 2))
    assert line.startswith("author0  2 replies  2 new  #0 All:") and len(line) <= 80
    assert "new" not in "".join(text for text, _ in outline.line(0, 80))


def screen_lines(app: Any) -> list[str]:
    """The whole screen as the terminal shows it (footer included)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_the_outline_opens_and_closes_again_and_again_following_the_cursor() -> None:
    app = app_on(long_top_level_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        view = comment_view(app)
        for top_level in (0, 2, 5):
            while cursor_author(app) != f"author{top_level}":
                await pilot.press("j")
            await pilot.press("i")
            await pilot.pause()
            assert panel(app).display and not view.display  # over the thread at 80 columns
            assert panel(app).cursor == top_level
            assert panel_lines(app)[top_level].startswith(f"▶ author{top_level} ")
            assert app.focused is panel(app)
            await pilot.press("escape")
            await pilot.pause()
            assert not panel(app).display and view.display
            assert app.focused is view and cursor_author(app) == f"author{top_level}"


async def test_the_footer_shows_the_keys_of_what_has_the_focus() -> None:
    app = app_on(long_top_level_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        thread_footer = screen_lines(app)[-1]
        assert "Fold" in thread_footer and "Search" in thread_footer
        for _ in range(2):
            await pilot.press("i")
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert "Jump" in footer and "Close outline" in footer
            assert "Fold" not in footer and "Search" not in footer
            assert footer.count("Help") == 1  # keys the outline does not need are gone
            await pilot.press("escape")
            await pilot.pause()
            assert screen_lines(app)[-1] == thread_footer


async def test_a_reloaded_thread_gets_a_fresh_outline() -> None:
    app = app_on(long_top_level_thread(5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = comment_view(app)
        await pilot.press("i", "escape")
        view.replace_thread(long_top_level_thread(7))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert len(panel(app).outline) == 7
        assert panel_lines(app)[6].startswith("  author6 ")


async def test_a_resize_keeps_the_cursor_row_and_draws_the_new_width_at_once() -> None:
    from threads.comment_lines import body_lines

    app = app_on(long_top_level_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("]", "]", "]")
        view = comment_view(app)
        comment = view.cursor_comment
        row = view.cursor_screen_row()
        for size in ((200, 50), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert view.cursor_comment is comment and view.cursor_screen_row() == row
            rows = view.layout_rows
            assert rows.width == min(view.scrollable_content_region.width, view.max_width)
            wrapped = body_lines(comment.body, rows.text_width(view.folds.depth_at(view.cursor)))
            lines = view_lines(app)
            assert len(wrapped) > 3 and len(lines) - row > 4  # several body rows are checked
            for offset, line in enumerate(wrapped[: len(lines) - row - 1], start=1):
                text = "".join(piece for piece, _ in line).strip()
                assert text in lines[row + offset]  # wrapped for this width, on its row


def _keys(widgets: Any) -> list[tuple[str, str, bool]]:
    return [(w.key_display, w.description, w.has_class("-disabled")) for w in widgets]


async def test_the_thread_footer_shows_what_textuals_footer_would() -> None:
    # The footer updates its keys in place (tui/widgets/steady_footer.py, built on
    # Footer's internals): whatever has the focus, the keys shown must be the ones
    # Textual's own Footer composes for it, in its order.
    from textual._context import active_message_pump
    from textual.compose import compose

    from tui.widgets.steady_footer import SteadyFooter

    app = app_on(long_top_level_thread())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = thread_screen(app).query_one(SteadyFooter)
        for keys in ("", "i", "escape", "i", "escape", "slash", "escape"):
            if keys:
                await pilot.press(keys)
            await pilot.pause()
            shown = [w for w in footer.children if w.display and "-textual-system" not in w.classes]
            token = active_message_pump.set(footer)  # compose as the footer itself would
            try:
                expected = compose(footer)
            finally:
                active_message_pump.reset(token)
            assert _keys(shown) == _keys(expected), keys
