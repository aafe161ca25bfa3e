"""Hacker News as HN shows it: its order at every level, every reply, the first comment at
once. Against a replay where Algolia answers in date order (placeholders stripped, late
comments missing) and Firebase in HN's rank order."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from hn_fixtures import BIG_STORY_ID, HNReplay, algolia_nodes, firebase_order, replay_files
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from fetchers.hackernews import fetch_thread, open_thread
from fetchers.http import make_client
from fetchers.load_steps import LoadStep, final_thread
from threads.model import Thread
from threads.tree_changes import Insert

LATE_TOP, LATE_TOP_REPLY, LATE_REPLY = "9000001", "9000002", "9000003"


async def fetch(item_id: str = str(BIG_STORY_ID), **kwargs: Any) -> Thread:
    async with make_client() as client:
        return await fetch_thread(client, item_id, **kwargs)


def children_orders(thread: Thread) -> dict[str, list[str]]:
    orders = {str(BIG_STORY_ID): [c.id for c in thread.comments]}
    orders.update({c.id: [r.id for r in c.children] for c, _ in thread.walk()})
    return orders


def firebase_comment_ids(replay: HNReplay) -> set[str]:
    return {str(k) for k, item in replay.firebase.items() if item.get("type") == "comment"}


# -- the replay is realistic: a test passing on it proves something ----------------------


def test_the_replay_disagrees_with_hn_order_where_it_matters(replay: HNReplay) -> None:
    algolia_orders = {str(replay.algolia["id"]): [str(c["id"]) for c in replay.algolia["children"]]}
    algolia_orders.update(
        {
            str(n["id"]): [str(c["id"]) for c in n["children"]]
            for n, _ in algolia_nodes(replay.algolia)
        }
    )
    differing = [
        parent
        for parent, order in algolia_orders.items()
        if order != [k for k in firebase_order(replay.firebase, int(parent)) if k in order]
    ]
    assert str(BIG_STORY_ID) in differing  # the top level too
    assert len(differing) >= 50
    stripped = [n for n, _ in algolia_nodes(replay.algolia) if set(n) == {"id", "children"}]
    assert len(stripped) == 5 and any(n["children"] for n in stripped)


# -- settled: HN's order at every level, placeholders, late comments ---------------------


async def test_the_settled_thread_is_in_hn_order_at_every_level(replay: HNReplay) -> None:
    thread = await fetch()
    orders = children_orders(thread)
    assert set(orders) == firebase_comment_ids(replay) | {str(BIG_STORY_ID)}
    for parent, order in orders.items():
        assert order == firebase_order(replay.firebase, int(parent)), parent
    assert thread.comments[0].author == "atleta"  # HN's first, not Algolia's oldest
    assert thread.note is None and thread.missing == 0


async def test_deleted_placeholders_keep_replies_and_dead_comments_get_their_text(
    replay: HNReplay,
) -> None:
    thread = await fetch()
    deleted = [k for k, item in replay.firebase.items() if item.get("deleted")]
    dead = [k for k, item in replay.firebase.items() if item.get("dead")]
    assert len(deleted) == 3 and len(dead) == 2
    for item_id in deleted:
        placeholder = thread.get(str(item_id))
        assert placeholder is not None and placeholder.deleted and placeholder.author is None
        assert [c.id for c in placeholder.children] == firebase_order(replay.firebase, item_id)
    assert any(thread.get(str(k)).children for k in deleted)  # type: ignore[union-attr]
    for item_id in dead:
        comment = thread.get(str(item_id))
        assert comment is not None and comment.dead and not comment.deleted
        assert comment.author == replay.firebase[item_id]["by"]
        assert comment.plain_text  # Algolia had no text for it; Firebase does


async def test_comments_newer_than_algolia_appear_in_place(replay: HNReplay) -> None:
    thread = await fetch()
    assert [c.id for c in thread.comments][1] == LATE_TOP
    assert [c.id for c in thread.get(LATE_TOP).children] == [LATE_TOP_REPLY]  # type: ignore[union-attr]
    late = thread.get(LATE_REPLY)
    assert late is not None and late.plain_text == "A new reply that HN ranks first."
    host = thread.parent(LATE_REPLY)
    assert host is not None and host.children[0].id == LATE_REPLY
    assert thread.comment_count == 488
    assert thread.count_text() == f"{replay.firebase[BIG_STORY_ID]['descendants']:,}"


async def test_settling_asks_only_for_what_can_change(replay: HNReplay) -> None:
    await fetch()
    branching = {n["id"] for n, _ in algolia_nodes(replay.algolia) if len(n["children"]) > 1}
    placeholders = {n["id"] for n, _ in algolia_nodes(replay.algolia) if "author" not in n}
    late = {int(LATE_TOP), int(LATE_TOP_REPLY), int(LATE_REPLY)}
    asked = replay.firebase_requested
    assert set(asked) == {BIG_STORY_ID} | branching | placeholders | late
    assert len(asked) == len(set(asked))  # nothing twice
    assert len(asked) < 120  # of 489 items
    assert replay.algolia_requested == [BIG_STORY_ID]


# -- the first step (what the reader paints first, and what --fast gives) ----------------


async def steps_of(item_id: str, **kwargs: Any) -> list[LoadStep]:
    async with make_client() as client:
        return [step async for step in open_thread(client, item_id, **kwargs)]


async def test_the_first_step_has_hn_top_level_order_and_replies_by_date(
    replay: HNReplay,
) -> None:
    steps = await steps_of(str(BIG_STORY_ID), settle=False)
    assert len(steps) == 1
    thread = steps[0].thread
    assert thread is not None
    top = [k for k in firebase_order(replay.firebase, BIG_STORY_ID) if k != LATE_TOP]
    assert [c.id for c in thread.comments] == top
    for comment, _ in thread.walk():  # replies as Algolia sent them: oldest first
        times = [c.created for c in comment.children if c.created is not None]
        assert times == sorted(times)
    assert replay.firebase_requested == [BIG_STORY_ID]  # asked at the same time as Algolia
    assert thread.count_text() == "480 of 483"  # 5 placeholders, 3 comments to come


async def test_settling_reports_progress_and_ends_done(replay: HNReplay) -> None:
    steps = await steps_of(str(BIG_STORY_ID))
    assert steps[0].thread is not None and steps[0].phase == "ordering"
    middle = steps[1:-1]
    assert all(s.phase == "ordering" and s.progress_text().startswith("ordering ") for s in middle)
    assert steps[-1].phase == "done" and steps[-1].progress_text() == ""
    assert steps[-1].requests == len(replay.firebase_requested) + len(replay.algolia_requested)


# -- failures leave the Algolia thread with a one-line note ------------------------------


async def test_a_firebase_failure_during_settling_leaves_the_algolia_thread_with_a_note(
    replay: HNReplay, monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> None:
    async with make_client() as client:
        steps = open_thread(client, str(BIG_STORY_ID))
        first = await anext(steps)
        # Firebase goes away after the first paint.
        monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", f"http://127.0.0.1:{closed_port}/v0")
        thread = await final_thread(_prepend(first, steps))
    assert thread.comment_count == 485  # everything Algolia had is still there
    assert thread.note is not None and "\n" not in thread.note
    assert thread.note.startswith("Some replies stay in Algolia's order")
    assert [c.id for c in thread.comments] == [c.id for c in first.thread.comments]  # type: ignore[union-attr]


async def _prepend(first: LoadStep, rest: AsyncIterator[LoadStep]) -> AsyncIterator[LoadStep]:
    yield first
    async for step in rest:
        yield step


async def test_firebase_down_from_the_start_gives_algolia_order_and_a_note(
    hn_server: HTTPServer,
) -> None:
    algolia, _ = replay_files()
    hn_server.expect_request(f"/api/v1/items/{BIG_STORY_ID}").respond_with_json(algolia)
    thread = await fetch()  # no Firebase handler: it answers HTTP 500
    assert [c.id for c in thread.comments] == [str(c["id"]) for c in algolia["children"]]
    assert thread.note is not None and thread.note.startswith("Replies are in Algolia's order")
    assert "\n" not in thread.note


# -- opening a comment Algolia does not have ---------------------------------------------


async def test_a_comment_algolia_lacks_opens_its_story_from_algolia(replay: HNReplay) -> None:
    thread = await fetch(LATE_TOP_REPLY)
    assert thread.focus_id == LATE_TOP_REPLY
    assert thread.get(LATE_TOP_REPLY) is not None
    assert thread.comment_count == 488
    assert replay.algolia_requested == [int(LATE_TOP_REPLY), BIG_STORY_ID]
    assert len(replay.firebase_requested) < 130  # settling, not loading 489 items


async def test_when_algolia_is_down_firebase_gives_the_same_settled_thread(
    replay: HNReplay,
) -> None:
    settled = children_orders(await fetch())
    replay.algolia_up = False
    replay.firebase_requested.clear()
    thread = await fetch()
    assert children_orders(thread) == settled
    assert len(replay.firebase_requested) == 489


# -- streaming: the first comment before the last item ------------------------------------


@pytest.fixture
def threaded_server() -> Iterator[HTTPServer]:
    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


async def test_firebase_only_streams_the_first_comment_before_the_last_item(
    threaded_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    algolia, firebase = replay_files()
    replay = HNReplay(algolia, firebase)
    replay.algolia_up = False
    last_top = int(firebase_order(firebase, BIG_STORY_ID)[-1])
    late = {last_top, *(n for n in _subtree_ids(firebase, last_top))}
    release = threading.Event()
    served_late: list[int] = []

    def handler(request: Request) -> Response:
        match = re.fullmatch(r"/v0/item/(\d+)\.json", request.path)
        if match and int(match[1]) in late:
            release.wait(timeout=10)  # the last top-level comment's items wait for the test
            served_late.append(int(match[1]))
        return replay(request)

    threaded_server.expect_request(re.compile(".*")).respond_with_handler(handler)
    monkeypatch.setenv("THREADREADER_HN_ALGOLIA_URL", threaded_server.url_for("/api/v1"))
    monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", threaded_server.url_for("/v0"))
    first_top = firebase_order(firebase, BIG_STORY_ID)[0]
    async with make_client() as client:
        steps = open_thread(client, str(BIG_STORY_ID))
        story_step = await anext(steps)
        assert story_step.thread is not None and story_step.thread.comments == []
        while True:
            step = await asyncio.wait_for(anext(steps), timeout=10)
            inserted = [c for c in step.changes if isinstance(c, Insert)]
            if inserted:
                break
        assert inserted[0].parent_id is None and inserted[0].comment.id == first_top
        assert served_late == []  # the last items had not even been answered
        release.set()
        rest = [s async for s in steps]
    assert rest[-1].phase == "done"
    assert set(served_late) == late


def _subtree_ids(firebase: dict[int, dict[str, Any]], root: int) -> Iterator[int]:
    stack = list(firebase[root].get("kids", []))
    while stack:
        item_id = stack.pop()
        yield item_id
        stack.extend(firebase[item_id].get("kids", []))
