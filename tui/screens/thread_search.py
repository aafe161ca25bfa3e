"""Search on the thread screen: the index, live queries, jumping to hits, `n`/`N`.

The index is built in a thread once the thread has loaded; every keystroke queries it
in a thread worker and stale results are dropped, so typing never waits.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen

from threads.highlight import snippet
from threads.jumps import JumpStack
from threads.model import Thread
from threads.timefmt import relative_age
from tui.widgets.comment_view import CommentView
from tui.widgets.search_panel import HitRow, SearchPanel
from tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from threads.search_index import SearchIndex, SearchResult

HIT_ROWS = 100  # rows in the hit list; n/N still walk every hit


def hit_rows(result: SearchResult, width: int, now: datetime) -> list[HitRow]:
    """The hit list: `author · age · depth  snippet…`, matched words marked."""
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


class ThreadSearch(Screen[Any]):
    """Mixed into `ThreadScreen`: everything `/`, `n` and `N` do."""

    _search_index: SearchIndex | None = None
    _search_result: SearchResult | None = None
    _query_generation = 0
    shown_generation = 0
    """The query generation whose hits are on screen (tests wait for it)."""
    _pending_query: str | None = None
    _now: Callable[[], datetime]
    jumps: JumpStack  # provided by ThreadJumps on the thread screen

    def reset_search(self, thread: Thread) -> None:
        """A new thread (or reload): drop the old index and build one for this thread."""
        self._search_index = None
        self._search_result = None
        # After the first frame: the build would otherwise compete with it for the GIL.
        self.set_timer(0.3, lambda: self._build_index(thread))

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def _build_index(self, thread: Thread) -> None:
        from threads.search_index import SearchIndex  # rapidfuzz: imported off the start-up path

        index = SearchIndex(thread)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        if self._thread_now() is not index.thread:
            return  # built for a thread that has since been replaced
        self._search_index = index
        self.words_ready(index.words)
        if self._pending_query is not None:
            self._start_query(self._pending_query)

    def words_ready(self, words: Any) -> None:
        """Hook: the word index is built (themes use it)."""

    @property
    def search_query_text(self) -> str:
        """The query of the hits on screen ("" when none)."""
        result = self._search_result
        if result is None:
            return ""
        query = result.query
        parts = [*query.words, *(f'"{p}"' for p in query.phrases)]
        return ", ".join(parts)

    def _thread_now(self) -> Thread | None:

        views = list(self.query(CommentView))
        return views[0].thread if views else None

    # -- the bar -----------------------------------------------------------------------
    async def action_open_search(self) -> None:
        if self._thread_now() is None:
            return
        if not self.query(SearchPanel):  # mounted on first use: start-up stays lean
            await self.mount(SearchPanel(), after=self.query_one("#thread-body"))
        self.query_one(SearchPanel).open()

    def on_search_panel_query_changed(self, message: SearchPanel.QueryChanged) -> None:
        self._start_query(message.text)

    def _start_query(self, text: str) -> None:
        self._query_generation += 1
        if self._search_index is None:
            self._pending_query = text
            self.query_one(SearchPanel).show_status("indexing…")
            return
        self._pending_query = None
        width = max(30, self.size.width - 2)
        self._run_query(self._search_index, text, self._query_generation, width, self._now())

    @work(thread=True, exclusive=True, group="search-query", exit_on_error=False)
    def _run_query(
        self, index: SearchIndex, text: str, generation: int, width: int, now: datetime
    ) -> None:
        result = index.search(text)
        rows = hit_rows(result, width, now)
        self.app.call_from_thread(self._show_result, result, rows, generation)

    def _show_result(self, result: SearchResult, rows: list[HitRow], generation: int) -> None:
        if generation != self._query_generation:
            return  # a newer keystroke's query is on its way
        self.shown_generation = generation
        self._search_result = result if not result.query.is_empty else None
        count = len(result)
        summary = "" if result.query.is_empty else f"{count:,} hit{'s' * (count != 1)}"
        if count > len(rows):
            summary += f" (best {len(rows)} listed; n/N visit all)"
        self.query_one(SearchPanel).show_rows(rows, summary)
        self.query_one(CommentView).set_highlight(
            result.highlight_words if self._search_result else frozenset()
        )

    def on_search_panel_hit_chosen(self, message: SearchPanel.HitChosen) -> None:
        panel = self.query_one(SearchPanel)
        panel.close()
        self._go_to(message.comment_id)

    def on_search_panel_closed(self, message: SearchPanel.Closed) -> None:
        self.query_one(CommentView).focus()
        self._show_hit_position()

    # -- n / N ------------------------------------------------------------------------
    def _go_to(self, comment_id: str) -> None:
        """Jump to a hit (`backspace` comes back, as from any jump)."""
        view = self.query_one(CommentView)
        place = view.place()
        view.expand_to(comment_id)
        if place is not None and place.comment_id != comment_id:
            self.jumps.push(place)
        view.focus()
        self._show_hit_position()

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, direction: int) -> None:
        result = self._search_result
        view = self.query_one(CommentView)
        if result is None or not len(result):
            self.notify("No search: press / to search.", timeout=2)
            return
        hits = result.in_thread_order
        current = (
            view.thread.tree.position.get(view.cursor_comment.id) if view.cursor_comment else -1
        )
        if direction > 0:
            index = bisect_right(hits, current if current is not None else -1)
            target = hits[index % len(hits)]
        else:
            index = bisect_left(hits, current if current is not None else 0) - 1
            target = hits[index % len(hits)]
        self._go_to(view.thread.tree.order[target].id)

    def hit_position(self) -> tuple[int, int] | None:
        """(k, total) when the cursor is on the k-th hit in thread order."""
        result = self._search_result
        view = next(iter(self.query(CommentView)), None)
        if result is None or view is None or view.cursor_comment is None:
            return None
        order = view.thread.tree.position[view.cursor_comment.id]
        index = bisect_left(result.in_thread_order, order)
        hits = result.in_thread_order
        if index < len(hits) and hits[index] == order:
            return index + 1, len(hits)
        return None

    def _show_hit_position(self) -> None:
        view = self.query_one(CommentView)
        self.query_one(StatusBar).show_cursor(view, view.cursor, self.hit_position())

    def clear_search(self) -> bool:
        """Second `escape`: drop the highlights. Returns whether there was anything."""
        if self._search_result is None:
            return False
        self._search_result = None
        self.query_one(CommentView).set_highlight(frozenset())
        self._show_hit_position()
        return True
