"""Fetching HN threads from a local stand-in for Algolia and Firebase (never the internet)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hn_fixtures import (
    FakeFirebase,
    algolia_nodes,
    algolia_shape,
    find_node,
    firebase_items_from_algolia,
    load_fixture,
)
from pytest_httpserver import HTTPServer

from fetchers.errors import BadResponse, FetchError, NotFound, Unreachable
from fetchers.hackernews import fetch_thread
from fetchers.http import make_client
from threads.model import Thread

BIG = 26312516
TRIMMED = 49953495


def shape(thread: Thread) -> list[tuple[str, int, str | None]]:
    return [(c.id, depth, c.author) for c, depth in thread.walk()]


async def fetch(item_id: str, **kwargs: Any) -> Thread:
    async with make_client() as client:
        return await fetch_thread(client, item_id, **kwargs)


def firebase_paths(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log if request.path.startswith("/v0/")]


# -- Algolia: one request ---------------------------------------------------------------


async def test_algolia_returns_the_whole_tree(hn_server: HTTPServer, big_algolia: dict) -> None:
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)
    thread = await fetch(str(BIG))
    assert thread.id == str(BIG)
    assert thread.title == "Speed Is the Killer Feature"
    assert thread.comment_count == 485
    assert shape(thread) == algolia_shape(big_algolia)
    assert max(depth for _, depth in thread.walk()) == 10
    assert thread.focus_id is None
    assert thread.missing == 0
    # Firebase (asked for the story's own order at the same time) is down: Algolia's
    # order stays, and the reader is told so.
    assert set(firebase_paths(hn_server)) == {f"/v0/item/{BIG}.json"}
    assert thread.note is not None and "Algolia's order" in thread.note


async def test_algolia_is_retried_after_a_server_error(
    hn_server: HTTPServer, big_algolia: dict
) -> None:
    hn_server.expect_oneshot_request(f"/api/v1/items/{BIG}").respond_with_data("busy", status=503)
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)
    thread = await fetch(str(BIG))
    assert thread.comment_count == 485
    assert set(firebase_paths(hn_server)) == {f"/v0/item/{BIG}.json"}


async def test_comment_id_opens_its_story_focused_algolia(
    hn_server: HTTPServer, big_algolia: dict
) -> None:
    deep_id = next(node["id"] for node, depth in algolia_nodes(big_algolia) if depth == 3)
    comment = copy.deepcopy(find_node(big_algolia, deep_id))
    assert comment["story_id"] == BIG and comment["parent_id"] != BIG
    hn_server.expect_request(f"/api/v1/items/{deep_id}").respond_with_json(comment)
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_json(big_algolia)
    thread = await fetch(str(deep_id))
    assert thread.id == str(BIG)
    assert thread.focus_id == str(deep_id)
    assert thread.comment_count == 485
    assert thread.depth(str(deep_id)) == 3


# -- Firebase fallback: one request per item, HN's order --------------------------------


def big_firebase_items(big_algolia: dict) -> tuple[dict[int, Any], int, int, int]:
    """Firebase items for the 485 thread, with a deleted comment, a dead one and a null kid."""
    items = firebase_items_from_algolia(big_algolia)
    nodes = [node for node, _ in algolia_nodes(big_algolia)]
    deleted = next(n for n in nodes if len(n.get("children") or []) >= 2)
    dead = next(n for n in nodes if n["id"] != deleted["id"] and not n.get("children"))
    # What Firebase sends for a deleted comment: no `by`, no `text`, kids still listed.
    items[deleted["id"]] = {
        "id": deleted["id"],
        "type": "comment",
        "deleted": True,
        "parent": deleted["parent_id"],
        "time": deleted["created_at_i"],
        "kids": [c["id"] for c in deleted["children"]],
    }
    items[dead["id"]] = {**items[dead["id"]], "dead": True}  # type: ignore[dict-item]
    gone = 99_999_999  # listed in the story's kids, but the item is `null`
    items[BIG]["kids"].insert(3, gone)  # type: ignore[index]
    items[gone] = None
    return items, deleted["id"], dead["id"], gone


async def test_firebase_fallback_gives_the_same_tree_in_kids_order(
    hn_server: HTTPServer, big_algolia: dict
) -> None:
    hn_server.expect_request(f"/api/v1/items/{BIG}").respond_with_data("oops", status=500)
    items, deleted_id, dead_id, gone = big_firebase_items(big_algolia)
    firebase = FakeFirebase(items)
    firebase.serve(hn_server)
    progress: list[tuple[int, int | None]] = []

    thread = await fetch(str(BIG), progress=lambda done, total: progress.append((done, total)))

    expected = [
        (cid, depth, None if cid == str(deleted_id) else author)
        for cid, depth, author in algolia_shape(big_algolia)
    ]
    assert shape(thread) == expected
    assert thread.comment_count == 485
    assert thread.title == "Speed Is the Killer Feature"
    assert thread.author == "bdickason"
    assert thread.points == 528

    placeholder = thread.get(str(deleted_id))
    assert placeholder is not None and placeholder.deleted and placeholder.plain_text == ""
    assert len(placeholder.children) >= 2  # its replies survived
    dead = thread.get(str(dead_id))
    assert dead is not None and dead.dead and dead.plain_text

    assert thread.missing == 1
    assert thread.get(str(gone)) is None
    assert gone in firebase.requested

    # Progress: one report per item handled, counting up to every comment item requested.
    assert progress
    done = [d for d, _ in progress]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert done[-1] == len(firebase.requested) - 1 == 486  # all but the story itself
    assert {total for _, total in progress} == {485}  # the story's `descendants`


async def test_firebase_keeps_kids_order_not_algolia_order(hn_server: HTTPServer) -> None:
    # Real recordings: the story and comment 49953496 from Firebase, the rest rebuilt from
    # the trimmed Algolia response. Kids that the trimmed fixture lacks come back `null`.
    trimmed = load_fixture("algolia-item-49953495-trimmed.json")
    story = load_fixture("firebase-item-49953495-story.json")
    comment = load_fixture("firebase-item-49953496-comment.json")
    items = firebase_items_from_algolia(trimmed)
    items[TRIMMED] = story
    items[comment["id"]] = comment
    FakeFirebase(items).serve(hn_server)  # Algolia has no handler: it answers HTTP 500

    thread = await fetch(str(TRIMMED))

    assert thread.title == story["title"]
    assert thread.expected_count == story["descendants"]
    assert [c.id for c in thread.comments] == [
        str(k) for k in story["kids"] if k in (49953496, 49953669, 49953674)
    ]
    first = thread.get("49953496")
    assert first is not None
    # Firebase's ranked `kids`, which differ from the order Algolia sent them in.
    assert [c.id for c in first.children] == ["49954026", "49953905", "49953575"]
    assert [c["id"] for c in find_node(trimmed, 49953496)["children"]] == [
        49953575,
        49953905,
        49954026,
    ]
    assert first.links == ["https://huggingface.co/Qwen/Qwen3.8-Flash-Next"]
    assert thread.comment_count == 19
    known = set(items)
    unknown_kids = [k for k in story["kids"] + comment["kids"] if k not in known]
    assert thread.missing == len(unknown_kids) == 36


async def test_comment_id_opens_its_story_focused_firebase(hn_server: HTTPServer) -> None:
    trimmed = load_fixture("algolia-item-49953495-trimmed.json")
    items = firebase_items_from_algolia(trimmed)
    hn_server.expect_request("/api/v1/items/49954219").respond_with_data("no", status=404)
    hn_server.expect_request(f"/api/v1/items/{TRIMMED}").respond_with_data("no", status=404)
    firebase = FakeFirebase(items)
    firebase.serve(hn_server)

    thread = await fetch("49954219")  # depth 2: reply to 49954026, reply to 49953496

    assert thread.id == str(TRIMMED)
    assert thread.focus_id == "49954219"
    assert thread.comment_count == 19
    assert [c.id for c in thread.ancestors("49954219")] == ["49954026", "49953496"]
    # It walked up the parents to the story before loading the tree.
    assert firebase.requested[:3] == [49954219, 49954026, 49953496]


async def test_null_items_are_skipped_and_counted(hn_server: HTTPServer) -> None:
    items: dict[int, Any] = {
        1: {"id": 1, "type": "story", "title": "t", "by": "op", "time": 1, "kids": [2, 3, 4]},
        2: {"id": 2, "type": "comment", "by": "a", "text": "first", "parent": 1, "time": 2},
        3: None,
        4: {"id": 4, "type": "comment", "by": "b", "text": "last", "parent": 1, "kids": [5]},
        5: None,
    }
    FakeFirebase(items).serve(hn_server)
    thread = await fetch("1")
    assert [(c.id, c.author, c.plain_text) for c, _ in thread.walk()] == [
        ("2", "a", "first"),
        ("4", "b", "last"),
    ]
    assert thread.missing == 2


async def test_an_item_that_keeps_failing_is_counted_missing(hn_server: HTTPServer) -> None:
    items: dict[int, Any] = {
        1: {"id": 1, "type": "story", "title": "t", "kids": [2, 3]},
        3: {"id": 3, "type": "comment", "by": "b", "text": "ok", "parent": 1},
    }
    hn_server.expect_request("/v0/item/2.json").respond_with_data("down", status=503)
    FakeFirebase(items).serve(hn_server)
    thread = await fetch("1")
    assert [c.id for c, _ in thread.walk()] == ["3"]
    assert thread.missing == 1


async def test_firebase_cycles_and_repeated_kids_keep_a_tree(hn_server: HTTPServer) -> None:
    items: dict[int, Any] = {
        1: {"id": 1, "type": "story", "title": "t", "kids": [2, 2, 3]},
        # A comment listing the story, itself and its sibling among its replies.
        2: {"id": 2, "type": "comment", "by": "a", "text": "x", "parent": 1, "kids": [1, 2, 3, 4]},
        3: {"id": 3, "type": "comment", "by": "b", "text": "y", "parent": 1, "kids": [2]},
        4: {"id": 4, "type": "comment", "by": "c", "text": "z", "parent": 2},
    }
    FakeFirebase(items).serve(hn_server)
    thread = await fetch("1")
    walked = [(c.id, depth) for c, depth in thread.walk()]
    assert sorted(cid for cid, _ in walked) == ["2", "3", "4"]
    assert ("4", 1) in walked
    assert thread.parent("4").id == "2"  # type: ignore[union-attr]


async def test_firebase_parent_cycle_is_a_bad_response(hn_server: HTTPServer) -> None:
    items: dict[int, Any] = {
        5: {"id": 5, "type": "comment", "by": "a", "text": "x", "parent": 6},
        6: {"id": 6, "type": "comment", "by": "b", "text": "y", "parent": 5},
    }
    FakeFirebase(items).serve(hn_server)
    with pytest.raises(BadResponse):
        await fetch("5")


# -- errors -----------------------------------------------------------------------------


async def test_not_found_on_both(hn_server: HTTPServer) -> None:
    hn_server.expect_request("/api/v1/items/424242").respond_with_data("gone", status=404)
    hn_server.expect_request("/v0/item/424242.json").respond_with_data("gone", status=404)
    with pytest.raises(NotFound) as caught:
        await fetch("424242")
    assert "424242" in str(caught.value)


async def test_algolia_404_and_firebase_null_is_not_found(hn_server: HTTPServer) -> None:
    hn_server.expect_request("/api/v1/items/424242").respond_with_data("gone", status=404)
    hn_server.expect_request("/v0/item/424242.json").respond_with_json(None)
    with pytest.raises(NotFound):
        await fetch("424242")


async def test_malformed_json_is_a_bad_response(hn_server: HTTPServer) -> None:
    hn_server.expect_request("/api/v1/items/7").respond_with_data('{"id": 7, "chil')
    hn_server.expect_request("/v0/item/7.json").respond_with_data("<html>maintenance</html>")
    with pytest.raises(BadResponse) as caught:
        await fetch("7")
    message = str(caught.value)
    assert "JSON" in message
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("Hacker News")


async def test_json_that_is_not_an_item_is_a_bad_response(hn_server: HTTPServer) -> None:
    hn_server.expect_request("/api/v1/items/7").respond_with_json([1, 2, 3])
    hn_server.expect_request("/v0/item/7.json").respond_with_data(json.dumps("seven"))
    with pytest.raises(BadResponse):
        await fetch("7")


async def test_connection_refused_is_unreachable() -> None:
    # The autouse fixture points both base URLs at a port nobody listens on.
    with pytest.raises(Unreachable) as caught:
        await fetch("1")
    assert isinstance(caught.value, FetchError)
    assert "Hacker News" in str(caught.value)
    assert "\n" not in str(caught.value)
