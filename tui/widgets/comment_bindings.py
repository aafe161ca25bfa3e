"""Keys of the comment view and the actions behind them (moving and folding).

Every binding has an `id` so the config file's `[keys]` table can remap it; the help
screen is generated from these same bindings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView

from threads.folding import FoldedView
from threads.model import Comment
from threads.row_layout import RowLayout

if TYPE_CHECKING:
    from tui.widgets.comment_view import Anchor


def _key(
    keys: str, action: str, description: str, *, show: bool = False, key_display: str | None = None
) -> Binding:
    return Binding(keys, action, description, show=show, id=action, key_display=key_display)


COMMENT_VIEW_BINDINGS: list[BindingType] = [
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
    Binding("slash", "screen.open_search", "Search", show=True, id="search", key_display="/"),
    Binding("n", "screen.next_hit", "Next hit", id="next_hit", show=False),
    Binding("N", "screen.previous_hit", "Previous hit", id="previous_hit", show=False),
    Binding("f", "screen.footnote", "Footnote", id="footnote"),
    Binding("backspace,ctrl+o", "screen.jump_back", "Jump back", id="jump_back", show=False),
    Binding("o", "screen.links", "Links", id="links"),
    Binding("O", "screen.open_story", "Open the story's link", id="open_story", show=False),
    Binding("y", "screen.copy_permalink", "Copy link", id="copy_link", show=False),
    Binding("Y", "screen.copy_comment_text", "Copy text", id="copy_text", show=False),
    Binding("apostrophe", "screen.quote_source", "Quote source", id="quote_source", show=False),
]


class CommentViewActions(ScrollView, inherit_bindings=False):
    """Movement and fold actions of `CommentView`, which provides the drawing."""

    folds: FoldedView
    cursor: int
    _wish: str | None

    @property
    def layout_rows(self) -> RowLayout:
        raise NotImplementedError

    @property
    def cursor_comment(self) -> Comment | None:
        """The comment under the cursor."""
        return self.folds.comment_at(self.cursor) if 0 <= self.cursor < len(self.folds) else None

    @property
    def page_height(self) -> int:
        """Rows on screen."""
        return max(1, self.scrollable_content_region.height)

    def move_cursor(self, position: int, *, center: bool = False, scroll: bool = True) -> None:
        raise NotImplementedError

    def scroll_now(self, top: int) -> None:
        """Scroll to a row at once: `scroll_to` would wait for the next refresh, and a
        resize in between would then measure the cursor's row from the old position."""
        self.virtual_size = Size(self.layout_rows.width, self.layout_rows.total_rows)
        self.scroll_y = max(0, min(top, self.max_scroll_y))

    def _cursor_anchor(self) -> Anchor:
        raise NotImplementedError

    def _show_layout(self, anchor: Anchor | None = None) -> None:
        raise NotImplementedError

    def reveal_stub(self) -> bool:
        raise NotImplementedError

    # -- moving ------------------------------------------------------------------------
    def action_next_comment(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_previous_comment(self) -> None:
        self.move_cursor(self.cursor - 1)

    def _move(self, pick: Callable[[int], int]) -> None:
        """Move to the position `pick` finds from the cursor (nothing to do when empty)."""
        if len(self.folds):
            self.move_cursor(pick(self.cursor))

    def action_next_sibling(self) -> None:
        self._move(self.folds.next_sibling)

    def action_previous_sibling(self) -> None:
        self._move(self.folds.previous_sibling)

    def action_parent(self) -> None:
        self._move(self.folds.parent)

    def action_next_top_level(self) -> None:
        self._move(self.folds.next_top_level)

    def action_previous_top_level(self) -> None:
        self._move(self.folds.previous_top_level)

    def action_first(self) -> None:
        self.move_cursor(0)
        self.scroll_now(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.folds) - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll a page; the cursor goes to the first comment that starts on screen.

        At either end of the thread (nothing left to scroll) the cursor goes to the first
        or last comment instead, so repeated presses settle there.
        """
        if not len(self.folds):
            return
        rows = self.layout_rows
        current = int(self.scroll_y)
        bottom = max(0, rows.total_rows - self.page_height)
        top = max(0, min(current + direction * self.page_height, bottom))
        if top == current:  # nothing left to scroll: settle on the first or last comment
            self.move_cursor(len(self.folds) - 1 if direction > 0 else 0, scroll=False)
            return
        self.scroll_now(top)
        position, offset = rows.locate(top)
        position = max(position, 0)
        if (
            offset
            and position + 1 < len(rows.starts)
            and rows.starts[position + 1] < top + self.page_height
        ):
            position += 1  # the comment covering the top row started above the screen
        if (position - self.cursor) * direction <= 0:
            self.move_cursor(self.cursor + direction)  # one tall comment fills the page
        else:
            self.move_cursor(position, scroll=False)

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
        if self.reveal_stub():
            return
        if not comment.children:
            self.notify("No replies to fold.", timeout=2)
            return
        self._set_fold(not self.folds.is_folded(comment.id))

    def action_fold(self) -> None:
        """Fold this comment's replies; on a folded or leaf comment go to the parent."""
        if not self._set_fold(True):
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
        self.cursor = self.folds.nearest_visible(current)
        self._wish = self.folds.comment_at(self.cursor).id  # themes must not undo this move
        self.layout_rows.rebuild()
        self._show_layout((self.cursor, screen_row))

    def action_fold_all(self) -> None:
        self._fold_whole_thread(self.folds.fold_all)

    def action_unfold_all(self) -> None:
        self._fold_whole_thread(self.folds.unfold_all)

    def action_fold_level(self) -> None:
        self._fold_whole_thread(self.folds.fold_one_level)

    def action_unfold_level(self) -> None:
        self._fold_whole_thread(self.folds.unfold_one_level)
