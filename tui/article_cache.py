"""Articles fetched this session, by URL: reader mode opens a page once.

A page that is not an article (a PDF, an image) is remembered as such too; other failures
are not, so a retry fetches again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fetchers.errors import NotAnArticle
from threads.article import Article

FetchArticle = Callable[[str], Awaitable[Article]]
"""Fetches the article at a URL (raises `FetchError`)."""


class ArticleCache:
    """`get(url)`: the cached article, or fetched with `fetch` and kept."""

    def __init__(self, fetch: FetchArticle) -> None:
        self._fetch = fetch
        self._articles: dict[str, Article | NotAnArticle] = {}

    def cached(self, url: str) -> Article | None:
        """The article if it was fetched already."""
        found = self._articles.get(url)
        return found if isinstance(found, Article) else None

    async def get(self, url: str) -> Article:
        """The article at `url`. Raises `FetchError` (a remembered `NotAnArticle` again)."""
        found = self._articles.get(url)
        if isinstance(found, NotAnArticle):
            raise found
        if found is not None:
            return found
        try:
            article = await self._fetch(url)
        except NotAnArticle as error:
            self._articles[url] = error
            raise
        self._articles[url] = article
        self._articles.setdefault(article.url, article)  # reached again after redirects
        return article
