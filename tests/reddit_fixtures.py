"""A stand-in for Reddit on 127.0.0.1, built from the recorded 476-comment thread.

It answers at Reddit's real paths (`/comments/ID.json`, `/api/morechildren.json`,
`/comments/ID/_/COMMENT.json`) the way Reddit does: the first page with its stubs, flat
`morechildren` answers (the recorded one for `cu5pg2h`, generated comments for the other
held-back ids), continue-thread sub-threads, and optionally a rate budget in
`X-Ratelimit-*` headers, answering 429 to a client that ignores it.
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Iterator
from typing import Any

from hn_fixtures import load_fixture
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

THREAD = "3hahrw"
FIRST_PAGE = "reddit-comments-3hahrw-476.json"
MORECHILDREN = "reddit-morechildren-cu5pg2h.json"


def first_page() -> Any:
    return load_fixture(FIRST_PAGE)


def walk_things(things: list[Any]) -> Iterator[dict[str, Any]]:
    """Every thing of a listing (t1 and more), depth first."""
    stack = list(reversed(things))
    while stack:
        thing = stack.pop()
        yield thing
        replies = thing["data"].get("replies") if thing["kind"] == "t1" else None
        if isinstance(replies, dict):
            stack.extend(reversed(replies["data"]["children"]))


def t1(comment_id: str, parent: str, body: str = "loaded later") -> dict[str, Any]:
    """A comment in Reddit's shape."""
    return {
        "kind": "t1",
        "data": {
            "id": comment_id,
            "name": f"t1_{comment_id}",
            "parent_id": parent,
            "link_id": f"t3_{THREAD}",
            "author": "someone",
            "created_utc": 1439801151.0,
            "body": body,
            "body_html": f'<div class="md"><p>{body}</p>\n</div>',
            "score": 3,
            "score_hidden": False,
            "edited": False,
            "stickied": False,
            "distinguished": None,
            "replies": "",
        },
    }


class FakeClock:
    """Time for the pacer that passes only when it sleeps (tests never really wait)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


class FakeReddit:
    """The handlers; `install` wires them to a pytest-httpserver."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.page = first_page()
        self.recorded = load_fixture(MORECHILDREN)["json"]["data"]["things"]
        self.clock = clock
        self.asked: list[list[str]] = []
        """The ids of each morechildren request."""
        self.continued: list[str] = []
        self.script: list[tuple[int, dict[str, str]]] = []
        """Answers to give first, in order: (status, headers)."""
        self.window_ends = 0.0
        self.violations = 0
        """Requests sent while the reported budget was 0 (the pacer failed)."""
        self._parents = {
            thing["data"]["id"]: thing["data"]["parent_id"]
            for thing in walk_things(self.page[1]["data"]["children"])
            if thing["kind"] == "t1"
        }
        self._stubs = {
            i: thing["data"]
            for thing in walk_things(self.page[1]["data"]["children"])
            if thing["kind"] == "more"
            for i in thing["data"]["children"]
        }

    def install(self, server: HTTPServer, prefix: str = "") -> None:
        server.expect_request(f"{prefix}/comments/{THREAD}.json").respond_with_handler(self._page)
        server.expect_request(f"{prefix}/api/morechildren.json").respond_with_handler(self._more)
        for thing in walk_things(self.page[1]["data"]["children"]):
            if thing["kind"] == "t1":
                path = f"{prefix}/comments/{THREAD}/_/{thing['data']['id']}.json"
                server.expect_request(path).respond_with_handler(self._continue)

    # -- rate budget ---------------------------------------------------------------------
    def _gate(self) -> Response | None:
        now = self.clock() if self.clock is not None else 0.0
        if now < self.window_ends:
            self.violations += 1
            return Response("{}", status=429, headers={"Retry-After": "1"})
        if self.script:
            status, headers = self.script.pop(0)
            if "X-Ratelimit-Reset" in headers and headers.get("X-Ratelimit-Remaining") == "0":
                self.window_ends = now + float(headers["X-Ratelimit-Reset"])
            if status != 200:
                return Response("{}", status=status, headers=headers)
            self._headers = headers
        return None

    def _json(self, data: Any) -> Response:
        headers = getattr(self, "_headers", {})
        self._headers = {}
        return Response(json.dumps(data), content_type="application/json", headers=headers)

    # -- endpoints -----------------------------------------------------------------------
    def _page(self, request: Request) -> Response:
        return self._gate() or self._json(copy.deepcopy(self.page))

    def _more(self, request: Request) -> Response:
        refused = self._gate()
        if refused is not None:
            return refused
        ids = request.args.get("children", "").split(",")
        self.asked.append(ids)
        things: list[Any] = []
        for comment_id in ids:
            if comment_id == "cu5pg2h":
                things += copy.deepcopy(self.recorded)
            elif comment_id in self._stubs:
                things.append(t1(comment_id, self._stubs[comment_id]["parent_id"]))
        return self._json({"json": {"errors": [], "data": {"things": things}}})

    def _continue(self, request: Request) -> Response:
        refused = self._gate()
        if refused is not None:
            return refused
        parent = request.path.rstrip("/").split("/")[-1].removesuffix(".json")
        self.continued.append(parent)
        root = t1(parent, self._parents[parent], "the parent again")
        root["data"]["replies"] = {
            "kind": "Listing",
            "data": {
                "children": [
                    t1(f"{parent}c1", f"t1_{parent}", "deep reply"),
                    t1(f"{parent}c2", f"t1_{parent}", "another deep reply"),
                ]
            },
        }
        post = self.page[0]
        return self._json([post, {"kind": "Listing", "data": {"children": [root]}}])
