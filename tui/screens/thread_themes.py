"""Themes on the thread screen: applying them once the word index exists, the `t` panel,
and saving to the config file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen

from tui.screens.themes_screen import ThemeActions, ThemesScreen
from tui.theme_config import save_themes
from tui.widgets.comment_view import CommentView

if TYPE_CHECKING:
    from threads.themes import Theme
    from threads.word_index import WordIndex


class ThreadThemes(Screen[Any]):
    """Mixed into `ThreadScreen`: everything `t` does, and the themes from the config."""

    _words: WordIndex | None = None

    def _app_themes(self) -> list[Theme]:
        return list(getattr(self.app, "themes", []))

    def words_ready(self, words: WordIndex) -> None:
        """The word index exists (built with the search index): apply the themes."""
        self._words = words
        self._apply_themes(words, self._app_themes())

    @work(thread=True, exclusive=True, group="themes", exit_on_error=False)
    def _apply_themes(self, words: WordIndex, themes: list[Theme]) -> None:
        from threads.themes import apply_themes

        view = apply_themes(words, themes) if themes else None
        self.app.call_from_thread(self._show_themes, words, view)

    def _show_themes(self, words: WordIndex, view: Any) -> None:
        views = list(self.query(CommentView))
        if views and views[0].thread is words.thread:
            views[0].set_themes(view)

    def action_themes(self) -> None:
        words = self._words
        if words is None:
            self.notify("Still reading the thread's words; try again in a moment.", timeout=3)
            return
        from threads.theme_suggest import suggest_themes
        from threads.themes import theme_comments

        def counts(themes: list[Theme]) -> dict[str, int]:
            return {theme.name: len(theme_comments(words, theme)) for theme in themes}

        def apply(themes: list[Theme]) -> None:
            self.app.themes = themes  # type: ignore[attr-defined]
            self._apply_themes(words, themes)

        def save(themes: list[Theme], removed: set[str]) -> str:
            path = self.app.config.path  # type: ignore[attr-defined]
            try:
                save_themes(path, themes, removed=removed)

            except OSError as error:
                return f"Could not save {path}: {error.strerror or error}"
            return f"Saved {len(themes)} theme{'s' * (len(themes) != 1)} to {path}"

        query = getattr(self, "search_query_text", "")
        actions = ThemeActions(counts, apply, save)
        screen = ThemesScreen(self._app_themes(), suggest_themes(words), actions, query=query)

        self.app.push_screen(screen)
