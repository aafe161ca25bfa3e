"""`/`, `n`, `N` in reader mode: fuzzy search over the article's blocks.

An article is a few hundred blocks at most, so the index is built on the first `/` and
queried on every keystroke without a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from threads.article import Article
from threads.article_search import ArticleHits, ArticleSearch
from threads.highlight import snippet
from tui.widgets.article_view import ArticleView
from tui.widgets.search_panel import HitRow, SearchPanel

HIT_LIST_SIZE = 50


class ArticleSearchController:
    """The search of one reader screen.

    Args:
        host: The screen holding the search panel.
        view: The article view, once the article is on screen.
    """

    def __init__(self, host: Screen[Any], *, view: Callable[[], ArticleView | None]) -> None:
        self._host = host
        self._view = view
        self._article: Article | None = None
        self._index: ArticleSearch | None = None
        self.hits: ArticleHits | None = None
        """The last query's hits (kept after the panel closes, for `n`/`N`)."""
        self._shown: tuple[int, float] | None = None  # the hit last shown, and the scroll then

    @property
    def _panel(self) -> SearchPanel:
        return self._host.query_one(SearchPanel)

    @property
    def summary(self) -> str:
        """`3 hits` for the status line, empty without a query."""
        if self.hits is None or not self.hits.words:
            return ""
        count = len(self.hits.ranked)
        return f"{count} hit{'s' * (count != 1)}"

    def reset(self, article: Article) -> None:
        self._article = article
        self._index = None
        self.hits = None

    def open(self) -> None:
        if self._article is not None:
            self._panel.open()

    def query_changed(self, text: str) -> None:
        view = self._view()
        if self._article is None or view is None:
            return
        if self._index is None:
            self._index = ArticleSearch(self._article)
        hits = self._index.search(text)
        self.hits = hits if text.strip() else None
        view.set_highlight(hits.words)
        width = max(20, self._host.size.width - 4)
        body = self._article.body
        rows = [
            HitRow(str(block), snippet(body[block].text, hits.words, width))
            for block in hits.ranked[:HIT_LIST_SIZE]
        ]
        self._panel.show_rows(rows, self.summary if text.strip() else "")

    def hit_chosen(self, block: int) -> None:
        self._panel.close()
        self._show(block)

    def _show(self, block: int) -> None:
        view = self._view()
        if view is not None:
            view.show_block(block)
            self._shown = (block, view.scroll_y)

    def _here(self, view: ArticleView) -> int | None:
        """The hit last shown while the reader has not scrolled since, else the block at the
        reading line (the end of the article may keep a hit below it)."""
        if self._shown is not None and self._shown[1] == view.scroll_y:
            return self._shown[0]
        return view.focus_block

    def closed(self) -> None:
        view = self._view()
        if view is not None:
            view.focus()

    def step(self, direction: int) -> None:
        """`n`/`N`: the next or previous hit below or above the top of the screen."""
        view = self._view()
        if view is None or not self.hits or not self.hits.ranked:
            self._host.notify("No search hits: / to search.", timeout=2)
            return
        here = self._here(view)
        order = self.hits.in_order
        if direction > 0:
            after = [b for b in order if here is None or b > here]
            block = after[0] if after else order[0]
        else:
            before = [b for b in order if here is not None and b < here]
            block = before[-1] if before else order[-1]
        self._show(block)

    def clear(self) -> bool:
        """Drop the highlights; whether there were any."""
        view = self._view()
        if self.hits is None or view is None:
            return False
        self.hits = None
        view.set_highlight(frozenset())
        return True
