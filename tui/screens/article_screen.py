"""Reader mode: one web page's article, fetched in a worker, searchable, with its links.

`q`/`escape` return to the thread (every reader screen on top of it closes);
`backspace` closes only this one (back to the comment a quote jump came from, or to the
article whose link was read here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from fetchers.errors import FetchError, NotAnArticle
from fetchers.site import ItemTarget
from threads.article import Article
from tui.article_cache import ArticleCache
from tui.opener import copy_text
from tui.screens.article_links import LinkChooser
from tui.screens.article_search import ArticleSearchController
from tui.widgets.article_view import ArticleView
from tui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:
    from threads.article_quotes import ArticlePassage  # rapidfuzz: off the start-up path

# Keys about the article: only once it is on screen and has focus.
_VIEW_ACTIONS = frozenset({"open_search", "next_hit", "previous_hit", "copy_text"})


class ArticleScreen(Screen[None]):
    """One article in reader mode."""

    DEFAULT_CSS = """
    ArticleScreen #article-status { height: 1; background: $panel; padding: 0 1; }
    ArticleScreen #article-body { height: 1fr; }
    ArticleScreen #article-message { padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "open_search", "Search", id="reader_search", key_display="/"),
        Binding("n", "next_hit", "Next hit", id="reader_next_hit", show=False),
        Binding("N", "previous_hit", "Previous hit", id="reader_previous_hit", show=False),
        Binding("o", "links", "Links", id="reader_links"),
        Binding("y", "copy_link", "Copy link", id="reader_copy_link", show=False),
        Binding("Y", "copy_text", "Copy text", id="reader_copy_text", show=False),
        Binding("backspace", "back", "Back", id="reader_back"),
        Binding("question_mark", "help", "Help", id="reader_help", key_display="?"),
        Binding("q", "close", "Close", id="reader_close"),
        Binding("escape", "escape", "Clear search / close", id="reader_escape", show=False),
    ]

    @dataclass
    class Loaded(Message):
        article: Article

    @dataclass
    class Failed(Message):
        reason: str
        not_article: bool

    def __init__(
        self,
        url: str,
        *,
        articles: ArticleCache,
        read: Callable[[str], None],
        open_thread: Callable[[ItemTarget], None],
        write_terminal: Callable[[str], None],
        passage: ArticlePassage | None = None,
    ) -> None:
        super().__init__()
        self.url = url
        self._articles = articles
        self._passage = passage
        self._write = write_terminal
        self.article: Article | None = None
        self.note = "Quote found in the article." if passage is not None else ""
        """What the status line says besides the title (the quote jump's result)."""
        self.view: ArticleView | None = None
        self.links = LinkChooser(
            self, read=read, open_thread=open_thread, write_terminal=write_terminal
        )
        self.search = ArticleSearchController(self, view=lambda: self.view)

    def compose(self) -> ComposeResult:
        yield Static("", id="article-status", markup=False)
        cached = self._articles.cached(self.url)
        with Container(id="article-body"):
            if cached is not None:  # read before: on screen in the first frame
                yield self._make_view(cached)
            else:
                yield Static("Loading…", id="article-message", markup=False)
        yield SearchPanel(id="search")
        yield Footer()

    def on_mount(self) -> None:
        if self.view is not None:
            self._ready(self.view)
        else:
            self._status(f"Reading {self.url} …")
            self._fetch()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _VIEW_ACTIONS:
            return self.view is not None and self.focused is self.view
        return True

    # -- loading -----------------------------------------------------------------------
    @work(exclusive=True, group="article", exit_on_error=False)
    async def _fetch(self) -> None:
        try:
            article = await self._articles.get(self.url)
        except NotAnArticle as error:
            self.post_message(self.Failed(str(error), True))
        except FetchError as error:
            self.post_message(self.Failed(str(error), False))
        except Exception as error:  # a bug must not show a traceback
            self.post_message(self.Failed(f"Unexpected error: {type(error).__name__}.", False))
        else:
            self.post_message(self.Loaded(article))

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        await self._show(message.article)

    async def _show(self, article: Article) -> None:
        body = self.query_one("#article-body", Container)
        await body.remove_children()
        view = self._make_view(article)
        await body.mount(view)
        self._ready(view)

    def _make_view(self, article: Article) -> ArticleView:
        self.article = article
        view = ArticleView(article, id="article")
        self.view = view
        if self._passage is not None:
            view.set_passage(self._passage)
        self.search.reset(article)
        return view

    def _ready(self, view: ArticleView) -> None:
        self.watch(view, "scroll_y", self._show_position)
        view.focus()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        hint = " Press o to open or copy its address." if message.not_article else ""
        self.query_one("#article-message", Static).update(f"{message.reason}{hint}")
        self._status(message.reason)

    # -- the status line ---------------------------------------------------------------
    def _status(self, text: str) -> None:
        self.query_one("#article-status", Static).update(Text(text, no_wrap=True))

    def _show_position(self, _scroll: float | None = None) -> None:
        view = self.view
        if view is None or self.article is None:
            return
        total = max(1, len(view.page_layout) - view.page_height)
        percent = min(100, round(100 * int(view.scroll_y) / total))
        parts = [
            self.note,
            self.search.summary,
            f"{percent}%",
            self.article.site,
            self.article.title,
        ]
        self._status("  ·  ".join(part for part in parts if part))

    # -- search panel messages ---------------------------------------------------------
    @on(SearchPanel.QueryChanged)
    def _search_again(self, message: SearchPanel.QueryChanged) -> None:
        self.search.query_changed(message.text)

    @on(SearchPanel.HitChosen)
    def _go_to_hit(self, message: SearchPanel.HitChosen) -> None:
        self.search.hit_chosen(int(message.comment_id))

    @on(SearchPanel.Closed)
    def _search_closed(self, message: SearchPanel.Closed) -> None:
        self.search.closed()

    # -- actions -----------------------------------------------------------------------
    def action_open_search(self) -> None:
        self.search.open()

    def action_next_hit(self) -> None:
        self.search.step(+1)

    def action_previous_hit(self) -> None:
        self.search.step(-1)

    def action_links(self) -> None:
        if self.article is None:
            self.links.open(self.url)  # not an article (a PDF): the browser may show it
        else:
            self.links.choose(self.article.links)

    def action_copy_link(self) -> None:
        self.links.copy(self.article.url if self.article else self.url)

    def action_copy_text(self) -> None:
        if self.article is not None:
            copy_text(self.article.plain_text, self._write)
            self.notify("Copied the article's text.", timeout=3)

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_back(self) -> None:
        """Close this reader screen only."""
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.notify("Nowhere to go back to; q quits.", timeout=2)

    def action_close(self) -> None:
        """Back to the thread under every reader screen (quit when there is none)."""
        stack = self.app.screen_stack
        readers = 0
        while readers < len(stack) - 1 and isinstance(stack[-1 - readers], ArticleScreen):
            readers += 1
        if readers >= len(stack) - 1:
            self.app.exit()
            return
        for _ in range(readers):
            self.app.pop_screen()

    def action_escape(self) -> None:
        if not self.search.clear():
            self.action_close()
