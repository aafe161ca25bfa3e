"""Moves between visible comments: siblings, parent, top level (each returns a visible
position). Mixed into `FoldedView`, which keeps the visible list these read."""

from __future__ import annotations

from bisect import bisect_left

from threads.model import Comment, Thread


class VisibleMoves:
    """Cursor moves over a folded view; `FoldedView` provides the state."""

    thread: Thread
    visible: list[int]
    order: list[Comment]
    order_depths: list[int]
    _subtree_end: list[int]
    _order_index: dict[str, int]

    def __len__(self) -> int:
        return len(self.visible)

    def comment_at(self, position: int) -> Comment:
        return self.order[self.visible[position]]

    def depth_at(self, position: int) -> int:
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

    def next_sibling(self, position: int) -> int:
        """The next comment with the same parent, or `position` if there is none."""
        index = self.visible[position]
        end = self._subtree_end[index]
        after = bisect_left(self.visible, end)
        if (
            after < len(self.visible)
            and self.order_depths[self.visible[after]] == self.order_depths[index]
        ):
            return after
        return position

    def previous_sibling(self, position: int) -> int:
        """The previous comment with the same parent, or `position` if there is none."""
        depth = self.depth_at(position)
        for probe in range(position - 1, -1, -1):
            probe_depth = self.depth_at(probe)
            if probe_depth < depth:
                break
            if probe_depth == depth:
                return probe
        return position

    def parent(self, position: int) -> int:
        """The parent's position, or `position` for a top-level comment."""
        parent = self.thread.parent(self.comment_at(position).id)
        found = None if parent is None else self.position_of(parent.id)
        return position if found is None else found

    def root(self, position: int) -> int:
        """The top-level comment this one belongs to."""
        index = self.visible[position]
        while self.order_depths[index] > 0:
            parent = self.thread.parent(self.order[index].id)
            if parent is None:
                break
            index = self._order_index[parent.id]
        found = self.position_of(self.order[index].id)
        return position if found is None else found

    def next_top_level(self, position: int) -> int:
        """The next top-level comment after this one's own, or `position`."""
        root = self.root(position)
        after = bisect_left(self.visible, self._subtree_end[self.visible[root]])
        return after if after < len(self.visible) else position

    def previous_top_level(self, position: int) -> int:
        """This comment's top-level comment if deeper, else the previous top-level one."""
        root = self.root(position)
        if root != position:
            return root
        if root == 0:
            return position
        return self.root(root - 1)

    def nearest_visible(self, comment_id: str) -> int:
        """Position of a comment, or of its closest visible ancestor (0 if none)."""
        current: Comment | None = self.thread.get(comment_id)
        while current is not None:
            found = self.position_of(current.id)
            if found is not None:
                return found
            current = self.thread.parent(current.id)
        return 0
