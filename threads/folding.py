"""Which comments are visible given a fold state, and moves between them.

Folding a comment hides its replies (the comment itself stays, its header showing
`+N`). All operations are on the model only: the UI keeps a `FoldedView` and draws it.
"""

from __future__ import annotations

from bisect import bisect_right

from threads.model import Comment, Thread


class FoldedView:
    """The visible comments of a thread, in display order, for the current fold state."""

    def __init__(self, thread: Thread) -> None:
        self.thread = thread
        self.folded: set[str] = set()
        """Ids of comments whose replies are hidden."""
        self.comments: list[Comment] = []
        """Visible comments in display order."""
        self.depths: list[int] = []
        """Depth of each visible comment."""
        self.index: dict[str, int] = {}
        """Visible comment id -> position in `comments`."""
        self._top_level_positions: list[int] = []
        self.refresh()

    def refresh(self) -> None:
        """Recompute the visible list after the fold state changed."""
        comments: list[Comment] = []
        depths: list[int] = []
        folded = self.folded
        stack: list[tuple[Comment, int]] = [(c, 0) for c in reversed(self.thread.comments)]
        while stack:
            comment, depth = stack.pop()
            comments.append(comment)
            depths.append(depth)
            if comment.children and comment.id not in folded:
                stack.extend((child, depth + 1) for child in reversed(comment.children))
        self.comments, self.depths = comments, depths
        self.index = {c.id: i for i, c in enumerate(comments)}
        self._top_level_positions = [i for i, d in enumerate(depths) if d == 0]

    # -- fold state ----------------------------------------------------------------
    def is_folded(self, comment_id: str) -> bool:
        return comment_id in self.folded

    def hidden_count(self, comment_id: str) -> int:
        """Comments hidden under a folded comment (0 when it is not folded)."""
        if comment_id not in self.folded:
            return 0
        return self.thread.descendant_count(comment_id)

    def set_folded(self, comment_id: str, folded: bool) -> bool:
        """Fold or unfold one comment. Returns whether anything changed."""
        comment = self.thread.get(comment_id)
        if comment is None or not comment.children or (comment_id in self.folded) == folded:
            return False
        (self.folded.add if folded else self.folded.discard)(comment_id)
        self.refresh()
        return True

    def fold_all(self) -> None:
        """Fold every top-level comment: the thread shows top level only."""
        self.folded = {c.id for c in self.thread.comments if c.children}
        self.refresh()

    def unfold_all(self) -> None:
        """Show every comment."""
        self.folded.clear()
        self.refresh()

    def fold_one_level(self) -> bool:
        """Hide the deepest visible level. Returns whether anything changed."""
        deepest = max(self.depths, default=0)
        if deepest == 0:
            return False
        for comment, depth in zip(self.comments, self.depths, strict=True):
            if depth == deepest - 1 and comment.children:
                self.folded.add(comment.id)
        self.refresh()
        return True

    def unfold_one_level(self) -> bool:
        """Open the shallowest folded level that is visible. Returns whether anything changed."""
        folded_depths = [
            d for c, d in zip(self.comments, self.depths, strict=True) if c.id in self.folded
        ]
        if not folded_depths:
            return False
        shallowest = min(folded_depths)
        for comment, depth in zip(self.comments, self.depths, strict=True):
            if depth == shallowest:
                self.folded.discard(comment.id)
        self.refresh()
        return True

    def reveal(self, comment_id: str) -> bool:
        """Unfold every ancestor of a comment so it becomes visible."""
        changed = False
        for ancestor in self.thread.ancestors(comment_id):
            if ancestor.id in self.folded:
                self.folded.discard(ancestor.id)
                changed = True
        if changed:
            self.refresh()
        return changed

    # -- moves (each returns a visible position) --------------------------------------
    def next_sibling(self, position: int) -> int:
        """The next comment with the same parent, or `position` if there is none."""
        depth = self.depths[position]
        for i in range(position + 1, len(self.comments)):
            if self.depths[i] < depth:
                break
            if self.depths[i] == depth:
                return i
        return position

    def previous_sibling(self, position: int) -> int:
        """The previous comment with the same parent, or `position` if there is none."""
        depth = self.depths[position]
        for i in range(position - 1, -1, -1):
            if self.depths[i] < depth:
                break
            if self.depths[i] == depth:
                return i
        return position

    def parent(self, position: int) -> int:
        """The visible parent, or `position` for a top-level comment."""
        depth = self.depths[position]
        for i in range(position - 1, -1, -1):
            if self.depths[i] < depth:
                return i
        return position

    def next_top_level(self, position: int) -> int:
        """The next top-level comment after `position`'s own, or `position`."""
        index = bisect_right(self._top_level_positions, position)
        return (
            self._top_level_positions[index] if index < len(self._top_level_positions) else position
        )

    def previous_top_level(self, position: int) -> int:
        """The top-level comment above (the current one's root first if deeper)."""
        index = bisect_right(self._top_level_positions, position) - 1
        if index >= 0 and self._top_level_positions[index] == position:
            index -= 1
        return self._top_level_positions[index] if index >= 0 else position
