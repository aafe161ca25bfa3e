"""Reading comments taller than the screen: paging, `j`/`k` and `G` reach every line."""

from __future__ import annotations

import re
from typing import Any

from tests.tui_support import app_with_source, comment_view, cursor_author, view_lines
from threads.blocks import Block, Span
from threads.model import Comment, Thread

WORDS = 600  # ~50 rows at 80 columns: more than two screens


def words(tag: str) -> str:
    return " ".join(f"{tag}{n:04d}" for n in range(WORDS))


def long_thread() -> Thread:
    """A long first comment, two short ones, a long last one."""

    def comment(number: int, author: str, text: str) -> Comment:
        return Comment(str(number), author, None, body=(Block("paragraph", (Span(text),)),))

    return Thread(
        "hackernews",
        "1",
        "A story with long comments",
        comments=[
            comment(2, "first", words("f")),
            comment(3, "middle", "A short reply."),
            comment(4, "other", "Another short one."),
            comment(5, "last", words("z")),
        ],
    )


def seen_words(app: Any, tag: str) -> set[str]:
    return set(re.findall(rf"\b{tag}\d{{4}}\b", "\n".join(view_lines(app))))


def long_app() -> Any:
    async def source(progress: Any) -> Thread:
        return long_thread()

    return app_with_source(source)


ALL_F = {f"f{n:04d}" for n in range(WORDS)}
ALL_Z = {f"z{n:04d}" for n in range(WORDS)}


async def test_paging_down_shows_every_line_and_the_cursor_follows_the_top() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen_f, seen_z = seen_words(app, "f"), seen_words(app, "z")
        authors = []
        for _ in range(12):
            await pilot.press("ctrl+d")
            seen_f |= seen_words(app, "f")
            seen_z |= seen_words(app, "z")
            authors.append(cursor_author(app))
        assert seen_f == ALL_F  # no line of the first comment skipped
        assert seen_z == ALL_Z  # and the last comment's end was reached
        assert authors[0] == "first"  # still inside the long first comment
        assert authors[-1] == "last"
        assert "z0599" in "\n".join(view_lines(app))


async def test_paging_up_shows_every_line_back_to_the_story() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        seen = seen_words(app, "f") | seen_words(app, "z")
        for _ in range(12):
            await pilot.press("pageup")
            seen |= seen_words(app, "f") | seen_words(app, "z")
        assert seen == ALL_F | ALL_Z
        assert "A story with long comments" in view_lines(app)[0]
        assert cursor_author(app) == "first"


async def test_j_reads_through_a_long_comment_before_moving_on() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = seen_words(app, "f")
        while cursor_author(app) == "first":
            await pilot.press("j")
            seen |= seen_words(app, "f")
        assert seen == ALL_F
        assert cursor_author(app) == "middle"
        await pilot.press("j", "down")
        assert cursor_author(app) == "last"
        seen = seen_words(app, "z")
        for _ in range(6):
            await pilot.press("j")
            seen |= seen_words(app, "z")
        assert seen == ALL_Z  # `j` on the last comment reaches its end


async def test_k_reads_a_long_comment_upwards_from_its_end() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("]")  # the short comment below the long first one
        await pilot.press("k")
        assert cursor_author(app) == "first"
        seen = seen_words(app, "f")
        assert "f0599" in seen  # its last lines first
        for _ in range(6):
            await pilot.press("k")
            seen |= seen_words(app, "f")
        assert seen == ALL_F
        assert "A story with long comments" in view_lines(app)[0]


async def test_G_shows_the_last_line_of_a_last_comment_taller_than_the_screen() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        assert cursor_author(app) == "last"
        assert "z0599" in "\n".join(view_lines(app))
        await pilot.press("g", "end")
        assert "z0599" in "\n".join(view_lines(app))


async def test_moves_on_the_first_comment_keep_the_story_header() -> None:
    app = long_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("k", "h", "K", "up", "left"):
            await pilot.press(key)
            assert "A story with long comments" in view_lines(app)[0], key
            assert cursor_author(app) == "first"
        assert comment_view(app).scroll_y == 0


async def test_G_reaches_the_last_word_of_a_megabyte_comment() -> None:
    big = " ".join(f"word{n}" for n in range(180_000))  # ~1.2 MB

    async def source(progress: Any) -> Thread:
        body = (Block("paragraph", (Span(big),)),)
        return Thread("hackernews", "1", "Big", comments=[Comment("2", "a", None, body=body)])

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        assert "word179999" in "\n".join(view_lines(app))
        await pilot.press("ctrl+u")
        text = "\n".join(view_lines(app))
        assert "word179999" not in text and "word1797" in text  # the screen above the end
