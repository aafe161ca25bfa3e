"""The comment view: one widget that draws only the visible rows of the whole thread.

A `ScrollView` with the Line API, holding plain helpers built from each other: the fold
state (`FoldedView`), the moves over it (`VisibleMoves`), the rows at this width
(`RowLayout`, made on the first resize) and the painter (`CommentPainter`, strips and
their cache). Scroll arithmetic is in `threads/row_paging.py`. This class owns the
cursor (a validated reactive: whoever shows it watches it) and every action its keys
run. Nothing is mounted per comment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from threads.comment_lines import Line
from threads.folding import FoldedView
from threads.jumps import Place, Target
from threads.model import Comment, Thread
from threads.new_comments import NewComments, folds_for_new_only
from threads.new_steps import step_new
from threads.row_layout import RowLayout
from threads.row_paging import (
    Anchor,
    anchor_of,
    anchored_top,
    bottom_top,
    comment_at_top,
    page_top,
    scroll_within,
    top_for_next,
    top_for_previous,
    top_to_show,
)
from threads.story_block import story_as_comment
from threads.visible_moves import VisibleMoves
from tui.reader_width import DEFAULT_MAX_WIDTH, capped_width
from tui.widgets.comment_finder import CommentFinder
from tui.widgets.comment_header import story_preamble
from tui.widgets.comment_painter import CommentPainter, JumpTarget

if TYPE_CHECKING:
    from threads.themes import ThemeView  # rapidfuzz stays off the start-up path


def _key(
    keys: str, action: str, description: str, *, show: bool = False, key_display: str | None = None
) -> Binding:
    """A binding whose id is its action, so the config's `[keys]` can remap it."""
    return Binding(keys, action, description, show=show, id=action, key_display=key_display)


class CommentView(ScrollView, can_focus=True, inherit_bindings=False):
    """The collapsible comment tree of one thread, bodies inline."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _key("j,down", "next_comment", "Next comment"),
        _key("k,up", "previous_comment", "Previous comment"),
        _key("J", "next_sibling", "Next sibling"),
        _key("K", "previous_sibling", "Previous sibling"),
        _key("p", "parent", "Parent"),
        _key("right_square_bracket", "next_top_level", "Next top-level", key_display="]"),
        _key("left_square_bracket", "previous_top_level", "Previous top-level", key_display="["),
        _key("g,home", "first", "First comment"),
        _key("G,end", "last", "Last comment"),
        _key("ctrl+d,pagedown", "page_down", "Page down"),
        _key("ctrl+u,pageup", "page_up", "Page up"),
        _key("space,enter", "toggle_fold", "Fold", show=True, key_display="space"),
        _key("h,left", "fold", "Fold / parent"),
        _key("l,right", "unfold", "Unfold"),
        _key("C", "fold_all", "Fold all"),
        _key("E", "unfold_all", "Unfold all"),
        _key("minus", "fold_level", "Fold a level", key_display="-"),
        _key("plus", "unfold_level", "Unfold a level", key_display="+"),
        _key("tab", "next_new", "Next new comment", key_display="tab"),
        _key("shift+tab", "previous_new", "Previous new comment", key_display="shift+tab"),
        _key("w", "new_only", "New only (fold what has nothing new)"),
        _key("x", "reveal_spoilers", "Reveal spoilers"),
        _key("u", "next_same_author", "Next by this author"),
        _key("U", "previous_same_author", "Previous by this author"),
        _key("c", "next_reply", "Next reply to this comment"),
        _key("T", "posted_time", "When it was posted"),
    ]

    @dataclass
    class StubChosen(Message):
        """`enter` on a row of replies the site held back: the screen loads them."""

        comment_id: str

    DEFAULT_CSS = """
    CommentView { scrollbar-size-vertical: 1; scrollbar-gutter: stable; background: $background; }
    """

    cursor: reactive[int] = reactive(0, repaint=False, always_update=True)
    """Visible position of the comment under the cursor. Every assignment notifies, even
    to the same position (a fold changes what the status line counts); watchers run at
    once, so the status line repaints in the same frame as the view."""

    def __init__(
        self,
        thread: Thread,
        *,
        now: Callable[[], datetime] | None = None,
        folded: set[str] | None = None,
        cursor_id: str | None = None,
        cursor_row: int | None = None,
        themes: ThemeView | None = None,
        id: str | None = None,  # noqa: A002 - Textual's parameter name
    ) -> None:
        """`folded`, `cursor_id` and `cursor_row` (its screen row) carry the reader's place
        over a reload or from the last visit; `themes` given here are there from the first
        frame (nothing flashes)."""
        super().__init__(id=id)
        self.thread = thread
        self.folds = FoldedView(thread)
        if folded:
            self.folds.restore(folded)
        self.moves = VisibleMoves(self.folds)
        self._now = now or (lambda: datetime.now(UTC))
        self.painter = CommentPainter(thread, self.folds, self._now)
        if themes is not None:
            self.painter.set_themes(themes)
            self.folds.set_hidden(themes.hidden_ids([c.id for c in thread.tree.order]))
        self._rows: RowLayout | None = None  # made on the first resize, when the width is known
        self._laid_out = False
        self._first_drawn_at: Size | None = None
        """The size the first frame laid out at, before the first resize (see `render_lines`)."""
        self._initial_cursor = cursor_id or thread.focus_id
        self._initial_row = cursor_row if cursor_id else None
        self.new = NewComments()
        """The comments new since the last visit (`set_new`)."""
        self._wish: str | None = None  # where the reader put the cursor (themes may hide it)
        self._refining = False
        self.story_selected = False
        """The cursor is on the story's own text above the comments (`k` on the first
        comment): links, footnotes and copying then work on the story."""
        self.finder = CommentFinder(self, self._now)
        """`u`/`U`, `c`, `T` and a number before `G`."""
        self.refine_in_background = True
        self.max_width = DEFAULT_MAX_WIDTH
        """The widest the comment column gets (0 = the whole screen); left-aligned."""
        """Make estimated heights exact after the first frame (benchmarks turn it off)."""

    def validate_cursor(self, position: int) -> int:
        return max(0, min(position, len(self.folds) - 1))

    # -- what it shows -------------------------------------------------------------------
    @property
    def layout_rows(self) -> RowLayout:
        """The row layout for the current width (a placeholder before the first resize)."""
        if self._rows is None:
            self._rows = RowLayout(self.folds, 80)
        return self._rows

    @property
    def cursor_comment(self) -> Comment | None:
        """The comment under the cursor."""
        return self.folds.comment_at(self.cursor) if 0 <= self.cursor < len(self.folds) else None

    @property
    def selected_comment(self) -> Comment | None:
        """What `o`, `f`, `y`, `Y` work on: the story's text when the cursor is on the
        story, else the comment under the cursor."""
        if self.story_selected:
            return story_as_comment(self.thread)
        return self.cursor_comment

    @property
    def theme_hidden(self) -> int:
        """Comments the themes hide right now (for the status bar)."""
        return self.folds.theme_hidden_count()

    @property
    def highlight(self) -> frozenset[str]:
        """The words search marks in bodies."""
        return self.painter.highlight

    @property
    def target(self) -> JumpTarget | None:
        """The rows the last jump landed on (highlighted until the cursor leaves them)."""
        return self.painter.target

    @property
    def page_height(self) -> int:
        """Rows on screen."""
        return max(1, self.scrollable_content_region.height)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        column = min(width, self._rows.width) if self._rows is not None else width
        cursor = -1 if self.story_selected else self.cursor
        strip = self.painter.row(self._rows, y + int(self.scroll_y), column, cursor)
        return strip if column == width else strip.extend_cell_length(width)

    # -- layout ------------------------------------------------------------------------
    def on_mount(self) -> None:
        focus = self._initial_cursor
        if focus and self.thread.get(focus) is not None:
            if focus == self.thread.focus_id:
                self.folds.reveal(focus)  # asked for by id: show it even if folded away
            self.cursor = self.folds.nearest_visible(focus)
            self._wish = focus

    def on_resize(self, event: events.Resize) -> None:
        width = capped_width(
            self.scrollable_content_region.width or event.size.width, self.max_width
        )
        drawn_at, self._first_drawn_at = self._first_drawn_at, None
        if not self._laid_out:
            self._first_layout(width)
        elif drawn_at == self.scrollable_content_region.size:
            return  # the first frame laid out at this size already (`render_lines`)
        elif self._rows is not None and width == self._rows.width:
            self._show_layout(self._cursor_anchor())  # only the height changed
        else:
            self._rewrap(width, self._cursor_anchor())

    def render_lines(self, crop: Region) -> list[Strip]:
        # Textual draws the first frame at a new size before `on_resize` runs: lay out
        # for the new width here, so that frame already shows the right rows (instead of
        # a blank view or the old width's rows, then a second full frame a tick later:
        # ~30 ms of a launch).
        width = capped_width(self.scrollable_content_region.width, self.max_width)
        if width and not self._laid_out:
            self._first_layout(width)
            self._first_drawn_at = self.scrollable_content_region.size
        elif width and self._rows is not None and width != self._rows.width:
            self._rewrap(width, self._cursor_anchor())
        return super().render_lines(crop)

    def _first_layout(self, width: int) -> None:
        """There is no screen row to keep yet: the place saved at the last visit, or the
        cursor centred (opened on a comment by id), or the top."""
        anchor = None
        if self._initial_row is not None and self._wish is not None:
            anchor = (self.cursor, self._initial_row)
        self._rewrap(width, anchor)
        if anchor is None and self.cursor:
            self.scroll_to_cursor(center=True)

    def _rewrap(self, width: int, anchor: Anchor | None) -> None:
        """Rows for a new width: estimated heights, exact on screen, the rest refined in
        the background; the cursor comment stays on `anchor`'s screen row."""
        self._laid_out = True
        self._rows = RowLayout(self.folds, width, self._preamble(width))
        self.painter.forget()
        self._show_anchored(anchor)
        self.start_refining()

    def cursor_screen_row(self) -> int:
        """The screen row of the cursor comment's header (0 = top of the view)."""
        return self._cursor_anchor()[1]

    def _cursor_anchor(self) -> Anchor:
        """The cursor comment and its row on screen, to keep it there across a relayout."""
        return anchor_of(self._rows, self.cursor, int(self.scroll_y))

    def _show_layout(self, anchor: Anchor | None = None) -> None:
        """After rows changed: the cursor on `anchor`'s comment, kept on its screen row."""
        rows = self.layout_rows
        self.cursor = anchor[0] if anchor is not None else self.cursor  # clamped, announced
        self.virtual_size = Size(rows.width, rows.total_rows)
        if anchor is not None and rows.starts:
            top = anchored_top(rows, anchor, self.page_height)
            self._prepare_rows(top)
            # Wrapping the rows on screen exactly can move the anchor (estimates above it
            # were off, e.g. after a width change): place it again with exact heights.
            top = anchored_top(rows, anchor, self.page_height)
            self._prepare_rows(top)
            self.scroll_now(top)
        self._prepare_rows(int(self.scroll_y))
        self.refresh()

    def _show_anchored(self, anchor: Anchor | None) -> None:
        """`_show_layout` on fresh rows: the first pass wraps exactly what comes on
        screen, which can move the anchor's comment; place it again until it stays."""
        self._show_layout(anchor)
        for _ in range(3):
            if anchor is None or self._cursor_anchor() == anchor:
                break
            self._show_layout(anchor)

    def _relayout(self, anchor: Anchor | None = None) -> None:
        """After the visible comments changed thread-wide: new rows, fresh strips."""
        self.layout_rows.rebuild()
        self.painter.forget()
        self._show_layout(anchor)

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

    def scroll_now(self, top: int) -> None:
        """Scroll to a row at once: `scroll_to` would wait for the next refresh, and a
        resize in between would then measure the cursor's row from the old position."""
        self.virtual_size = Size(self.layout_rows.width, self.layout_rows.total_rows)
        self.scroll_y = max(0, min(top, self.max_scroll_y))

    # -- a new version of the thread ------------------------------------------------------
    class ThreadReplaced(Message):
        """`replace_thread` swapped the thread: whatever holds results computed on the old
        one (search hits, theme verdicts) computes them again."""

        def __init__(self, thread: Thread) -> None:
            super().__init__()
            self.thread = thread

    # -- background refinement ---------------------------------------------------------
    @property
    def refining(self) -> bool:
        """Whether background re-wrapping is still going on."""
        return self._refining

    def start_refining(self) -> None:
        """Make every height exact, a slice per timer tick, without moving the screen."""
        if self.refine_in_background and not self._refining:
            self._refining = True
            self.set_timer(0.05, self._refine_step)

    def _refine_step(self) -> None:
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

    # -- the cursor --------------------------------------------------------------------
    def move_cursor(self, position: int, *, center: bool = False, scroll: bool = True) -> None:
        """Put the cursor on a visible comment and (unless told not to) scroll it into view."""
        if not len(self.folds):
            return
        previous, top = self.cursor, int(self.scroll_y)
        if self.story_selected:
            self.story_selected = False
            self.refresh()
        self.finder.count = ""  # a number typed before a move is not for a later `G`
        self.cursor = position
        comment = self.folds.comment_at(self.cursor)
        self._wish = comment.id
        target = self.painter.target
        if target is not None and target[0] != comment.id:
            self._set_target(None)  # the highlight belongs to the comment a jump landed on

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

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        """Scroll as little as possible to show the cursor comment (or centre it)."""
        rows = self.layout_rows
        if not rows.starts:
            return
        rows.make_exact(self.cursor, self.cursor)
        self.virtual_size = Size(rows.width, rows.total_rows)
        top = top_to_show(rows, self.cursor, int(self.scroll_y), self.page_height, center=center)
        if top != int(self.scroll_y):
            self._prepare_rows(top)
            self.scroll_now(top)

    def on_click(self, event: events.Click) -> None:
        position, _ = self.layout_rows.locate(event.y + int(self.scroll_y))
        if position >= 0:
            self.move_cursor(position)

    # -- places: jumps and the way back --------------------------------------------------
    def place(self) -> Place | None:
        """Where the reader is now (for the jump stack)."""
        comment = self.cursor_comment
        return None if comment is None else Place(comment.id, int(self.scroll_y))

    def restore(self, place: Place) -> None:
        """Go back to a remembered place: same comment under the cursor, same scroll."""
        self._set_target(None)
        if self.thread.get(place.comment_id) is None:
            return
        if self.folds.reveal(place.comment_id):
            self.layout_rows.rebuild()
            self._show_layout()
        self._wish = place.comment_id
        self._prepare_rows(place.scroll_row)
        self.scroll_now(place.scroll_row)
        self.cursor = self.folds.nearest_visible(place.comment_id)
        self.refresh()

    def jump_to(self, target: Target) -> bool:
        """Show a comment (and a block of it, highlighted) a third of the way down."""
        if self.thread.get(target.comment_id) is None:
            return False
        if self.folds.reveal(target.comment_id):
            self.layout_rows.rebuild()
            self._show_layout()
        position = self.folds.nearest_visible(target.comment_id)
        self._wish = target.comment_id
        rows = self.layout_rows
        rows.make_exact(position, position)
        first, last = 0, 0
        if target.block is not None:
            comment = self.folds.comment_at(position)
            first, last = rows.block_rows(comment, self.folds.depth_at(position), target.block)
            if target.span is not None and first > 0:  # only the rows of a quoted passage
                first, last = self._passage_rows(comment, position, target, first, last)
        self._set_target((target.comment_id, first, last) if target.block is not None else None)
        top = max(0, rows.starts[position] + first - self.page_height // 3)
        self._prepare_rows(top)
        self.scroll_now(top)
        self.cursor = position
        self.refresh()
        return True

    def _passage_rows(
        self, comment: Comment, position: int, target: Target, first: int, last: int
    ) -> tuple[int, int]:
        """The rows (within the block's rows `first`..`last`) showing `target.span`."""
        from threads.quotes import passage_rows

        assert target.span is not None and target.block is not None
        body = self.layout_rows.body(comment, self.folds.depth_at(position))
        texts = ["".join(text for text, _ in line) for line in body[first - 1 : last]]
        top, bottom = passage_rows(texts, comment.body[target.block].text, target.span)
        return (first + top, first + bottom)

    def expand_to(self, comment_id: str) -> bool:
        """Unfold what hides a comment and put the cursor on it (search hits, links)."""
        if self.thread.get(comment_id) is None:
            return False
        if self.folds.reveal(comment_id):
            self.layout_rows.rebuild()
            self._show_layout(self._cursor_anchor())
        self.move_cursor(self.folds.nearest_visible(comment_id), center=True)
        return True

    def _set_target(self, target: JumpTarget | None) -> None:
        if self.painter.set_target(target):
            self.refresh()

    # -- new since the last visit --------------------------------------------------------
    def set_new(self, new: NewComments) -> None:
        """Mark the comments new since the last visit (nothing moves)."""
        self.new = new
        if self.painter.set_new(new.ids):
            self.refresh()

    def action_next_new(self) -> None:
        self._step_new(+1)

    def action_previous_new(self) -> None:
        self._step_new(-1)

    def _step_new(self, direction: int) -> None:
        current = self.cursor_comment
        target = step_new(self.thread, self.new, current.id if current else None, direction)
        if target is None:
            self.notify("Nothing new since the last visit.", timeout=2)
            return
        self.expand_to(target)  # unfolds whatever hides it

    def action_new_only(self) -> None:
        """Fold every comment with nothing new under it: the new ones in their context."""
        if not self.new.count:
            self.notify("Nothing new since the last visit.", timeout=2)
            return
        folds = folds_for_new_only(self.thread, self.new)

        def apply() -> bool:
            self.folds.restore(folds)
            return True

        self._fold_whole_thread(apply)

    # -- what search and themes mark -----------------------------------------------------
    def set_highlight(self, words: frozenset[str]) -> None:
        """Mark these (normalised) words wherever they appear in bodies."""
        if self.painter.set_highlight(words):
            self.refresh()

    def set_themes(self, themes: ThemeView | None) -> None:
        """Apply themes: hide stubs, tags and gutter marks; the cursor keeps its place."""
        if themes is None and self.painter.themes is None:
            return
        _, screen_row = self._cursor_anchor()
        wish = self._wish or (self.cursor_comment.id if self.cursor_comment else None)
        self.painter.set_themes(themes)
        order_ids = [comment.id for comment in self.thread.tree.order]
        self.folds.set_hidden(themes.hidden_ids(order_ids) if themes is not None else {})
        position = self.folds.nearest_visible(wish) if wish is not None else self.cursor
        self._relayout((position, screen_row))

    def reveal_stub(self) -> bool:
        """`enter` on a theme stub shows that one comment."""
        comment = self.cursor_comment
        if comment is None or not self.folds.reveal_one(comment.id):
            return False
        self._relayout((self.cursor, self._cursor_anchor()[1]))
        return True

    # -- bodies shown as a header only (warnings, low scores) and spoilers ---------------
    def open_body(self, comment_id: str) -> bool:
        """Show a comment drawn as its header only (behind a warning); keeps the row."""
        if not self.folds.body_shut(comment_id):
            return False
        self.set_shut(self.folds.shut - {comment_id})
        return True

    def set_shut(self, shut: set[str]) -> None:
        """Draw exactly these comments as their header only; the cursor keeps its row."""
        changed = shut ^ self.folds.shut
        if not changed:
            return
        self.folds.shut = set(shut)
        if not self._laid_out:
            return  # the first layout (on the first resize) draws it so
        for comment_id in changed:
            self.layout_rows.forget(comment_id)
        self._relayout(self._cursor_anchor())

    def refold(self, folded: set[str]) -> None:
        """Fold exactly these comments (score folding); the cursor keeps its row."""

        def apply() -> bool:
            self.folds.restore(folded)
            return True

        if not self._laid_out:
            apply()  # before the first layout there is no screen row to keep
            return
        self._fold_whole_thread(apply)

    def action_reveal_spoilers(self) -> None:
        comment = self.cursor_comment
        if comment is None or not self.painter.show_spoilers(comment.id):
            return
        self.refresh()

    def replace_thread(self, new_thread: Thread, *, themes: ThemeView | None = None) -> None:
        """Show another version of the same thread (a refresh, a reload, HN's order
        settled, stubs loaded) keeping the reader's place: the folds that still apply and
        the cursor comment on its screen row. When the cursor's comment is gone (a loaded
        stub) the comment now at its position takes its row: loaded replies stand where
        their stub stood. `themes`, matched against the new copy, apply in the same frame
        (nothing hidden flashes); without them the current themes' hides carry over by id.
        """
        position, screen_row = self._cursor_anchor()
        current = self.cursor_comment
        old = self.folds
        known = {comment.id for comment in old.order}
        hidden_by, revealed = old.hidden_by, old.revealed
        self.thread = new_thread
        self.folds = FoldedView(new_thread)  # shuts the warnings of every comment
        self.folds.restore({i for i in old.folded if new_thread.get(i) is not None})
        # What the reader opened stays open; comments new to the view come as they are.
        self.folds.shut = {i for i in self.folds.shut if i not in known} | {
            i for i in old.shut if new_thread.get(i) is not None
        }
        painter = CommentPainter(new_thread, self.folds, self._now)
        painter.set_highlight(self.painter.highlight)
        painter.set_target(self.painter.target)  # a jump's rows, by comment id
        painter.spoilers_shown = self.painter.spoilers_shown
        painter.set_new(self.new.ids)
        if themes is not None:
            painter.set_themes(themes)
            order_ids = [comment.id for comment in new_thread.tree.order]
            self.folds.set_hidden(themes.hidden_ids(order_ids))
        else:
            painter.set_themes(self.painter.themes)
            if hidden_by:
                self.folds.set_hidden(hidden_by)
        self.folds.revealed = {i for i in revealed if new_thread.get(i) is not None}
        self.moves = VisibleMoves(self.folds)
        self.painter = painter
        width = self._rows.width if self._rows is not None else 80
        self._rows = RowLayout(self.folds, width, self._preamble(width))
        if current is not None and new_thread.get(current.id) is not None:
            position = self.folds.nearest_visible(current.id)
            self._wish = current.id
        position = max(0, min(position, len(self.folds) - 1))
        # Exact heights around the cursor first: the rows above it must not move once the
        # screen is placed (estimates would, as soon as they are drawn).
        self._rows.make_exact(max(0, position - self.page_height), position + self.page_height)
        self._show_anchored((position, screen_row) if self._laid_out else None)
        self.start_refining()
        self.post_message(self.ThreadReplaced(new_thread))  # search runs again on it

    def _preamble(self, width: int) -> list[Line]:
        return story_preamble(self.thread, now=self._now(), width=width - 2)

    # -- moving ------------------------------------------------------------------------
    def _move(self, pick: Callable[[int], int]) -> None:
        """Move to the position `pick` finds from the cursor (nothing to do when empty)."""
        if len(self.folds):
            self.move_cursor(pick(self.cursor))

    def action_next_comment(self) -> None:
        """The next comment, after scrolling through the rest of a long one."""
        if self.story_selected:
            self.move_cursor(0)  # from the story down to the first comment
        elif not self._scroll_within(+1) and self.cursor + 1 < len(self.folds):
            rows, position = self.layout_rows, self.cursor + 1
            rows.make_exact(position, position)
            top = top_for_next(rows, position, int(self.scroll_y), self.page_height)
            self._prepare_rows(top)
            self.scroll_now(top)
            self.move_cursor(position, scroll=False)

    def action_previous_comment(self) -> None:
        """The previous comment, after scrolling back through a long one (and, on the
        first comment, back up to the story header, then onto the story itself).
        Reading up a long comment shows its last page first."""
        if self._scroll_within(-1) or not len(self.folds):
            return
        if self.cursor == 0:
            self.story_selected = True  # up from the first comment: the story's own text
            self.refresh()
            return
        rows, position = self.layout_rows, self.cursor - 1
        rows.make_exact(position, position)
        top = top_for_previous(rows, position, int(self.scroll_y), self.page_height)
        self._prepare_rows(top)
        self.scroll_now(top)
        self.move_cursor(position, scroll=False)

    def _scroll_within(self, direction: int) -> bool:
        """Scroll a page through the cursor comment if it has more text that way."""
        rows = self.layout_rows
        if not rows.starts or self.cursor >= len(rows.starts):
            return False
        self.finder.count = ""
        rows.make_exact(self.cursor, self.cursor)
        top = scroll_within(rows, self.cursor, int(self.scroll_y), self.page_height, direction)
        if top is None:
            return False
        self._prepare_rows(top)
        self.scroll_now(top)
        self.refresh()
        return True

    def action_next_sibling(self) -> None:
        self._move(self.moves.next_sibling)

    def action_previous_sibling(self) -> None:
        self._move(self.moves.previous_sibling)

    def action_parent(self) -> None:
        self._move(self.moves.parent)

    def action_next_top_level(self) -> None:
        self._move(self.moves.next_top_level)

    def action_previous_top_level(self) -> None:
        self._move(self.moves.previous_top_level)

    def action_first(self) -> None:
        self.move_cursor(0)
        self.scroll_now(0)

    def on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character in "0123456789" and event.character:
            self.finder.type_digit(event.character)  # a comment number for `G`
            event.stop()

    def action_next_same_author(self) -> None:
        self.finder.same_author(+1)

    def action_previous_same_author(self) -> None:
        self.finder.same_author(-1)

    def action_next_reply(self) -> None:
        self.finder.next_reply()

    def action_posted_time(self) -> None:
        self.finder.posted_time()

    def action_last(self) -> None:
        """The last comment, scrolled to the very end of the thread (the last line of a
        last comment taller than the screen); after a number, that comment instead."""
        if not len(self.folds):
            return
        count = self.finder.take_count()
        if count is not None:
            self.move_cursor(count - 1, center=True)
            return
        last = len(self.folds) - 1
        self.move_cursor(last, scroll=False)
        rows = self.layout_rows
        rows.make_exact(last, last)
        for _ in range(3):  # exact heights on the last screen can move the bottom; settle
            top = bottom_top(rows, self.page_height)
            self._prepare_rows(top)
            if bottom_top(rows, self.page_height) == top:
                break
        self.scroll_now(bottom_top(rows, self.page_height))
        self.refresh()

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll exactly a screen of text; the cursor follows the comment on the top row.

        At either end of the thread (nothing left to scroll) the cursor goes to the first
        or last comment instead, so repeated presses settle there.
        """
        if not len(self.folds):
            return
        rows, current = self.layout_rows, int(self.scroll_y)
        top = page_top(rows, current, self.page_height, direction)
        if top == current:  # nothing left to scroll: settle on the first or last comment
            self.move_cursor(len(self.folds) - 1 if direction > 0 else 0, scroll=False)
            return
        self.scroll_now(top)  # wraps what comes on screen exactly, before the cursor is placed
        self.move_cursor(comment_at_top(rows, int(self.scroll_y)), scroll=False)

    # -- folding -----------------------------------------------------------------------
    def _set_fold(self, folded: bool) -> bool:
        """Fold or unfold the cursor comment, keeping it on its screen row."""
        if not len(self.folds):
            return False
        anchor = self._cursor_anchor()
        splice = self.folds.set_folded(self.folds.comment_at(self.cursor).id, folded)
        if splice is None:
            return False
        self.layout_rows.apply(splice)
        self._show_layout(anchor)
        return True

    def action_toggle_fold(self) -> None:
        if not len(self.folds):
            return
        comment = self.folds.comment_at(self.cursor)
        if comment.more is not None:
            self.post_message(self.StubChosen(comment.id))
            return
        if self.reveal_stub() or self.open_body(comment.id):
            return
        self._set_fold(not self.folds.is_folded(comment.id))  # leaves collapse to one line too

    def action_fold(self) -> None:
        """Collapse this comment if it has replies; on a collapsed or leaf comment go to
        the parent (as before one-line collapsing: `h` walks up through leaves)."""
        comment = self.cursor_comment
        if comment is None or not comment.children or not self._set_fold(True):
            self.action_parent()

    def action_unfold(self) -> None:
        self._set_fold(False)

    def _fold_whole_thread(self, apply: Callable[[], bool]) -> None:
        """Apply a thread-wide fold; the cursor's comment (or its nearest visible
        ancestor, if it got hidden) keeps its screen row."""
        if not len(self.folds):
            return
        _, screen_row = self._cursor_anchor()
        current = self.folds.comment_at(self.cursor).id
        if not apply():
            return
        position = self.folds.nearest_visible(current)
        self._wish = self.folds.comment_at(position).id  # themes must not undo this move
        self.layout_rows.rebuild()
        self._show_layout((position, screen_row))

    def action_fold_all(self) -> None:
        self._fold_whole_thread(self.folds.fold_all)

    def action_unfold_all(self) -> None:
        self._fold_whole_thread(self.folds.unfold_all)

    def action_fold_level(self) -> None:
        self._fold_whole_thread(self.folds.fold_one_level)

    def action_unfold_level(self) -> None:
        self._fold_whole_thread(self.folds.unfold_one_level)
