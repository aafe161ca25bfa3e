"""An Ask HN post's own text is a comment-like block: `k` from the first comment puts
the cursor on it, and `o`, `f`, `y`, `Y` work on it; `O` on a post without a link offers
the links in its text."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_tui_jumps import capture_terminal, osc52_payloads
from tests.tui_support import app_with_source, comment_view, notices, view_lines
from threads.blocks import Block, Span
from threads.html_text import html_to_body
from threads.model import Comment, Thread

STORY_HTML = (
    "<p>Which profiler do you use? I tried perf [1] and "
    '<a href="https://example.org/flame">flame graphs</a>.'
    "<p>[1] https://example.com/perf-notes"
)


def ask_thread(html: str = STORY_HTML) -> Thread:
    reply = Comment("2", "bob", None, body=(Block("paragraph", (Span("py-spy, mostly."),)),))
    return Thread(
        "hackernews",
        "1",
        "Ask HN: Profilers?",
        author="alice",
        body=html_to_body(html),
        comments=[reply],
    )


def ask_app(thread: Thread | None = None) -> Any:
    async def source(progress: Any) -> Thread:
        return thread or ask_thread()

    return app_with_source(source)


@pytest.fixture(autouse=True)
def remote(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over SSH links are copied (OSC 52), never handed to a browser."""
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    monkeypatch.delenv("TMUX", raising=False)


async def test_k_on_the_first_comment_puts_the_cursor_on_the_story() -> None:
    app = ask_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        view = comment_view(app)
        assert view.story_selected
        assert view_lines(app)[0].startswith("▌")  # the cursor bar on the story's rows
        await pilot.press("j")
        assert not view.story_selected and view.cursor == 0


async def test_o_y_Y_and_f_work_on_the_story_text() -> None:
    app = ask_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        written = capture_terminal(app)
        await pilot.press("k", "y")
        assert osc52_payloads(written)[-1] == "https://news.ycombinator.com/item?id=1"
        await pilot.press("Y")
        assert "Which profiler do you use?" in osc52_payloads(written)[-1]
        await pilot.press("o")  # two links: a picker of the story's links
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause(0.6)  # a picker may wait briefly for a second digit
        assert "https://example.com/perf-notes" in osc52_payloads(written)
        await pilot.press("f")
        await pilot.pause()
        assert "never defined" not in notices(app)
        assert "has no footnotes" not in notices(app)


async def test_O_on_a_text_post_offers_the_links_in_its_text() -> None:
    app = ask_app(ask_thread('<p>See <a href="https://example.org/only">this</a>.'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        written = capture_terminal(app)
        await pilot.press("O")  # one link: taken at once
        await pilot.pause()
        assert osc52_payloads(written) == ["https://example.org/only"]


async def test_O_on_a_text_post_without_links_says_so() -> None:
    app = ask_app(ask_thread("<p>Just a question."))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("O")
        assert "no link of its own" in notices(app)
