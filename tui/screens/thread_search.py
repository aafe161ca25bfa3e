"""Search on the thread screen: the index, live queries, jumping to hits, `n`/`N`.

The index is built in a thread once the thread has loaded; every keystroke queries it
in a thread worker and stale results are dropped, so typing never waits. Hit stepping
itself is the model's (`SearchResult.step`, `SearchResult.hit_number`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.timer import Timer

from threads.highlight import snippet
from threads.jumps import JumpStack
from threads.model import Comment, Thread
from threads.timefmt import relative_age
from tui.widgets.comment_view import CommentView

if TYPE_CHECKING:
    from threads.search_index import SearchIndex, SearchResult
    from threads.word_index import WordIndex
    from tui.widgets.search_panel import HitRow, SearchPanel  # mounted on the first `/`

HIT_ROWS = 100  # rows in the hit list; n/N still walk every hit
INDEX_DELAY = 0.3
"""Seconds after a thread is shown before its index is built: the build would otherwise
compete with the first frame for the GIL."""


def hit_rows(result: SearchResult, width: int, now: datetime) -> list[HitRow]:
    """The hit list: `author · age · depth  snippet…`, matched words marked."""
    from tui.widgets.search_panel import HitRow

    wanted = result.highlight_words
    depths = result.thread.tree.depths
    rows = []
    for hit in result.top(HIT_ROWS):
        comment = hit.comment
        age = relative_age(comment.created, now)
        meta = f"{comment.author or '?'} · {age} · d{depths[hit.order]}  "
        line = [(meta, ("hit-meta",)), *snippet(comment.plain_text, wanted, width - len(meta))]
        rows.append(HitRow(comment.id, line))
    return rows


class SearchController:
    """Everything `/`, `n` and `N` do, for one thread screen.

    Args:
        host: The screen: it runs the workers, mounts the panel and shows notices.
        view: The comment view, once there is one.
        jumps: Where a jump to a hit records the way back.
        now: The clock (hit ages).
        words_ready: Told when the word index exists (themes use it).
        cursor_changed: Told when what the status line says about hits changed.
    """

    def __init__(
        self,
        host: Screen[Any],
        *,
        view: Callable[[], CommentView | None],
        jumps: JumpStack,
        now: Callable[[], datetime],
        words_ready: Callable[[WordIndex], None],
        cursor_changed: Callable[[], None],
        settling: Callable[[], bool] = lambda: False,
    ) -> None:
        self._host = host
        self._view = view
        self._jumps = jumps
        self._now = now
        self._words_ready = words_ready
        self._cursor_changed = cursor_changed
        self._index: SearchIndex | None = None
        self._result: SearchResult | None = None
        self._generation = 0
        self._pending: str | None = None
        self._panel: SearchPanel | None = None
        self._index_timer: Timer | None = None
        self._typed = ""  # the last query typed
        self._settling = settling
        self._unindexed: Thread | None = None
        """A replacement left unindexed while the thread settles (see `thread_replaced`)."""

    @property
    def result(self) -> SearchResult | None:
        """The hits on screen (`None` when there is no search)."""
        return self._result

    @property
    def query_text(self) -> str:
        """The query of the hits on screen, as it would be typed ("" when none)."""
        if self._result is None:
            return ""
        query = self._result.query
        return " ".join(
            [*query.words, *(f'"{p}"' for p in query.phrases), *(f"@{a}" for a in query.authors)]
        )

    # -- the index ---------------------------------------------------------------------
    def reset(self, thread: Thread) -> None:
        """A new thread (or reload): drop the old index and build one for this thread."""
        self._index = None
        self._result = None
        self._schedule_index(thread)

    def thread_replaced(self, thread: Thread) -> None:
        """Another version of the thread is on screen (settled, streamed, reloaded): index
        it, then run the query on screen again. Until then the hits on screen stay, read
        by comment id against the thread they were found in. Replacements in quick
        succession build one index, after the last."""
        self._index = None
        if self._result is not None and self._pending is None:
            self._pending = self._typed
        if self._settling() and self._panel is None and self._result is None:
            # Nobody is searching: one index once the thread has settled, not one per
            # step (each is ~7 MB at 2,170 comments, and the peak stays resident).
            self._unindexed = thread
            return
        self._schedule_index(thread)

    def thread_settled(self, thread: Thread) -> None:
        """No more steps are coming: index the thread if a replacement was left unindexed."""
        if self._unindexed is not None:
            self._schedule_index(thread)

    def _schedule_index(self, thread: Thread) -> None:
        self._unindexed = None
        if self._index_timer is not None:
            self._index_timer.stop()
        self._index_timer = self._host.set_timer(INDEX_DELAY, lambda: self._build_index(thread))

    def _build_index(self, thread: Thread) -> None:
        self._host.run_worker(
            partial(self._index_in_thread, thread),
            thread=True,
            exclusive=True,
            group="search-index",
            description="search-index",  # not repr(work): it would walk the whole thread
            exit_on_error=False,
        )

    def _index_in_thread(self, thread: Thread) -> None:
        from threads.search_index import SearchIndex  # rapidfuzz: imported off the start-up path

        index = SearchIndex(thread)
        self._host.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        view = self._view()
        if view is None or view.thread is not index.thread:
            return  # built for a thread that has since been replaced
        self._index = index
        self._words_ready(index.words)
        if self._pending is not None:
            self.query_changed(self._pending)

    # -- the bar -----------------------------------------------------------------------
    async def open(self) -> None:
        """`/`: the search bar (mounted on first use: start-up stays lean)."""
        if self._view() is None:
            return
        if self._panel is None:
            from tui.widgets.search_panel import SearchPanel

            self._panel = SearchPanel()
            await self._host.mount(self._panel, after=self._host.query_one("#thread-body"))
        if self._unindexed is not None:  # a search while the thread settles: index it now
            self._schedule_index(self._unindexed)
        self._panel.open()

    def query_changed(self, text: str) -> None:
        """The query text changed: search again (or once the index exists)."""
        self._generation += 1
        self._typed = text
        if self._index is None or self._panel is None:
            self._pending = text
            if self._panel is not None:
                self._panel.show_status("indexing…")
            return
        self._pending = None
        width = max(30, self._host.size.width - 2)
        self._host.run_worker(
            partial(self._query, self._index, text, self._generation, width, self._now()),
            thread=True,
            exclusive=True,
            group="search-query",
            description="search-query",  # not repr(work): it would walk the whole thread
            exit_on_error=False,
        )

    def _query(
        self, index: SearchIndex, text: str, generation: int, width: int, now: datetime
    ) -> None:
        result = index.search(text)
        rows = hit_rows(result, width, now)
        self._host.app.call_from_thread(self._show_result, result, rows, generation)

    def _show_result(self, result: SearchResult, rows: list[HitRow], generation: int) -> None:
        view = self._view()
        if generation != self._generation or self._panel is None or view is None:
            return  # a newer keystroke's query is on its way
        self._result = result if not result.query.is_empty else None
        count = len(result)
        summary = "" if result.query.is_empty else f"{count:,} hit{'s' * (count != 1)}"
        if count > len(rows):
            summary += f" (best {len(rows)} listed; n/N visit all)"
        self._panel.show_rows(rows, summary)
        view.set_highlight(result.highlight_words if self._result else frozenset())
        self._cursor_changed()  # the hit count of the comment under the cursor

    def hit_chosen(self, comment_id: str) -> None:
        if self._panel is not None:
            self._panel.close()
        self.go_to(comment_id)

    def closed(self) -> None:
        view = self._view()
        if view is not None:
            view.focus()
        self._cursor_changed()

    # -- hits ------------------------------------------------------------------------
    def go_to(self, comment_id: str) -> None:
        """Jump to a hit (`backspace` comes back, as from any jump)."""
        view = self._view()
        if view is None:
            return
        place = view.place()
        view.expand_to(comment_id)
        if place is not None and place.comment_id != comment_id:
            self._jumps.push(place)
        view.focus()
        self._cursor_changed()

    def step(self, direction: int) -> None:
        """`n` (1) / `N` (-1): the next or previous hit in thread order, wrapping."""
        result, view = self._result, self._view()
        if view is None:
            return
        if result is None or not len(result):
            self._host.notify("No search: press / to search.", timeout=2)
            return
        # Positions in the thread the hits were found in (the one on screen may be a
        # newer version, its search still running): ids are the same in both.
        tree = result.thread.tree
        comment = view.cursor_comment
        order = tree.position.get(comment.id, -1) if comment else -1
        self.go_to(tree.order[result.step(order, direction)].id)

    def hit_number(self, comment: Comment | None) -> tuple[int, int] | None:
        """(k, total) when `comment` is the k-th hit in thread order."""
        if self._result is None or comment is None:
            return None
        position = self._result.thread.tree.position.get(comment.id)
        return None if position is None else self._result.hit_number(position)

    def clear(self) -> bool:
        """Second `escape`: drop the highlights. Returns whether there was anything."""
        if self._result is None:
            return False
        self._result = None
        self._pending = None
        view = self._view()
        if view is not None:
            view.set_highlight(frozenset())
        self._cursor_changed()
        return True
