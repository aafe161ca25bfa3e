"""Other sites in the reader: headers, scores and marks, Reddit's stubs loaded in place and
in the background, spoilers, Mastodon context and warnings, score folding. Every thread
comes from a local server at the site's real API paths."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from reddit_fixtures import THREAD, FakeReddit, walk_things
from site_servers import (
    FakeDiscourse,
    big_discourse_topic,
    install_mastodon,
    load,
    mastodon_status,
)

import fetchers.reddit.credentials as reddit_credentials
from fetchers.site import ItemTarget
from tests.test_tui_search import type_query
from tests.tui_support import (
    comment_view,
    cursor_author,
    fixed_now,
    notices,
    settle,
    status_text,
    view_lines,
    view_text,
    wait_for_index,
)
from tui.app import ThreadReaderApp, create_app
from tui.cli import Options
from tui.config import Config, load_config
from tui.screens.picker import PickerScreen

NO_CONFIG = Path("/nonexistent/config.toml")


def site_app(target: ItemTarget, config: Config | None = None) -> ThreadReaderApp:
    return create_app(
        Options(target, False, None, None), config=config or Config(NO_CONFIG), now=fixed_now
    )


def row_of(app: Any, text: str) -> int:
    """The screen row showing `text` (the first one)."""
    return next(y for y, line in enumerate(view_lines(app)) if text in line)


def cursor_row(app: Any) -> int:
    """The screen row of the cursor comment's first line."""
    return next(y for y, line in enumerate(view_lines(app)) if line.startswith("▌"))


# -- Lobsters --------------------------------------------------------------------------


@pytest.fixture
def lobsters(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv("THREADREADER_LOBSTERS_URL", httpserver.url_for("/"))
    story = load("lobsters/story-tdfoqh-2025-format.json")
    feeping = next(c for c in story["comments"] if c["short_id"] == "7b0jgw")
    feeping["comment"] = (
        "<p>The classic paper on this[1] says otherwise.</p>"
        "<p>[1] https://example.com/ranking-paper</p>"
    )
    httpserver.expect_request("/s/tdfoqh.json").respond_with_json(story)
    return httpserver


async def test_lobsters_header_scores_search_themes_footnotes_and_quotes(
    lobsters: HTTPServer, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[themes.meta]\nterms = ["max"]\nmode = "highlight"\ncolor = "green"\n')
    app = site_app(ItemTarget("lobsters", "tdfoqh"), load_config(config))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_index(pilot)
        text = view_text(app)
        assert "Lobsters · tags: meta" in text
        assert "10 comments" in text
        assert "dpercy · " in text and "17 points" in text
        assert "#meta" in text  # the highlighting theme tags dpercy's "max" comment

        await type_query(pilot, "@feoh")
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_author(app) == "feoh"

        await pilot.press("escape", "g")
        view = comment_view(app)
        view.expand_to("7b0jgw")
        await pilot.press("f")
        await pilot.pause()
        if isinstance(app.screen, PickerScreen):
            await pilot.press("1")
        await pilot.pause()
        assert comment_view(app).target is not None  # landed on the definition

        view.expand_to("pcvbcd")  # gioele quotes friendlysock, his parent
        await pilot.press("apostrophe")
        await pilot.pause()
        assert cursor_author(app) == "friendlysock"


# -- Discourse -------------------------------------------------------------------------


async def test_discourse_likes_search_and_a_quote_jumps_to_the_cited_post(
    httpserver: HTTPServer,
) -> None:
    FakeDiscourse(big_discourse_topic(57)).install(httpserver)
    base = httpserver.url_for("").rstrip("/")
    app = site_app(ItemTarget("discourse", f"{base}/t/57"))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_index(pilot)
        view = comment_view(app)
        assert view.thread.comment_count > 20  # the later batches arrived too
        assert "Discourse" in view_text(app)

        await type_query(pilot, "quoting an earlier post")
        await pilot.press("enter")
        await settle(pilot)
        comment = view.cursor_comment
        assert comment is not None and comment.id == "30"
        await pilot.press("apostrophe")
        await pilot.pause()
        landed = comment_view(app).cursor_comment
        assert landed is not None and landed.id == "4"  # the post the aside cites


# -- Mastodon --------------------------------------------------------------------------


async def test_mastodon_context_is_marked_and_a_warning_hides_the_body_until_enter(
    httpserver: HTTPServer,
) -> None:
    status = mastodon_status(3, 2, "The post I opened")
    install_mastodon(
        httpserver,
        status,
        [mastodon_status(1, None, "Where it started"), mastodon_status(2, 1, "A reply")],
        [
            mastodon_status(4, 3, "First reply"),
            mastodon_status(5, 4, "Snape kills Dumbledore", spoiler_text="film spoilers"),
        ],
    )
    target = ItemTarget("mastodon", httpserver.url_for("/statuses/3").rstrip("/"))
    app = site_app(target)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        text = view_text(app)
        started = next(line for line in text.splitlines() if "Where it started" in line)
        assert started  # context bodies are drawn (dimmed), their headers say so
        assert sum("· context" in line for line in text.splitlines()) == 2
        assert "⚠ film spoilers" in text
        assert "Snape" not in text

        view = comment_view(app)
        view.expand_to("5")
        row = row_of(app, "⚠ film spoilers")
        await pilot.press("enter")
        await pilot.pause()
        assert "Snape kills Dumbledore" in view_text(app)
        assert row_of(app, "⚠ film spoilers") == row  # the header kept its row


# -- score folding ---------------------------------------------------------------------


async def test_score_threshold_from_the_config_and_the_key(
    lobsters: HTTPServer, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[reader]\nfold_below = 5\n")
    app = site_app(ItemTarget("lobsters", "tdfoqh"), load_config(config))
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        # Below 5: gioele 2, kghose 2, FRIGN 2, feoh 2 (kghose 5's reply stays visible).
        assert "5 below 5 points collapsed" in status_text(app)
        text = view_text(app)
        assert "Maybe take the max" in text  # dpercy, 17 points: open
        view = comment_view(app)
        assert view.folds.body_shut("ei3nck")  # FRIGN, 2 points: header only

        await pilot.press("s")
        await pilot.pause()
        assert "collapsed" not in status_text(app)
        assert not view.folds.body_shut("ei3nck")
        await pilot.press("s")
        await pilot.pause()
        assert "below 5 points collapsed" in status_text(app)


async def test_score_folding_says_when_a_thread_has_no_scores() -> None:
    from tests.tui_support import sample_app

    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "no comment scores" in notices(app)


# -- Reddit ----------------------------------------------------------------------------


@pytest.fixture
def reddit(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> FakeReddit:
    monkeypatch.setenv("THREADREADER_REDDIT_URL", httpserver.url_for(""))
    monkeypatch.setattr(reddit_credentials, "_client_id", None)
    fake = FakeReddit()
    page = copy.deepcopy(fake.page)
    first = next(t for t in walk_things(page[1]["data"]["children"]) if t["kind"] == "t1")
    first["data"]["body_html"] = (
        '<div class="md"><p>The ending: <span class="md-spoiler-text">the butler did it</span>'
        "</p></div>"
    )
    fake.page = page
    fake.install(httpserver)
    return fake


async def test_reddit_stub_rows_load_in_place_keeping_the_row(reddit: FakeReddit) -> None:
    app = site_app(ItemTarget("reddit", THREAD))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        view = comment_view(app)
        thread = view.thread
        header = f"{thread.comment_count:,} of {thread.comment_count + thread.unloaded_count:,}"
        assert header in view_text(app)

        stub = next(s for s in thread.stubs() if s.more and not s.more.continue_thread)
        assert stub.more is not None
        view.expand_to(stub.id)
        label = stub.more.label
        assert label.startswith("… ") and label in view_text(app)
        row = cursor_row(app)
        assert label in view_lines(app)[row]
        before = thread.comment_count
        await pilot.press("enter")
        await settle(pilot)
        assert thread.comment_count > before
        assert reddit.asked and reddit.asked[0][0] == stub.more.ids[0]
        landed = comment_view(app).cursor_comment
        assert landed is not None and landed.more is None  # a loaded reply took its place
        assert cursor_row(app) == row


async def test_reddit_load_all_reports_progress_and_ends_with_the_report(
    reddit: FakeReddit,
) -> None:
    app = site_app(ItemTarget("reddit", THREAD))
    seen: list[str] = []
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        original = screen._show_cursor  # type: ignore[attr-defined]

        def spy(position: int | None = None) -> None:
            original(position)
            seen.append(status_text(app))

        screen.stubs._changed = spy  # type: ignore[attr-defined]
        await pilot.press("m")
        await settle(pilot)
        view = comment_view(app)
        assert view.thread.tree.stub_count == 0
        assert any("Loading all: " in text for text in seen)
        assert "Loaded " in status_text(app) and "requests" in status_text(app)
        assert "more repl" not in view_text(app)


async def test_reddit_spoilers_are_blocked_out_until_x(reddit: FakeReddit) -> None:
    app = site_app(ItemTarget("reddit", THREAD))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        view = comment_view(app)
        first = next(c for c, _ in view.thread.walk() if c.more is None)
        view.expand_to(first.id)
        await pilot.pause()
        assert "The ending:" in view_text(app)
        assert "butler" not in view_text(app)
        assert "▒▒▒" in view_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert "the butler did it" in view_text(app)


async def test_reddit_sort_key_cycles_and_reloads(
    reddit: FakeReddit, httpserver: HTTPServer
) -> None:
    app = site_app(ItemTarget("reddit", THREAD))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert "Sorted by top" in status_text(app)
        sorts = [r.args.get("sort") for r, _ in httpserver.log if r.path.endswith(f"{THREAD}.json")]
        assert sorts[-1] == "top"
