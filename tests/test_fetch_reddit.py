"""Reddit against a local stand-in at the real paths (never the internet)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx  # noqa: I001  (after the project's modules, as in the other fetcher tests)
import pytest
from pytest_httpserver import HTTPServer
from reddit_fixtures import THREAD, FakeClock, FakeReddit, t1
from werkzeug import Request, Response

import fetchers.reddit.credentials as reddit_credentials
from fetchers.errors import NotFound
from fetchers.http import make_client
from fetchers.reddit.api import RedditApi, user_agent
from fetchers.reddit.auth import _TOKENS
from fetchers.reddit.loader import StubLoader, fetch_thread
from fetchers.reddit.pacing import RatePacer
from fetchers.reddit.site import fetch_target
from fetchers.site import ItemTarget
from threads.model import Thread
from threads.more_splice import apply_expansion


@pytest.fixture
def reddit(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> FakeReddit:
    monkeypatch.setenv("THREADREADER_REDDIT_URL", httpserver.url_for(""))
    monkeypatch.setattr(reddit_credentials, "_client_id", None)
    fake = FakeReddit(FakeClock())
    fake.install(httpserver)
    return fake


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client() as http:
        yield http


def paced_api(client: httpx.AsyncClient, fake: FakeReddit) -> RedditApi:
    assert fake.clock is not None
    return RedditApi(client, pacer=RatePacer(clock=fake.clock, sleep=fake.clock.sleep))


def rows(thread: Thread) -> list[tuple[int, str]]:
    return [(depth, c.more.label if c.more else c.id) for c, depth in thread.walk()]


# -- the first page ----------------------------------------------------------------------


async def test_first_page_has_the_post_comments_and_stubs_where_they_stand(
    reddit: FakeReddit, client: httpx.AsyncClient, httpserver: HTTPServer
) -> None:
    thread = await fetch_target(client, ItemTarget("reddit", THREAD))
    assert (thread.title, thread.tags, thread.points) == ("Ba Dum Tsss", ("r/funny",), 11702)
    assert thread.url == "http://i.imgur.com/eoF76hj.gifv"
    assert thread.comment_count == 476
    assert thread.tree.stub_count == 18
    assert thread.unloaded_count == 61
    first = thread.comments[0]
    assert (first.id, first.author, first.score) == ("cu5pebp", "johnnwho", 1136)
    assert (
        first.plain_text
        == "Man I am glad there isn't someone on a drum set every time I fall over."
    )
    # The top-level stub is last, at depth 0, with all nine held-back ids.
    last = thread.comments[-1]
    assert last.more is not None and len(last.more.ids) == 9
    assert last.more.label == "… 9 more replies"
    # "continue this thread" where Reddit cut depth: under cu61zil, one level deeper.
    stub = thread.get("more:cu61zil")
    assert stub is not None and stub.more is not None and stub.more.continue_thread
    assert thread.depth("more:cu61zil") == thread.depth("cu61zil") + 1
    assert thread.parent("more:cu61zil") is thread.get("cu61zil")
    request = httpserver.log[0][0]
    assert request.args["raw_json"] == "1" and int(request.args["limit"]) > 0
    assert request.headers["User-Agent"] == user_agent()
    assert user_agent().split(":")[1] == "threadreader"


async def test_deleted_comments_keep_their_replies(
    reddit: FakeReddit, client: httpx.AsyncClient
) -> None:
    thread = await fetch_target(client, ItemTarget("reddit", THREAD))
    deleted = [c for c, _ in thread.walk() if c.deleted]
    assert len(deleted) == 6
    assert all(c.author is None for c in deleted)
    assert any(c.children for c in deleted)  # the placeholder still carries its replies
    assert sum(1 for c, _ in thread.walk() if c.author is None and c.more is None) == 16


async def test_sort_is_asked_for(
    reddit: FakeReddit, client: httpx.AsyncClient, httpserver: HTTPServer
) -> None:
    await fetch_target(client, ItemTarget("reddit", THREAD, sort="top"))
    assert httpserver.log[0][0].args["sort"] == "top"


async def test_missing_thread_is_one_sentence(
    reddit: FakeReddit, client: httpx.AsyncClient, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/comments/zzzzzz.json").respond_with_json(
        {"message": "Not Found", "error": 404}, status=404
    )
    with pytest.raises(NotFound, match="Reddit has no such thread"):
        await fetch_target(client, ItemTarget("reddit", "zzzzzz"))


# -- permalink focus ---------------------------------------------------------------------


async def test_permalink_on_the_first_page_needs_no_extra_request(
    reddit: FakeReddit, client: httpx.AsyncClient, httpserver: HTTPServer
) -> None:
    thread = await fetch_target(client, ItemTarget("reddit", THREAD, focus="cu5tlz5"))
    assert thread.focus_id == "cu5tlz5" and thread.get("cu5tlz5") is not None
    assert len(httpserver.log) == 1


async def test_permalink_to_a_held_back_comment_loads_it_with_its_context(
    reddit: FakeReddit, client: httpx.AsyncClient, httpserver: HTTPServer
) -> None:
    recorded = reddit.recorded
    context = dict(recorded[0])
    context["data"] = {**recorded[0]["data"], "replies": {"data": {"children": [recorded[1]]}}}
    httpserver.expect_request(f"/comments/{THREAD}/_/cu5pjjs.json").respond_with_json(
        [reddit.page[0], {"kind": "Listing", "data": {"children": [context]}}]
    )
    thread = await fetch_target(client, ItemTarget("reddit", THREAD, focus="cu5pjjs"))
    assert thread.focus_id == "cu5pjjs"
    assert [c.id for c in thread.ancestors("cu5pjjs")][:2] == ["cu5pg2h", "cu5p1hh"]
    assert httpserver.log[-1][0].args["context"] == "8"


# -- loading stubs -----------------------------------------------------------------------


async def test_a_counted_stub_loads_in_place_re_nested_by_parent(
    reddit: FakeReddit, client: httpx.AsyncClient
) -> None:
    api = paced_api(client, reddit)
    thread = await fetch_thread(api, THREAD)
    before = rows(thread)
    at = before.index((thread.depth("more:cu5p1hh"), "… 12 more replies"))
    expansion = await StubLoader(api, thread).load_stub("more:cu5p1hh")
    report = apply_expansion(thread, expansion)
    assert reddit.asked == [["cu5pg2h"]]
    assert report.added == 11 and report.ignored == 0
    assert thread.get("more:cu5p1hh") is None  # the stub is gone, its replies stand there
    assert rows(thread)[:at] == before[:at]
    assert thread.parent("cu5pg2h") is thread.get("cu5p1hh")
    assert thread.parent("cu5pjjs") is thread.get("cu5pg2h")
    assert [c.id for c in thread.get("cu5pg2h").children] == [  # type: ignore[union-attr]
        "cu5pjjs",
        "cu5t5yg",
        "cu5uv18",
        "cu5sy4c",
        "cu5sy4l",
    ]
    assert thread.depth("cu5tau6") == thread.depth("cu5p1hh") + 6
    assert thread.comment_count == 487


async def test_continue_this_thread_loads_the_sub_thread(
    reddit: FakeReddit, client: httpx.AsyncClient
) -> None:
    api = paced_api(client, reddit)
    thread = await fetch_thread(api, THREAD)
    expansion = await StubLoader(api, thread).load_stub("more:cu61zil")
    report = apply_expansion(thread, expansion)
    assert reddit.continued == ["cu61zil"]
    assert report.added == 2 and report.ignored == 1  # the parent itself comes back too
    assert [c.id for c in thread.get("cu61zil").children] == ["cu61zilc1", "cu61zilc2"]  # type: ignore[union-attr]
    assert thread.get("more:cu61zil") is None


async def test_load_all_batches_ids_and_leaves_no_stub(
    reddit: FakeReddit, client: httpx.AsyncClient
) -> None:
    api = paced_api(client, reddit)
    thread = await fetch_thread(api, THREAD)
    seen: list[tuple[int, int | None]] = []
    report = await StubLoader(api, thread).load_all(
        lambda e: apply_expansion(thread, e), progress=lambda n, total: seen.append((n, total))
    )
    assert report.stopped is None and report.remaining_stubs == 0
    assert thread.tree.stub_count == 0
    assert len(reddit.asked) == 1 and len(reddit.asked[0]) == 24  # one request (cap 100)
    assert sorted(sum(reddit.asked, [])) == sorted(set(sum(reddit.asked, [])))
    assert len(reddit.continued) == 6
    assert report.requests == 7 and report.throttled == 0
    assert thread.comment_count == 476 + report.added
    assert seen[-1][0] == thread.comment_count
    assert "Loaded" in report.describe() and "7 requests" in report.describe()


async def test_rate_headers_are_honoured(reddit: FakeReddit, client: httpx.AsyncClient) -> None:
    """A 429 first, then `Remaining: 0` with a reset: the loader waits, then finishes."""
    api = paced_api(client, reddit)
    thread = await fetch_thread(api, THREAD)
    reddit.script = [
        (429, {"Retry-After": "7"}),
        (200, {"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "30", "X-Ratelimit-Used": "10"}),
    ]
    report = await StubLoader(api, thread).load_all()
    assert reddit.violations == 0  # nothing was sent while the budget was spent
    assert report.throttled == 1 and report.stopped is None
    assert thread.tree.stub_count == 0
    assert report.waited == pytest.approx(37, abs=1)  # 7 s asked by the 429, 30 s reset
    assert report.requests == 8  # 7 loads + the one retried after the 429


async def test_stop_during_a_wait_keeps_what_loaded(
    reddit: FakeReddit, client: httpx.AsyncClient
) -> None:
    api = paced_api(client, reddit)
    thread = await fetch_thread(api, THREAD)
    loader = StubLoader(api, thread)
    reddit.script = [(200, {"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "300"})]
    assert reddit.clock is not None
    real_sleep = reddit.clock.sleep

    async def sleep_then_stop(seconds: float) -> None:
        loader.stop()  # the user pressed the key again while it waited
        await real_sleep(seconds)

    api.pacer._sleep = sleep_then_stop
    report = await loader.load_all()
    assert report.stopped == "stopped"
    assert report.requests == 1 and report.added == 34  # 24 ids, one of them with 10 replies
    assert report.remaining_stubs == 6 and "not loaded" in report.describe()


async def test_a_reddit_error_stops_the_load_and_says_why(
    reddit: FakeReddit, client: httpx.AsyncClient
) -> None:
    api = paced_api(client, reddit)
    thread = await fetch_thread(api, THREAD)
    reddit.script = [(500, {})]
    report = await StubLoader(api, thread).load_all()
    assert report.stopped is not None and "HTTP 500" in report.stopped
    assert report.added == 0 and report.remaining_stubs == 18


# -- OAuth -------------------------------------------------------------------------------

TOKEN = "SECRET-token-Zq81"


@pytest.fixture
def oauth(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("THREADREADER_REDDIT_URL", httpserver.url_for("/www"))
    monkeypatch.setenv("THREADREADER_REDDIT_OAUTH_URL", httpserver.url_for("/oauth"))
    _TOKENS.clear()
    seen: dict[str, Any] = {"token_requests": 0, "authorised": 0}

    def token(request: Request) -> Response:
        seen["token_requests"] += 1
        assert request.authorization is not None
        assert request.authorization.username == "my-app-id"
        assert request.form["grant_type"] == "https://oauth.reddit.com/grants/installed_client"
        body = {"access_token": TOKEN, "token_type": "bearer", "expires_in": 86400}
        return Response(json.dumps(body), content_type="application/json")

    def page(request: Request) -> Response:
        if request.headers.get("Authorization") != f"bearer {TOKEN}":
            return Response("{}", status=401)
        seen["authorised"] += 1
        return Response(json.dumps(FakeReddit().page), content_type="application/json")

    httpserver.expect_request("/www/api/v1/access_token", method="POST").respond_with_handler(token)
    httpserver.expect_request(f"/oauth/comments/{THREAD}").respond_with_handler(page)
    yield seen
    _TOKENS.clear()


async def test_installed_app_token_is_fetched_once_and_sent(
    oauth: dict[str, Any], client: httpx.AsyncClient
) -> None:
    api = RedditApi(client, client_id="my-app-id")
    first = await fetch_thread(api, THREAD)
    await fetch_thread(RedditApi(client, client_id="my-app-id"), THREAD)
    assert first.comment_count == 476
    assert oauth == {"token_requests": 1, "authorised": 2}  # cached for the process
    assert TOKEN not in repr(api) and TOKEN not in repr(_TOKENS)


async def test_a_rejected_token_is_replaced(
    oauth: dict[str, Any], client: httpx.AsyncClient
) -> None:
    from fetchers.reddit.auth import _Token

    _TOKENS["my-app-id"] = _Token("expired-one", expires_at=10**12)
    thread = await fetch_thread(RedditApi(client, client_id="my-app-id"), THREAD)
    assert thread.comment_count == 476
    assert oauth["token_requests"] == 1


async def test_a_refused_client_id_is_one_sentence_without_secrets(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, client: httpx.AsyncClient
) -> None:
    monkeypatch.setenv("THREADREADER_REDDIT_URL", httpserver.url_for("/www"))
    _TOKENS.clear()
    httpserver.expect_request("/www/api/v1/access_token").respond_with_data("no", status=401)
    with pytest.raises(Exception, match="refused the client_id") as error:
        await fetch_thread(RedditApi(client, client_id="bad-id"), THREAD)
    assert "bad-id" not in str(error.value)


# -- hostile text ------------------------------------------------------------------------


async def test_escape_sequences_in_bodies_come_out_inert(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, client: httpx.AsyncClient
) -> None:
    monkeypatch.setenv("THREADREADER_REDDIT_URL", httpserver.url_for(""))
    page = FakeReddit().page
    page[0]["data"]["children"][0]["data"]["title"] = "title \x1b]0;pwned\x07 here"
    html_attack = t1("aaa1", f"t3_{THREAD}")
    html_attack["data"]["body_html"] = (
        '<div class="md"><p>red \x1b[31mtext&#x1b;[2J and '
        "&#x1b;]52;c;ZXZpbA==&#x7; clip \u009b31m</p></div>"
    )
    markdown_attack = t1("aaa2", f"t3_{THREAD}")
    markdown_attack["data"]["body_html"] = None  # only the Markdown source
    markdown_attack["data"]["body"] = "md \x1b[5m blink \x1b]8;;http://evil\x07link\x1b]8;;\x07"
    markup = t1("aaa3", f"t3_{THREAD}", "[bold red]not markup[/]")
    page[1]["data"]["children"][:0] = [html_attack, markdown_attack, markup]
    httpserver.expect_request(f"/comments/{THREAD}.json").respond_with_json(page)
    thread = await fetch_thread(RedditApi(client), THREAD)
    texts = [thread.title] + [thread.get(i).plain_text for i in ("aaa1", "aaa2", "aaa3")]  # type: ignore[union-attr]
    for text in texts:
        assert not any(ch in text for ch in "\x1b\x07\x9b"), text
    assert texts[0] == "title  here"
    assert "red text" in texts[1] and "clip" in texts[1]
    assert texts[2] == "md blink link"
    assert texts[3] == "[bold red]not markup[/]"  # shown as written, never parsed


async def test_a_big_stub_loads_100_ids_per_request_in_order(
    reddit: FakeReddit, client: httpx.AsyncClient
) -> None:
    top = reddit.page[1]["data"]["children"][-1]["data"]
    top["children"] = [f"zz{n:03d}" for n in range(250)]
    top["count"] = 250
    for n in range(250):
        reddit._stubs[f"zz{n:03d}"] = top
    api = paced_api(client, reddit)
    thread = await fetch_thread(api, THREAD)
    loader = StubLoader(api, thread)
    thread_stub = thread.comments[-1].id
    apply_expansion(thread, await loader.load_stub(thread_stub))
    assert thread.comments[-1].more is not None  # 150 still to load, the stub stays last
    assert thread.comments[-1].more.label == "… 150 more replies"
    report = await loader.load_all()
    assert len(reddit.asked[0]) == 100  # the stub's first 100
    assert all(len(ids) <= 100 for ids in reddit.asked)  # later ones batch across stubs
    asked = [i for ids in reddit.asked for i in ids if i.startswith("zz")]
    assert asked == [f"zz{n:03d}" for n in range(250)]  # each once, in Reddit's order
    assert [c.id for c in thread.comments[-250:]] == [f"zz{n:03d}" for n in range(250)]
    assert report.remaining_stubs == 0
