"""Local stand-ins for Lobsters, Discourse, Lemmy and Mastodon, serving recorded (or
recording-derived) JSON at the real API paths and behaving like the real services:
Discourse's 20-post chunks, Lemmy's 300-comment tree fetch, Mastodon's context."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def json_response(data: Any) -> Response:
    return Response(json.dumps(data), content_type="application/json; charset=utf-8")


# -- Discourse ----------------------------------------------------------------------------


def big_discourse_topic(posts: int = 57) -> dict[str, Any]:
    """A topic of `posts` posts built from the real topic 57 (see fixtures/README.md).

    Post N (N >= 2) replies to post N // 2 when N is a multiple of 3 (N // 2 > 1),
    post 10 is a small action, post 12 deleted, post 30 quotes post 4.
    """
    topic = load("discourse/topic-57.json")
    real = topic["post_stream"]["posts"]
    made = []
    for number in range(1, posts + 1):
        post = copy.deepcopy(real[0] if number == 1 else real[2 + number % 2])
        post.update(id=1000 + number, post_number=number, post_type=1, deleted_at=None)
        post["reply_to_post_number"] = number // 2 if number % 3 == 0 and number // 2 > 1 else None
        post["cooked"] = f"<p>Post number {number}, written by {post['username']}.</p>"
        post["actions_summary"] = [{"id": 2, "count": number % 7}]
        made.append(post)
    made[9]["post_type"] = 3  # post 10: "closed the topic" and the like
    made[9]["cooked"] = ""
    made[11].update(
        deleted_at="2013-02-06T10:00:00.000-05:00", cooked="<p>(post deleted by author)</p>"
    )
    made[29]["cooked"] = (
        '<aside class="quote no-group" data-username="stienman" data-post="4" data-topic="57">'
        '<div class="title"><div class="quote-controls"></div>'
        '<img alt="" width="20" height="20" src="/a.png" class="avatar"> stienman:</div>'
        "<blockquote><p>Post number 4, written by stienman.</p></blockquote></aside>"
        "<p>Quoting an earlier post that is not my parent.</p>"
    )
    topic["post_stream"] = {"posts": made, "stream": [post["id"] for post in made]}
    topic.update(posts_count=posts, highest_post_number=posts, chunk_size=20)
    return topic


@dataclass
class FakeDiscourse:
    """`/t/ID.json` with the first chunk inline; `/t/ID/posts.json?post_ids[]=…` for the rest."""

    topic: dict[str, Any]
    batches: list[list[int]] = field(default_factory=list)

    def install(self, server: HTTPServer) -> None:
        topic_id = self.topic["id"]
        server.expect_request(f"/t/{topic_id}.json").respond_with_handler(self._topic)
        server.expect_request(f"/t/{topic_id}/posts.json").respond_with_handler(self._posts)

    def _topic(self, request: Request) -> Response:
        first = copy.deepcopy(self.topic)
        chunk = self.topic.get("chunk_size", 20)
        first["post_stream"]["posts"] = first["post_stream"]["posts"][:chunk]
        return json_response(first)

    def _posts(self, request: Request) -> Response:
        wanted = [int(value) for value in request.args.getlist("post_ids[]")]
        self.batches.append(wanted)
        posts = [p for p in self.topic["post_stream"]["posts"] if p["id"] in set(wanted)]
        return json_response({"post_stream": {"posts": posts}, "id": self.topic["id"]})


# -- Lemmy --------------------------------------------------------------------------------


def lemmy_comments(shape: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """CommentViews from (id, parent id or 0) pairs, parents first; `child_count` counts
    all descendants as Lemmy does. Ids divisible by 50 are deleted, by 70 removed; ids
    divisible by 11 are by a remote user."""
    template = load("lemmy/comment-view-template.json")
    paths: dict[int, str] = {0: "0"}
    views = []
    for comment_id, parent in shape:
        paths[comment_id] = f"{paths[parent]}.{comment_id}"
        view = copy.deepcopy(template["local_creator_view"])
        if comment_id % 11 == 0:
            view["creator"] = copy.deepcopy(template["remote_creator"])
        comment = view["comment"]
        gone = comment_id % 50 == 0 or comment_id % 70 == 0
        comment.update(
            id=comment_id,
            path=paths[comment_id],
            content="" if gone else f"Comment **{comment_id}** replying to {parent}.",
            deleted=comment_id % 50 == 0,
            removed=comment_id % 70 == 0,
            ap_id=f"https://lemmy.example/comment/{comment_id}",
        )
        view["counts"].update(comment_id=comment_id, score=comment_id % 9 - 2)
        views.append(view)
    by_id = {view["comment"]["id"]: view for view in views}
    for view in views:
        for ancestor in view["comment"]["path"].split(".")[1:-1]:
            by_id[int(ancestor)]["counts"]["child_count"] += 1
    return views


@dataclass
class FakeLemmy:
    """`/api/v3/post` and the 0.19 tree fetch of `/api/v3/comment/list`."""

    post: dict[str, Any]
    comments: list[dict[str, Any]]
    cap: int = 300
    requests: list[dict[str, str]] = field(default_factory=list)
    returned: list[list[int]] = field(default_factory=list)

    def install(self, server: HTTPServer) -> None:
        self.post["post_view"]["counts"]["comments"] = len(self.comments)
        server.expect_request("/api/v3/post").respond_with_handler(self._post)
        server.expect_request("/api/v3/comment/list").respond_with_handler(self._list)

    def _post(self, request: Request) -> Response:
        if request.args.get("id") != str(self.post["post_view"]["post"]["id"]):
            return Response('{"error":"couldnt_find_post"}', status=404)
        return json_response(self.post)

    def _list(self, request: Request) -> Response:
        args = {key: request.args[key] for key in request.args}
        self.requests.append(args)
        max_depth = int(args["max_depth"])
        base = ["0"]
        if "parent_id" in args:
            parent = next(v for v in self.comments if v["comment"]["id"] == int(args["parent_id"]))
            base = parent["comment"]["path"].split(".")
        chosen = [
            view
            for view in self.comments
            if (labels := view["comment"]["path"].split("."))[: len(base)] == base
            and len(labels) <= len(base) + max_depth
        ]
        # ltree order of the parent path, then the sort (Hot: by score here), then the cap
        chosen.sort(key=lambda v: (v["comment"]["path"].split(".")[:-1], -v["counts"]["score"]))
        chosen = chosen[: self.cap]
        self.returned.append([view["comment"]["id"] for view in chosen])
        return json_response({"comments": chosen})


# -- Mastodon -----------------------------------------------------------------------------


def mastodon_status(status_id: int, reply_to: int | None, text: str, **extra: Any) -> dict:
    """A copy of the real recorded status with a new id, parent and content."""
    base = load(
        "mastodon/status-117020574393907247.json"
        if reply_to
        else "mastodon/status-117020574386452629.json"
    )
    base.update(
        id=str(status_id),
        in_reply_to_id=None if reply_to is None else str(reply_to),
        content=f"<p>{text}</p>",
        url=f"http://localhost:3000/@mastodonpy_test/{status_id}",
        **extra,
    )
    return base


def install_mastodon(
    server: HTTPServer, status: dict[str, Any], ancestors: list[dict], descendants: list[dict]
) -> None:
    prefix = f"/api/v1/statuses/{status['id']}"
    server.expect_request(prefix).respond_with_json(status)
    server.expect_request(f"{prefix}/context").respond_with_json(
        {"ancestors": ancestors, "descendants": descendants}
    )
