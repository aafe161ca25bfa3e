"""Reader mode: `a` opens the story's article (served locally), search and links in it,
the way back; `'` on a quote of the article lands on the passage; a PDF is one sentence."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.tui_support import app_with_source, comment_view, notices, settle
from threads.blocks import Block, Span
from threads.model import Comment, Thread
from tui.screens.article_screen import ArticleScreen
from tui.screens.picker import PickerScreen
from tui.screens.thread_screen import ThreadScreen
from tui.widgets.article_view import PASSAGE_MARK, ArticleView

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
PAGE_PATH = "/2019-03-29-leader-spotlight-erin-spiceland/"
QUOTE = "I'm a domestic abuse survivor and a Choctaw polyamorous woman"
WHEN = datetime(2024, 5, 27, 10, 0, tzinfo=UTC)


def serve_article(server: HTTPServer) -> str:
    body = (ARTICLES / "github.blog.spiceland.html").read_bytes()
    server.expect_request(PAGE_PATH).respond_with_data(
        body, content_type="text/html; charset=utf-8"
    )
    return server.url_for(PAGE_PATH)


def para(text: str) -> Block:
    return Block("paragraph", (Span(text),))


def story(url: str) -> Thread:
    """A story linking to `url`: a plain comment, then one quoting the article."""
    return Thread(
        source="hackernews",
        id="1",
        title="Leader spotlight",
        url=url,
        author="poster",
        created=WHEN,
        comments=[
            Comment("2", "alice", WHEN, body=(para("Nice interview, worth reading."),)),
            Comment(
                "3",
                "bob",
                WHEN,
                body=(Block("quote", (Span(QUOTE),)), para("That line stayed with me.")),
            ),
        ],
    )


def reader_app(thread: Thread) -> Any:
    async def source(progress: Any) -> Thread:
        return thread

    return app_with_source(source)


def reader(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen), f"not in reader mode: {screen!r}"
    return screen


def reader_lines(app: Any) -> list[str]:
    view = app.screen.query_one(ArticleView)
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


def status(app: Any) -> str:
    return str(app.screen.query_one("#article-status").render())


async def test_a_opens_the_article_and_q_returns_to_the_same_comment(
    httpserver: HTTPServer,
) -> None:
    app = reader_app(story(serve_article(httpserver)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        at = comment_view(app).cursor_comment
        await pilot.press("a")
        await settle(pilot)
        lines = reader_lines(app)
        assert "Leader spotlight: Erin Spiceland" in "\n".join(lines)
        assert any("localhost" in line for line in lines[:6])
        await pilot.press("G")
        assert reader(app).query_one(ArticleView).scroll_y > 0
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ThreadScreen)
        assert comment_view(app).cursor_comment is at


async def test_search_in_the_article_lists_hits_and_jumps(httpserver: HTTPServer) -> None:
    app = reader_app(story(serve_article(httpserver)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("slash", *"chocta", "enter")  # a typo-free prefix
        await pilot.pause()
        view = reader(app).query_one(ArticleView)
        assert view.scroll_y > 0
        assert any("Choctaw" in line for line in reader_lines(app))
        assert "hit" in status(app)
        await pilot.press("escape")  # clears the highlights, stays in reader mode
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ThreadScreen)


async def test_links_picker_reads_a_link_here_and_backspace_returns(
    httpserver: HTTPServer,
) -> None:
    app = reader_app(story(serve_article(httpserver)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        article = reader(app).article
        assert article is not None and article.links
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        # The article's own address among its links would be served; pick the first
        # link, then "copy the address" (no network).
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("3")
        await pilot.pause()
        assert f"Copied: {article.links[0].url}" in notices(app)
        assert isinstance(app.screen, ArticleScreen)


async def test_read_here_opens_another_reader_and_backspace_closes_only_it(
    httpserver: HTTPServer,
) -> None:
    url = serve_article(httpserver)
    app = reader_app(story(url))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        first = reader(app)
        first.links.act_on(_link(url))  # a link back to the same page: served locally
        await pilot.pause()
        await pilot.press("1")  # read here
        await settle(pilot)
        assert reader(app) is not first
        await pilot.press("backspace")
        await pilot.pause()
        assert reader(app) is first


def _link(url: str) -> Any:
    from threads.links import Link

    return Link(1, url, "again")


async def test_quote_of_the_article_lands_on_the_passage_and_back_returns(
    httpserver: HTTPServer,
) -> None:
    app = reader_app(story(serve_article(httpserver)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        assert comment_view(app).cursor_comment.author == "bob"  # type: ignore[union-attr]
        await pilot.press("apostrophe")
        await settle(pilot)
        await pilot.pause()
        lines = reader_lines(app)
        marked = [line for line in lines if line.startswith(PASSAGE_MARK)]
        assert marked, "\n".join(lines)
        assert "domestic abuse survivor" in " ".join(marked)
        assert "Quote found in the article" in status(app)
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, ThreadScreen)
        assert comment_view(app).cursor_comment.author == "bob"  # type: ignore[union-attr]


async def test_a_pdf_is_one_sentence_and_o_offers_its_address(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.4 not really", content_type="application/pdf"
    )
    app = reader_app(story(httpserver.url_for("/paper.pdf")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        message = str(app.screen.query_one("#article-message").render())
        assert "PDF" in message and "Press o to open or copy" in message
        assert "Traceback" not in message
        await pilot.press("q")
        assert isinstance(app.screen, ThreadScreen)


@pytest.mark.parametrize("width", [40, 120])
async def test_the_passage_stays_highlighted_at_any_width(
    httpserver: HTTPServer, width: int
) -> None:
    app = reader_app(story(serve_article(httpserver)))
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "apostrophe")
        await settle(pilot)
        await pilot.pause()
        assert any(line.startswith(PASSAGE_MARK) for line in reader_lines(app))


async def test_a_web_address_on_the_command_line_opens_reader_mode(
    httpserver: HTTPServer,
) -> None:
    from fetchers.targets import ArticleTarget
    from tests.tui_support import fixed_now
    from tui.app import create_app
    from tui.cli import Options
    from tui.config import Config

    app = create_app(
        Options(ArticleTarget(serve_article(httpserver)), False, None, None),
        config=Config(Path("/nonexistent/config.toml")),
        now=fixed_now,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Leader spotlight: Erin Spiceland" in "\n".join(reader_lines(app))
        await pilot.press("backspace")
        assert "Nowhere to go back to" in notices(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code in (0, None)


async def test_the_article_is_fetched_once_per_session(httpserver: HTTPServer) -> None:
    app = reader_app(story(serve_article(httpserver)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("a")
            await settle(pilot)
            await pilot.press("q")
            await pilot.pause()
    assert len(httpserver.log) == 1


async def test_a_link_to_a_thread_on_a_supported_site_opens_that_thread(
    httpserver: HTTPServer,
) -> None:
    from fetchers.site import ItemTarget

    app = reader_app(story(serve_article(httpserver)))
    opened: list[ItemTarget] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        reader(app).links._open_thread = opened.append  # no network: what would open
        reader(app).links.act_on(_link("https://news.ycombinator.com/item?id=26312516"))
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert "Open the thread here" in str(
            picker.query_one("#picker").get_option_at_index(0).prompt
        )
        await pilot.press("1")
        await pilot.pause()
    assert opened == [ItemTarget("hackernews", "26312516")]


async def test_a_on_the_front_page_reads_the_highlighted_story(httpserver: HTTPServer) -> None:
    from tests.tui_support import fixed_now
    from threads.stories import StorySummary
    from tui.app import create_app
    from tui.cli import Options
    from tui.config import Config

    url = serve_article(httpserver)
    stories = [
        StorySummary("1", "Ask HN: text post", None, "a", 1, 0, WHEN),
        StorySummary("2", "Leader spotlight", url, "b", 5, 3, WHEN),
    ]

    async def front_page(kind: str, offset: int) -> list[StorySummary]:
        return stories

    app = create_app(
        Options(None, False, None, None), config=Config(Path("/nonexistent/c.toml")), now=fixed_now
    )
    app._fetch_list = front_page  # type: ignore[method-assign, assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert "links to no article" in notices(app)
        await pilot.press("j", "a")
        await settle(pilot)
        assert "Leader spotlight: Erin Spiceland" in "\n".join(reader_lines(app))
        await pilot.press("q")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "StoryListScreen"
