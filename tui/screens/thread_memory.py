"""The thread screen's memory: the stored copy first, visits and new marks, the reading
place, bookmarks.

A plain helper made by the thread screen. Every store call runs in a thread worker (a
lock keeps them in order: the visit begins before a refresh extends it), and results come
back to the UI thread through `call_from_thread`. Nothing here blocks a key.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from textual.message import Message
from textual.screen import Screen

from store.keys import ThreadKey
from store.memory import Memory, StoredThread, Visit
from store.reading_state import ReadingState
from threads.model import Thread
from threads.new_comments import NewComments
from threads.timefmt import relative_age
from tui.load_source import FIRST_FRAME_WAIT
from tui.screens.thread_themes import ThemeSettings
from tui.widgets.comment_view import CommentView


@dataclass
class StoreRead(Message):
    """What the store had for the thread when the screen opened."""

    stored: StoredThread | None
    state: ReadingState | None


class ThreadMemory:
    """Everything the thread screen remembers between visits.

    Args:
        host: The thread screen (runs the workers, receives `StoreRead`).
        memory: The app's store (`None`: nothing is remembered, e.g. the sample).
        key: The thread's store key (`None` for files and the sample).
        themes: The app's themes (a thread's saved modes are applied to them).
        new_marked: Called on the UI thread with the thread and its new comments.
    """

    def __init__(
        self,
        host: Screen[Any],
        memory: Memory | None,
        key: ThreadKey | None,
        themes: ThemeSettings,
        new_marked: Callable[[Thread, NewComments], None],
    ) -> None:
        self._host = host
        self._memory = memory if key is not None else None
        self.key = key
        self._themes = themes
        self._new_marked = new_marked
        self._lock = threading.Lock()
        self._visit: Visit | None = None
        self._forgotten = False
        self._read_early: tuple[StoredThread | None, ReadingState | None] | None = None
        """What `read_now` read, until the screen takes it."""
        self.reading = self._memory is not None
        """Whether the store is still being read (the network result waits for it)."""
        self.copy_from: datetime | None = None
        """When the stored copy on screen was fetched (`None`: a fresh copy is shown)."""
        self.offline = False
        """Whether a refresh failed while the stored copy was on screen."""
        self.new = NewComments()
        """The comments new since the last visit."""

    # -- opening -----------------------------------------------------------------------
    def read_now(self) -> None:
        """Read the stored copy and reading place on this thread, before the screen
        mounts: for the thread a launch opens, before its first frame (~1 ms, ~4 ms when
        the store is new). In a worker thread the same read took 30-40 ms at launch: each
        SQLite call gives up the GIL, and waits up to 5 ms to get it back from a busy UI
        thread. Then the first frame can show the thread instead of "Loading…"."""
        if self._memory is None or self.key is None:
            return
        try:
            self._read_early = (
                self._memory.open_stored(self.key),
                self._memory.reading_state(self.key),
            )
        except Exception:  # what the store cannot read must not stop the launch: a worker
            self._read_early = None  # reads it again, and fails there on its own

    def read_stored(self) -> None:
        """Hand the screen the stored copy and reading place (posts `StoreRead`): at
        once if `read_now` has read them, else from a worker."""
        if self._memory is None:
            return
        if self._read_early is not None:
            self._host.post_message(StoreRead(*self._read_early))
            self._read_early = None
            show = getattr(self._host.app, "show_memory_notices", None)
            if show is not None:  # (on the app's thread: `_notices` is for workers)
                show()
            return
        self._run(self._read_stored, "memory-open")

    def _read_stored(self) -> None:
        assert self._memory is not None and self.key is not None
        stored = self._memory.open_stored(self.key)
        state = self._memory.reading_state(self.key)
        self._host.post_message(StoreRead(stored, state))
        self._notices()

    def restore_themes(self, state: ReadingState | None) -> None:
        """Give the app's themes the modes this thread was last read with."""
        if state is None or not state.theme_modes:
            return
        modes = state.theme_modes
        themes = self._themes.current()
        if any(modes.get(t.name, t.mode) != t.mode for t in themes):
            self._themes.use([t.with_mode(modes.get(t.name, t.mode)) for t in themes])  # type: ignore[arg-type]

    def status(self, now: datetime) -> str:
        """The status line's part: `23 new · copy from 3h ago · offline`."""
        parts = [f"{self.new.count:,} new"] if self.new.count else []
        if self.copy_from is not None:
            parts.append(f"copy from {relative_age(self.copy_from, now)} ago")
        if self.offline:
            parts.append("offline")
        return "".join(f" · {part}" for part in parts)

    # -- visits --------------------------------------------------------------------------
    def thread_shown(self, thread: Thread, *, fresh: bool) -> None:
        """A thread is on screen: begin the visit (or extend it), keep a fresh copy, and
        mark what is new."""
        if self._memory is None:
            return
        # Started now (a quit right away still records the visit), but the work waits for
        # the frame that shows the thread: storing a big thread converts every body,
        # which would otherwise delay that frame (~50 ms at 2,000 comments).
        shown = threading.Event()
        self._host.call_after_refresh(shown.set)

        def record() -> None:
            shown.wait(FIRST_FRAME_WAIT)
            self._record(thread, fresh)

        self._run(record, "memory-visit")

    def _record(self, thread: Thread, fresh: bool) -> None:
        assert self._memory is not None
        with self._lock:
            if self._visit is None:
                self._visit = self._memory.begin_visit(thread)
            else:
                self._memory.extend_visit(self._visit, thread)
            if fresh:
                self._memory.save_thread(thread)
            new = self._visit.new_in(thread)
        self._host.app.call_from_thread(self._marked, thread, new)
        self._notices()

    def _marked(self, thread: Thread, new: NewComments) -> None:
        self.new = new
        self._new_marked(thread, new)

    # -- the reading place ---------------------------------------------------------------
    def save_place(self, view: CommentView | None, *, now: bool = False) -> None:
        """Keep the cursor comment, its screen row, the folds and the theme modes.

        `now=True` writes at once (the app is quitting: no worker would outlive it).
        """
        if self._memory is None or view is None or self.key is None or self._forgotten:
            return
        comment = view.cursor_comment
        state = ReadingState(
            cursor_id=comment.id if comment else None,
            cursor_row=view.cursor_screen_row(),
            folds=frozenset(view.folds.folded),
            theme_modes={t.name: t.mode for t in self._themes.current()},
        )
        memory, key, title = self._memory, self.key, view.thread.title
        if now:
            with self._lock:
                memory.save_reading_state(key, state, title)
        else:
            self._run(lambda: self._locked(memory.save_reading_state, key, state, title), "save")

    def forget_place(self) -> None:
        """A fresh start: the next open starts at the top, nothing folded."""
        if self._memory is None or self.key is None:
            self._host.notify("Nothing is remembered for this thread.", timeout=3)
            return
        self._forgotten = True
        memory, key = self._memory, self.key
        self._run(lambda: self._locked(memory.forget_reading_state, key), "forget")
        self._host.notify("Fresh start: this thread opens at the top next time.", timeout=3)

    # -- bookmarks -----------------------------------------------------------------------
    def toggle_bookmark(self, title: str) -> None:
        """`b`: bookmark the thread, or remove its bookmark."""
        if self._memory is None or self.key is None:
            self._host.notify("Only threads from a site can be bookmarked.", timeout=3)
            return
        memory, key = self._memory, self.key

        def toggle() -> None:
            with self._lock:
                marked = not memory.is_bookmarked(key)
                done = memory.set_bookmark(key, marked, title)
            said = ("Bookmarked." if marked else "Bookmark removed.") if done else ""
            if said:
                self._host.app.call_from_thread(self._host.notify, said, timeout=3)
            self._notices()

        self._run(toggle, "bookmark")

    # -- plumbing --------------------------------------------------------------------------
    def _locked(self, call: Callable[..., object], *args: object) -> None:
        with self._lock:
            call(*args)
        self._notices()

    def _run(self, work: Callable[[], None], group: str) -> None:
        self._host.run_worker(
            work, thread=True, group=group, description=group, exit_on_error=False
        )

    def _notices(self) -> None:
        """Store problems, each said once, as notifications (from a worker thread)."""
        show = getattr(self._host.app, "show_memory_notices", None)
        if show is not None:
            self._host.app.call_from_thread(show)


def with_place(state: ReadingState | None, thread: Thread) -> ReadingState | None:
    """The saved place, unless the thread was opened on a comment (a permalink wins)."""
    if state is None or thread.focus_id is None:
        return state
    return replace(state, cursor_id=None, cursor_row=None)
