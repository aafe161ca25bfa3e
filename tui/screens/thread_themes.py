"""Themes on the thread screen: applying them once the word index exists, the `t` panel,
and saving to the config file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.widgets.comment_view import CommentView

if TYPE_CHECKING:
    from threads.model import Thread
    from threads.themes import Theme, ThemeView
    from threads.word_index import WordIndex


@dataclass(frozen=True)
class ThemeSettings:
    """The app's themes, as a thread screen needs them."""

    current: Callable[[], list[Theme]]
    """The themes in use now."""
    use: Callable[[list[Theme]], None]
    """Make these the themes in use (for every thread opened after, too)."""
    config_path: Path
    """Where `s` in the themes panel saves them."""


class ThemeController:
    """Everything `t` does, and the themes from the config, for one thread screen.

    Args:
        host: The screen: it runs the matching worker and pushes the panel.
        settings: The app's themes and the config file's path.
        view: The comment view, once there is one.
        query_text: The search query on screen (a new theme starts from it).
    """

    def __init__(
        self,
        host: Screen[Any],
        settings: ThemeSettings,
        *,
        view: Callable[[], CommentView | None],
        query_text: Callable[[], str],
    ) -> None:
        self._host = host
        self._settings = settings
        self._view = view
        self._query_text = query_text
        self.words: WordIndex | None = None
        """The thread's word index, once built (themes match against it)."""

    def any_on(self) -> bool:
        """Whether a theme hides or highlights (its matches must follow every new copy of
        the thread, so every copy is indexed)."""
        return any(theme.mode != "off" for theme in self._settings.current())

    def words_ready(self, words: WordIndex) -> None:
        """The word index exists (built with the search index): apply the themes."""
        self.words = words
        self._apply(words, self._settings.current())

    def matched(self, thread: Thread) -> ThemeView | None:
        """The themes in use matched against `thread` (None without themes). Slow on a big
        thread: a reload calls it off the event loop, so the new view is themed at once."""
        themes = self._settings.current()
        if not themes:
            return None
        from threads.themes import apply_themes
        from threads.word_index import WordIndex

        return apply_themes(WordIndex(thread), themes)

    def _apply(self, words: WordIndex, themes: list[Theme]) -> None:
        self._host.run_worker(
            partial(self._match_in_thread, words, themes),
            thread=True,
            exclusive=True,
            group="themes",
            description="themes",  # not repr(work): it would walk the whole thread
            exit_on_error=False,
        )

    def _match_in_thread(self, words: WordIndex, themes: list[Theme]) -> None:
        from threads.themes import apply_themes

        verdicts = apply_themes(words, themes) if themes else None
        self._host.app.call_from_thread(self._show, words, verdicts)

    def _show(self, words: WordIndex, verdicts: ThemeView | None) -> None:
        view = self._view()
        if view is not None and view.thread is words.thread:
            view.set_themes(verdicts)

    def open_panel(self) -> None:
        """`t`: the themes panel, with this thread's counts and suggestions."""
        words = self.words
        if words is None:
            self._host.notify("Still reading the thread's words; try again in a moment.", timeout=3)
            return
        from threads.theme_suggest import suggest_themes
        from threads.themes import theme_comments

        def counts(themes: list[Theme]) -> dict[str, int]:
            return {theme.name: len(theme_comments(words, theme)) for theme in themes}

        def apply(themes: list[Theme]) -> None:
            self._settings.use(themes)
            self._apply(words, themes)

        from tui.screens.themes_screen import ThemeActions, ThemesScreen  # when first opened

        actions = ThemeActions(counts, apply, self._save)
        screen = ThemesScreen(
            self._settings.current(), suggest_themes(words), actions, query=self._query_text()
        )
        self._host.app.push_screen(screen)

    def _save(self, themes: list[Theme], removed: set[str], renamed: dict[str, str]) -> str:
        from tui.theme_config_writer import save_themes  # tomlkit: only when saving

        path = self._settings.config_path
        try:
            save_themes(path, themes, removed=removed, renamed=renamed)
        except OSError as error:
            return f"Could not save {path}: {error.strerror or error}"
        return f"Saved {len(themes)} theme{'s' * (len(themes) != 1)} to {path}"
