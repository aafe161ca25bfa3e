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
