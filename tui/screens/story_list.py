"""The Hacker News front page: top/new/best/ask/show/jobs, one row per story."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from fetchers.errors import FetchError
from threads.stories import STORY_LIST_KINDS, StoryListKind, StorySummary
from threads.timefmt import relative_age

FetchStoryList = Callable[[StoryListKind], Awaitable[list[StorySummary]]]
"""Loads one front-page list."""


def story_row(number: int, story: StorySummary, now: datetime) -> Text:
    """Two lines: `12. Title (domain)` and `212 points · 45 comments · 3h · by x`."""
    text = Text(f"{number:>3}. ", style="bright_black")
    text.append(story.title, style="bold")
    if story.domain:
        text.append(f" ({story.domain})", style="bright_black")
    meta = [
        f"{story.points or 0} points",
        f"{story.comment_count or 0} comments",
        relative_age(story.created, now),
        f"by {story.author or '?'}",
    ]
    text.append("\n     " + " · ".join(meta), style="bright_black")
    return text


class StoryListScreen(Screen[None]):
    """Front-page lists; `enter` opens a story's thread."""

    BINDINGS = [
        *(
            Binding(str(n), f"show_list('{kind}')", kind.title(), id=f"list_{kind}", show=False)
            for n, kind in enumerate(STORY_LIST_KINDS, start=1)
        ),
        Binding("j", "cursor('down')", "Down", show=False, id="story_down"),
        Binding("k", "cursor('up')", "Up", show=False, id="story_up"),
        Binding("r", "reload", "Reload", id="story_reload"),
        Binding("question_mark", "help", "Help", id="story_help", key_display="?"),
        Binding("q,escape", "app.quit", "Quit", id="quit", key_display="q"),
    ]

    def __init__(
        self,
        fetch_list: FetchStoryList,
        open_story: Callable[[StorySummary], None],
        *,
        now: Callable[[], datetime],
    ) -> None:
        super().__init__()
        self._fetch_list = fetch_list
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
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    def load(self) -> None:
        self.query_one("#list-status", Static).update(f"Loading {self._kind} stories…")
        self._fetch(self._kind)

    @work(exclusive=True, group="story-list", exit_on_error=False)
    async def _fetch(self, kind: StoryListKind) -> None:
        try:
            stories = await self._fetch_list(kind)
        except FetchError as error:
            if kind == self._kind:
                self.query_one("#list-status", Static).update(f"{error}  Press r to retry.")
            return
        if kind != self._kind:
            return  # the user switched lists meanwhile
        self._stories = stories
        options = self.query_one(OptionList)
        options.clear_options()
        now = self._now()
        options.add_options(
            [Option(story_row(i, s, now), id=s.id) for i, s in enumerate(self._stories, 1)]
        )
        options.highlighted = 0 if self._stories else None
        self.query_one("#list-status", Static).update(f"{len(self._stories)} {kind} stories")

    def action_show_list(self, kind: str) -> None:
        chosen = next((k for k in STORY_LIST_KINDS if k == kind), None)
        if chosen is not None and chosen != self._kind:
            self._kind = chosen
            self.query_one(Tabs).active = kind
            self.query_one(OptionList).clear_options()
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

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        story = next((s for s in self._stories if s.id == event.option.id), None)
        if story is not None:
            self._open_story(story)
