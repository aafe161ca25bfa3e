"""Lemmy posts from a local instance that reproduces 0.19's 300-comment tree fetch."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from site_servers import FakeLemmy, lemmy_comments, load

from fetchers.addresses import recognise
from fetchers.errors import NotFound
from fetchers.http import make_client
from fetchers.lemmy import fetch_lemmy
from threads.model import Thread


def big_tree() -> list[tuple[int, int]]:
    """412 comments: 40 top-level, each with replies and replies to those, plus one chain
    12 levels deep (deeper than one fetch's 8) under comment 1."""
    shape: list[tuple[int, int]] = []
    next_id = 1
    for _ in range(40):
        top = next_id
        shape.append((top, 0))
        next_id += 1
        for _ in range(3):
            reply = next_id
            shape.append((reply, top))
            next_id += 1
            for _ in range(2):
                shape.append((next_id, reply))
                next_id += 1
    parent = 1
    for _ in range(12):
        shape.append((next_id, parent))
        parent = next_id
        next_id += 1
    return shape


async def fetch(server: HTTPServer) -> Thread:
    target = recognise(server.url_for("/post/42"))
    assert target is not None and target.site == "lemmy"
    async with make_client() as client:
        return await fetch_lemmy(client, target)


def expected_parents(shape: list[tuple[int, int]]) -> dict[str, str | None]:
    return {str(c): (str(p) if p else None) for c, p in shape}


async def test_small_post_in_one_tree_fetch(httpserver: HTTPServer) -> None:
    shape = [(1, 0), (2, 1), (3, 0), (50, 2), (4, 50), (70, 0), (11, 3)]
    instance = FakeLemmy(load("lemmy/post-42.json"), lemmy_comments(shape))
    instance.install(httpserver)
    thread = await fetch(httpserver)
    assert thread.source == "lemmy"
    assert thread.title == "What is your favourite tree data structure?"
    assert (thread.author, thread.points, thread.tags) == ("alice", 57, ("programming",))
    assert [b.kind for b in thread.body] == ["paragraph", "quote"]  # Markdown, parsed
    # Siblings in the server's order (Hot: the higher score first), replies under parents.
    assert [(c.id, d) for c, d in thread.walk()] == [
        ("70", 0),
        ("3", 0),
        ("11", 1),
        ("1", 0),
        ("2", 1),
        ("50", 2),
        ("4", 3),
    ]
    deleted, removed = thread.get("50"), thread.get("70")
    assert deleted is not None and deleted.deleted and not deleted.dead and deleted.author is None
    assert removed is not None and removed.deleted and removed.dead
    assert [c.id for c in deleted.children] == ["4"]  # replies survive
    assert thread.get("11").author == "bob@other.example"  # type: ignore[union-attr]
    assert thread.get("1").plain_text == "Comment 1 replying to 0."  # type: ignore[union-attr]
    assert thread.get("1").score == 1 % 9 - 2  # type: ignore[union-attr]
    assert [r.get("parent_id") for r in instance.requests] == [None]
    assert instance.requests[0]["max_depth"] == "8" and instance.requests[0]["post_id"] == "42"


async def test_over_300_comments_are_completed_with_parent_id_follow_ups(
    httpserver: HTTPServer,
) -> None:
    shape = big_tree()
    instance = FakeLemmy(load("lemmy/post-42.json"), lemmy_comments(shape))
    instance.install(httpserver)
    thread = await fetch(httpserver)
    assert len(instance.returned[0]) == 300  # the server's cap on one tree fetch
    follow_ups = [r["parent_id"] for r in instance.requests[1:]]
    assert follow_ups and len(follow_ups) == len(set(follow_ups))  # no branch asked twice
    repeated = [
        comment_id
        for reply in instance.returned[1:]
        for comment_id in reply
        if comment_id in set(instance.returned[0])
    ]
    assert repeated  # follow-ups return comments we already have (the parent at least)
    assert thread.comment_count == len(shape) == 412
    assert thread.missing == 0
    assert {c.id: (p.id if (p := thread.parent(c.id)) else None) for c, _ in thread.walk()} == (
        expected_parents(shape)
    )
    assert max(d for _, d in thread.walk()) == 12


async def test_unknown_post_is_not_found(httpserver: HTTPServer) -> None:
    FakeLemmy(load("lemmy/post-42.json"), []).install(httpserver)
    target = recognise(httpserver.url_for("/post/7"))
    assert target is not None
    async with make_client() as client:
        with pytest.raises(NotFound):
            await fetch_lemmy(client, target)
