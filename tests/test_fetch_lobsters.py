"""Lobsters stories from a local stand-in for lobste.rs, in every recorded format."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from site_servers import load

import fetchers.http
from fetchers.errors import BadResponse, NotFound
from fetchers.http import _retry_delay, make_client
from fetchers.lobsters import fetch_lobsters
from fetchers.site import ItemTarget
from threads.dump_json import thread_to_json
from threads.model import Thread

REAL_RETRY_DELAY = _retry_delay  # conftest replaces it with 0 for every test

SHAPE_2025 = [
    ("ncdsfc", 0, "dpercy", 17),
    ("m3wyu5", 0, "friendlysock", 8),
    ("pcvbcd", 1, "gioele", 2),
    ("9vyyu5", 0, "kghose", 5),
    ("owddle", 1, "gioele", 7),
    ("lqqn3a", 2, "kghose", 2),
    ("7b0jgw", 0, "FeepingCreature", 4),
    ("ei3nck", 0, "FRIGN", 2),
    ("4l8mzk", 0, "feoh", 2),
    ("qy0l9k", 1, "pushcx", 5),
]


@pytest.fixture
def lobsters(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv("THREADREADER_LOBSTERS_URL", httpserver.url_for("/"))
    return httpserver


async def fetch(short_id: str, focus: str | None = None) -> Thread:
    async with make_client() as client:
        return await fetch_lobsters(client, ItemTarget("lobsters", short_id, focus))


def shape(thread: Thread) -> list[tuple[str, int, str | None, int | None]]:
    return [(c.id, depth, c.author, c.score) for c, depth in thread.walk()]


async def test_2025_format_story_tags_scores_and_nesting(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-2025-format.json")
    )
    thread = await fetch("tdfoqh")
    assert thread.source == "lobsters"
    assert thread.title == "Ranking comments by sum of replies' scores"
    assert thread.tags == ("meta",)
    assert (thread.author, thread.points, thread.url) == ("gioele", 18, None)
    assert thread.plain_text.startswith("There are often cases")  # the story's own text
    assert "• the root comment has 1 point," in thread.plain_text
    assert shape(thread) == SHAPE_2025
    assert thread.comment_count == thread.expected_count == 10
    assert thread.get("ncdsfc").body[0].kind == "quote"  # type: ignore[union-attr]
    assert thread.discussion_url.endswith("/s/tdfoqh/ranking_comments_by_sum_replies_scores")  # type: ignore[union-attr]


async def test_2022_format_with_indent_level_and_user_objects(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-2022-format.json")
    )
    thread = await fetch("tdfoqh")
    assert [(c.id, d, c.author) for c, d in thread.walk()] == [
        ("ncdsfc", 0, "dpercy"),
        ("m3wyu5", 0, "friendlysock"),
        ("9vyyu5", 0, "kghose"),
        ("owddle", 1, "gioele"),
        ("lqqn3a", 2, "kghose"),
        ("4l8mzk", 0, "feoh"),
        ("qy0l9k", 1, "pushcx"),
    ]
    assert thread.author == "gioele"  # submitter_user was an object in 2022


async def test_2021_format_nests_by_indent_level_alone(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/d9ucpe.json").respond_with_json(
        load("lobsters/story-d9ucpe-2021-format.json")
    )
    thread = await fetch("d9ucpe")
    assert thread.tags == ("programming",)
    assert (
        thread.url == "https://jvns.ca/blog/2021/04/03/what-problems-do-people-solve-with-strace/"
    )
    assert [(c.id, d) for c, d in thread.walk()] == [
        ("42bzeq", 0),
        ("kejbct", 0),
        ("vvs5qn", 0),
        ("6gmzsf", 0),
        ("flr1hj", 1),
        ("oeggxb", 0),
        ("pvti5i", 0),
    ]


async def test_mixed_fields_and_removed_comments_keep_their_replies(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-mixed-fields.json")
    )
    thread = await fetch("tdfoqh")
    assert [(c, d) for c, d, *_ in shape(thread)] == [(c, d) for c, d, *_ in SHAPE_2025]
    deleted, moderated = thread.get("m3wyu5"), thread.get("9vyyu5")
    assert deleted is not None and moderated is not None
    assert (deleted.deleted, deleted.dead, deleted.author) == (True, False, None)
    assert (moderated.deleted, moderated.dead) == (True, True)
    assert moderated.plain_text == "Comment removed by moderator pushcx: Off-topic"
    assert [c.id for c in deleted.children] == ["pcvbcd"]
    assert thread.descendant_count("9vyyu5") == 2
    assert thread.get("qy0l9k").author == "pushcx"  # type: ignore[union-attr]
    markdown_only = thread.get("7b0jgw")
    assert markdown_only is not None
    assert [b.kind for b in markdown_only.body] == ["paragraph", "quote"]
    assert any(span.italic for span in markdown_only.body[0].spans)


async def test_escape_sequences_in_bodies_come_out_inert(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-mixed-fields.json")
    )
    thread = await fetch("tdfoqh")
    html_body = thread.get("ei3nck").plain_text  # type: ignore[union-attr]
    assert html_body == "colour red and a title and a clipboard write done"
    assert "screen clear" in thread.get("7b0jgw").plain_text  # type: ignore[union-attr]
    dumped = thread_to_json(thread)
    assert "\x1b" not in dumped and "\\u001b" not in dumped and "\x07" not in dumped


async def test_a_comment_permalink_focuses_it(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-2025-format.json")
    )
    assert (await fetch("tdfoqh", focus="lqqn3a")).focus_id == "lqqn3a"
    assert (await fetch("tdfoqh", focus="nosuch")).focus_id is None


async def test_unknown_story_is_not_found(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/zzzzzz.json").respond_with_data("not found", status=404)
    with pytest.raises(NotFound, match="Lobsters has no such item"):
        await fetch("zzzzzz")


async def test_429_waits_as_long_as_retry_after_says(
    lobsters: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []

    async def record(seconds: float) -> None:
        pauses.append(seconds)

    monkeypatch.setattr(fetchers.http, "_retry_delay", REAL_RETRY_DELAY)
    monkeypatch.setattr(fetchers.http, "_pause", record)
    lobsters.expect_oneshot_request("/s/tdfoqh.json").respond_with_data(
        "Throttled, sleep(1) between hits", status=429, headers={"Retry-After": "2"}
    )
    lobsters.expect_request("/s/tdfoqh.json").respond_with_json(
        load("lobsters/story-tdfoqh-2025-format.json"),
        headers={"RateLimit-Remaining": "0", "RateLimit-Reset": "3"},
    )
    thread = await fetch("tdfoqh")
    assert thread.comment_count == 10
    assert pauses == [2.0, 3.0]  # Retry-After, then the rest of a used-up window


async def test_a_long_retry_after_is_not_hammered(
    lobsters: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetchers.http, "_retry_delay", REAL_RETRY_DELAY)
    lobsters.expect_request("/s/tdfoqh.json").respond_with_data(
        "Throttled", status=429, headers={"RateLimit-Reset": "120"}
    )
    with pytest.raises(BadResponse, match=r"rate-limiting us \(HTTP 429\); try again in 120 s"):
        await fetch("tdfoqh")
    assert len(lobsters.log) == 1


async def test_something_that_is_not_a_story(lobsters: HTTPServer) -> None:
    lobsters.expect_request("/s/tdfoqh.json").respond_with_json(["not", "a", "story"])
    with pytest.raises(BadResponse, match="not a story"):
        await fetch("tdfoqh")
