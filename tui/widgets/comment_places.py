"""Places in the comment view: jumps and the way back, search hits, theme stubs and
highlights. Mixed into `CommentView`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from threads.folding import FoldedView
from threads.jumps import Place, Target
from tui.widgets.comment_drawing import CommentDrawing

if TYPE_CHECKING:
    from threads.themes import ThemeView


class CommentPlaces(CommentDrawing, inherit_bindings=False):
    """Jumping to comments and blocks, coming back, and what themes and search mark."""

    folds: FoldedView
    _wish: str | None

    def _prepare_rows(self, top: int) -> None:
        raise NotImplementedError

    def _report_cursor(self) -> None:
        raise NotImplementedError

    def place(self) -> Place | None:
        """Where the reader is now (for the jump stack)."""
        comment = self.cursor_comment
        return None if comment is None else Place(comment.id, int(self.scroll_y))

    def restore(self, place: Place) -> None:
        """Go back to a remembered place: same comment under the cursor, same scroll."""
        self.set_target(None)
        if self.thread.get(place.comment_id) is None:
            return
        if self.folds.reveal(place.comment_id):
            self.layout_rows.rebuild()
            self._show_layout()
        self.cursor = self.folds.nearest_visible(place.comment_id)
        self._wish = place.comment_id

        self._prepare_rows(place.scroll_row)
        self.scroll_now(place.scroll_row)
        self.refresh()
        self._report_cursor()

    def jump_to(self, target: Target) -> bool:
        """Show a comment (and a block of it, highlighted) a third of the way down."""
        if self.thread.get(target.comment_id) is None:
            return False
        if self.folds.reveal(target.comment_id):
            self.layout_rows.rebuild()
            self._show_layout()
        position = self.folds.nearest_visible(target.comment_id)
        self.cursor = position
        self._wish = target.comment_id
        rows = self.layout_rows
        rows.make_exact(position, position)
        first, last = 0, 0
        if target.block is not None:
            comment = self.folds.comment_at(position)
            first, last = rows.block_rows(comment, self.folds.depth_at(position), target.block)
        self.set_target((target.comment_id, first, last) if target.block is not None else None)
        top = max(0, rows.starts[position] + first - self.page_height // 3)
        self._prepare_rows(top)
        self.scroll_now(top)
        self.refresh()
        self._report_cursor()
        return True

    def set_target(self, target: tuple[str, int, int] | None) -> None:
        """Highlight rows of a comment (a jump's landing place); `None` clears."""
        if target != self._target:
            self._target = target
            self._strips.clear()
            self.refresh()

    def set_themes(self, themes: ThemeView | None) -> None:
        """Apply themes: hide stubs, tags and gutter marks; the cursor keeps its place."""
        if themes is None and self._themes is None:
            return
        _, screen_row = self._cursor_anchor()
        wish = self._wish or (self.cursor_comment.id if self.cursor_comment else None)
        self._themes = themes
        order_ids = [comment.id for comment in self.thread.tree.order]
        self.folds.set_hidden(themes.hidden_ids(order_ids) if themes is not None else {})
        self.layout_rows.rebuild()
        if wish is not None:
            self.cursor = self.folds.nearest_visible(wish)
        self._strips.clear()
        self._show_layout((self.cursor, screen_row))

    def reveal_stub(self) -> bool:
        """`enter` on a theme stub shows that one comment."""
        comment = self.cursor_comment
        if comment is None or not self.folds.reveal_one(comment.id):
            return False
        _, screen_row = self._cursor_anchor()
        self.layout_rows.rebuild()
        self._strips.clear()
        self._show_layout((self.cursor, screen_row))
        return True

    def set_highlight(self, words: frozenset[str]) -> None:
        """Mark these (normalised) words wherever they appear in bodies."""
        if words != self._highlight:
            self._highlight = words
            self._strips.clear()
            self.refresh()

    def expand_to(self, comment_id: str) -> bool:
        """Unfold what hides a comment and put the cursor on it (search hits, links)."""
        if self.thread.get(comment_id) is None:
            return False
        if self.folds.reveal(comment_id):
            self.layout_rows.rebuild()
            self._show_layout(self._cursor_anchor())
        self.move_cursor(self.folds.nearest_visible(comment_id), center=True)
        return True
