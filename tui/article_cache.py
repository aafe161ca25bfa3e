"""Articles for reader mode, by URL: this session's, else the local store's, else fetched.

A page that is not an article (a PDF, an image) is remembered as such for the session; other
failures are not, so a retry fetches again. Articles fetched are kept in the store (when
memory is on) so they open offline later; the store is read and written in a thread, never
on the UI's event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from fetchers.errors import FetchError, NotAnArticle
from store.memory import Memory

if TYPE_CHECKING:  # the article model is imported when reader mode is first used
    from threads.article import Article

FetchArticle = Callable[[str], Awaitable["Article"]]
"""Fetches the article at a URL (raises `FetchError`)."""


class NotStoredOffline(FetchError):
    """`--offline` asked for an article the local store does not have."""


class ArticleCache:
    """`get(url)`: the cached article, else the stored one, else fetched with `fetch` and kept."""

    def __init__(
        self, fetch: FetchArticle, *, memory: Memory | None = None, offline: bool = False
    ) -> None:
        """Set up.

        Args:
            fetch: Fetches an article from the network.
            memory: The local store (`None`, or a disabled one for `--no-history`: nothing
                is read or written).
            offline: Never fetch: an article not in the store is an error.
        """
        self._fetch = fetch
        self._memory = memory
        self._offline = offline
        self._articles: dict[str, Article | NotAnArticle] = {}

    def cached(self, url: str) -> Article | None:
        """The article if it was read already this session."""
        found = self._articles.get(url)
        return None if isinstance(found, NotAnArticle) else found

    async def get(self, url: str) -> Article:
        """The article at `url`. Raises `FetchError` (a remembered `NotAnArticle` again)."""
        found = self._articles.get(url)
        if isinstance(found, NotAnArticle):
            raise found
        if found is not None:
            return found
        memory = self._memory
        stored = None if memory is None else await asyncio.to_thread(memory.stored_article, url)
        if stored is not None:
            self._remember(url, stored)
            return stored
        if self._offline:
            raise NotStoredOffline(
                f"{url} is not in the local store, and --offline never uses the network."
            )
        try:
            article = await self._fetch(url)
        except NotAnArticle as error:
            self._articles[url] = error
            raise
        self._remember(url, article)
        if memory is not None:
            await asyncio.to_thread(memory.save_article, article, url)
        return article

    def _remember(self, url: str, article: Article) -> None:
        self._articles[url] = article
        self._articles.setdefault(article.url, article)  # reached again after redirects
