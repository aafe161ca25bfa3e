"""Discourse topics from a local forum: 20 posts inline, the rest in `post_ids[]` batches."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer
from site_servers import FakeDiscourse, big_discourse_topic, load

from fetchers.addresses import recognise
from fetchers.discourse import fetch_discourse
from fetchers.errors import BadResponse
from fetchers.http import make_client
from threads.model import Thread
from threads.quotes import find_quote_source, quotes_of


async def fetch(server: HTTPServer, path: str) -> Thread:
    target = recognise(server.url_for(path))
    assert target is not None and target.site == "discourse"
    async with make_client() as client:
        return await fetch_discourse(client, target)


async def test_the_real_topic_in_one_request(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/t/57.json").respond_with_json(load("discourse/topic-57.json"))
    thread = await fetch(httpserver, "/t/this-site-is-a-sandbox-it-is-reset-every-day/57")
    assert thread.source == "discourse"
    assert thread.title == "THIS SITE IS A SANDBOX -- it is reset every day"
    assert thread.author == "samsaffron"
    assert thread.plain_text.startswith("Welcome!")  # post 1 is the topic's text
    assert [(c.id, d, c.author, c.score) for c, d in thread.walk()] == [
        ("2", 0, "samsaffron", 0),
        ("3", 0, "stienman", 5),
        ("14", 0, "splattne", 5),  # replies to post 1: the topic itself
    ]
    assert thread.label == "Discourse · localhost"
    assert thread.get("3").links == ["http://i288.photobucket.com/albums/ll164/stienman/ahh.gif"]  # type: ignore[union-attr]
    assert len(httpserver.log) == 1


async def test_a_topic_over_20_posts_is_fetched_in_batches(httpserver: HTTPServer) -> None:
    topic = big_discourse_topic(57)
    forum = FakeDiscourse(topic)
    forum.install(httpserver)
    thread = await fetch(httpserver, "/t/sandbox/57")
    stream = topic["post_stream"]["stream"]
    assert forum.batches == [stream[20:40], stream[40:57]]  # only what the first reply lacked
    numbers = [int(c.id) for c, _ in thread.walk()]
    assert sorted(numbers) == [n for n in range(2, 58) if n != 10]  # small action 10 skipped
    assert thread.comment_count == 55 and thread.missing == 0
    for comment, _ in thread.walk():
        number = int(comment.id)
        parent = thread.parent(comment.id)
        expected = number // 2 if number % 3 == 0 and number // 2 > 1 else None
        if expected == 10:
            expected = None  # its parent was the skipped small action
        assert (int(parent.id) if parent else None) == expected, number
        assert comment.score == number % 7
    assert thread.depth("36") == 3  # 36 replies to 18, 18 to 9, 9 to 4
    deleted = thread.get("12")
    assert deleted is not None and deleted.deleted and deleted.author is None
    assert [c.id for c in deleted.children] == ["24"]  # its reply survives


async def test_a_quote_aside_leads_to_the_quoted_post(httpserver: HTTPServer) -> None:
    FakeDiscourse(big_discourse_topic(57)).install(httpserver)
    thread = await fetch(httpserver, "/t/57")
    quoting = thread.get("30")
    assert quoting is not None
    assert [b.kind for b in quoting.body] == ["paragraph", "quote", "paragraph"]
    assert quoting.body[0].text == "stienman:" and quoting.body[0].spans[0].italic
    assert quoting.body[1].cite == "4"
    assert thread.get("4") not in thread.ancestors("30")
    source = find_quote_source(thread, quoting, quotes_of(quoting)[0])
    assert source is not None and source.comment_id == "4"


async def test_a_post_number_in_the_url_focuses_that_post(httpserver: HTTPServer) -> None:
    FakeDiscourse(big_discourse_topic(57)).install(httpserver)
    thread = await fetch(httpserver, "/t/sandbox/57/45")
    assert thread.focus_id == "45"


async def test_a_page_that_is_not_a_topic(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/t/57.json").respond_with_json({"errors": ["nope"]})
    with pytest.raises(BadResponse, match="not a topic"):
        await fetch(httpserver, "/t/57")
