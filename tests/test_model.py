"""The thread model on a real 485-comment thread, deleted comments, bad ids and deep chains."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from hn_fixtures import algolia_nodes, algolia_parents, algolia_shape

from fetchers.hn_items import thread_from_algolia
from threads.dump_json import thread_to_json
from threads.dump_text import thread_to_text
from threads.model import Comment, Thread


@pytest.fixture
def big_thread(big_algolia: dict[str, Any]) -> Thread:
    return thread_from_algolia(big_algolia)


def test_all_485_comments_are_there(big_thread: Thread) -> None:
    assert big_thread.comment_count == 485
    assert sum(1 for _ in big_thread.walk()) == 485
    assert big_thread.missing == 0
    assert big_thread.title == "Speed Is the Killer Feature"
    assert big_thread.author == "bdickason"


def test_depths_start_at_zero_and_reach_ten(big_thread: Thread, big_algolia: dict) -> None:
    depths = [depth for _, depth in big_thread.walk()]
    assert min(depths) == 0
    assert max(depths) == 10
    assert sum(1 for d in depths if d == 0) == len(big_algolia["children"])
    for comment, depth in big_thread.walk():
        assert big_thread.depth(comment.id) == depth


def test_walk_is_depth_first_display_order(big_thread: Thread, big_algolia: dict) -> None:
    walked = [(c.id, depth, c.author) for c, depth in big_thread.walk()]
    assert walked == algolia_shape(big_algolia)


def test_descendant_counts(big_thread: Thread, big_algolia: dict) -> None:
    roots = big_thread.comments
    assert sum(1 + big_thread.descendant_count(c.id) for c in roots) == 485
    # Each root's count equals the size of its subtree in the site's JSON.
    for node in big_algolia["children"]:
        subtree = sum(1 for _ in algolia_nodes(node))
        assert big_thread.descendant_count(str(node["id"])) == subtree
    leaves = [c for c, _ in big_thread.walk() if not c.children]
    assert leaves and all(big_thread.descendant_count(c.id) == 0 for c in leaves)


def test_get_parent_and_ancestors(big_thread: Thread, big_algolia: dict) -> None:
    parents = algolia_parents(big_algolia)
    for comment, _ in big_thread.walk():
        assert big_thread.get(comment.id) is comment
        parent = big_thread.parent(comment.id)
        assert (parent.id if parent else None) == parents[comment.id]
    assert big_thread.get("no-such-id") is None
    assert big_thread.get(big_thread.id) is None  # the story is not a comment

    deepest, depth = max(big_thread.walk(), key=lambda pair: pair[1])
    chain = big_thread.ancestors(deepest.id)
    assert len(chain) == depth == 10
    assert chain[-1] in big_thread.comments  # ends at a top-level comment
    expected: list[str] = []
    cursor = parents[deepest.id]
    while cursor is not None:
        expected.append(cursor)
        cursor = parents[cursor]
    assert [c.id for c in chain] == expected
    assert big_thread.ancestors(big_thread.comments[0].id) == []


def test_deleted_comment_stays_with_its_replies() -> None:
    data = {
        "id": 1,
        "type": "story",
        "title": "t",
        "author": "op",
        "children": [
            {
                "id": 2,
                "author": None,
                "text": None,
                "children": [
                    {"id": 3, "author": "alice", "text": "still here", "children": []},
                ],
            },
            # The 2014 Algolia shape of a deleted node: only id and children.
            {"id": 4, "children": [{"id": 5, "author": "bob", "text": "me too"}]},
            {"id": 6, "author": "carol", "text": "fine", "children": []},
        ],
    }
    thread = thread_from_algolia(data)
    shape = [(c.id, depth, c.author, c.deleted) for c, depth in thread.walk()]
    assert shape == [
        ("2", 0, None, True),
        ("3", 1, "alice", False),
        ("4", 0, None, True),
        ("5", 1, "bob", False),
        ("6", 0, "carol", False),
    ]
    assert thread.get("3").plain_text == "still here"  # type: ignore[union-attr]
    assert thread.get("2").plain_text == ""  # type: ignore[union-attr]
    assert thread.descendant_count("2") == 1
    assert thread.parent("5").id == "4"  # type: ignore[union-attr]


def test_repeated_ids_do_not_create_cycles() -> None:
    data = {
        "id": 1,
        "title": "t",
        "children": [
            {
                "id": 2,
                "author": "a",
                "text": "x",
                "children": [
                    {"id": 3, "author": "b", "text": "y", "children": [{"id": 2, "author": "a"}]},
                    {"id": 1, "author": "story id again", "text": "z"},
                ],
            },
            {"id": 3, "author": "b", "text": "again"},
        ],
    }
    thread = thread_from_algolia(data)
    walked = [c.id for c, _ in thread.walk()]
    assert sorted(walked) == ["2", "3"]
    assert len(walked) == len(set(walked))
    assert thread.comment_count == 2


def test_children_that_are_not_objects_are_counted_missing() -> None:
    data = {"id": 1, "title": "t", "children": [None, 7, {"author": "no id"}, {"id": 2}]}
    thread = thread_from_algolia(data)
    assert [c.id for c, _ in thread.walk()] == ["2"]
    assert thread.missing == 3


def _chain(length: int) -> Thread:
    root = Comment("c0", "a", None)
    cursor = root
    for number in range(1, length):
        reply = Comment(f"c{number}", "a", None)
        cursor.children.append(reply)
        cursor = reply
    return Thread("hackernews", "s", "deep", comments=[root])


def test_five_thousand_deep_chain_without_recursion_error() -> None:
    thread = _chain(5000)
    walked = list(thread.walk())
    assert len(walked) == 5000
    assert [depth for _, depth in walked] == list(range(5000))
    assert thread.depth("c4999") == 4999
    assert thread.descendant_count("c0") == 4999
    assert len(thread.ancestors("c4999")) == 4999
    assert thread.parent("c4999").id == "c4998"  # type: ignore[union-attr]


def test_five_thousand_deep_algolia_json_without_recursion_error() -> None:
    data: dict[str, Any] = {"id": 1, "title": "deep", "children": []}
    cursor = data
    for number in range(2, 5002):
        node = {"id": number, "author": "a", "text": "t", "children": []}
        cursor["children"].append(node)
        cursor = node
    thread = thread_from_algolia(data)
    assert thread.comment_count == 5000
    assert thread.depth("5001") == 4999


def test_five_thousand_deep_chain_dumps() -> None:
    thread = _chain(5000)
    document = thread_to_json(thread)  # written without recursion
    # Python's json reader recurses per level: only this decode gets a deeper limit.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(30_000)
    try:
        decoded = json.loads(document)
    finally:
        sys.setrecursionlimit(limit)
    depth, node = 0, decoded["comments"][0]
    while node["replies"]:
        assert [reply["id"] for reply in node["replies"]] == [f"c{depth + 1}"]
        depth, node = depth + 1, node["replies"][0]
    assert depth == 4999

    text = thread_to_text(thread, 80)
    headers = [line for line in text.split("\n") if " · " in line]
    assert len(headers) == 5000
    # Indentation stops growing: the text column stays at least 40 cells wide.
    assert max(len(line) - len(line.lstrip(" ")) for line in headers) <= 80 - 40
