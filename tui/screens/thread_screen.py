"""The thread screen: a status bar, the comment view, the footer; loading and reloading."""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import Footer, Static

from fetchers.errors import FetchError
from fetchers.progress import ProgressCallback
from threads.model import Thread
from tui.messages import LoadFailed, LoadProgress, ThreadLoaded
from tui.screens.thread_jumps import ThreadJumps
from tui.screens.thread_search import ThreadSearch
from tui.screens.thread_themes import ThreadThemes
from tui.widgets.comment_view import CommentView
from tui.widgets.status_bar import StatusBar

ThreadSource = Callable[[ProgressCallback], Awaitable[Thread]]
"""Something that produces a thread, reporting progress as it goes."""


class ThreadScreen(ThreadThemes, ThreadSearch, ThreadJumps):
    """One thread. A failed reload keeps the thread already on screen."""

    BINDINGS = [
        Binding("r", "reload", "Reload", id="reload", show=False),
        Binding("t", "themes", "Themes", id="themes"),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
        Binding("q", "back", "Back", id="back"),
        Binding("escape", "escape", "Clear search / back", id="escape", show=False),
    ]

    def __init__(
        self, source: ThreadSource, *, now: Callable[[], datetime], title: str = ""
    ) -> None:
        super().__init__()
        self._source = source
        self._now = now
        self._generation = 0
        self._title = title
        self.thread: Thread | None = None

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Container(id="thread-body"):
            yield Static("Loading…", id="message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(StatusBar).show_loading(self._title or "thread")
        self.load()

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

        try:
            thread = await self._source(progress)
        except FetchError as error:
            self.post_message(LoadFailed(str(error), generation))
        except Exception as error:  # a bug must still not lose the screen or show a traceback
            self.post_message(
                LoadFailed(f"Unexpected error: {type(error).__name__}: {error}", generation)
            )
        else:
            self.post_message(ThreadLoaded(thread, generation))

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
        # A big thread is hundreds of thousands of objects that live as long as this
        # screen; frozen, the cyclic GC stops rescanning them (pauses of ~100 ms at
        # 10,000 comments). The model has no reference cycles, so refcounting frees it.
        gc.freeze()
        self.query_one(StatusBar).show_thread(message.thread)
        body = self.query_one("#thread-body", Container)
        folded: set[str] = set()
        cursor_id: str | None = None
        if old := next(iter(self.query(CommentView)), None):  # a reload: keep the place
            folded = set(old.folds.folded)
            cursor_id = old.cursor_comment.id if old.cursor_comment else None
        await body.remove_children()
        view = CommentView(
            message.thread, now=self._now, folded=folded, cursor_id=cursor_id, id="comments"
        )
        view.cursor_listener = self._track_cursor  # the status line follows the cursor
        await body.mount(view)
        view.focus()
        self.reset_search(message.thread)
        if message.thread.missing:
            self.notify(
                f"{message.thread.missing} comments could not be loaded.", severity="warning"
            )

    @on(LoadFailed)
    def _show_failure(self, message: LoadFailed) -> None:
        if message.generation != self._generation:
            return
        if self.thread is None:
            self.query_one("#message", Static).update(
                f"{message.reason}\n\nPress r to retry, q to go back."
            )
            self.query_one(StatusBar).show_error(message.reason)
        else:
            view = self.query_one(CommentView)
            self.query_one(StatusBar).show_cursor(view, view.cursor)
            self.notify(f"Reload failed: {message.reason}", severity="error", timeout=8)

    def _track_cursor(self, view: CommentView, position: int) -> None:
        self.query_one(StatusBar).show_cursor(view, position, self.hit_position())

    # -- actions -----------------------------------------------------------------------
    def action_reload(self) -> None:
        self.query_one(StatusBar).show_loading("reloading")
        self.load()

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_escape(self) -> None:
        """`escape` clears search highlights first, then goes back."""
        if not self.clear_search():
            self.action_back()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()
