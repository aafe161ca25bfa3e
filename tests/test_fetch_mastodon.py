"""Mastodon statuses with their context, from a local instance."""

from __future__ import annotations

from pytest_httpserver import HTTPServer
from site_servers import install_mastodon, load, mastodon_status

from fetchers.addresses import recognise
from fetchers.http import make_client
from fetchers.mastodon import fetch_mastodon
from threads.dump_json import thread_to_json
from threads.model import Thread


async def fetch(server: HTTPServer, path: str) -> Thread:
    target = recognise(server.url_for(path))
    assert target is not None and target.site == "mastodon"
    async with make_client() as client:
        return await fetch_mastodon(client, target)


async def test_the_recorded_status_and_its_reply(httpserver: HTTPServer) -> None:
    root = load("mastodon/status-117020574386452629.json")
    reply = load("mastodon/status-117020574393907247.json")
    install_mastodon(httpserver, root, [], [reply])
    thread = await fetch(httpserver, "/@mastodonpy_test/117020574386452629")
    assert thread.source == "mastodon"
    assert thread.title == "mastodonpy_test: Toot!"
    assert [(c.id, d, c.author, c.plain_text) for c, d in thread.walk()] == [
        ("117020574386452629", 0, "mastodonpy_test", "Toot!"),
        ("117020574393907247", 1, "mastodonpy_test", "Reply!"),
    ]
    assert thread.focus_id == "117020574386452629"
    assert thread.incomplete is None
    assert thread.get("117020574386452629").score == 0  # type: ignore[union-attr]


async def test_ancestors_are_context_above_the_status(httpserver: HTTPServer) -> None:
    first = mastodon_status(1, None, "Where it started")
    second = mastodon_status(2, 1, "A reply to the start")
    status = mastodon_status(3, 2, "The post I opened", favourites_count=4)
    replies = [
        mastodon_status(4, 3, "First reply"),
        mastodon_status(5, 4, "Nested reply", spoiler_text="spoilers for the film"),
        mastodon_status(6, 3, "Second reply"),
        mastodon_status(7, 999, "Reply to a deleted status"),  # its parent vanished
    ]
    install_mastodon(httpserver, status, [first, second], replies)
    thread = await fetch(httpserver, "/users/mastodonpy_test/statuses/3")
    assert [(c.id, d, c.context) for c, d in thread.walk()] == [
        ("1", 0, True),
        ("2", 1, True),
        ("3", 2, False),
        ("4", 3, False),
        ("5", 4, False),
        ("6", 3, False),
        ("7", 3, False),
    ]
    assert thread.focus_id == "3" and thread.points == 4
    warned = thread.get("5")
    assert warned is not None and warned.warning == "spoilers for the film"
    assert warned.plain_text == "Nested reply"


async def test_the_anonymous_cap_is_said(httpserver: HTTPServer) -> None:
    status = mastodon_status(1, None, "Popular post", replies_count=200)
    replies = [mastodon_status(100 + n, 1, f"reply {n}") for n in range(60)]
    install_mastodon(httpserver, status, [], replies)
    thread = await fetch(httpserver, "/@someone/1")
    assert thread.comment_count == 61
    assert thread.incomplete is not None and "at most 60 replies" in thread.incomplete


async def test_escape_sequences_in_a_status_come_out_inert(httpserver: HTTPServer) -> None:
    status = mastodon_status(
        1, None, "hi \x1b]52;c;cm0gLXJmIH4=\x07there \x1b[2J\x9b31m", spoiler_text="cw\x1b[5m!"
    )
    status["account"]["acct"] = "evil\x1b[8m"
    install_mastodon(httpserver, status, [], [])
    thread = await fetch(httpserver, "/@evil/1")
    comment = thread.get("1")
    assert comment is not None
    # The 8-bit CSI byte goes; what followed it is left as harmless text.
    assert (comment.plain_text, comment.warning, comment.author) == ("hi there 31m", "cw!", "evil")
    dumped = thread_to_json(thread)
    assert "\x1b" not in dumped and "\\u001b" not in dumped and "\\u009b" not in dumped
