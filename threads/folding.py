"""Which comments are visible given a fold state (moves between them: visible_moves.py).

Folding (collapsing) a comment hides its replies and its text: the comment itself stays
as one line, its header showing `+N` and the start of its text. Leaves collapse too, so
`C` leaves one line per top-level comment. The full display order is computed once; the
visible comments are a sorted list of indexes into it, so folding one subtree is a list
splice, not a walk of the thread.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from threads.model import Comment, Thread


@dataclass(frozen=True, slots=True)
class Splice:
    """How the visible list changed: at `position`, `removed` entries became `inserted`."""

    position: int
    removed: int
    inserted: int


class FoldedView:
    """The visible comments of a thread, in display order, for the current fold state."""

    def __init__(self, thread: Thread) -> None:
        self.thread = thread
        tree = thread.tree
        self.order: list[Comment] = tree.order
        """Every comment in display order."""
        self.order_depths: list[int] = tree.depths
        self._subtree_end = tree.subtree_end
        self._order_index = tree.position
        self.folded: set[str] = set()
        """Ids of collapsed comments: one line each, their replies hidden."""
        self.hidden_by: dict[str, str] = {}
        """Comments a theme hides (id -> theme name): one stub line, replies gone with it."""
        self.revealed: set[str] = set()
        """Hidden comments the reader chose to see anyway."""
        self._hidden_total: int | None = None  # cache of theme_hidden_count()
        self.shut: set[str] = {c.id for c in self.order if c.warning}
        """Comments drawn as their header only: content warnings not opened yet, comments
        below the score threshold."""
        self.visible: list[int] = list(range(len(self.order)))
        """Indexes into `order` of the visible comments, ascending."""

    # -- reading ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.visible)

    def comment_at(self, position: int) -> Comment:
        """The visible comment at `position`."""
        return self.order[self.visible[position]]

    def depth_at(self, position: int) -> int:
        """The depth of the visible comment at `position` (0 = top level)."""
        return self.order_depths[self.visible[position]]

    def position_of(self, comment_id: str) -> int | None:
        """Visible position of a comment, or `None` if it is hidden or unknown."""
        index = self._order_index.get(comment_id)
        if index is None:
            return None
        position = bisect_left(self.visible, index)
        return (
            position if position < len(self.visible) and self.visible[position] == index else None
        )

    def nearest_visible(self, comment_id: str) -> int:
        """Position of a comment, or of its closest visible ancestor (0 if none)."""
        current: Comment | None = self.thread.get(comment_id)
        while current is not None:
            found = self.position_of(current.id)
            if found is not None:
                return found
            current = self.thread.parent(current.id)
        return 0

    def is_folded(self, comment_id: str) -> bool:
        return comment_id in self.folded

    def body_shut(self, comment_id: str) -> bool:
        """Whether the comment shows its header only (a warning, a low score)."""
        return comment_id in self.shut

    def stub_theme(self, comment_id: str) -> str | None:
        """The theme a comment is hidden by (it shows as a stub), or None."""
        if comment_id in self.revealed:
            return None
        return self.hidden_by.get(comment_id)

    def _collapsed(self, comment_id: str) -> bool:
        """Its subtree is out of view: folded, or hidden by a theme."""
        return comment_id in self.folded or self.stub_theme(comment_id) is not None

    def set_hidden(self, hidden_by: dict[str, str]) -> None:
        """Apply the themes' hide lists (reveals of comments still hidden are kept)."""
        self.hidden_by = hidden_by
        self.revealed &= hidden_by.keys()
        self._hidden_total = None
        self._recompute()

    def reveal_one(self, comment_id: str) -> bool:
        """Show one theme-hidden comment (its own hidden replies stay stubs)."""
        if self.stub_theme(comment_id) is None:
            return False
        self.revealed.add(comment_id)
        self._hidden_total = None
        self._recompute()
        return True

    def folded_count(self) -> int:
        """Replies out of view under the visible folded comments."""
        return sum(
            self.thread.descendant_count(comment_id)
            for comment_id in self.folded
            if self.position_of(comment_id) is not None
        )

    def theme_hidden_count(self) -> int:
        """Comments themes keep out of view: each outermost stub and everything under it."""
        if not self.hidden_by:
            return 0
        if self._hidden_total is not None:
            return self._hidden_total
        total, index = 0, 0
        while index < len(self.order):
            if self.stub_theme(self.order[index].id) is not None:
                total += self._subtree_end[index] - index
                index = self._subtree_end[index]
            else:
                index += 1
        self._hidden_total = total
        return total

    def hidden_count(self, comment_id: str) -> int:
        """Replies out of view under a folded comment or a theme stub (else 0)."""
        if self._collapsed(comment_id):
            return self.thread.descendant_count(comment_id)
        return 0

    # -- one subtree -------------------------------------------------------------------
    def _visible_subtree(self, index: int) -> list[int]:
        """Visible indexes strictly inside the subtree of `order[index]`, given folds."""
        found: list[int] = []
        probe, end = index + 1, self._subtree_end[index]
        while probe < end:
            found.append(probe)
            probe = self._subtree_end[probe] if self._collapsed(self.order[probe].id) else probe + 1
        return found

    def set_folded(self, comment_id: str, folded: bool) -> Splice | None:
        """Collapse or open one visible comment (leaves too: their text goes to one line).

        Returns the change to the visible list after the comment (the comment's own
        height changes as well), or `None` if nothing changed."""
        position = self.position_of(comment_id)
        index = self._order_index.get(comment_id)
        if position is None or index is None:
            return None
        if self.stub_theme(comment_id) is not None:
            return None  # a stub's replies are hidden by its theme, not by folding
        if (comment_id in self.folded) == folded:
            return None
        if folded:
            end = bisect_left(self.visible, self._subtree_end[index])
            removed = end - position - 1
            del self.visible[position + 1 : end]
            self.folded.add(comment_id)
            return Splice(position + 1, removed, 0)
        self.folded.discard(comment_id)
        inside = self._visible_subtree(index)
        self.visible[position + 1 : position + 1] = inside
        return Splice(position + 1, 0, len(inside))

    # -- the whole thread --------------------------------------------------------------
    def _recompute(self) -> None:
        visible: list[int] = []
        index, total = 0, len(self.order)
        order, ends, collapsed = self.order, self._subtree_end, self._collapsed
        while index < total:
            visible.append(index)
            index = ends[index] if collapsed(order[index].id) else index + 1
        self.visible = visible

    def restore(self, folded: set[str]) -> None:
        """Collapse exactly these comments (those that still exist): after a reload."""
        self.folded = {i for i in folded if self.thread.get(i) is not None}
        self._recompute()

    def fold_all(self) -> bool:
        """Collapse every top-level comment: the thread is one line per top-level comment."""
        self.folded = {c.id for c in self.thread.comments}
        self._recompute()
        return True

    def unfold_all(self) -> bool:
        """Show every comment (theme stubs stay stubs)."""
        self.folded = set()
        if self.hidden_by.keys() - self.revealed:
            self._recompute()
        else:
            self.visible = list(range(len(self.order)))
        return True

    def fold_one_level(self) -> bool:
        """Hide the deepest visible level. Returns whether anything changed."""
        depths = [self.order_depths[i] for i in self.visible]
        deepest = max(depths, default=0)
        if deepest == 0:
            return False
        for index, depth in zip(self.visible, depths, strict=True):
            if depth == deepest - 1 and self.order[index].children:
                self.folded.add(self.order[index].id)
        self._recompute()
        return True

    def unfold_one_level(self) -> bool:
        """Open the shallowest folded level that is visible, and only that level: the
        replies it uncovers stay folded (after `C`, `+` shows depth 1, not everything).
        Returns whether anything changed."""
        folded_here = [i for i in self.visible if self.order[i].id in self.folded]
        if not folded_here:
            return False
        shallowest = min(self.order_depths[i] for i in folded_here)
        for index in folded_here:
            if self.order_depths[index] != shallowest:
                continue
            comment = self.order[index]
            self.folded.discard(comment.id)
            self.folded.update(reply.id for reply in comment.children if reply.children)
        self._recompute()
        return True

    def reveal(self, comment_id: str) -> bool:
        """Open (and un-hide) every ancestor of a comment, and the comment, to show its text."""
        changed = comment_id in self.folded
        self.folded.discard(comment_id)
        for ancestor in self.thread.ancestors(comment_id):
            if ancestor.id in self.folded:
                self.folded.discard(ancestor.id)
                changed = True
            if self.stub_theme(ancestor.id) is not None:
                self.revealed.add(ancestor.id)
                changed = True
        if self.stub_theme(comment_id) is not None:
            self.revealed.add(comment_id)
            changed = True
        self._hidden_total = None

        if changed:
            self._recompute()
        return changed
