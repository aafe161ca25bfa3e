"""The Hacker News front page: top/new/best/ask/show/jobs, one row per story."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from fetchers.errors import FetchError
from threads.numbers import counted
from threads.stories import STORY_LIST_KINDS, StoryListKind, StorySummary
from threads.timefmt import relative_age
from tui.terminal_title import show_title

FetchStoryList = Callable[[StoryListKind, int], Awaitable[list[StorySummary]]]
"""Loads one page of a front-page list, from an offset."""
SearchStories = Callable[[str, int], Awaitable[list[StorySummary]]]
"""Searches the site's stories (a page number)."""


def story_row(number: int, story: StorySummary, now: datetime) -> Text:
    """Two lines: `12. Title (domain)` and `212 points · 45 comments · 3h · by x`."""
    text = Text(f"{number:>3}. ", style="bright_black")
    text.append(story.title, style="bold")
    if story.domain:
        text.append(f" ({story.domain})", style="bright_black")
    meta = [
        counted(story.points or 0, "point"),
        counted(story.comment_count or 0, "comment"),
        relative_age(story.created, now),
        f"by {story.author or '?'}",
    ]
    text.append("\n     " + " · ".join(meta), style="bright_black")
    return text


class StoryListScreen(Screen[None]):
    """Front-page lists; `enter` opens a story's thread."""

    CSS_PATH = "story_list.tcss"
    BINDINGS = [
        *(
            Binding(str(n), f"show_list('{kind}')", kind.title(), id=f"list_{kind}", show=False)
            for n, kind in enumerate(STORY_LIST_KINDS, start=1)
        ),
        Binding("j", "cursor('down')", "Down", show=False, id="story_down"),
        Binding("k", "cursor('up')", "Up", show=False, id="story_up"),
        Binding("slash", "search", "Search stories", id="story_search", key_display="/"),
        Binding("m", "more", "More stories", id="story_more"),
        Binding("r", "reload", "Reload", id="story_reload"),
        Binding("question_mark", "help", "Help", id="story_help", key_display="?"),
        Binding("q", "app.quit", "Quit", id="quit"),
        Binding("escape", "escape", "Cancel search / quit", id="story_escape", show=False),
    ]

    def __init__(
        self,
        fetch_list: FetchStoryList,
        open_story: Callable[[StorySummary], None],
        *,
        now: Callable[[], datetime],
        search_stories: SearchStories | None = None,
    ) -> None:
        super().__init__()
        self._fetch_list = fetch_list
        self._search_stories = search_stories
        self._query: str | None = None  # showing search results for this query
        self._pages = 0  # pages of the current list loaded so far

        self._open_story = open_story
        self._now = now
        self._kind: StoryListKind = "top"
        self._stories: list[StorySummary] = []

    def compose(self) -> ComposeResult:
        yield Tabs(
            *(Tab(f"{n} {kind}", id=kind) for n, kind in enumerate(STORY_LIST_KINDS, start=1))
        )
        yield Static("Loading…", id="list-status", markup=False)
        yield OptionList(id="stories")
        yield Input(
            placeholder="search Hacker News stories (enter: search, esc: cancel)", id="story-query"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    def on_screen_resume(self) -> None:
        show_title(self.app, f"{self._kind} stories")

    @property
    def stories(self) -> list[StorySummary]:
        """The stories listed now, in order (for the thread screen's next/previous)."""
        return list(self._stories)

    def highlight_story(self, story_id: str) -> None:
        """Move the list's cursor to a story (the thread screen stepped to it)."""
        for index, story in enumerate(self._stories):
            if story.id == story_id:
                self.query_one(OptionList).highlighted = index

    def load(self, *, more: bool = False) -> None:
        what = f"stories matching {self._query!r}" if self._query else f"{self._kind} stories"
        self.query_one("#list-status", Static).update(f"Loading {'more ' * more}{what}…")
        self._fetch(self._kind, self._query, self._pages if more else 0)

    def action_more(self) -> None:
        """The next page of the same list (30 more stories)."""
        self.load(more=True)

    @work(exclusive=True, group="story-list", exit_on_error=False)
    async def _fetch(self, kind: StoryListKind, query: str | None, page: int) -> None:
        try:
            if query is not None and self._search_stories is not None:
                stories = await self._search_stories(query, page)
            else:
                stories = await self._fetch_list(kind, len(self._stories) if page else 0)
        except FetchError as error:
            if (kind, query) == (self._kind, self._query):
                self.query_one("#list-status", Static).update(f"{error}  Press r to retry.")
            return
        if (kind, query) != (self._kind, self._query):
            return  # the user switched lists meanwhile
        self._show(stories, page, query, kind)

    def _show(self, stories: list[StorySummary], page: int, query: str | None, kind: str) -> None:
        options = self.query_one(OptionList)
        known = {s.id for s in self._stories} if page else set()
        fresh = [s for s in stories if s.id not in known]  # lists shift while we read them
        if not page:
            self._stories = []
            options.clear_options()
        now = self._now()
        first = len(self._stories) + 1
        self._stories += fresh
        self._pages = page + 1
        options.add_options(
            [Option(story_row(i, s, now), id=s.id) for i, s in enumerate(fresh, first)]
        )
        if not page:
            options.highlighted = 0 if self._stories else None
        what = f"matching {query!r}" if query is not None else kind
        more = "  m: more" if stories else "  (no more)"
        self.query_one("#list-status", Static).update(f"{len(self._stories)} stories {what}{more}")

    def action_show_list(self, kind: str) -> None:
        chosen = next((k for k in STORY_LIST_KINDS if k == kind), None)
        if chosen is not None and (chosen != self._kind or self._query is not None):
            self._kind = chosen
            self._query = None
            self.query_one(Tabs).active = kind
            self.query_one(OptionList).clear_options()
            show_title(self.app, f"{kind} stories")
            self.load()

    @on(Tabs.TabActivated)
    def _tab_changed(self, event: Tabs.TabActivated) -> None:
        if event.tab.id and event.tab.id != self._kind:
            self.action_show_list(event.tab.id)
            self.query_one(OptionList).focus()

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if direction == "down" else options.action_cursor_up()

    def action_reload(self) -> None:
        self.load()

    def action_search(self) -> None:
        if self._search_stories is not None:
            field = self.query_one("#story-query", Input)
            field.add_class("-open")
            field.focus()

    @on(Input.Submitted, "#story-query")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search()
        if event.value.strip():
            self._query = event.value.strip()
            self.query_one(OptionList).clear_options()
            self.load()

    def _close_search(self) -> None:
        self.query_one("#story-query", Input).remove_class("-open")
        self.query_one(OptionList).focus()

    def action_escape(self) -> None:
        """Escape in the search field cancels it; search results go back to the list."""
        if self.query_one("#story-query", Input).has_focus:
            self._close_search()
        elif self._query is not None:
            self._query = None
            self.load()
        else:
            self.app.exit()

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        story = next((s for s in self._stories if s.id == event.option.id), None)
        if story is not None:
            self._open_story(story)
