"""A replay of Hacker News as its two APIs really answer, for benchmarks and test fixtures.

Input is a story in Algolia's item shape whose `children` are in **HN's rank order** at
every level (the 485-comment fixture was scraped from HN's pages, so its order is HN's).
Output is what each API would serve for it:

- Algolia `GET /api/v1/items/ID`: the whole tree with `children` in date order at every
  level, deleted and dead comments stripped to `id` and `children`, and without the
  comments newer than its copy.
- Firebase `GET /v0/item/ID.json`: one item per id, `kids` in rank order, deleted items
  `{"deleted": true, ...}` keeping their `kids`, dead ones `dead: true` with their text,
  the story's `descendants` counting live comments.

`python -m bench.hn_replay` rewrites `tests/fixtures/hn-replay-26312516-*.json` (the tests
read the files, not this module). `serve_replay_in_process` serves a replay on 127.0.0.1
with a latency per request, for the benchmarks.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import random
import re
import socket
import time
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing import Process, Queue
from pathlib import Path
from typing import Any

from threads.blocks import Body
from threads.model import Comment, Thread

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
BIG_FIXTURE = FIXTURES / "algolia-item-26312516-485-comments.json"

Node = dict[str, Any]


@dataclass
class Replay:
    """What Algolia and Firebase serve for one story."""

    algolia: Node
    """Algolia's story item: date order, placeholders stripped, newest comments missing."""
    firebase: dict[int, Node]
    """Firebase's items by id: rank order, flags, every comment."""
    comment_nodes: dict[int, Node] = field(default_factory=dict)
    """Algolia's node for each comment id (Algolia serves a comment with its subtree)."""

    def __post_init__(self) -> None:
        self.comment_nodes = {node["id"]: node for node, _ in nodes(self.algolia)}


def nodes(item: Node) -> Iterator[tuple[Node, Node]]:
    """Every comment node below `item` with its parent node, parents first."""
    stack = [(child, item) for child in item.get("children") or []]
    while stack:
        node, parent = stack.pop()
        yield node, parent
        stack.extend((child, node) for child in node.get("children") or [])


def _date_key(node: Node) -> tuple[int, int]:
    return (int(node.get("created_at_i") or 0), int(node["id"]))


def build_replay(
    ranked: Node,
    *,
    deleted: AbstractSet[int] = frozenset(),
    dead: AbstractSet[int] = frozenset(),
    newer: AbstractSet[int] = frozenset(),
) -> Replay:
    """Algolia's and Firebase's answers for a story given in rank order.

    `deleted` and `dead` name comments to flag; `newer` names comments (with their
    subtrees) that only Firebase has yet.
    """
    story_id = ranked["id"]
    firebase: dict[int, Node] = {}
    live = 0
    for node, parent in nodes(ranked):
        item: Node = {
            "by": node.get("author"),
            "id": node["id"],
            "kids": [child["id"] for child in node.get("children") or []],
            "parent": parent["id"],
            "text": node.get("text"),
            "time": node.get("created_at_i"),
            "type": "comment",
        }
        if node["id"] in deleted:
            item = {k: item[k] for k in ("id", "kids", "parent", "time", "type")}
            item["deleted"] = True
        elif node["id"] in dead:
            item["dead"] = True
        else:
            live += 1
        firebase[node["id"]] = {k: v for k, v in item.items() if v not in (None, [])}
    firebase[story_id] = {
        k: v
        for k, v in {
            "by": ranked.get("author"),
            "descendants": live,
            "id": story_id,
            "kids": [child["id"] for child in ranked.get("children") or []],
            "score": ranked.get("points"),
            "text": ranked.get("text"),
            "time": ranked.get("created_at_i"),
            "title": ranked.get("title"),
            "type": "story",
            "url": ranked.get("url"),
        }.items()
        if v is not None
    }
    return Replay(_algolia_answer(ranked, deleted | dead, newer), firebase)


def _algolia_answer(ranked: Node, hidden: AbstractSet[int], newer: AbstractSet[int]) -> Node:
    story = copy.deepcopy(ranked)
    stack = [story]
    while stack:
        node = stack.pop()
        kept = [c for c in node.get("children") or [] if c["id"] not in newer]
        kept.sort(key=_date_key)
        for index, child in enumerate(kept):
            if child["id"] in hidden:  # what Algolia keeps of a deleted or dead comment
                kept[index] = {"id": child["id"], "children": child.get("children") or []}
        node["children"] = kept
        stack.extend(kept)
    return story


# -- the 485-comment fixture -------------------------------------------------------------


def fixture_replay() -> Replay:
    """The 485 real comments in HN's order, with placeholders and late comments added."""
    ranked = json.loads(BIG_FIXTURE.read_text(encoding="utf-8"))
    top = ranked["children"]
    branchy = [n for n, p in nodes(ranked) if p is not ranked and len(n["children"]) >= 2]
    leaves = [n for n, p in nodes(ranked) if not n["children"]]
    single = [n for n, p in nodes(ranked) if len(n["children"]) == 1]
    deleted = {
        next(n["id"] for n in top[1:] if len(n["children"]) >= 2),  # top level, with replies
        branchy[3]["id"],  # deeper, with replies
        leaves[10]["id"],
    }
    dead = {leaves[20]["id"], single[5]["id"]}
    latest = max(int(n["created_at_i"]) for n, _ in nodes(ranked))
    late_top = _late_comment(
        9_000_001, ranked["id"], latest + 600, "latecomer", "Too new for Algolia."
    )
    late_top["children"] = [
        _late_comment(9_000_002, 9_000_001, latest + 660, "latereply", "A reply to it, also new.")
    ]
    top.insert(1, late_top)  # HN ranks it second
    host = branchy[7]
    late_reply = _late_comment(
        9_000_003, host["id"], latest + 700, "laterank", "A new reply that HN ranks first."
    )
    host["children"].insert(0, late_reply)
    newer = {9_000_001, 9_000_002, 9_000_003}
    return build_replay(ranked, deleted=deleted, dead=dead, newer=newer)


def _late_comment(item_id: int, parent: int, when: int, author: str, text: str) -> Node:
    return {
        "author": author,
        "children": [],
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(when)),
        "created_at_i": when,
        "id": item_id,
        "options": [],
        "parent_id": parent,
        "points": None,
        "story_id": 26312516,
        "text": text,
        "title": None,
        "type": "comment",
        "url": None,
    }


# -- generated threads -------------------------------------------------------------------


def _body_html(body: Body) -> str:
    parts = []
    for block in body:
        text = "".join(
            f'<a href="{html.escape(s.href)}" rel="nofollow">{html.escape(s.text)}</a>'
            if s.href
            else html.escape(s.text)
            for s in block.spans
        )
        if block.kind == "code":
            text = f"<pre><code>{text}</code></pre>"
        elif block.kind == "quote":
            text = "&gt; " + text
        parts.append(text)
    return "<p>".join(parts)


def _node(comment: Comment, parent: str, story: str) -> Node:
    when = int(comment.created.timestamp()) if comment.created else 0
    return {
        "author": comment.author,
        "children": [],
        "created_at_i": when,
        "id": int(comment.id),
        "parent_id": int(parent),
        "story_id": int(story),
        "text": _body_html(comment.body),
        "type": "comment",
    }


def generated_replay(thread: Thread, *, seed: int = 12) -> Replay:
    """A generated thread (built in date order) with HN's order made up by shuffling.

    The first comment HN ranks is by `hn_first`, the oldest top-level one by `date_first`,
    so a launch benchmark can tell which order the screen shows.
    """
    rng = random.Random(seed)
    story: Node = {
        "author": thread.author,
        "children": [],
        "created_at_i": int(thread.created.timestamp()) if thread.created else 0,
        "id": int(thread.id),
        "points": thread.points,
        "text": None,
        "title": thread.title,
        "type": "story",
        "url": thread.url,
    }
    stack: list[tuple[list[Comment], Node]] = [(thread.comments, story)]
    while stack:
        comments, parent = stack.pop()
        for comment in comments:
            child = _node(comment, str(parent["id"]), thread.id)
            parent["children"].append(child)
            stack.append((comment.children, child))
    for node in [story, *(n for n, _ in nodes(story))]:
        rng.shuffle(node["children"])
    top = story["children"]
    oldest = min(top, key=_date_key)
    if top[0] is oldest:
        top[0], top[1] = top[1], top[0]
    top[0]["author"], oldest["author"] = "hn_first", "date_first"
    return build_replay(story)


# -- serving -----------------------------------------------------------------------------

_ALGOLIA = re.compile(r"^/api/v1/items/(\d+)$")
_FIREBASE = re.compile(r"^/v0/item/(\d+)\.json$")


def encoded_answers(replay: Replay) -> dict[str, bytes]:
    """Every path the replay answers, with its body, pre-encoded."""
    answers = {f"/v0/item/{k}.json": json.dumps(v).encode() for k, v in replay.firebase.items()}
    answers[f"/api/v1/items/{replay.algolia['id']}"] = json.dumps(replay.algolia).encode()
    return answers


def _serve_forever(answers: dict[str, bytes], latency: float, ports: Queue[int]) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # Without this, Nagle and delayed ACKs add ~40 ms to every response.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            time.sleep(latency)
            body = answers.get(self.path)
            if body is None and _FIREBASE.match(self.path):
                body = b"null"
            status = 200 if body is not None else 404
            body = body if body is not None else b'{"error":"Not Found"}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # a client that quits mid-request (the reader closed at once) is no error

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ports.put(server.server_port)
    server.serve_forever()


def serve_replay_in_process(replay: Replay, latency: float = 0.0) -> tuple[Process, str]:
    """Serve the replay from its own process (its CPU does not compete with the client's).

    Returns the process and the base URL; set `THREADREADER_HN_ALGOLIA_URL` to
    `BASE/api/v1` and `THREADREADER_HN_FIREBASE_URL` to `BASE/v0`.
    """
    ports: Queue[int] = Queue()
    process = Process(
        target=_serve_forever, args=(encoded_answers(replay), latency, ports), daemon=True
    )
    process.start()
    return process, f"http://127.0.0.1:{ports.get(timeout=10)}"


def replay_environment(base: str) -> dict[str, str]:
    """Environment variables that point threadreader at a replay served at `base`."""
    return {
        "THREADREADER_HN_ALGOLIA_URL": f"{base}/api/v1",
        "THREADREADER_HN_FIREBASE_URL": f"{base}/v0",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the HN replay fixtures for the tests.")
    parser.parse_args()
    replay = fixture_replay()
    algolia_path = FIXTURES / "hn-replay-26312516-algolia.json"
    firebase_path = FIXTURES / "hn-replay-26312516-firebase.json"
    algolia_path.write_text(json.dumps(replay.algolia, ensure_ascii=False) + "\n")
    lines = [  # one item a line: readable, and diffs stay small
        f'"{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in sorted(replay.firebase.items())
    ]
    firebase_path.write_text("{\n" + ",\n".join(lines) + "\n}\n")
    print(f"wrote {algolia_path.name} and {firebase_path.name} ({len(lines)} items)")


if __name__ == "__main__":
    main()
