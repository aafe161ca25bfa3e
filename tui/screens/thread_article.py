"""The thread's linked article, from the thread screen: `a` opens it in reader mode, and
`'` on a quote that is not from the thread looks for it in the article.

The article is fetched once per session (the app's `ArticleCache`); the search for a
quote runs in an exclusive worker of the thread screen, so the keys stay live.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.screen import Screen

from fetchers.errors import FetchError
from threads.links import is_openable
from tui.article_cache import ArticleCache
from tui.widgets.comment_view import CommentView

if TYPE_CHECKING:
    from threads.article_quotes import ArticlePassage  # rapidfuzz: off the start-up path


class ReaderApp(Protocol):
    """What the app offers reader mode (`tui.app.ThreadReaderApp`)."""

    articles: ArticleCache

    def open_article(self, url: str, *, passage: ArticlePassage | None = None) -> None: ...


class ArticleController:
    """`a` and the article half of `'`, for one thread screen.

    Args:
        host: The thread screen (notices, workers).
        view: The comment view, once there is one.
    """

    def __init__(self, host: Screen[Any], *, view: Callable[[], CommentView | None]) -> None:
        self._host = host
        self._view = view

    @property
    def _app(self) -> ReaderApp:
        return cast(ReaderApp, self._host.app)

    def _story_url(self, missing: str) -> str | None:
        """The story's web link; without one, `missing` is said."""
        view = self._view()
        url = view.thread.url if view is not None else None
        if view is not None and (not url or not is_openable(url)):
            self._host.notify(missing, timeout=3)
            return None
        return url

    def read_story(self) -> None:
        """`a`: the story's link in reader mode."""
        url = self._story_url("This story links to no article.")
        if url:
            self._app.open_article(url)

    def find_quote(self, quotes: list[str]) -> None:
        """`'` when the thread holds none of the comment's quotes: try the article."""
        url = self._story_url("Quote source not in this thread, and the story has no article.")
        if url:
            self._host.notify("Looking for the quote in the article…", timeout=2)
            self._host.run_worker(
                self._find(url, quotes), group="article-quote", exclusive=True, exit_on_error=False
            )

    async def _find(self, url: str, quotes: list[str]) -> None:
        from threads.article_quotes import find_in_article  # rapidfuzz: on first use

        try:
            article = await self._app.articles.get(url)
        except FetchError as error:
            self._host.notify(f"Quote source not in this thread; {error}", severity="warning")
            return
        for quote in quotes:
            passage = find_in_article(article, quote)
            if passage is not None:
                self._app.open_article(url, passage=passage)
                return
        self._host.notify("The quote is neither in this thread nor in the article.", timeout=4)
