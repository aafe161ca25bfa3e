"""The Textual application and the one factory the CLI and the tests share."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.app import App
from textual.notifications import SeverityLevel

from fetchers.load_steps import LoadStep
from fetchers.progress import ProgressCallback
from fetchers.saved import load_sample_thread
from threads.model import Thread
from threads.stories import StoryListKind, StorySummary
from threads.themes import Theme
from tui.cli import Options
from tui.config import Config, is_valid_key, load_config, normalise_keys
from tui.keymap import binding_groups, remappable_ids
from tui.load_source import StepSource, one_step
from tui.screens.story_list import StoryListScreen
from tui.screens.thread_screen import ThreadScreen
from tui.screens.thread_themes import ThemeSettings
from tui.terminal import is_sixteen_colour

if TYPE_CHECKING:
    import httpx

    from tui.prefetch import Prefetch


class ThreadReaderApp(App[int]):
    """threadreader: the front page or one thread, keyboard first."""

    CSS_PATH = "app.tcss"
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
        super().__init__()
        self.options = options
        self.sixteen_colours = is_sixteen_colour() if sixteen_colours is None else sixteen_colours
        self.config = config if config is not None else load_config()
        self.themes = list(self.config.themes)
        """The themes in use (the config's, then as changed in the themes panel)."""

        self.now = now or (lambda: datetime.now(UTC))
        self._client = client
        self._prefetch = prefetch

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
        if self.sixteen_colours:
            self.theme = "ansi-dark"
        self._apply_key_config()
        for problem in self.config.problems:
            self.notify(problem, severity="error", timeout=10)
        if self.options.sample or self.options.target is not None:
            self.push_screen(self._thread_screen(self._initial_source()))
        else:
            self.push_screen(
                StoryListScreen(
                    self._fetch_list, self.open_story, now=self.now, search_stories=self._search
                )
            )

    async def on_unmount(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    def _initial_source(self) -> StepSource:
        target = self.options.target
        if target is None:

            async def sample(progress: ProgressCallback) -> Thread:
                return load_sample_thread()

            return one_step(sample)

        async def from_target(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
            from fetchers.load import open_target

            steps = self._prefetch.take_steps() if self._prefetch is not None else None
            if steps is None:  # no prefetch, or a reload: fetch afresh
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

    def open_story(self, story: StorySummary) -> None:
        """Push the thread screen for a story from a list."""

        async def source(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
            from fetchers.hackernews import open_thread

            async for step in open_thread(self.client, story.id, settle=True):
                yield step

        self.push_screen(self._thread_screen(source, title=story.title))

    def _thread_screen(self, source: StepSource, *, title: str = "") -> ThreadScreen:
        settings = ThemeSettings(lambda: list(self.themes), self._use_themes, self.config.path)
        return ThreadScreen(source, now=self.now, themes=settings, title=title)

    def _use_themes(self, themes: list[Theme]) -> None:
        self.themes = themes

    def _apply_key_config(self) -> None:
        """Remap keys from `[keys]`; unknown actions or keys are reported, not fatal."""
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
