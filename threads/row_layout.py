"""Screen rows of a folded thread at one width: which comment and line each row shows.

Each visible comment takes a header row, its wrapped body and one blank row. Bodies are
wrapped lazily: a comment's height is estimated until it is first drawn (or refined in
the background), so the first frame of a 10,000-comment thread does not wait for
10,000 wraps. Heights are cached per comment for the current width, so folding only
re-sums them.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from threads.blocks import Body
from threads.comment_lines import Line, body_lines
from threads.folding import FoldedView
from threads.model import Comment
from threads.wrap import text_width

GUTTER = 1  # the cursor column
INDENT = 2  # cells per depth level (a guide bar and a space)
MIN_TEXT_WIDTH = 40  # indentation stops growing once text would get narrower than this
GAP = 1  # blank rows after each comment


class RowLayout:
    """Maps rows to (visible position, line) and back for a `FoldedView` at one width."""

    def __init__(self, view: FoldedView, width: int, preamble: list[Line] | None = None) -> None:
        self.view = view
        self.width = max(width, GUTTER + 1)
        self.preamble: list[Line] = preamble or []
        """Rows above the first comment (the story header)."""
        self._bodies: dict[str, list[Line]] = {}
        self._heights: dict[str, int] = {}
        self._exact: set[str] = set()
        self.starts: list[int] = []
        """First row of each visible comment."""
        self.total_rows = 0
        self._refine_from = 0
        self.rebuild()

    # -- geometry -------------------------------------------------------------------
    @property
    def max_levels(self) -> int:
        """How many depth levels get their own indentation at this width."""
        return max(0, (self.width - GUTTER - MIN_TEXT_WIDTH) // INDENT)

    def shown_levels(self, depth: int) -> int:
        """Guide bars drawn for a comment at `depth` (capped: the indentation plateau)."""
        return min(depth, self.max_levels)

    def text_width(self, depth: int) -> int:
        """Cells available for a comment's text at `depth`."""
        return max(1, self.width - GUTTER - INDENT * self.shown_levels(depth) - 1)

    # -- heights ----------------------------------------------------------------------
    def body(self, comment: Comment, depth: int) -> list[Line]:
        """The wrapped body of a comment (computed once per width)."""
        lines = self._bodies.get(comment.id)
        if lines is None:
            lines = [] if comment.deleted else body_lines(comment.body, self.text_width(depth))
            self._bodies[comment.id] = lines
            self._heights[comment.id] = 1 + len(lines) + GAP
            self._exact.add(comment.id)
        return lines

    def _estimate(self, body: Body, width: int) -> int:
        rows = max(0, len(body) - 1)
        for block in body:
            if block.kind == "code":
                rows += block.text.count("\n") + 1
            else:
                rows += -(-text_width(block.text) * 11 // (width * 10))  # ceil, ~10 % slack
        return rows

    def _height(self, comment: Comment, depth: int) -> int:
        height = self._heights.get(comment.id)
        if height is None:
            body_rows = (
                0 if comment.deleted else self._estimate(comment.body, self.text_width(depth))
            )
            height = self._heights[comment.id] = 1 + body_rows + GAP
        return height

    def rebuild(self) -> None:
        """Re-sum row positions after the fold state (or the preamble) changed."""
        view = self.view
        heights = [self._height(c, d) for c, d in zip(view.comments, view.depths, strict=True)]
        self.starts = list(accumulate(heights, initial=len(self.preamble)))
        self.total_rows = self.starts.pop()
        self._refine_from = 0

    def height(self, position: int) -> int:
        """Rows the visible comment at `position` takes."""
        end = self.starts[position + 1] if position + 1 < len(self.starts) else self.total_rows
        return end - self.starts[position]

    def make_exact(self, first: int, last: int) -> bool:
        """Wrap comments `first..last` exactly. Returns whether any row moved."""
        view = self.view
        changed = False
        for position in range(max(0, first), min(last, len(view.comments) - 1) + 1):
            comment = view.comments[position]
            if comment.id in self._exact:
                continue
            estimate = self._height(comment, view.depths[position])
            self.body(comment, view.depths[position])
            changed |= self._heights[comment.id] != estimate
        if changed:
            self.rebuild()
        return changed

    def refine(self, budget: int = 400) -> tuple[bool, bool]:
        """Wrap up to `budget` more comments exactly, in display order.

        Returns (something changed, everything is exact now).
        """
        view = self.view
        start = self._refine_from
        end = min(len(view.comments), start + budget)
        changed = self.make_exact(start, end - 1)  # may rebuild, which resets the pointer
        self._refine_from = end
        return changed, end >= len(view.comments)

    # -- lookups ----------------------------------------------------------------------
    def locate(self, row: int) -> tuple[int, int]:
        """(visible position, line within that comment) for a row; position -1 = preamble."""
        if row < len(self.preamble) or not self.starts:
            return -1, row
        position = bisect_right(self.starts, row) - 1
        return position, row - self.starts[position]
