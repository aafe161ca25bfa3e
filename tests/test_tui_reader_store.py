"""Reader mode keeps articles in the local store: a stored article opens with its server
gone, `--offline` without a stored copy is one sentence, `--no-history` stores nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import Static

from fetchers.targets import ArticleTarget
from tests.test_tui_reader import reader, reader_app, reader_lines, serve_article, story
from tests.tui_support import fixed_now, settle
from tui.app import create_app
from tui.cli import Options
from tui.config import Config

TITLE = "Leader spotlight: Erin Spiceland"


@pytest.fixture
def own_server() -> Iterator[HTTPServer]:
    """A server of this test's own, so it can be stopped mid-test."""
    server = HTTPServer(host="127.0.0.1")
    server.start()
    yield server
    if server.is_running():
        server.stop()


def article_app(url: str, *, offline: bool = False, no_history: bool = False) -> Any:
    """`threadreader URL` on a web page (reader mode straight away)."""
    options = Options(ArticleTarget(url), False, None, None, offline=offline, no_history=no_history)
    return create_app(options, config=Config(Path("/nonexistent/config.toml")), now=fixed_now)


async def read_with_a(app: Any) -> list[str]:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        return reader_lines(app) if reader(app).article is not None else []


async def test_a_stored_article_opens_in_reader_mode_with_its_server_gone(
    own_server: HTTPServer,
) -> None:
    url = serve_article(own_server)
    assert TITLE in "\n".join(await read_with_a(reader_app(story(url))))
    own_server.stop()  # nothing listens there any more

    for app in (reader_app(story(url)), article_app(url), article_app(url, offline=True)):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            if not isinstance(app.options.target, ArticleTarget):
                await pilot.press("a")
                await settle(pilot)
            article = reader(app).article
            assert article is not None and article.title == TITLE
            assert TITLE in "\n".join(reader_lines(app))
    assert len(own_server.log) == 1  # fetched once, at the first reading


async def test_offline_without_a_stored_article_is_one_sentence(httpserver: HTTPServer) -> None:
    url = serve_article(httpserver)
    app = article_app(url, offline=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = str(reader(app).query_one("#article-message", Static).render())
    assert f"{url} is not in the local store" in message and "Traceback" not in message
    assert message.count(".") >= 1 and "\n" not in message.strip()
    assert len(httpserver.log) == 0


async def test_no_history_reads_the_article_and_writes_nothing(httpserver: HTTPServer) -> None:
    url = serve_article(httpserver)
    app = article_app(url, no_history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        article = reader(app).article
        assert article is not None and article.title == TITLE
    assert not any(Path(os.environ["THREADREADER_DATA_DIR"]).iterdir())


def test_dump_of_a_read_article_prints_it_offline_with_its_server_gone(
    own_server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.__main__ import main

    url = serve_article(own_server)
    never_read = own_server.url_for("/never-read/")
    assert main([url, "--dump", "text"]) == 0
    own_server.stop()
    capsys.readouterr()

    assert main([url, "--dump", "text", "--offline"]) == 0
    printed = capsys.readouterr()
    assert printed.out.startswith(TITLE) and printed.err == ""

    assert main([never_read, "--dump", "text", "--offline"]) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.strip() == (
        f"threadreader: {never_read} is not in the local store, and --offline never uses the"
        " network."
    )
