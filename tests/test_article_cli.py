"""`threadreader URL --dump text|markdown|json` for a web page, and the app before reader
mode exists (one sentence, no traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import Static
from tui_support import fixed_now, settle

from fetchers.targets import ArticleTarget
from tui.__main__ import main
from tui.app import create_app
from tui.cli import Options
from tui.config import Config

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).parent / "fixtures" / "articles"
PATH = "/2019-03-29-leader-spotlight-erin-spiceland/"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def blog(httpserver: HTTPServer) -> str:
    body = (ARTICLES / "github.blog.spiceland.html").read_bytes()
    httpserver.expect_request(PATH).respond_with_data(body, content_type="text/html")
    return httpserver.url_for(PATH)


def test_dump_text_prints_the_article(blog: str) -> None:
    result = run_cli(blog, "--dump", "text", "--width", "72")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[:3] == [
        "Leader spotlight: Erin Spiceland",
        "Jessica Rudder · 2019-03-29 · The GitHub Blog",
        blog,
    ]
    assert all(len(line) <= 72 for line in lines)
    text = " ".join(result.stdout.split())
    assert "Erin Spiceland is a Software Engineer for SpaceX." in text
    assert "looking forward to next?" in text
    assert "Related posts" not in text and "Missed the main event?" not in text
    assert "\nLinks:\n[1] http" in result.stdout
    assert result.stderr == ""


def test_dump_json_has_the_documented_fields(blog: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([blog, "--dump", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {
        "source",
        "url",
        "title",
        "byline",
        "date",
        "site",
        "text",
        "blocks",
        "links",
    }
    assert (document["source"], document["url"], document["byline"]) == (
        "article",
        blog,
        "Jessica Rudder",
    )
    assert document["blocks"][0].keys() == {"kind", "level", "text", "links"}
    assert "heading" in {block["kind"] for block in document["blocks"]}
    assert all(url.startswith(("http://", "https://")) for url in document["links"])


def test_dump_markdown(blog: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([blog, "--dump", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Leader spotlight: Erin Spiceland\n")
    assert "\n## How would you summarize your career (so far) in a single sentence?\n" in out


def test_missing_page_is_one_line_and_exit_1(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/nothing").respond_with_data("no", status=404)
    url = httpserver.url_for("/nothing")
    result = run_cli(url, "--dump", "text")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"threadreader: No page at {url} (HTTP 404).\n"


def test_thread_only_options_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["https://blog.example/post", "--dump", "text", "--search", "x"])
    assert caught.value.code == 2
    assert "not on a web page" in capsys.readouterr().err


async def test_app_given_a_web_page_opens_reader_mode_and_a_failure_is_one_sentence() -> None:
    """(Reader mode on a served article: tests/test_tui_reader.py.)"""
    from fetchers.errors import Unreachable
    from tui.article_cache import ArticleCache
    from tui.screens.article_screen import ArticleScreen

    url = "https://blog.example/post"

    async def offline(address: str) -> object:
        raise Unreachable(f"Could not reach {address}: connection refused.")

    app = create_app(
        Options(ArticleTarget(url), False, None, None),
        config=Config(Path("/nonexistent/config.toml")),
        now=fixed_now,
        sixteen_colours=False,
    )
    app.articles = ArticleCache(offline)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        message = str(app.screen.query_one("#article-message", Static).render())
        assert f"Could not reach {url}" in message
        assert "Traceback" not in message
