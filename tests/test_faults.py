"""Network faults: every one ends as one readable sentence (or a partial thread that says
what is missing), never a traceback, and a failed reload keeps the thread on screen."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fault_server import fault_server
from hn_fixtures import FakeFirebase, firebase_items_from_algolia
from pytest_httpserver import HTTPServer
from textual.widgets import Static

import fetchers.http
from fetchers.errors import BadResponse, Unreachable
from fetchers.hackernews import fetch_thread
from fetchers.http import _retry_delay, make_client
from fetchers.targets import ItemTarget
from tests.tui_support import (
    comment_view,
    fixed_now,
    item_app,
    notices,
    status_text,
    wait_for_thread,
)
from threads.model import Thread
from tui.app import create_app
from tui.cli import Options
from tui.config import Config


async def fetch(item_id: str) -> Thread:
    async with make_client() as client:
        return await fetch_thread(client, item_id)


def point_at(monkeypatch: pytest.MonkeyPatch, algolia: str, firebase: str) -> None:
    monkeypatch.setenv("THREADREADER_HN_ALGOLIA_URL", algolia)
    monkeypatch.setenv("THREADREADER_HN_FIREBASE_URL", firebase)


async def test_a_response_that_stops_half_way(monkeypatch: pytest.MonkeyPatch) -> None:
    with fault_server() as base:
        point_at(monkeypatch, f"{base}/halfway", f"{base}/halfway")
        with pytest.raises(Unreachable, match="closed the connection mid-response"):
            await fetch("1")


async def test_a_slow_drip_hits_the_overall_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetchers.http, "REQUEST_DEADLINE", 0.5)
    with fault_server() as base:
        point_at(monkeypatch, f"{base}/drip", f"{base}/drip")
        started = time.monotonic()
        with pytest.raises(Unreachable, match="did not answer in time"):
            await fetch("1")
        assert time.monotonic() - started < 4  # both APIs tried, each cut at the deadline


async def test_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    client = httpx.AsyncClient(transport=httpx.MockTransport(slow))
    with pytest.raises(Unreachable, match="did not answer in time"):
        await fetch_thread(client, "1")


async def test_429_is_retried_then_explained(hn_server: HTTPServer) -> None:
    for path in ("/api/v1/items/5", "/v0/item/5.json"):
        hn_server.expect_request(path).respond_with_data(
            "slow down", status=429, headers={"Retry-After": "3"}
        )
    with pytest.raises(BadResponse, match="rate-limiting"):
        await fetch("5")
    assert len(hn_server.log) == 6  # each API: the first try and two retries


def test_retry_after_is_honoured_and_longer_waits_are_reported() -> None:
    request = httpx.Request("GET", "http://x")
    assert _retry_delay(httpx.Response(429, headers={"Retry-After": "3"}, request=request), 0) == 3
    # Longer than MAX_RETRY_AFTER: get_json stops instead of retrying into another 429.
    assert (
        _retry_delay(httpx.Response(429, headers={"Retry-After": "9999"}, request=request), 0)
        == 9999
    )
    assert _retry_delay(httpx.Response(503, request=request), 1) == 0.5  # no header: backoff


async def test_html_instead_of_json(hn_server: HTTPServer) -> None:
    hn_server.expect_request("/api/v1/items/8").respond_with_data(
        "<html>Oops</html>", content_type="text/html"
    )
    hn_server.expect_request("/v0/item/8.json").respond_with_data(
        "<html>Oops</html>", content_type="text/html"
    )
    with pytest.raises(BadResponse, match="not valid JSON"):
        await fetch("8")


async def test_json_of_the_wrong_shape(hn_server: HTTPServer) -> None:
    hn_server.expect_request("/api/v1/items/8").respond_with_json({"hits": []})
    hn_server.expect_request("/v0/item/8.json").respond_with_json({"unexpected": True})
    with pytest.raises(BadResponse):
        await fetch("8")


async def test_a_cycle_in_parent_ids_is_refused(hn_server: HTTPServer) -> None:
    items: dict[int, Any] = {
        20: {"id": 20, "type": "comment", "by": "a", "parent": 21, "text": "x"},
        21: {"id": 21, "type": "comment", "by": "b", "parent": 20, "text": "y"},
    }
    FakeFirebase(items).serve(hn_server)
    with pytest.raises(BadResponse, match="broken chain of parents"):
        await fetch("20")


async def test_a_comment_whose_kids_name_itself_loads_once(hn_server: HTTPServer) -> None:
    items: dict[int, Any] = {
        30: {
            "id": 30,
            "type": "story",
            "by": "op",
            "title": "Loop",
            "kids": [31],
            "descendants": 2,
        },
        31: {
            "id": 31,
            "type": "comment",
            "by": "a",
            "parent": 30,
            "text": "me",
            "kids": [31, 32, 30],
        },
        32: {"id": 32, "type": "comment", "by": "b", "parent": 31, "text": "reply", "kids": [31]},
    }
    FakeFirebase(items).serve(hn_server)
    thread = await fetch("30")
    assert [(c.id, d) for c, d in thread.walk()] == [("31", 0), ("32", 1)]


async def test_null_and_broken_items_are_counted_missing(
    hn_server: HTTPServer, big_algolia: dict
) -> None:
    items = firebase_items_from_algolia(big_algolia)
    kids = items[big_algolia["id"]]["kids"]  # type: ignore[index]
    items[kids[0]] = None
    items[kids[1]] = {"no": "id"}
    FakeFirebase(items).serve(hn_server)
    thread = await fetch(str(big_algolia["id"]))
    assert thread.missing == 2
    assert thread.comment_count < 485


# -- in the app ---------------------------------------------------------------------------


def thread_app() -> Any:
    return create_app(
        Options(ItemTarget("hackernews", "8"), False, None, None),
        config=Config(Path("/nonexistent")),
        now=fixed_now,
    )


@pytest.mark.parametrize(
    ("algolia", "firebase", "expected"),
    [
        ("refused", "refused", "Could not reach"),
        ("/halfway", "/halfway", "closed the connection"),
        ("html", "html", "not valid JSON"),
    ],
)
async def test_the_app_shows_one_sentence_and_a_retry(
    monkeypatch: pytest.MonkeyPatch,
    hn_server: HTTPServer,
    algolia: str,
    firebase: str,
    expected: str,
) -> None:
    from fault_server import closed_port

    hn_server.expect_request("/html/items/8").respond_with_data("<html>x</html>")
    hn_server.expect_request("/html/item/8.json").respond_with_data("<html>x</html>")
    with fault_server() as faults:
        bases = {
            "refused": f"http://127.0.0.1:{closed_port()}",
            "/halfway": f"{faults}/halfway",
            "html": hn_server.url_for("/html"),
        }
        point_at(monkeypatch, bases[algolia], bases[firebase])
        app = thread_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_thread(pilot)  # the load fails: the worker posts why
            message = str(app.screen.query_one("#message", Static).render())
            assert expected in message and "r to retry" in message
            assert "Traceback" not in message and len(message.splitlines()) <= 3


async def test_a_failed_reload_keeps_the_thread(
    monkeypatch: pytest.MonkeyPatch, hn_server: HTTPServer, big_algolia: dict
) -> None:
    hn_server.expect_oneshot_request("/api/v1/items/26312516").respond_with_json(big_algolia)
    point_at(monkeypatch, hn_server.url_for("/api/v1"), hn_server.url_for("/v0"))
    app = item_app("26312516")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_thread(pilot)
        await pilot.press("J", "J")
        before = comment_view(app).cursor_comment
        position = comment_view(app).cursor
        assert position > 0
        hn_server.clear_all_handlers()  # from now on every request gets a 500
        await pilot.press("r")
        await wait_for_thread(pilot)
        assert "Reload failed" in notices(app)
        assert comment_view(app).cursor_comment is before
        assert f"{position + 1}/485" in status_text(app)
