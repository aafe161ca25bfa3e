"""Extremes: 5,000-deep threads (through Firebase and in the model), a megabyte comment,
empty threads, a thread of only deleted comments. Nothing may recurse per level."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

import fetchers.json_decode
from fetchers.errors import BadResponse
from fetchers.hackernews import fetch_thread
from fetchers.saved import load_thread_file
from tests.tui_support import app_with_source, comment_view, cursor_author, status_text
from threads.blocks import Block, Span
from threads.dump_json import thread_to_json
from threads.dump_markdown import thread_to_markdown
from threads.dump_text import thread_to_text
from threads.folding import FoldedView
from threads.model import Comment, Thread
from threads.row_layout import RowLayout
from threads.search_index import SearchIndex

DEPTH = 5000


def chain(depth: int = DEPTH) -> Thread:
    thread = Thread("hackernews", "1", "Deep")
    level = thread.comments
    for number in range(depth):
        body = (Block("paragraph", (Span(f"level {number} talks about recursion"),)),)
        comment = Comment(str(number + 2), f"u{number % 7}", None, body=body)
        level.append(comment)
        level = comment.children
    return thread


async def test_a_5000_deep_thread_through_the_firebase_path() -> None:
    def items(request: httpx.Request) -> httpx.Response:
        if "/items/" in request.url.path:  # Algolia: pretend it is down
            return httpx.Response(503)
        item = int(re.search(r"/item/(\d+)\.json", request.url.path)[1])  # type: ignore[index]
        if item == 1:
            return httpx.Response(
                200, json={"id": 1, "type": "story", "title": "Deep", "kids": [2]}
            )
        kids = [item + 1] if item <= DEPTH else []
        return httpx.Response(
            200,
            json={"id": item, "type": "comment", "by": "a", "text": f"level {item}", "kids": kids},
        )

    client = httpx.AsyncClient(transport=httpx.MockTransport(items))
    thread = await fetch_thread(client, "1")
    assert thread.comment_count == DEPTH
    assert thread.depth(str(DEPTH + 1)) == DEPTH - 1


def test_a_5000_deep_thread_in_the_model_dumps_and_search() -> None:
    thread = chain()
    assert thread.descendant_count("2") == DEPTH - 1
    document = fetchers.json_decode.decode_json(thread_to_json(thread), "dump")
    node, levels = document["comments"][0], 1
    while node["replies"]:
        node, levels = node["replies"][0], levels + 1
    assert levels == DEPTH
    text = thread_to_text(thread, 80)
    assert "level 4999 talks" in text
    assert max(len(line) for line in text.splitlines()) <= 80
    markdown = thread_to_markdown(thread)
    assert "depth 4999" in markdown and len(markdown) < 2_000_000
    assert len(SearchIndex(thread).search("recursion")) == DEPTH
    view = FoldedView(thread)
    rows = RowLayout(view, 80)
    rows.make_exact(DEPTH - 10, DEPTH - 1)
    assert rows.shown_levels(DEPTH - 1) == rows.max_levels


def test_a_5000_deep_algolia_file_is_read(tmp_path: Path) -> None:
    node: dict[str, Any] = {"id": DEPTH + 2, "author": "z", "text": "bottom", "children": []}
    for number in range(DEPTH + 1, 1, -1):
        node = {"id": number, "author": "a", "text": f"level {number}", "children": [node]}
    story = {"id": 1, "title": "Deep", "type": "story", "author": "op", "children": [node]}
    path = tmp_path / "deep.json"
    path.write_text(_dump_deep(story))
    thread = load_thread_file(path)
    assert thread.comment_count == DEPTH + 1


def _dump_deep(node: dict[str, Any]) -> str:
    """json.dumps recurses too: write the nested children by hand."""
    parts: list[str] = []
    closing: list[str] = []
    while True:
        children = node["children"]
        fields = {k: v for k, v in node.items() if k != "children"}
        parts.append(json.dumps(fields)[:-1] + ', "children": [')
        closing.append("]}")
        if not children:
            break
        node = children[0]
    return "".join(parts) + "".join(reversed(closing))


def test_json_deeper_than_the_limit_is_refused_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetchers.json_decode, "MAX_DEPTH", 3000)
    with pytest.raises(BadResponse, match="nested more than 3,000 levels deep"):
        fetchers.json_decode.decode_json("[" * 10_000 + "]" * 10_000, "the file")


async def test_the_reader_on_a_5000_deep_thread() -> None:
    async def source(progress: Any) -> Thread:
        return chain()

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        assert cursor_author(app) == f"u{(DEPTH - 1) % 7}"
        lines = [comment_view(app).render_line(y).text for y in range(20)]
        assert any(f"⤷{DEPTH - 1}" in line for line in lines)
        await pilot.press("C")
        assert len(comment_view(app).folds) == 1
        await pilot.press("E", "minus", "plus", "g", "slash", *"level", "enter")
        await pilot.pause(0.5)
        assert "/5,000" in status_text(app) or "/5000" in status_text(app)


async def test_a_megabyte_comment_in_the_reader() -> None:
    big = " ".join(f"word{n}" for n in range(180_000))  # ~1.2 MB

    async def source(progress: Any) -> Thread:
        body = (Block("paragraph", (Span(big),)),)
        return Thread("hackernews", "1", "Big", comments=[Comment("2", "a", None, body=body)])

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+d", "ctrl+d", "G", "g")
        view = comment_view(app)
        assert view.layout_rows.height(0) > 10_000
        assert "word0" in view.render_line(view.layout_rows.starts[0] + 1).text


@pytest.mark.parametrize("kind", ["empty", "only deleted"])
async def test_threads_with_nothing_to_read(kind: str) -> None:
    async def source(progress: Any) -> Thread:
        thread = Thread("hackernews", "1", "Quiet story", author="op")
        if kind == "only deleted":
            thread.comments = [
                Comment(
                    "2", None, None, deleted=True, children=[Comment("3", None, None, deleted=True)]
                ),
            ]
        return thread

    app = app_with_source(source)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "k", "G", "space", "C", "E", "minus", "f", "o", "y", "apostrophe")
        await pilot.press("J", "K", "p", "right_square_bracket", "left_square_bracket", "ctrl+d")
        await pilot.press("slash", "x", "enter", "n")
        await pilot.pause()
        assert app.return_code is None  # still running, nothing raised
        expected = "no comments" if kind == "empty" else "1/1 · 1 folded"  # C folded it
        assert expected in status_text(app)
