"""Replies a site held back (Reddit's stubs) on the thread screen: one in place, all in
the background, and the comment order.

A plain helper the screen makes in `__init__`. It runs its loads as the screen's workers
(one at a time: a site's rate budget is shared) and swaps the grown thread into the
comment view, which keeps the cursor's screen row (`CommentView.replace_thread`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.screen import Screen

from fetchers.errors import FetchError
from threads.model import Thread
from tui.widgets.comment_view import CommentView

if TYPE_CHECKING:  # stubs are loaded on demand: the splicing is imported then, not at launch
    from fetchers.progress import ProgressCallback
    from fetchers.stub_loading import StubLoading
    from threads.more_splice import Expansion, SpliceReport

ThreadSource = Callable[["ProgressCallback"], Awaitable[Thread]]


@dataclass(frozen=True)
class SiteHooks:
    """What the app knows about the thread's site that the screen needs."""

    loader: Callable[[Thread], StubLoading | None]
    """A stub loader for a thread (sharing the app's client and rate budget); `None` when
    the site holds no replies back."""
    sorts: tuple[str, ...] = ()
    """Comment orders the site offers (empty: it offers no choice)."""
    sorted_source: Callable[[str], ThreadSource] | None = None
    """The thread in another order."""
    sort: str | None = None
    """The order asked for at start (`None`: the site's default, the first of `sorts`)."""


class StubController:
    """`enter` on a stub, the whole-thread load and the sort key, for one thread screen."""

    def __init__(
        self,
        host: Screen[None],
        hooks: SiteHooks | None,
        *,
        view: Callable[[], CommentView | None],
        changed: Callable[[], None],
        set_source: Callable[[ThreadSource], None],
    ) -> None:
        self._host = host
        self._hooks = hooks
        self._view = view
        self._changed = changed
        self._set_source = set_source
        self._loader: StubLoading | None = None
        self._loader_thread: Thread | None = None
        self._loading_all = False
        self._sort = hooks.sort if hooks is not None else None
        self.note = ""
        """What the status line says about loading (progress, then the outcome)."""

    def _loader_for(self, thread: Thread) -> StubLoading | None:
        if self._hooks is None:
            return None
        if self._loader is None or self._loader_thread is not thread:
            self._loader, self._loader_thread = self._hooks.loader(thread), thread
        return self._loader

    def _say(self, note: str) -> None:
        self.note = note
        self._changed()

    # -- one stub ------------------------------------------------------------------
    def load_one(self, stub_id: str) -> None:
        """Load one stub's replies in place (a worker; the row is kept)."""
        view = self._view()
        if view is None or self._loading_all:
            return
        loader = self._loader_for(view.thread)
        if loader is None:
            return
        self._say("Loading replies…")
        self._host.run_worker(
            self._load_one(loader, view.thread, stub_id),
            group="load-stub",
            exclusive=True,
            exit_on_error=False,
        )

    async def _load_one(self, loader: StubLoading, thread: Thread, stub_id: str) -> None:
        try:
            expansion = await loader.load_stub(stub_id)
        except FetchError as error:
            self._say("")
            self._host.notify(str(error), severity="error", timeout=8)
            return
        report = self._splice(thread, expansion)
        if report is not None:
            self._say(f"Loaded {report.added:,} more comments.")

    def _splice(self, thread: Thread, expansion: Expansion) -> SpliceReport | None:
        """Splice an answer into the thread and show it (nothing if the thread was reloaded)."""
        from threads.more_splice import apply_expansion

        view = self._view()
        if view is None or view.thread is not thread:
            return None
        report = apply_expansion(thread, expansion)
        view.replace_thread(thread)
        return report

    # -- the whole thread ----------------------------------------------------------
    def toggle_load_all(self) -> None:
        """Start loading every stub in the background, or stop the load that runs."""
        if self._loading_all:
            self.stop()
            return
        view = self._view()
        loader = self._loader_for(view.thread) if view is not None else None
        if view is None or loader is None:
            self._host.notify("This thread has no held-back replies to load.", timeout=3)
            return
        if not view.thread.tree.stub_count:
            self._say("Everything is loaded.")
            return
        self._loading_all = True
        self._say("Loading the whole thread…")
        self._host.run_worker(
            self._load_all(loader, view.thread), group="load-all", exit_on_error=False
        )

    def stop(self) -> bool:
        """Stop a running whole-thread load; returns whether one was running."""
        if not self._loading_all or self._loader is None:
            return False
        self._loader.stop()
        self._say("Stopping…")
        return True

    async def _load_all(self, loader: StubLoading, thread: Thread) -> None:
        def progress(loaded: int, expected: int | None) -> None:
            total = f"{expected:,}" if expected else "?"
            self._say(f"Loading all: {loaded:,}/{total} comments (m or escape stops)")

        from threads.more_splice import SpliceReport

        def apply(expansion: Expansion) -> SpliceReport:
            report = self._splice(thread, expansion)
            if report is None:  # the thread was reloaded meanwhile: stop feeding it
                loader.stop()
                return SpliceReport(0, 0, 0)
            return report

        try:
            report = await loader.load_all(apply, progress=progress)
        finally:
            self._loading_all = False
        self._say(report.describe())

    # -- order ---------------------------------------------------------------------
    def cycle_sort(self) -> str | None:
        """Switch to the site's next comment order; returns it (`None`: no choice here)."""
        hooks = self._hooks
        if hooks is None or not hooks.sorts or hooks.sorted_source is None:
            self._host.notify("This site offers no choice of comment order.", timeout=3)
            return None
        self.stop()
        current = self._sort if self._sort in hooks.sorts else hooks.sorts[0]
        self._sort = hooks.sorts[(hooks.sorts.index(current) + 1) % len(hooks.sorts)]
        self._set_source(hooks.sorted_source(self._sort))
        self._say(f"Sorted by {self._sort}")
        return self._sort
