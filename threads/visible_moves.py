"""Moves between visible comments: siblings, parent, top level.

A plain helper over a `FoldedView`: it reads the view's visible list and the thread's
tree, owns no state, and each move returns a visible position.
"""

from __future__ import annotations

from bisect import bisect_left

from threads.folding import FoldedView


class VisibleMoves:
    """Cursor moves over the visible comments of a folded view."""

    def __init__(self, folds: FoldedView) -> None:
        self.folds = folds
        tree = folds.thread.tree
        self._subtree_end = tree.subtree_end
        self._order_index = tree.position

    def next_sibling(self, position: int) -> int:
        """The next comment with the same parent, or `position` if there is none."""
        folds = self.folds
        index = folds.visible[position]
        after = bisect_left(folds.visible, self._subtree_end[index])
        if (
            after < len(folds.visible)
            and folds.order_depths[folds.visible[after]] == folds.order_depths[index]
        ):
            return after
        return position

    def previous_sibling(self, position: int) -> int:
        """The previous comment with the same parent, or `position` if there is none."""
        depth_at = self.folds.depth_at
        depth = depth_at(position)
        for probe in range(position - 1, -1, -1):
            probe_depth = depth_at(probe)
            if probe_depth < depth:
                break
            if probe_depth == depth:
                return probe
        return position

    def parent(self, position: int) -> int:
        """The parent's position, or `position` for a top-level comment."""
        folds = self.folds
        parent = folds.thread.parent(folds.comment_at(position).id)
        found = None if parent is None else folds.position_of(parent.id)
        return position if found is None else found

    def root(self, position: int) -> int:
        """The top-level comment this one belongs to."""
        folds = self.folds
        index = folds.visible[position]
        while folds.order_depths[index] > 0:
            parent = folds.thread.parent(folds.order[index].id)
            if parent is None:
                break
            index = self._order_index[parent.id]
        found = folds.position_of(folds.order[index].id)
        return position if found is None else found

    def next_top_level(self, position: int) -> int:
        """The next top-level comment after this one's own, or `position`."""
        folds = self.folds
        root = self.root(position)
        after = bisect_left(folds.visible, self._subtree_end[folds.visible[root]])
        return after if after < len(folds.visible) else position

    def previous_top_level(self, position: int) -> int:
        """This comment's top-level comment if deeper, else the previous top-level one."""
        root = self.root(position)
        if root != position:
            return root
        if root == 0:
            return position
        return self.root(root - 1)
