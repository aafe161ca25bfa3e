"""The comment view: one widget that draws only the visible rows of the whole thread.

A `ScrollView` with the Line API. The model gives a `FoldedView` (visible comments) and a
`RowLayout` (rows at this width); this widget turns rows into strips, caches them, and
moves a cursor that is a comment. Nothing is mounted per comment.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.strip import Strip

from threads.folding import FoldedView
from threads.model import Thread
from threads.row_layout import RowLayout
from tui.widgets.comment_bindings import COMMENT_VIEW_BINDINGS
from tui.widgets.comment_header import story_preamble
from tui.widgets.comment_places import CommentPlaces

if TYPE_CHECKING:
    from threads.themes import ThemeView  # rapidfuzz stays off the start-up path

Anchor = tuple[int, int]
"""A visible position and a row offset from its first row."""


class CommentView(CommentPlaces, can_focus=True, inherit_bindings=False):
    """The collapsible comment tree of one thread, bodies inline."""

    BINDINGS = COMMENT_VIEW_BINDINGS
    DEFAULT_CSS = """
    CommentView { scrollbar-size-vertical: 1; scrollbar-gutter: stable; background: $background; }
    """

    def __init__(
        self,
        thread: Thread,
        *,
        now: Callable[[], datetime] | None = None,
        folded: set[str] | None = None,
        cursor_id: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's parameter name
    ) -> None:
        """`folded` and `cursor_id` carry the reader's place over a reload."""
        super().__init__(id=id)
        self.thread = thread
        self.folds = FoldedView(thread)
        if folded:
            self.folds.restore(folded)
        self._initial_cursor = cursor_id or thread.focus_id
        self._now = now or (lambda: datetime.now(UTC))
        self._rows: RowLayout | None = None  # made on the first resize, when the width is known
        self._laid_out = False

        self.cursor = 0
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(4096)
        self.cursor_listener: Callable[[CommentView, int], None] | None = None
        """Told of every cursor move at once (the thread screen's status line)."""
        self._highlight: frozenset[str] = frozenset()

        self._target: tuple[str, int, int] | None = None  # comment id, first and last row
        self._themes: ThemeView | None = None

        self._wish: str | None = None  # where the reader put the cursor (themes may hide it)
        self._refining = False
        self.refine_in_background = True
        """Make estimated heights exact after the first frame (benchmarks turn it off)."""

    # -- properties --------------------------------------------------------------------
    @property
    def layout_rows(self) -> RowLayout:
        """The row layout for the current width (a placeholder before the first resize)."""
        if self._rows is None:
            self._rows = RowLayout(self.folds, 80)
        return self._rows

    @property
    def theme_hidden(self) -> int:
        """Comments the themes hide right now (for the status bar)."""
        return self.folds.theme_hidden_count()

    # -- layout ------------------------------------------------------------------------
    def on_mount(self) -> None:
        focus = self._initial_cursor
        if focus and self.thread.get(focus) is not None:
            if focus == self.thread.focus_id:
                self.folds.reveal(focus)  # asked for by id: show it even if folded away
            self.cursor = self.folds.nearest_visible(focus)
            self._wish = focus

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width or event.size.width
        if self._laid_out and self._rows is not None and width == self._rows.width:
            self._show_layout(self._cursor_anchor())  # only the height changed
            return
        # Before the first real layout there is no screen row to keep (a placeholder
        # layout may exist if something asked early): then the cursor is centred instead.
        anchor = self._cursor_anchor() if self._laid_out else None
        self._laid_out = True
        preamble = story_preamble(self.thread, now=self._now(), width=width - 2)
        self._rows = RowLayout(self.folds, width, preamble)
        self._strips.clear()
        self._show_layout(anchor)
        if anchor is None and self.cursor:
            self.scroll_to_cursor(center=True)  # opened on a comment (focus id)
        self.start_refining()

    def _cursor_anchor(self) -> Anchor:
        """The cursor comment and its row on screen, to keep it there across a relayout."""
        rows = self._rows
        if rows is None or not rows.starts or self.cursor >= len(rows.starts):
            return (self.cursor, 0)
        return (self.cursor, rows.starts[self.cursor] - int(self.scroll_y))

    def _show_layout(self, anchor: Anchor | None = None) -> None:
        """After rows changed: keep `anchor`'s comment on its screen row, redraw."""
        rows = self.layout_rows
        self.cursor = min(self.cursor, max(0, len(self.folds) - 1))
        self.virtual_size = Size(rows.width, rows.total_rows)
        if anchor is not None and rows.starts:
            position, screen_row = anchor
            # Same screen row, unless the screen got smaller than that: then the last row.
            screen_row = min(screen_row, self.page_height - 1)
            top = max(0, rows.starts[min(position, len(rows.starts) - 1)] - screen_row)

            self._prepare_rows(top)
            self.scroll_now(top)
        self._prepare_rows(int(self.scroll_y))
        self.refresh()
        self._report_cursor()

    def _prepare_rows(self, top: int) -> None:
        """Wrap exactly every comment that will be on screen when the view starts at `top`."""
        rows = self.layout_rows
        for _ in range(4):  # exact heights can pull more comments into view; settle
            first, _ = rows.locate(top)
            last, _ = rows.locate(top + self.page_height)
            if not rows.make_exact(max(first, 0), max(last, 0) + 1):
                break
        self.virtual_size = Size(rows.width, rows.total_rows)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        self._prepare_rows(int(new_value))
        super().watch_scroll_y(old_value, new_value)

    # -- background refinement ------------------------------------------------------
    @property
    def refining(self) -> bool:
        """Whether background re-wrapping is still going on."""
        return self._refining

    def start_refining(self) -> None:
        if self.refine_in_background and not self._refining:
            self._refining = True
            self.set_timer(0.05, self._refine_step)

    def _refine_step(self) -> None:
        """Make more heights exact without moving what is on screen."""
        rows = self.layout_rows
        top_position, offset = rows.locate(int(self.scroll_y))
        changed, done = rows.refine()
        if changed:
            self.virtual_size = Size(rows.width, rows.total_rows)
            if top_position >= 0:
                self.scroll_now(rows.starts[top_position] + offset)
            self.refresh()
        if done:
            self._refining = False
        else:
            self.set_timer(0.01, self._refine_step)

    # -- cursor ------------------------------------------------------------------------
    def move_cursor(self, position: int, *, center: bool = False, scroll: bool = True) -> None:
        """Put the cursor on a visible comment and (unless told not to) scroll it into view."""
        if not len(self.folds):
            return
        previous, top = self.cursor, int(self.scroll_y)
        self.cursor = max(0, min(position, len(self.folds) - 1))
        self._wish = self.folds.comment_at(self.cursor).id
        if self._target is not None and self._target[0] != self.folds.comment_at(self.cursor).id:
            self.set_target(None)  # the highlight belongs to the comment a jump landed on

        if scroll:
            self.scroll_to_cursor(center=center)
        if int(self.scroll_y) == top and self._rows is not None:
            # Same scroll position: only the old and new cursor comments' rows change.
            # Only the one-cell gutter of those rows differs, so only it is repainted.
            for moved in {previous, self.cursor}:
                if moved < len(self._rows.starts):
                    y = self._rows.starts[moved] - top
                    self.refresh(Region(0, y, 1, self._rows.height(moved)))
        else:
            self.refresh()
        self._report_cursor()

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        rows = self.layout_rows
        if not rows.starts:
            return
        rows.make_exact(self.cursor, self.cursor)
        self.virtual_size = Size(rows.width, rows.total_rows)
        start, height, page = rows.starts[self.cursor], rows.height(self.cursor), self.page_height
        top = int(self.scroll_y)
        if center:
            top = max(0, start - page // 3)
        elif start < top:
            top = start
        elif start + height > top + page:
            top = start if height >= page else start + height - page
        if top != int(self.scroll_y):
            self._prepare_rows(top)
            self.scroll_now(top)

    def _report_cursor(self) -> None:
        # The listener runs now, so the status line repaints in the same frame as the view
        # (a bubbling message arrives a frame later: two frames per key).
        if self.cursor_listener is not None:
            self.cursor_listener(self, self.cursor)

    def on_click(self, event: events.Click) -> None:
        position, _ = self.layout_rows.locate(event.y + int(self.scroll_y))
        if position >= 0:
            self.move_cursor(position)
