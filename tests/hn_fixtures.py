"""Reading the recorded HN fixtures, and a fake Firebase API built from them.

These helpers read fixture trees with their own code, not the code under test, so tests
can compare what the app builds with what the site sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

FIXTURES = Path(__file__).parent / "fixtures"
BIG_STORY_ID = 26312516  # 485 comments, 10 levels below the top level
TRIMMED_STORY_ID = 49953495  # 19 comments with code, italics, links and a footnote


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


# -- reading fixture trees without the code under test --------------------------------


def algolia_nodes(item: dict[str, Any]) -> Iterator[tuple[dict[str, Any], int]]:
    """Every comment node of an Algolia item with its depth, in display (pre-)order."""
    stack = [(child, 0) for child in reversed(item.get("children") or [])]
    while stack:
        node, depth = stack.pop()
        yield node, depth
        stack.extend((child, depth + 1) for child in reversed(node.get("children") or []))


def algolia_shape(item: dict[str, Any]) -> list[tuple[str, int, str | None]]:
    """(id, depth, author) of every comment in display order: the tree as a user sees it."""
    return [(str(node["id"]), depth, node.get("author")) for node, depth in algolia_nodes(item)]


def algolia_parents(item: dict[str, Any]) -> dict[str, str | None]:
    parents: dict[str, str | None] = {str(c["id"]): None for c in item.get("children") or []}
    for node, _ in algolia_nodes(item):
        for child in node.get("children") or []:
            parents[str(child["id"])] = str(node["id"])
    return parents


def find_node(item: dict[str, Any], comment_id: int) -> dict[str, Any]:
    for node, _ in algolia_nodes(item):
        if node["id"] == comment_id:
            return node
    raise KeyError(comment_id)


def firebase_items_from_algolia(story: dict[str, Any]) -> dict[int, dict[str, Any] | None]:
    """The Firebase API's items for a thread, rebuilt from an Algolia response.

    Firebase omits absent fields rather than sending null, and lists replies as `kids`.
    """
    items: dict[int, dict[str, Any] | None] = {}
    items[story["id"]] = {
        "id": story["id"],
        "type": "story",
        "by": story["author"],
        "time": story["created_at_i"],
        "title": story["title"],
        "url": story["url"],
        "score": story["points"],
        "descendants": sum(1 for _ in algolia_nodes(story)),
        "kids": [c["id"] for c in story.get("children") or []],
    }
    for node, _ in algolia_nodes(story):
        item: dict[str, Any] = {
            "id": node["id"],
            "type": "comment",
            "by": node["author"],
            "time": node["created_at_i"],
            "text": node["text"],
            "parent": node["parent_id"],
        }
        kids = [c["id"] for c in node.get("children") or []]
        if kids:
            item["kids"] = kids
        items[node["id"]] = {k: v for k, v in item.items() if v is not None}
    return items


class FakeFirebase:
    """`GET /v0/item/ID.json` served from a dict; unknown ids answer `null` like Firebase."""

    def __init__(self, items: dict[int, dict[str, Any] | None]) -> None:
        self.items = items
        self.requested: list[int] = []

    def __call__(self, request: Request) -> Response:
        match = re.fullmatch(r"/v0/item/(\d+)\.json", request.path)
        assert match, request.path
        item_id = int(match[1])
        self.requested.append(item_id)
        return Response(json.dumps(self.items.get(item_id)), content_type="application/json")

    def serve(self, httpserver: HTTPServer) -> None:
        httpserver.expect_request(re.compile(r"^/v0/item/\d+\.json$")).respond_with_handler(self)


# -- a replay of both HN APIs as they really answer --------------------------------------


def replay_files() -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
    """The 485-comment thread as Algolia and Firebase serve it (bench/hn_replay.py wrote
    these): Algolia in date order with deleted and dead comments stripped to `id` and
    `children` and three late comments missing; Firebase with `kids` in HN's order."""
    algolia = load_fixture("hn-replay-26312516-algolia.json")
    firebase = {int(k): v for k, v in load_fixture("hn-replay-26312516-firebase.json").items()}
    return algolia, firebase


class HNReplay:
    """Both HN APIs on one local server: Algolia `GET /api/v1/items/ID` (the story, or a
    comment with its subtree; 404 for what it lacks) and Firebase `GET /v0/item/ID.json`
    (`null` for unknown ids). Records what was asked."""

    def __init__(self, algolia: dict[str, Any], firebase: dict[int, dict[str, Any]]) -> None:
        self.algolia = algolia
        self.firebase = firebase
        self.algolia_nodes = {node["id"]: node for node, _ in algolia_nodes(algolia)}
        self.algolia_up = True
        self.algolia_requested: list[int] = []
        self.firebase_requested: list[int] = []

    def algolia_answer(self, item_id: int) -> dict[str, Any] | None:
        if item_id == self.algolia["id"]:
            return self.algolia
        node = self.algolia_nodes.get(item_id)
        if node is None:
            return None
        return {**node, "story_id": self.algolia["id"]}

    def __call__(self, request: Request) -> Response:
        if match := re.fullmatch(r"/api/v1/items/(\d+)", request.path):
            self.algolia_requested.append(int(match[1]))
            answer = self.algolia_answer(int(match[1])) if self.algolia_up else None
            if not self.algolia_up:
                return Response("down", status=503)
            if answer is None:
                return Response('{"error":"Not Found"}', status=404)
            return Response(json.dumps(answer), content_type="application/json")
        match = re.fullmatch(r"/v0/item/(\d+)\.json", request.path)
        assert match, request.path
        self.firebase_requested.append(int(match[1]))
        item = self.firebase.get(int(match[1]))
        return Response(json.dumps(item), content_type="application/json")

    def serve(self, httpserver: HTTPServer) -> HNReplay:
        pattern = re.compile(r"^(/api/v1/items/\d+|/v0/item/\d+\.json)$")
        httpserver.expect_request(pattern).respond_with_handler(self)
        return self


def firebase_order(firebase: dict[int, dict[str, Any]], parent: int) -> list[str]:
    """HN's order of a parent's replies, as strings."""
    return [str(k) for k in firebase[parent].get("kids", [])]


# -- a small front page ---------------------------------------------------------------

FRONT_PAGE = {1: "First story", 2: "Second story", 3: "Third story"}


def firebase_story(story_id: int, title: str) -> dict[str, Any]:
    """A story as Firebase has it, with one comment (`algolia_story`'s)."""
    return {
        "id": story_id,
        "type": "story",
        "by": "poster",
        "time": 1_700_000_000,
        "score": 10,
        "title": title,
        "url": "https://example.org/x",
        "descendants": 1,
        "kids": [story_id * 10],
    }


def algolia_story(story_id: int, title: str) -> dict[str, Any]:
    """The same story as Algolia has it, with its one comment."""
    comment = {
        "id": story_id * 10,
        "type": "comment",
        "author": "reader",
        "created_at_i": 1_700_000_100,
        "text": f"<p>A reply to the {title.split()[0].lower()} one.</p>",
        "children": [],
    }
    return {
        "id": story_id,
        "type": "story",
        "author": "poster",
        "created_at_i": 1_700_000_000,
        "points": 10,
        "title": title,
        "url": "https://example.org/x",
        "text": None,
        "children": [comment],
    }


def serve_front_page(hn_server: HTTPServer, titles: dict[int, str] = FRONT_PAGE) -> None:
    """Top stories (by default three), each with one comment, at the real API paths."""
    hn_server.expect_request("/v0/topstories.json").respond_with_json(list(titles))
    for story_id, title in titles.items():
        hn_server.expect_request(f"/v0/item/{story_id}.json").respond_with_json(
            firebase_story(story_id, title)
        )
        hn_server.expect_request(f"/api/v1/items/{story_id}").respond_with_json(
            algolia_story(story_id, title)
        )
