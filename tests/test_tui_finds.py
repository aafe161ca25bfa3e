"""Finding keys: `u`/`U` by the same author, `c` through a comment's replies, `T` when
it was posted, a number then `G` for comment N."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.tui_support import (
    FIXED_NOW,
    app_with_source,
    comment_view,
    cursor_author,
    notices,
    status_text,
)
from threads.blocks import Block, Span
from threads.comment_finds import absolute_time, next_by_author, next_reply
from threads.model import Comment, Thread

POSTED = datetime(2024, 5, 25, 9, 28, tzinfo=UTC)


def thread() -> Thread:
    """a alice > (b bob > c alice), d carol; e bob; f alice — in that display order."""

    def comment(cid: str, author: str, *children: Comment) -> Comment:
        body = (Block("paragraph", (Span(f"comment {cid} by {author}"),)),)
        created = POSTED + timedelta(hours=ord(cid) - ord("a"))
        return Comment(cid, author, created, body=body, children=list(children))

    return Thread(
        "hackernews",
        "1",
        "Finds",
        comments=[
            comment(
                "a", "alice", comment("b", "bob", comment("c", "alice")), comment("d", "carol")
            ),
            comment("e", "bob"),
            comment("f", "alice"),
        ],
    )


def test_the_same_author_and_replies_in_the_model() -> None:
    t = thread()
    assert next_by_author(t, "a", +1) == "c"
    assert next_by_author(t, "c", +1) == "f"
    assert next_by_author(t, "f", +1) is None
    assert next_by_author(t, "e", -1) == "b"
    assert next_reply(t, "a", None) == "b"
    assert next_reply(t, "a", "b") == "d"
    assert next_reply(t, "a", "d") is None
    assert next_reply(t, "e", None) is None
    assert absolute_time(POSTED) == "Sat 25 May 2024, 09:28 UTC"


def finds_app() -> Any:
    async def source(progress: Any) -> Thread:
        return thread()

    return app_with_source(source)


def cursor_id(app: Any) -> str | None:
    comment = comment_view(app).cursor_comment
    return None if comment is None else comment.id


async def test_u_and_U_go_through_one_author_even_into_folded_replies() -> None:
    app = finds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # fold alice's first comment: her reply is hidden
        await pilot.press("u")
        assert cursor_id(app) == "c"  # unfolded to show it
        await pilot.press("u")
        assert cursor_id(app) == "f"
        await pilot.press("u")
        assert cursor_id(app) == "f"
        assert "No comment by alice after this one." in notices(app)
        await pilot.press("U", "U")
        assert cursor_id(app) == "a"


async def test_c_steps_through_the_direct_replies_of_a_comment() -> None:
    app = finds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert cursor_id(app) == "b"
        await pilot.press("c")
        assert cursor_id(app) == "d"  # alice's second reply, past bob's own reply
        await pilot.press("c")
        assert cursor_id(app) == "d"
        assert "No more replies to that comment." in notices(app)
        await pilot.press("j")  # e: no replies
        await pilot.press("c")
        assert "No replies to this comment." in notices(app)


async def test_T_says_when_the_comment_was_posted() -> None:
    app = finds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("T")
        assert "alice posted Sat 25 May 2024, 09:28 UTC" in notices(app)
        assert FIXED_NOW > POSTED and "2d ago" in notices(app)


async def test_a_number_then_G_goes_to_that_comment() -> None:
    app = finds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5", "G")
        assert cursor_id(app) == "e"
        assert status_text(app).startswith("5/6") or "5/6" in status_text(app)
        await pilot.press("2", "end")
        assert cursor_id(app) == "b"
        await pilot.press("3", "j", "G")  # a move in between: the number is dropped
        assert cursor_id(app) == "f"
        await pilot.press("9", "9", "G")  # past the end: the last one
        assert cursor_author(app) == "alice" and cursor_id(app) == "f"
