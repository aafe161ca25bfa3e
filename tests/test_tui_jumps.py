"""Footnote jumps, the way back, links (OSC 52 over SSH), copying and quote sources."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest

from tests.tui_support import (
    app_with_source,
    comment_view,
    cursor_author,
    notices,
    sample_app,
    settle,
    status_text,
)
from threads.blocks import Block, Span
from threads.model import Comment, Thread
from tui.screens.picker import PickerScreen


def capture_terminal(app: Any) -> list[str]:
    """Everything the app writes to the terminal from now on."""
    written: list[str] = []
    original = app._driver.write

    def write(data: str) -> None:
        written.append(data)
        original(data)

    app._driver.write = write
    return written


def osc52_payloads(written: list[str]) -> list[str]:
    found = re.findall(r"\x1b\]52;c;([A-Za-z0-9+/=]+)\x07", "".join(written))
    return [base64.b64decode(item).decode() for item in found]


def target_rows(app: Any) -> list[str]:
    view = comment_view(app)
    assert view.target is not None
    comment_id, first, last = view.target
    position = view.folds.position_of(comment_id)
    assert position is not None
    start = view.layout_rows.starts[position] - int(view.scroll_y)
    return [
        view.render_line(start + row).text.lstrip("▌│ ").rstrip() for row in range(first, last + 1)
    ]


async def test_f_opens_a_picker_and_a_digit_jumps_to_the_definition() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "3 footnotes" in status_text(app)
        await pilot.press("f")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("2")  # the second entry: [2]
        await pilot.pause()
        assert target_rows(app)[0].startswith("[2] In the Valentian sense")
        await pilot.press("f", "1")
        await pilot.pause()
        assert target_rows(app)[0].startswith("[1] Good luck figuring out")


async def test_the_unreferenced_footnote_is_listed_too() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f", "3")
        await pilot.pause()
        assert target_rows(app)[0].startswith("[0] The clarion call")


async def test_backspace_returns_to_exactly_where_the_reader_was() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = comment_view(app)
        await pilot.press("ctrl+d", "k")
        before = (cursor_author(app), view.scroll_y)
        await pilot.press("g")
        await pilot.press("f", "2")
        await pilot.pause()
        await pilot.press("f", "1")
        await pilot.pause()
        await pilot.press("backspace")  # back to [2]
        assert view.target is None  # back on the first definition's place: no highlight
        await pilot.press("ctrl+o")  # back to the top
        assert (cursor_author(app), view.scroll_y) == ("quietfrog", 0)
        await pilot.press("backspace")
        assert "Nowhere to go back to" in notices(app)
        assert before[0] is not None


async def test_back_restores_the_screen_row_after_a_jump_from_mid_thread() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = comment_view(app)
        await pilot.press("J", "J", "j")  # nullset
        where = (cursor_author(app), int(view.scroll_y))
        await pilot.press("slash", *"Valentian", "enter")
        await pilot.pause(0.3)
        await pilot.press("g", "f", "2")
        await pilot.pause()
        await pilot.press("backspace")
        assert (cursor_author(app), int(view.scroll_y)) == ("quietfrog", 0)
        assert where[0] == "nullset"


async def test_a_reference_without_definition_says_so() -> None:
    async def source(progress: Any) -> Thread:
        body = (Block("paragraph", (Span("A claim[7] with no note."),)),)
        return Thread("hackernews", "1", "t", comments=[Comment("2", "ann", None, body=body)])

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert "[7] is referenced but never defined" in notices(app)


async def test_quote_of_the_article_says_source_not_in_thread() -> None:
    """The sample's article cannot be fetched (offline): the thread stays, one sentence.
    (Reader mode on the quoted passage: tests/test_tui_reader.py.)"""
    from fetchers.errors import Unreachable
    from tui.article_cache import ArticleCache

    async def offline(url: str) -> Any:
        raise Unreachable(f"Could not reach {url}.")

    app = sample_app()
    app.articles = ArticleCache(offline)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J", "J")
        assert cursor_author(app) == "holloway"
        await pilot.press("apostrophe")
        await settle(pilot)
        assert cursor_author(app) == "holloway"  # did not jump anywhere
        assert "source not in this thread" in notices(app)


async def test_quote_of_an_ancestor_jumps_there_and_back() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("J", "J", "j", "j", "j", "j")
        assert cursor_author(app) == "essayreader"
        await pilot.press("apostrophe")
        assert cursor_author(app) == "nullset"
        assert "current forms of capitalism" in " ".join(target_rows(app))
        await pilot.press("backspace")
        assert cursor_author(app) == "essayreader"


def thread_with_links(extra_url: str) -> Thread:
    first = Comment("11", "ann", None, body=(Block("paragraph", (Span("first"),)),))
    body = (Block("paragraph", (Span("See "), Span("that", href=extra_url))),)
    second = Comment("12", "bob", None, body=body)
    return Thread("hackernews", "10", "Links", comments=[first, second])


async def test_over_ssh_a_link_is_copied_with_osc52_and_no_browser_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    monkeypatch.delenv("TMUX", raising=False)

    def no_browser(command: list[str]) -> None:
        raise AssertionError(f"tried to start {command}")

    monkeypatch.setattr("tui.opener._launch_detached", no_browser)

    async def source(progress: Any) -> Thread:
        return thread_with_links("https://example.org/paper")

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        written = capture_terminal(app)
        await pilot.press("j", "o")
        assert osc52_payloads(written) == ["https://example.org/paper"]
        assert "Copied to the clipboard" in notices(app)


async def test_inside_tmux_the_copy_is_also_sent_through_passthrough(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSH_TTY", "/dev/pts/3")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        written = capture_terminal(app)
        await pilot.press("y")
        joined = "".join(written)
        assert "\x1bPtmux;\x1b\x1b]52;c;" in joined
        assert osc52_payloads(written)[0].endswith("item?id=40475972")


async def test_a_local_desktop_opens_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    launched: list[list[str]] = []
    monkeypatch.setattr("tui.opener._launch_detached", launched.append)
    monkeypatch.setattr("tui.opener.browser_command", lambda: ["xdg-open"])

    async def source(progress: Any) -> Thread:
        return thread_with_links("https://example.org/paper")

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "o")
        assert launched == [["xdg-open", "https://example.org/paper"]]


async def test_unsafe_schemes_are_never_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.opener._launch_detached", lambda command: pytest.fail("launched"))

    async def source(progress: Any) -> Thread:
        return thread_with_links("javascript:alert(1)")

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        written = capture_terminal(app)
        await pilot.press("j", "o")
        assert osc52_payloads(written) == []
        assert "Not opening a javascript: link" in notices(app)


async def test_a_link_to_a_comment_of_this_thread_jumps_there_and_back() -> None:
    async def source(progress: Any) -> Thread:
        return thread_with_links("https://news.ycombinator.com/item?id=11")

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        assert cursor_author(app) == "bob"
        await pilot.press("o")
        assert cursor_author(app) == "ann"
        await pilot.press("backspace")
        assert cursor_author(app) == "bob"


async def test_capital_y_copies_the_comment_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        written = capture_terminal(app)
        await pilot.press("Y")
        assert osc52_payloads(written)[0].startswith("The problem with this argument")


async def test_brackets_in_a_link_cannot_break_the_notification(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSH_TTY", "/dev/pts/1")
    monkeypatch.delenv("TMUX", raising=False)

    async def source(progress: Any) -> Thread:
        return thread_with_links("https://evil.example/a[/]b[bold]")

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "o")
        await pilot.pause()
        assert app.return_code is None  # a markup error would have ended the app
        assert "a[/]b[bold]" in notices(app)


async def test_capital_o_opens_the_story_link(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    monkeypatch.delenv("TMUX", raising=False)
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        written = capture_terminal(app)
        await pilot.press("O")
        assert osc52_payloads(written) == ["https://www.example.com/essays/against-open-source-ai"]


LONG_PARAGRAPH = " ".join(
    f"Sentence number {n} says something about topic {n} at some length here." for n in range(1, 16)
)


async def test_quote_highlights_only_the_quoted_passage_of_a_long_paragraph() -> None:
    quoted = "Sentence number 7 says something about topic 7 at some length here."

    async def source(progress: Any) -> Thread:
        reply_body = (
            Block("quote", (Span(quoted),)),
            Block("paragraph", (Span("I disagree."),)),
        )
        reply = Comment("3", "bob", None, body=reply_body)
        parent_body = (Block("paragraph", (Span(LONG_PARAGRAPH),)),)
        parent = Comment("2", "ann", None, body=parent_body, children=[reply])
        return Thread("hackernews", "1", "t", comments=[parent])

    app = app_with_source(source)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        assert cursor_author(app) == "bob"
        await pilot.press("apostrophe")
        assert cursor_author(app) == "ann"
        view = comment_view(app)
        paragraph_rows = len(view.layout_rows.body(view.thread.comments[0], 0))
        rows = target_rows(app)
        assert paragraph_rows >= 10
        assert 1 <= len(rows) <= 3  # the passage's rows, not the whole paragraph
        assert "topic 7" in " ".join(rows)
        assert "topic 2 " not in " ".join(rows) and "topic 12" not in " ".join(rows)
