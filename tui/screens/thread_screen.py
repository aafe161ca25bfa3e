"""The thread screen: a status bar, the comment view, the footer; loading and reloading.

One class with named parts, each made in `__init__` and handed what it needs:
`search` (`/`, `n`, `N`), `jumps` (footnotes, links, quotes and the way back) and
`themes` (`t`). The comment view owns moving and folding; this screen watches its
cursor for the status line.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Static

from fetchers.errors import FetchError
from threads.model import Thread
from threads.tree_changes import apply_changes
from tui.load_source import PendingChanges, StepSource
from tui.messages import LoadFailed, LoadProgress, ThreadChanged, ThreadLoaded
from tui.screens.thread_jumps import JumpController
from tui.screens.thread_search import SearchController
from tui.screens.thread_themes import ThemeController, ThemeSettings
from tui.widgets.comment_view import CommentView
from tui.widgets.search_panel import SearchPanel
from tui.widgets.status_bar import CursorStatus, StatusBar

# Keys about the comment under the cursor: only while the comment view has focus.
_VIEW_ACTIONS = frozenset(
    {
        "open_search",
        "next_hit",
        "previous_hit",
        "footnote",
        "jump_back",
        "links",
        "open_story",
        "copy_permalink",
        "copy_comment_text",
        "quote_source",
    }
)


class ThreadScreen(Screen[None]):
    """One thread, shown at its first step and kept up to date as later steps arrive (the
    reader's place kept by id). A failed reload keeps the thread already on screen."""

    CSS_PATH = "thread_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "open_search", "Search", id="search", key_display="/"),
        Binding("n", "next_hit", "Next hit", id="next_hit", show=False),
        Binding("N", "previous_hit", "Previous hit", id="previous_hit", show=False),
        Binding("f", "footnote", "Footnote", id="footnote"),
        Binding("backspace,ctrl+o", "jump_back", "Jump back", id="jump_back", show=False),
        Binding("o", "links", "Links", id="links"),
        Binding("O", "open_story", "Open the story's link", id="open_story", show=False),
        Binding("y", "copy_permalink", "Copy link", id="copy_link", show=False),
        Binding("Y", "copy_comment_text", "Copy text", id="copy_text", show=False),
        Binding("apostrophe", "quote_source", "Quote source", id="quote_source", show=False),
        Binding("r", "reload", "Reload", id="reload", show=False),
        Binding("t", "themes", "Themes", id="themes"),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
        Binding("q", "back", "Back", id="back"),
        Binding("escape", "escape", "Clear search / back", id="escape", show=False),
    ]

    def __init__(
        self,
        source: StepSource,
        *,
        now: Callable[[], datetime],
        themes: ThemeSettings,
        title: str = "",
    ) -> None:
        super().__init__()
        self._source = source
        self._now = now
        self._generation = 0
        self._title = title
        self._loading = ""  # progress text of the steps still arriving ("" when done)
        self._loaded_generation = 0  # the load whose first step is on screen
        self._noted: str | None = None  # the last `Thread.note` notified
        self._view: CommentView | None = None
        self.thread: Thread | None = None
        self.jumps = JumpController(self, view=lambda: self._view, write_terminal=self._write)
        self.search = SearchController(
            self,
            view=lambda: self._view,
            jumps=self.jumps.stack,
            now=now,
            words_ready=self._words_ready,
            cursor_changed=self._show_cursor,
        )
        self.themes = ThemeController(
            self, themes, view=lambda: self._view, query_text=lambda: self.search.query_text
        )

    @property
    def view(self) -> CommentView | None:
        """The comment view, once a thread has loaded."""
        return self._view

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Container(id="thread-body"):
            yield Static("Loading…", id="message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(StatusBar).show_loading(self._title or "thread")
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _VIEW_ACTIONS:
            return self._view is not None and self.focused is self._view
        return True

    # -- loading -----------------------------------------------------------------------
    def load(self) -> None:
        self._generation += 1
        self._fetch(self._generation)

    @work(exclusive=True, group="load-thread", exit_on_error=False)
    async def _fetch(self, generation: int) -> None:
        last = [0.0]

        def progress(loaded: int, expected: int | None) -> None:
            # Throttle: one message per ~50 items keeps the UI responsive on big threads.
            if loaded - last[0] >= 50 or loaded == expected:
                last[0] = loaded
                self.post_message(LoadProgress(loaded, expected, generation))

        pending = PendingChanges()
        try:
            async for step in self._source(progress):
                if step.thread is not None:
                    self.post_message(ThreadLoaded(step.thread, generation, step.progress_text()))
                elif pending.add(step.changes, step.progress_text()):
                    self.post_message(ThreadChanged(pending, generation))
        except FetchError as error:
            self.post_message(LoadFailed(str(error), generation))
        except Exception as error:  # a bug must still not lose the screen or show a traceback
            self.post_message(
                LoadFailed(f"Unexpected error: {type(error).__name__}: {error}", generation)
            )

    @on(LoadProgress)
    def _show_progress(self, message: LoadProgress) -> None:
        if message.generation == self._generation:
            self.query_one(StatusBar).show_progress(message.loaded, message.expected)
            if self.thread is None:
                total = f"{message.expected:,}" if message.expected else "?"
                self.query_one("#message", Static).update(
                    f"Loading… {message.loaded:,}/{total} comments"
                )

    @on(ThreadLoaded)
    async def _show_thread(self, message: ThreadLoaded) -> None:
        if message.generation != self._generation:
            return  # a newer load was started: this result is stale
        self.thread = message.thread
        self._loading = message.progress
        self._loaded_generation = message.generation
        # A big thread is hundreds of thousands of objects that live as long as this
        # screen; frozen, the cyclic GC stops rescanning them (pauses of ~100 ms at
        # 10,000 comments). The model has no reference cycles, so refcounting frees it.
        gc.freeze()
        self.query_one(StatusBar).show_thread(message.thread)
        if self._view is not None:  # a reload: the reader's place is kept by id
            self._view.replace_thread(message.thread)
        else:
            body = self.query_one("#thread-body", Container)
            await body.remove_children()
            view = CommentView(message.thread, now=self._now, id="comments")
            self._view = view
            await body.mount(view)
            # A watcher runs as the cursor is set: the status line repaints in the view's frame.
            self.watch(view, "cursor", self._show_cursor)
            view.focus()
            self.search.reset(message.thread)
        self._show_note(message.thread)
        if message.thread.missing:
            self.notify(
                f"{message.thread.missing} comments could not be loaded.", severity="warning"
            )

    @on(ThreadChanged)
    def _apply_changes(self, message: ThreadChanged) -> None:
        """Later steps: the changes gathered so far, applied at once, the place kept."""
        if message.generation != self._generation or self.thread is None:
            return  # a newer load was started, or the first step failed
        changes, self._loading = message.pending.take()
        if changes and self._view is not None:
            self.thread = apply_changes(self.thread, changes)
            self._view.replace_thread(self.thread)  # ThreadReplaced updates search, themes
            self._show_note(self.thread)
        if not self._loading:
            gc.freeze()  # the settled thread's objects: see `_show_thread`
        self._show_cursor()

    @on(CommentView.ThreadReplaced)
    def _thread_replaced(self, message: CommentView.ThreadReplaced) -> None:
        self.search.thread_replaced(message.thread)
        self._show_cursor()

    def _show_note(self, thread: Thread) -> None:
        """`Thread.note` (what the fetcher could not do), once per sentence."""
        if thread.note and thread.note != self._noted:
            self._noted = thread.note
            self.notify(thread.note, severity="warning", timeout=8)

    @on(LoadFailed)
    def _show_failure(self, message: LoadFailed) -> None:
        if message.generation != self._generation:
            return
        self._loading = ""
        if self.thread is not None and self._loaded_generation == message.generation:
            # The first step is on screen; the rest could not come: keep what is there.
            self._show_cursor()
            self.notify(f"Loading stopped: {message.reason}", severity="warning", timeout=8)
        elif self.thread is None:
            self.query_one("#message", Static).update(
                f"{message.reason}\n\nPress r to retry, q to go back."
            )
            self.query_one(StatusBar).show_error(message.reason)
        else:
            self._show_cursor()
            self.notify(f"Reload failed: {message.reason}", severity="error", timeout=8)

    def _show_cursor(self, _position: int | None = None) -> None:
        """The status line: where the cursor is, what is folded, which hit."""
        view = self._view
        if view is None:
            return
        comment = view.cursor_comment
        self.query_one(StatusBar).show_cursor(
            CursorStatus(
                position=view.cursor,
                total=len(view.folds),
                folded=view.folds.folded_count(),
                theme_hidden=view.theme_hidden,
                comment=comment,
                title=view.thread.title,
                hit=self.search.hit_number(comment),
                loading=self._loading,
            )
        )

    def _words_ready(self, words: Any) -> None:
        self.themes.words_ready(words)

    def _write(self, text: str) -> None:
        """Raw output to the terminal (OSC 52): through the driver, after the frame."""
        driver = self.app._driver
        if driver is not None:
            driver.write(text)
            driver.flush()

    # -- what the search panel says ----------------------------------------------------
    @on(SearchPanel.QueryChanged)
    def _search_again(self, message: SearchPanel.QueryChanged) -> None:
        self.search.query_changed(message.text)

    @on(SearchPanel.HitChosen)
    def _go_to_hit(self, message: SearchPanel.HitChosen) -> None:
        self.search.hit_chosen(message.comment_id)

    @on(SearchPanel.Closed)
    def _search_closed(self, message: SearchPanel.Closed) -> None:
        self.search.closed()

    # -- actions -----------------------------------------------------------------------
    async def action_open_search(self) -> None:
        await self.search.open()

    def action_next_hit(self) -> None:
        self.search.step(+1)

    def action_previous_hit(self) -> None:
        self.search.step(-1)

    def action_footnote(self) -> None:
        self.jumps.footnote()

    def action_jump_back(self) -> None:
        self.jumps.back()

    def action_links(self) -> None:
        self.jumps.links()

    def action_open_story(self) -> None:
        self.jumps.open_story()

    def action_copy_permalink(self) -> None:
        self.jumps.copy_permalink()

    def action_copy_comment_text(self) -> None:
        self.jumps.copy_comment_text()

    def action_quote_source(self) -> None:
        self.jumps.quote_source()

    def action_themes(self) -> None:
        self.themes.open_panel()

    def action_reload(self) -> None:
        self.query_one(StatusBar).show_loading("reloading")
        self.load()

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_escape(self) -> None:
        """`escape` clears search highlights first, then goes back."""
        if not self.search.clear():
            self.action_back()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()
