"""Reader mode's first frame once the article is extracted (target: under 100 ms).

Headless at 80x24: push the reader screen for an article already in the session cache
and wait until its first frame is drawn; CPU time (process time), median and best of
`--repeat` runs. The articles: the recorded GitHub blog post (9 KB of text) and the
~100 KB caktusgroup page of bench/bench_article.py (its article body repeated).

Baselines measured in the same run, each a screen with reader mode's chrome (status
line, search panel, footer with the same keys), so only the text widget differs:
- `whole Text in a Static`: the article as one Rich `Text` in a scrolling `Static` (what
  a reader without the Line API does: every line wrapped and rendered up front);
- `floor: chrome only`: a one-line `Static` (what Textual costs for the screen itself).

Run: python -m bench.bench_reader [--repeat 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from bench.bench_article import hundred_kb_page
from fetchers.article_extract import extract_article
from threads.article import Article
from tui.article_cache import ArticleCache
from tui.screens.article_screen import ArticleScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.search_panel import SearchPanel

ARTICLES = Path(__file__).parent.parent / "tests" / "fixtures" / "articles"
SIZE = (80, 24)


class WholeTextScreen(Screen[None]):
    """The baseline: the article as one Text (or `None`: one line), wrapped and rendered
    whole, with reader mode's chrome."""

    BINDINGS = ArticleScreen.BINDINGS

    def __init__(self, article: Article | None) -> None:
        super().__init__()
        self._article = article

    def compose(self) -> ComposeResult:
        yield Static("status", markup=False)
        text = Text("one line")
        if self._article is not None:
            text = Text(f"{self._article.title}\n{self._article.url}\n\n")
            text.append(self._article.plain_text)
        with VerticalScroll():
            yield Static(text, id="whole")
        yield SearchPanel()
        yield Footer()


class BenchApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("start")


async def _fetch_nothing(url: str) -> Article:
    raise AssertionError("the article is cached")


async def first_frames(make: Callable[[], Screen[None]], repeat: int) -> list[float]:
    """CPU milliseconds from pushing the screen to its first frame, `repeat` times."""
    app = BenchApp()
    costs = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for run in range(repeat + 1):
            start = time.process_time()
            await app.push_screen(make())
            await pilot.pause()
            app.screen.query_one("#article, #whole")  # the text is on screen
            if run:  # the first run warms imports and caches up
                costs.append((time.process_time() - start) * 1000)
            await app.pop_screen()
            await pilot.pause()
    return costs


def reader_screen(article: Article) -> Callable[[], Screen[None]]:
    cache = ArticleCache(_fetch_nothing)
    cache._articles[article.url] = article  # extracted already: only the screen is timed

    def make() -> Screen[None]:
        return ArticleScreen(
            article.url,
            articles=cache,
            read=lambda url: None,
            open_thread=lambda target: None,
            write_terminal=lambda text: None,
        )

    return make


def line(name: str, costs: list[float]) -> str:
    return f"  {name:<34} median {statistics.median(costs):7.1f} ms   best {min(costs):7.1f} ms"


async def measure(name: str, article: Article, repeat: int) -> None:
    lines = len(ArticleView(article).page_layout)
    print(f"{name}: {len(article.body)} blocks, {lines} lines at 78 columns")
    print(line("reader mode first frame", await first_frames(reader_screen(article), repeat)))
    whole = await first_frames(lambda: WholeTextScreen(article), repeat)
    print(line("baseline: whole Text in a Static", whole))
    print(line("floor: chrome only", await first_frames(lambda: WholeTextScreen(None), repeat)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    repeat = parser.parse_args().repeat
    spiceland = extract_article(
        (ARTICLES / "github.blog.spiceland.html").read_text(encoding="utf-8"),
        "https://github.blog/2019-03-29-leader-spotlight-erin-spiceland/",
    )
    big = extract_article(hundred_kb_page(), "https://www.caktusgroup.com/blog/post/")
    asyncio.run(measure("github.blog (recorded)", spiceland, repeat))
    asyncio.run(measure("caktusgroup x N (~100 KB page)", big, repeat))


if __name__ == "__main__":
    main()
