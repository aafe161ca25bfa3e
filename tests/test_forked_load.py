"""The launch's load in a forked child (tui/forked_load.py), as `threadreader` runs it.

Forking is only done by a process with a single thread, which a pytest worker is not, so
each test runs a small reader stand-in in a fresh interpreter: it forks the load the way
`tui.__main__` does, takes the steps as the thread screen does, and prints what it got.
The HN APIs are a local replay server (Algolia in date order, Firebase in HN's order).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hn_fixtures import BIG_STORY_ID, HNReplay, firebase_order, replay_files
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

ROOT = Path(__file__).resolve().parent.parent

READER = """
import asyncio, json, os, sys, threading
from fetchers.load_steps import final_thread
from fetchers.targets import parse_target
from tui.forked_load import start_forked_load

target = parse_target(sys.argv[1])
child = start_forked_load(target, settle=True)
from tui.prefetch import Prefetch

prefetch = Prefetch(target, settle=True, child=child)
print(json.dumps({"forked": child is not None, "child": child and child._pid}), flush=True)
if sys.argv[2] == "quit":  # the reader goes away at once
    os._exit(0)

async def first_then(then):
    steps = prefetch.take_steps()
    first = await anext(steps)
    while first.preview and then != "close-at-preview":  # the first screenful, then the whole
        first = await anext(steps)
    print(json.dumps({"first": first.thread.comment_count}), flush=True)
    if then in ("close", "close-at-preview"):  # the reader reloads, or closes the thread
        await steps.aclose()
        await asyncio.sleep(1.5)
        loading_here = any(t.name == "prefetch" and t.is_alive() for t in threading.enumerate())
        print(json.dumps({"child_alive": os.path.exists(f"/proc/{child._pid}"),
                          "loading_here": loading_here}), flush=True)
    else:  # it asks for the rest, then quits while the child settles
        asking = asyncio.ensure_future(anext(steps, None))
        await asyncio.sleep(0.5)
        os._exit(0)

if sys.argv[2] in ("close", "close-at-preview", "quit-settling"):
    asyncio.run(first_then(sys.argv[2]))
    sys.exit(0)

async def read():
    steps = prefetch.take_steps()
    thread = await final_thread(steps)
    return {"top": [c.id for c in thread.comments], "count": thread.comment_count}

try:
    print(json.dumps(asyncio.run(read())), flush=True)
except Exception as error:
    print(json.dumps({"error": type(error).__name__, "message": str(error)}), flush=True)
"""


def run_reader(target: str, *, then: str = "read") -> tuple[list[dict[str, Any]], str]:
    """The stand-in's printed lines, and whatever else reached its stdout or stderr."""
    result = subprocess.run(
        [sys.executable, "-c", READER, target, then],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    stray = "\n".join(
        [line for line in result.stdout.splitlines() if not line.startswith("{")]
        + ([result.stderr] if result.stderr.strip() else [])
    )
    return lines, stray


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_the_forked_load_settles_the_thread_like_a_load_in_the_reader(
    hn_server: HTTPServer,
) -> None:
    algolia, firebase = replay_files()
    replay = HNReplay(algolia, firebase).serve(hn_server)
    lines, stray = run_reader(str(BIG_STORY_ID))
    started, result = lines
    assert started["forked"]
    assert result["top"] == firebase_order(firebase, BIG_STORY_ID)
    assert result["count"] > 480
    assert replay.firebase_requested  # the child settled: it asked Firebase for the order
    assert stray == ""  # the child never writes on the reader's terminal
    assert not _alive(started["child"])  # and was reaped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_a_failure_in_the_child_reaches_the_reader_as_one_sentence() -> None:
    # The autouse fixture points both HN APIs at a closed port.
    lines, stray = run_reader("1")
    started, result = lines
    assert started["forked"]
    assert result["error"] == "Unreachable"
    assert "Hacker News" in result["message"] and "\n" not in result["message"]
    assert stray == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_a_thread_too_deep_to_send_is_loaded_by_the_reader_itself(
    hn_server: HTTPServer,
) -> None:
    depth = 5000  # deeper than pickle can recurse: the child's step cannot travel
    # (json.dumps recurses too: the nesting is written by hand)
    opening = "".join(
        f'{{"id": {item}, "author": "a", "text": "level {item}", "children": ['
        for item in range(2, depth + 2)
    )
    story = f'{{"id": 1, "type": "story", "title": "Deep", "children": [{opening}{"]}" * depth}]}}'
    hn_server.expect_request("/api/v1/items/1").respond_with_data(
        story, content_type="application/json"
    )
    hn_server.expect_request("/v0/item/1.json").respond_with_json(
        {"id": 1, "type": "story", "title": "Deep", "kids": [2], "descendants": depth}
    )
    lines, stray = run_reader("1")
    started, result = lines
    assert started["forked"]
    assert result["top"] == ["2"] and result["count"] == depth
    assert stray == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_the_child_ends_when_the_reader_has_gone(hn_server: HTTPServer) -> None:
    def slow_algolia(request: Request) -> Response:
        time.sleep(1.0)  # the reader quits while the child waits for this
        return Response(json.dumps({"id": 1, "type": "story", "children": []}))

    hn_server.expect_request("/api/v1/items/1").respond_with_handler(slow_algolia)
    hn_server.expect_request("/v0/item/1.json").respond_with_json(
        {"id": 1, "type": "story", "kids": []}
    )
    lines, _ = run_reader("1", then="quit")
    (started,) = lines
    assert started["forked"] and _alive(started["child"])
    deadline = time.monotonic() + 10
    while _alive(started["child"]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(started["child"])


def _alive(pid: int) -> bool:
    """Running (a zombie nobody has reaped yet has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


class SlowSettling(HNReplay):
    """The replay, with every Firebase comment taking `delay` seconds to come."""

    def __init__(self, delay: float) -> None:
        super().__init__(*replay_files())
        self.delay = delay

    def __call__(self, request: Request) -> Response:
        if request.path.startswith("/v0/") and request.path != f"/v0/item/{BIG_STORY_ID}.json":
            time.sleep(self.delay)
        return super().__call__(request)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
@pytest.mark.parametrize(
    ("then", "first_count_ok"),
    [
        ("close", lambda count: count > 400),  # after the whole thread
        # Only the first screenful had come: the reader must not take that for a child
        # that failed (it would load the whole thread in its own process).
        ("close-at-preview", lambda count: count == 100),
    ],
)
def test_the_child_ends_when_the_reader_takes_no_more_steps(
    hn_server: HTTPServer, then: str, first_count_ok: Callable[[int], bool]
) -> None:
    SlowSettling(0.0).serve(hn_server)
    lines, stray = run_reader(str(BIG_STORY_ID), then=then)
    started, first, after = lines
    assert first_count_ok(first["first"])
    assert after["child_alive"] is False  # it did not wait forever to be asked for more
    assert after["loading_here"] is False  # and the reader loads nothing itself
    assert stray == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
def test_the_child_ends_with_the_reader_even_in_the_middle_of_settling(
    hn_server: HTTPServer,
) -> None:
    SlowSettling(3.0).serve(hn_server)  # a settling request outlasts the reader
    lines, _ = run_reader(str(BIG_STORY_ID), then="quit-settling")
    started, first = lines
    assert first["first"] > 400
    deadline = time.monotonic() + 1.5  # well before the slow request would end
    while _alive(started["child"]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(started["child"])


def test_a_comment_crosses_from_the_child_with_every_field_as_it_was() -> None:
    """Frames leave out the fields still at their default: every other value, and the
    defaults themselves, must come back as they were (the channel, without a fork)."""
    from datetime import UTC, datetime

    from fetchers.load_steps import LoadStep
    from threads.model import Comment, MoreStub, Thread
    from tui.forked_load import FrameChannel

    when = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    plain = Comment("1", "ann", when)
    unusual = Comment(
        "2",
        None,
        None,
        deleted=True,
        dead=True,
        score=0,  # falsy, but not the default (None)
        warning="spoilers",
        context=True,
        url="https://example.com/c/2",
        stickied=True,
        distinguished="moderator",
        edited=when,
    )
    stub = Comment("3", None, None, more=MoreStub(7, ("8", "9")))
    plain.children = [unusual, stub]
    thread = Thread(source="hackernews", id="100", title="t", comments=[plain])
    names = ("id", "author", "created", "body", "deleted", "dead", "score", "warning")
    names += ("context", "url", "more", "stickied", "distinguished", "edited")

    memory = os.memfd_create("frames-test")
    read_end, write_end = os.pipe()
    try:
        FrameChannel(write_end, memory).send("step", LoadStep(thread=thread))
        frame = FrameChannel(read_end, memory).receive()
    finally:
        for fd in (memory, read_end, write_end):
            os.close(fd)

    assert frame is not None and frame[0] == "step"
    received = frame[1].thread  # type: ignore[attr-defined]
    sent_rows = [[getattr(c, n) for n in names] for c in thread.tree.order]
    got_rows = [[getattr(c, n) for n in names] for c in received.tree.order]
    assert got_rows == sent_rows
    assert [len(c.children) for c in received.tree.order] == [2, 0, 0]
