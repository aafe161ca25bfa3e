"""Screen rows of a folded thread at one width: which comment and line each row shows.

Each visible comment takes a header row, its wrapped body and one blank row. Bodies are
wrapped lazily: a comment's height is estimated until it is first drawn (or refined in
the background), so the first frame of a 10,000-comment thread does not wait for
10,000 wraps. Heights are cached per comment for the current width; folding one subtree
splices the height list and re-sums only the rows after it.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable
from itertools import accumulate

from threads.blocks import Body
from threads.comment_lines import Line, block_line_ranges, body_lines
from threads.folding import FoldedView, Splice
from threads.model import Comment

GUTTER = 1  # the cursor column
INDENT = 2  # cells per depth level (a guide bar and a space)
MIN_TEXT_WIDTH = 40  # indentation stops growing once text would get narrower than this
GAP = 1  # blank rows after each comment
REFINE_SECONDS = 0.02  # one background refine step; keys wait at most about this long
REFINE_CHUNK = 20  # comments wrapped between two looks at the clock
BODY_CACHE_SIZE = 1500  # wrapped bodies kept; more would cost memory on huge threads


def is_placeholder(comment: Comment) -> bool:
    """Deleted and dead comments show as one header line (their replies stay)."""
    return comment.deleted or comment.dead


def estimate_body_rows(body: Body, width: int) -> int:
    """Rows a body will take, without wrapping it (~10 % slack for word breaks)."""
    rows = max(0, len(body) - 1)
    slack_width = width * 10
    for block in body:
        rows += block.lines if block.preformatted else -(-block.length * 11 // slack_width)
    return rows


def estimate_comment_rows(comment: Comment, width: int) -> int:
    """`estimate_body_rows` without parsing a body that has not been read yet."""
    pending = comment.pending_body
    if pending is None:
        return estimate_body_rows(comment.body, width)
    paragraphs, characters, code_lines = pending.estimate()
    per_paragraph = -(-characters * 11 // (paragraphs * width * 10))
    return paragraphs - 1 + code_lines + paragraphs * per_paragraph


class RowLayout:
    """Maps rows to (visible position, line) and back for a `FoldedView` at one width."""

    def __init__(self, view: FoldedView, width: int, preamble: list[Line] | None = None) -> None:
        self.view = view
        self.width = max(width, GUTTER + 2)
        self._max_levels = max(0, (self.width - GUTTER - 1 - MIN_TEXT_WIDTH) // INDENT)
        self.preamble: list[Line] = preamble or []
        """Rows above the first comment (the story header)."""
        # Wrapped bodies are kept for recently drawn comments only; exact heights for all.
        self._bodies: OrderedDict[str, list[Line]] = OrderedDict()
        self._exact: set[str] = set()
        self._height_of: dict[str, int] = {}  # exact or estimated, by comment id
        self.heights: list[int] = []
        """Rows of each visible comment."""
        self.starts: list[int] = []
        """First row of each visible comment."""
        self.total_rows = 0
        self._refine_from = 0
        self.rebuild()

    # -- geometry -------------------------------------------------------------------
    @property
    def max_levels(self) -> int:
        """How many depth levels get their own indentation at this width."""
        return self._max_levels

    def shown_levels(self, depth: int) -> int:
        """Guide bars drawn for a comment at `depth` (capped: the indentation plateau)."""
        return min(depth, self._max_levels)

    def text_width(self, depth: int) -> int:
        """Cells available for a comment's text at `depth`."""
        levels = min(depth, self._max_levels)
        return max(1, self.width - GUTTER - 1 - INDENT * levels)

    # -- heights ----------------------------------------------------------------------
    def body(self, comment: Comment, depth: int) -> list[Line]:
        """The wrapped body of a comment (computed once per width); none for a theme stub."""
        if self.view.stub_theme(comment.id) is not None:
            return []  # a theme stub: one line, drawn by the UI
        lines = self._bodies.get(comment.id)
        if lines is not None:
            self._bodies.move_to_end(comment.id)
            return lines

        lines = self._wrap(comment, depth, highlight=True)
        self._bodies[comment.id] = lines
        if len(self._bodies) > BODY_CACHE_SIZE:
            self._bodies.popitem(last=False)
        return lines

    def _measure(self, comment: Comment, depth: int) -> None:
        """The comment's exact height, its lines not kept (they are not on screen)."""
        self._wrap(comment, depth, highlight=False)

    def _wrap(self, comment: Comment, depth: int, *, highlight: bool) -> list[Line]:
        """The comment's body lines at its depth; its exact height is noted."""
        shut = is_placeholder(comment) or self.view.body_shut(comment.id)
        width = self.text_width(depth)
        lines = [] if shut else body_lines(comment.body, width, highlight=highlight)
        self._height_of[comment.id] = 1 + len(lines) + GAP
        self._exact.add(comment.id)
        return lines

    def block_rows(self, comment: Comment, depth: int, block: int) -> tuple[int, int]:
        """(first, last) row offsets of a body block within the comment (0 = header)."""
        if is_placeholder(comment) or not 0 <= block < len(comment.body):
            return (0, 0)
        first, last = block_line_ranges(comment.body, self.text_width(depth))[block]
        return (first + 1, last + 1)

    def _height_function(self) -> Callable[[Comment, int], int]:
        """`height(comment, depth)`: the rows a comment takes, exact if known, else
        estimated. Called for every visible comment of a rebuild (2,000 at a launch), so
        the lookups are bound once here rather than made as method calls per comment."""
        view = self.view
        hidden_by, revealed, folded, shut = view.hidden_by, view.revealed, view.folded, view.shut
        height_of = self._height_of
        max_levels = self._max_levels
        widths = [self.text_width(depth) for depth in range(max_levels + 1)]

        def height(comment: Comment, depth: int) -> int:
            comment_id = comment.id
            if comment_id in hidden_by and comment_id not in revealed:
                return 1 + GAP  # a theme stub (`FoldedView.stub_theme`)
            if comment_id in folded:
                return 1  # collapsed: its header and the start of its text, no gap
            known = height_of.get(comment_id)
            if known is not None:
                return known
            if is_placeholder(comment) or comment_id in shut:
                rows = 0
            else:
                rows = estimate_comment_rows(comment, widths[min(depth, max_levels)])
            height_of[comment_id] = 1 + rows + GAP
            return 1 + rows + GAP

        return height

    def _resum(self, position: int = 0) -> None:
        """Recompute `starts` from a visible position on (C-speed accumulate)."""
        if position > 0:
            first = self.starts[position - 1] + self.heights[position - 1]
        else:
            first = len(self.preamble)
        tail = list(accumulate(self.heights[position:], initial=first))
        self.total_rows = tail.pop()
        self.starts[position:] = tail

    def rebuild(self) -> None:
        """Recompute every visible height and row after a thread-wide fold change."""
        view, height = self.view, self._height_function()
        self.heights = [height(view.order[i], view.order_depths[i]) for i in view.visible]
        self.starts = []
        self._resum(0)
        self._refine_from = 0

    def apply(self, splice: Splice) -> None:
        """Follow a one-subtree fold: splice heights, re-sum rows from there on."""
        view, height = self.view, self._height_function()
        if splice.position > 0:  # the comment folded or opened changed height itself
            index = view.visible[splice.position - 1]
            self.heights[splice.position - 1] = height(view.order[index], view.order_depths[index])
        added = [
            height(view.order[i], view.order_depths[i])
            for i in view.visible[splice.position : splice.position + splice.inserted]
        ]
        self.heights[splice.position : splice.position + splice.removed] = added
        first = max(0, splice.position - 1)
        del self.starts[first:]
        self._resum(first)
        self._refine_from = min(self._refine_from, first)

    def forget(self, comment_id: str) -> None:
        """Drop a comment's wrapped body and height (its body was shut or opened)."""
        self._bodies.pop(comment_id, None)
        self._height_of.pop(comment_id, None)
        self._exact.discard(comment_id)

    def height(self, position: int) -> int:
        """Rows the visible comment at `position` takes."""
        return self.heights[position]

    def make_exact(self, first: int, last: int, *, drawn: bool = True) -> bool:
        """Wrap visible comments `first..last` exactly. Returns whether any row moved.

        `drawn=False` (refining rows off screen): only the heights are kept, and code is
        not highlighted to count its lines.
        """
        view = self.view
        changed_from: int | None = None
        for position in range(max(0, first), min(last, len(view) - 1) + 1):
            comment = view.comment_at(position)
            if (
                comment.id in self._exact
                or comment.id in view.folded
                or view.stub_theme(comment.id) is not None
            ):
                continue

            if drawn:
                self.body(comment, view.depth_at(position))
            else:
                self._measure(comment, view.depth_at(position))
            exact = self._height_of[comment.id]
            if exact != self.heights[position]:
                self.heights[position] = exact
                changed_from = position if changed_from is None else changed_from
        if changed_from is not None:
            self._resum(changed_from)
        return changed_from is not None

    def refine(self, budget: int = 300, seconds: float = REFINE_SECONDS) -> tuple[bool, bool]:
        """Wrap up to `budget` more comments exactly, in display order, stopping early
        after `seconds` (bodies are parsed on first use, so a step's cost varies; a key
        pressed meanwhile waits for the step).

        Returns (something moved, everything is exact now).
        """
        start = self._refine_from
        end = min(len(self.view), start + budget)
        deadline = time.perf_counter() + seconds
        changed = False
        position = start
        while position < end:
            chunk_end = min(end, position + REFINE_CHUNK)
            changed = self.make_exact(position, chunk_end - 1, drawn=False) or changed
            position = chunk_end
            if time.perf_counter() > deadline:
                break
        self._refine_from = position
        return changed, position >= len(self.view)

    # -- lookups ----------------------------------------------------------------------
    def locate(self, row: int) -> tuple[int, int]:
        """(visible position, line within that comment) for a row; position -1 = preamble."""
        if row < len(self.preamble) or not self.starts:
            return -1, row
        position = bisect_right(self.starts, row) - 1
        return position, row - self.starts[position]
