"""The Textual application and the one factory the CLI and the tests share."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.notifications import SeverityLevel

from fetchers.load_steps import LoadStep
from fetchers.progress import ProgressCallback
from fetchers.site import ItemTarget
from fetchers.targets import ArticleTarget
from store.keys import ThreadKey
from threads.model import Thread
from threads.stories import StoryListKind, StorySummary
from threads.story_steps import neighbour
from threads.themes import Theme
from tui import collector
from tui.article_cache import ArticleCache
from tui.cli import Options, configure_sites
from tui.config import Config, is_valid_key, load_config, normalise_keys
from tui.load_source import StepSource, one_step
from tui.memory import open_memory, target_key
from tui.messages import OpenListedStory, OpenNeighbourStory
from tui.reader_width import reader_max_width
from tui.screens.thread_score_fold import threshold_from_config
from tui.screens.thread_screen import ThreadScreen
from tui.screens.thread_stubs import SiteHooks
from tui.screens.thread_themes import ThemeSettings
from tui.site_hooks import site_hooks
from tui.terminal import is_sixteen_colour

if TYPE_CHECKING:
    import httpx

    from threads.article import Article
    from threads.article_quotes import ArticlePassage
    from tui.prefetch import Prefetch
    from tui.screens.story_list import StoryListScreen


class ThreadReaderApp(App[int]):
    """threadreader: the front page or one thread, keyboard first."""

    # Every screen's stylesheet, read with the app's at start: a screen's own CSS_PATH
    # is read when the screen is first pushed, and Textual then re-parses every rule of
    # the app (~5 ms before the launch's first frame).
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        "screens/thread_screen.tcss",
        "screens/story_list.tcss",
    ]
    TITLE = "threadreader"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        options: Options,
        *,
        config: Config | None = None,
        now: Callable[[], datetime] | None = None,
        client: httpx.AsyncClient | None = None,
        sixteen_colours: bool | None = None,
        prefetch: Prefetch | None = None,
    ) -> None:
        # NO_COLOR means no colour at all (no-color.org). Textual strips colour entirely
        # (its NoColor filter) only in ANSI mode; otherwise it would draw in greys.
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        self.options = options
        self.sixteen_colours = is_sixteen_colour() if sixteen_colours is None else sixteen_colours
        self.config = config if config is not None else load_config()
        self.themes = list(self.config.themes)
        self.reader_width = reader_max_width(self.config)
        """The widest the comment column gets (`[reader] max_width`; 0 = no limit)."""
        """The themes in use (the config's, then as changed in the themes panel)."""

        self.now = now or (lambda: datetime.now(UTC))
        self._client = client
        self._prefetch = prefetch
        self.memory = open_memory(self.config, enabled=not options.no_history)
        """The local store (opened on first use, in a worker; remembers nothing when off)."""
        self.articles = ArticleCache(
            self._fetch_article, memory=self.memory, offline=options.offline
        )
        """Reader mode's articles: fetched once, kept in the store for offline reading."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications are plain text, always: they quote URLs, labels, paths and config
        text, and `[/]` in a hostile link must not be parsed as markup (it would crash)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @property
    def client(self) -> httpx.AsyncClient:
        """The one HTTP client of the app, created on first use."""
        if self._client is None:
            from fetchers.http import make_client  # httpx costs ~0.1 s to import: only when needed

            self._client = make_client()
        return self._client

    def on_mount(self) -> None:
        # However long the first thread takes, the collector does not rest for longer.
        self.set_timer(collector.RESUME_AFTER, collector.resume)
        if self.sixteen_colours:
            self.theme = "ansi-dark"
        self._apply_key_config()
        configure_sites(self.config.raw)
        for problem in self.config.problems:
            self.notify(problem, severity="error", timeout=10)
        if isinstance(self.options.target, ArticleTarget):
            self.open_article(self.options.target.url)
        elif self.options.sample or self.options.target is not None:
            key = target_key(self.options.target)
            hooks = site_hooks(lambda: self.client, self.options.target)
            screen = self._thread_screen(self._initial_source(), key=key, hooks=hooks)
            screen.memory.read_now()  # nothing to keep responsive yet: see `read_now`
            self.push_screen(screen)
        else:
            from tui.screens.story_list import StoryListScreen

            self.push_screen(
                StoryListScreen(
                    self._fetch_list,
                    self.open_story,
                    now=self.now,
                    search_stories=self._search,
                    memory=self.memory,
                    read_article=self.open_article,
                )
            )

    async def on_unmount(self) -> None:
        self.memory.close()
        if self._client is not None:
            await self._client.aclose()

    def show_memory_notices(self) -> None:
        """The store's problems (damaged, read-only, busy), each said once."""
        for notice in self.memory.take_notices():
            self.notify(notice, severity="warning", timeout=8)

    def action_history(self) -> None:
        """`H`: threads by last visit, with their new counts."""
        from tui.screens.saved_threads import SavedThreadsScreen

        self.push_screen(SavedThreadsScreen("history", self.memory, self.open_key, now=self.now))

    def action_bookmarks(self) -> None:
        """`B`: bookmarked threads and stories."""
        from tui.screens.saved_threads import SavedThreadsScreen

        self.push_screen(SavedThreadsScreen("bookmarks", self.memory, self.open_key, now=self.now))

    def open_key(self, key: ThreadKey, title: str) -> None:
        """Open a thread the store knows (history, bookmarks): the stored copy, refreshed."""

        source = self._target_steps(ItemTarget(key.source, key.thread_id))
        self.push_screen(self._thread_screen(source, title=title, key=key))

    def _target_steps(self, target: ItemTarget) -> StepSource:
        """A target's load in steps (`fetchers.load.open_target`): shown at the first,
        settled in place by the rest."""

        async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
            from fetchers.load import open_target

            async for step in open_target(self.client, target, settle=True):
                yield step

        return source

    def _initial_source(self) -> StepSource:
        target = self.options.target
        if target is None:

            async def sample(progress: ProgressCallback) -> Thread:
                from fetchers.saved import load_sample_thread

                return load_sample_thread()

            return one_step(sample)

        async def from_target(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
            steps = self._prefetch.take_steps() if self._prefetch is not None else None
            if steps is None:  # no prefetch, or a reload: fetch afresh
                # Imported only here: every site's fetcher and httpx (~40 ms), which a
                # prefetched launch leaves to the process that loads.
                from fetchers.load import open_target

                steps = open_target(self.client, target, settle=True)
            async for step in steps:  # the first shows the thread, the rest settle it
                yield step

        return from_target

    async def _fetch_list(self, kind: StoryListKind, offset: int) -> list[StorySummary]:
        from fetchers.hn_lists import fetch_story_list

        return await fetch_story_list(self.client, kind, offset=offset)

    async def _search(self, query: str, page: int) -> list[StorySummary]:
        from fetchers.hn_search import search_stories

        return await search_stories(self.client, query, page=page)

    def open_story(self, story: StorySummary, *, focus_list: bool = False) -> None:
        """Push the thread screen for a story from a list (`focus_list`: opened from the
        list beside a thread, which keeps the focus)."""

        async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
            from fetchers.hackernews import open_thread

            async for step in open_thread(self.client, story.id, settle=True):
                yield step

        key = ThreadKey("hackernews", story.id)
        screen = self._thread_screen(source, title=story.title, key=key)
        screen.story_id = story.id
        screen.listing.focus_list = focus_list
        self.push_screen(screen)

    @on(OpenNeighbourStory)
    def _open_neighbour(self, message: OpenNeighbourStory) -> None:
        """`>`/`<` on a thread: replace it with the next/previous story of its list."""
        lists = self._story_lists()
        story = neighbour(lists[-1].stories, message.story_id, message.step) if lists else None
        if story is None:
            self.notify("No more stories that way in the list.", timeout=3)
            return
        lists[-1].highlight_story(story.id)
        self.pop_screen()
        self.open_story(story)

    @on(OpenListedStory)
    def _open_listed(self, message: OpenListedStory) -> None:
        """`enter` on the list beside a thread: that story in the thread's place."""
        lists = self._story_lists()
        story = lists[-1].story_opened(message.story_id) if lists else None
        if story is not None:
            self.pop_screen()
            self.open_story(story, focus_list=True)

    def _story_lists(self) -> list[StoryListScreen]:
        """The front pages open under the thread, innermost last."""
        # Imported when used: a launch that opens a thread never shows a list (~5 ms).
        from tui.screens.story_list import StoryListScreen

        return [s for s in self.screen_stack if isinstance(s, StoryListScreen)]

    async def _fetch_article(self, url: str) -> Article:
        from fetchers.article import fetch_article  # trafilatura: only when reading

        return await fetch_article(self.client, url)

    def open_article(self, url: str, *, passage: ArticlePassage | None = None) -> None:
        """Push reader mode for `url` (on `passage`, highlighted, when given)."""
        from tui.screens.article_screen import ArticleScreen

        self.push_screen(
            ArticleScreen(
                url,
                articles=self.articles,
                read=self.open_article,
                open_thread=self.open_thread,
                write_terminal=self.write_terminal,
                passage=passage,
            )
        )

    def open_thread(self, target: ItemTarget) -> None:
        """Push the thread screen for a thread on a supported site (a link followed)."""

        self.push_screen(self._thread_screen(self._target_steps(target)))

    def write_terminal(self, text: str) -> None:
        """Raw output to the terminal (OSC 52): through the driver, after the frame."""
        driver = self._driver
        if driver is not None:
            driver.write(text)
            driver.flush()

    def _thread_screen(
        self,
        source: StepSource,
        *,
        title: str = "",
        key: ThreadKey | None = None,
        hooks: SiteHooks | None = None,
    ) -> ThreadScreen:
        settings = ThemeSettings(lambda: list(self.themes), self._use_themes, self.config.path)
        return ThreadScreen(
            source,
            now=self.now,
            themes=settings,
            title=title,
            memory=self.memory,
            key=key,
            offline=self.options.offline,
            hooks=hooks,
            fold_below=threshold_from_config(self.config.raw),
            max_width=self.reader_width,
        )

    def _use_themes(self, themes: list[Theme]) -> None:
        self.themes = themes

    def _apply_key_config(self) -> None:
        """Remap keys from `[keys]`; unknown actions or keys are reported, not fatal."""
        if not self.config.keys:
            return
        # The keymap imports every screen that has keys (article, help, saved threads):
        # only when there is something to remap.
        from tui.keymap import binding_groups, remappable_ids

        known = remappable_ids()
        keymap: dict[str, str] = {}
        for action, keys in self.config.keys.items():
            if action not in known:
                self.config.problems.append(
                    f"{self.config.path}: [keys] has unknown action {action!r}."
                )
                continue
            bad = [k for k in keys.split(",") if not is_valid_key(k)]
            if bad:
                self.config.problems.append(
                    f"{self.config.path}: [keys] {action}: unknown key {bad[0]!r}."
                )
                continue
            keymap[action] = normalise_keys(keys)
        if keymap:
            from tui.key_conflicts import key_conflicts

            self.config.problems.extend(
                key_conflicts(binding_groups(), keymap, self.config.path, self.config.key_lines)
            )
            self.set_keymap(keymap)


def create_app(
    options: Options,
    *,
    config: Config | None = None,
    now: Callable[[], datetime] | None = None,
    client: httpx.AsyncClient | None = None,
    sixteen_colours: bool | None = None,
    prefetch: Prefetch | None = None,
) -> ThreadReaderApp:
    """Build the app for these options (used by `main` and by tests)."""
    return ThreadReaderApp(
        options,
        config=config,
        now=now,
        client=client,
        sixteen_colours=sixteen_colours,
        prefetch=prefetch,
    )
