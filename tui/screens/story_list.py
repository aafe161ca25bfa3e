"""The Hacker News front page: top/new/best/ask/show/jobs, one row per story."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from fetchers.errors import FetchError
from store.keys import ThreadKey
from store.memory import Memory
from threads.numbers import counted
from threads.stories import STORY_LIST_KINDS, StoryListKind, StorySummary
from threads.timefmt import relative_age
from tui.terminal_title import show_title
from tui.widgets.marked_list import MarkedOptionList

FetchStoryList = Callable[[StoryListKind, int], Awaitable[list[StorySummary]]]
"""Loads one page of a front-page list, from an offset."""
SearchStories = Callable[[str, int], Awaitable[list[StorySummary]]]
"""Searches the site's stories (a page number)."""


SOURCE = "hackernews"
"""The site the front page lists (store keys of its stories)."""


def story_row(
    number: int,
    story: StorySummary,
    now: datetime,
    width: int | None = None,
    *,
    opened: int | None | bool = False,
) -> Text:
    """Two lines: `12. Title (domain)` and `212 points · 45 comments · 3h · by x`.

    With a `width`, each line fits it: the title is cut with `…` so that `(domain)` stays
    on the title's line (never wrapped onto a line of its own). `opened`: `False` for a
    story never opened; else the comment count seen when it was (`None` if unknown). An
    opened story's title is dimmed and marked `✓`; comments added since show as `+12`.
    """
    text = Text(f"{number:>3}. ", style="bright_black")
    seen = opened is not False
    if seen:
        text.append("✓ ", style="bright_black")  # dim alone is lost under NO_COLOR
    domain = f" ({story.domain})" if story.domain else ""
    title = Text(story.title, style="dim" if seen else "bold")
    if width is not None:
        room = max(8, width - text.cell_len - cell_len(domain))
        title.truncate(room, overflow="ellipsis")
    text.append_text(title)
    if domain:
        text.append(domain, style="bright_black")
    meta = [
        counted(story.points or 0, "point"),
        counted(story.comment_count or 0, "comment"),
        relative_age(story.created, now),
        f"by {story.author or '?'}",
    ]
    meta_line = Text("\n     " + " · ".join(meta), style="bright_black")
    if isinstance(opened, int) and not isinstance(opened, bool) and story.comment_count:
        added = story.comment_count - opened
        if added > 0:
            meta_line.append(f" +{added:,}", style="bold green")
    if width is not None:
        meta_line.truncate(width + 1, overflow="ellipsis")  # + 1: the newline
    text.append_text(meta_line)
    return text


class StoryRow:
    """A story row laid out at the width it is drawn at (so a resize re-cuts it)."""

    def __init__(
        self, number: int, story: StorySummary, now: datetime, *, opened: int | None | bool = False
    ) -> None:
        self._number, self._story, self._now, self._opened = number, story, now, opened

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield story_row(
            self._number, self._story, self._now, options.max_width, opened=self._opened
        )

    def __str__(self) -> str:
        return story_row(self._number, self._story, self._now, opened=self._opened).plain


class StoryListScreen(Screen[None]):
    """Front-page lists; `enter` opens a story's thread."""

    BINDINGS = [
        *(
            Binding(str(n), f"show_list('{kind}')", kind.title(), id=f"list_{kind}", show=False)
            for n, kind in enumerate(STORY_LIST_KINDS, start=1)
        ),
        Binding("j", "cursor('down')", "Down", show=False, id="story_down"),
        Binding("k", "cursor('up')", "Up", show=False, id="story_up"),
        # Priority, as on the thread screen: the keys typed right after `/` are the query.
        Binding(
            "slash", "search", "Search stories", id="story_search", key_display="/", priority=True
        ),
        Binding("m", "more", "More stories", id="story_more"),
        Binding("a", "read_article", "Article", id="story_article", show=False),
        Binding("r", "reload", "Reload", id="story_reload"),
        Binding("b", "bookmark", "Bookmark story", id="story_bookmark", show=False),
        Binding("H", "app.history", "History", id="story_history", show=False),
        Binding("B", "app.bookmarks", "Bookmarks", id="story_bookmarks", show=False),
        Binding("question_mark", "help", "Help", id="story_help", key_display="?"),
        Binding("q", "app.quit", "Quit", id="quit"),
        Binding("escape", "escape", "Cancel search", id="story_escape", show=False),
    ]

    def __init__(
        self,
        fetch_list: FetchStoryList,
        open_story: Callable[[StorySummary], None],
        *,
        now: Callable[[], datetime],
        search_stories: SearchStories | None = None,
        memory: Memory | None = None,
        read_article: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self._memory = memory
        self._opened: dict[str, int | None] = {}  # story id -> comment count when opened
        self._read_article = read_article
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
        yield MarkedOptionList(id="stories")
        yield Input(
            placeholder="search Hacker News stories (enter: search, esc: cancel)", id="story-query"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    def on_screen_resume(self) -> None:
        show_title(self.app, f"{self._kind} stories")
        self._read_opened([s.id for s in self._stories])  # back from a story: now opened

    @property
    def stories(self) -> list[StorySummary]:
        """The stories listed now, in order (for the thread screen's next/previous)."""
        return list(self._stories)

    def story_options(self) -> list[Option]:
        """The rows as listed now (for the list beside a thread on wide terminals)."""
        now = self._now()
        return [
            Option(StoryRow(i, s, now, opened=self._opened.get(s.id, False)), id=s.id)
            for i, s in enumerate(self._stories, start=1)
        ]

    def story_opened(self, story_id: str) -> StorySummary | None:
        """A story opened from elsewhere (the list beside a thread): remembered as opened."""
        story = next((s for s in self._stories if s.id == story_id), None)
        if story is not None:
            self._opened[story.id] = story.comment_count
            self._story_opened(story)
            self.highlight_story(story.id)
        return story

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
            [
                Option(StoryRow(i, s, now, opened=self._opened.get(s.id, False)), id=s.id)
                for i, s in enumerate(fresh, first)
            ]
        )
        self._read_opened([s.id for s in fresh])
        if not page:
            options.highlighted = 0 if self._stories else None
        what = f"matching {query!r}" if query is not None else kind
        more = "  m: more" if stories else "  (no more)"
        self.query_one("#list-status", Static).update(f"{len(self._stories)} stories {what}{more}")

    # -- memory: opened stories, bookmarks --------------------------------------------
    @work(thread=True, group="story-opened", exit_on_error=False)
    def _read_opened(self, ids: list[str]) -> None:
        if self._memory is None or not ids:
            return
        opened = self._memory.opened_stories(SOURCE, ids)
        if opened:
            self.app.call_from_thread(self._mark_opened, opened)

    def _mark_opened(self, opened: dict[str, int | None]) -> None:
        self._opened.update(opened)
        options = self.query_one(OptionList)
        now = self._now()
        for number, story in enumerate(self._stories, start=1):
            if story.id in opened:
                row = StoryRow(number, story, now, opened=opened[story.id])
                options.replace_option_prompt(story.id, row)

    def action_bookmark(self) -> None:
        """`b`: bookmark the story under the cursor (it opens from `B` later)."""
        options = self.query_one(OptionList)
        index = options.highlighted
        if self._memory is None or index is None or index >= len(self._stories):
            return
        story, memory = self._stories[index], self._memory

        def bookmark() -> None:
            key = ThreadKey(SOURCE, story.id)
            marked = not memory.is_bookmarked(key)
            if memory.set_bookmark(key, marked, story.title):
                said = "Bookmarked." if marked else "Bookmark removed."
                self.app.call_from_thread(self.notify, said, timeout=3)

        self.run_worker(bookmark, thread=True, group="bookmark", exit_on_error=False)

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":  # a `/` typed into the query is text
            return not isinstance(self.focused, Input)
        return True

    def action_search(self) -> None:
        if self._search_stories is not None:
            field = self.query_one("#story-query", Input)
            field.add_class("-open")
            self.set_focus(field)  # now, not after the keys already on their way

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
        """Escape in the search field cancels it; search results go back to the list; it
        never quits."""
        if self.query_one("#story-query", Input).has_focus:
            self._close_search()
        elif self._query is not None:
            self._query = None
            self.load()
        else:  # escape never quits: that is `q`
            self.notify("Nothing to cancel here; q quits.", timeout=3)

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_read_article(self) -> None:
        """`a`: the highlighted story's link in reader mode."""
        options = self.query_one(OptionList)
        if options.highlighted is None or self._read_article is None:
            return
        chosen = options.get_option_at_index(options.highlighted).id
        story = next((s for s in self._stories if s.id == chosen), None)
        if story is None or not story.url or "://" not in story.url:
            self.notify("This story links to no article.", timeout=3)
        else:
            self._read_article(story.url)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        story = next((s for s in self._stories if s.id == event.option.id), None)
        if story is not None:
            self._story_opened(story)
            self._open_story(story)

    def _story_opened(self, story: StorySummary) -> None:
        memory = self._memory
        if memory is not None:
            self.run_worker(
                lambda: memory.story_opened(SOURCE, story.id, story.comment_count),
                thread=True,
                group="story-opened-write",
                exit_on_error=False,
            )
