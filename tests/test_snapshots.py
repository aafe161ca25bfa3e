"""Snapshot tests: what the reader looks like at 80x24 (fixed clock, no user config).

Update after an intended visual change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the SVGs in `tests/__snapshots__/` before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.tui_support import FIXED_NOW, app_with_source, sample_app, settle, wait_for_index
from threads.blocks import Block, Span
from threads.model import Comment, Thread

SnapCompare = Callable[..., bool]


def ten_deep_thread() -> Thread:
    """One branch ten levels deep, each reply quoting a little of its parent."""
    thread = Thread(
        source="hackernews",
        id="1",
        title="Ask HN: How deep can a thread go?",
        author="asker",
        points=77,
        created=FIXED_NOW - timedelta(hours=5),
        body=(Block("paragraph", (Span("Testing the indentation plateau at 80 columns."),)),),
    )
    level = thread.comments
    for depth in range(10):
        body = (
            Block("quote", (Span(f"level {depth - 1} said something"),)) if depth else None,
            Block(
                "paragraph",
                (
                    Span(f"Reply at depth {depth}: "),
                    Span("italic", italic=True),
                    Span(" and a link", href="https://example.com/deep"),
                ),
            ),
        )
        comment = Comment(
            id=str(100 + depth),
            author="asker" if depth == 3 else f"user{depth}",
            created=FIXED_NOW - timedelta(hours=4, minutes=-depth * 7),
            body=tuple(b for b in body if b is not None),
        )
        level.append(comment)
        level = comment.children
    return thread


def test_sample_at_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(sample_app(), terminal_size=(80, 24))


def test_sample_folded_to_top_level(snap_compare: SnapCompare) -> None:
    assert snap_compare(sample_app(), press=["J", "C"], terminal_size=(80, 24))


def test_ten_deep_thread_in_16_colours(snap_compare: SnapCompare) -> None:
    async def source(progress: Any) -> Thread:
        return ten_deep_thread()

    app = app_with_source(source)
    app.sixteen_colours = True
    assert snap_compare(app, press=["G"], terminal_size=(80, 24))


def test_search_hit_list_open(snap_compare: SnapCompare) -> None:
    async def type_query(pilot: Any) -> None:
        await pilot.pause(0.3)
        await pilot.press("slash", *"socialist")
        await settle(pilot)  # the query runs in a worker: wait for its result

    assert snap_compare(sample_app(), run_before=type_query, terminal_size=(80, 24))


THEMES = """[themes.politics]
terms = ["capitalism", "socialis*"]
mode = "hide"
color = "magenta"

[themes.training]
terms = ["training", "stolen"]
mode = "highlight"
color = "green"
"""


def themed_app(tmp_path: Path) -> Any:
    config = tmp_path / "config.toml"
    config.write_text(THEMES)
    return sample_app(config)


def test_hidden_comment_stubs(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(themed_app(tmp_path), run_before=wait_for_index, terminal_size=(80, 24))


def test_themes_panel(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def open_panel(pilot: Any) -> None:
        await wait_for_index(pilot)
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(themed_app(tmp_path), run_before=open_panel, terminal_size=(80, 24))


def test_link_picker(snap_compare: SnapCompare) -> None:
    async def source(progress: Any) -> Thread:
        spans = (
            Span("See "),
            Span("the paper", href="https://example.com/paper.pdf"),
            Span(", "),
            Span("https://example.org/code", href="https://example.org/code"),
            Span(" and "),
            Span("the thread", href="https://news.ycombinator.com/item?id=2"),
            Span("."),
        )
        comment = Comment("2", "ann", FIXED_NOW, body=(Block("paragraph", spans),))
        return Thread("hackernews", "1", "Links", author="op", comments=[comment])

    async def open_links(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(app_with_source(source), run_before=open_links, terminal_size=(80, 24))


def test_help_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(sample_app(), press=["question_mark"], terminal_size=(80, 24))


def test_no_color_at_80x24(snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(sample_app(), press=["j"], terminal_size=(80, 24))
