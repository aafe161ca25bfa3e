"""Drawing the comment view's rows: strips built from pieces, cached, with the cursor
gutter, depth guides, theme marks, search highlights and jump targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from threads.comment_lines import Line
from threads.highlight import highlight_line
from threads.model import Comment, Thread
from threads.row_layout import INDENT, RowLayout
from tui.widgets.comment_bindings import CommentViewActions
from tui.widgets.comment_header import comment_header, stub_header
from tui.widgets.comment_styles import guide_style, style_for, theme_colour

if TYPE_CHECKING:
    from datetime import datetime

    from threads.themes import ThemeView

PLAIN = Style()


class CommentDrawing(CommentViewActions, inherit_bindings=False):
    """`render_line` and its helpers; `CommentView` adds layout, cursor and jumps."""

    thread: Thread
    _rows: RowLayout | None
    _strips: LRUCache[tuple[object, ...], Strip]
    _highlight: frozenset[str]
    _target: tuple[str, int, int] | None
    _themes: ThemeView | None
    _now: Callable[[], datetime]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        rows = self._rows
        row = y + int(self.scroll_y)
        if rows is None or row >= rows.total_rows:
            return Strip.blank(width, PLAIN)
        position, line_index = rows.locate(row)
        if position < 0:
            key: tuple[object, ...] = ("preamble", line_index, width)
            return self._cached(
                key, lambda: self._strip(rows.preamble[line_index], 0, width, False)
            )
        comment = self.folds.comment_at(position)
        selected = position == self.cursor
        hidden = self.folds.hidden_count(comment.id) if line_index == 0 else 0
        target = self._target
        marked = (
            target is not None and target[0] == comment.id and target[1] <= line_index <= target[2]
        )
        # Everything that changes how the row looks is in the key, so no change of state
        # can show a stale row (the cache is also cleared when themes change).
        stub = self.folds.stub_theme(comment.id)
        key = (comment.id, line_index, selected, hidden, width, self._highlight, marked, stub)

        return self._cached(
            key, lambda: self._comment_strip(position, line_index, selected, width, marked)
        )

    def _cached(self, key: tuple[object, ...], make: Callable[[], Strip]) -> Strip:
        strip = self._strips.get(key)
        if strip is None:
            strip = make()
            self._strips[key] = strip
        return strip

    def _comment_strip(
        self, position: int, line_index: int, selected: bool, width: int, marked: bool = False
    ) -> Strip:
        rows = self.layout_rows
        comment, depth = self.folds.comment_at(position), self.folds.depth_at(position)
        levels = rows.shown_levels(depth)
        tags = self._tags(comment)
        stub = self.folds.stub_theme(comment.id)
        if stub is not None and line_index == 0:
            line = stub_header(stub, self._theme_colour(stub), self.folds.hidden_count(comment.id))
        elif line_index == 0:
            line = comment_header(
                comment,
                op=self.thread.author,
                now=self._now(),
                hidden=self.folds.hidden_count(comment.id),
                depth=depth,
                shown_levels=levels,
                tags=tags,
            )
        else:
            body = rows.body(comment, depth)
            line = body[line_index - 1] if line_index - 1 < len(body) else []
            line = highlight_line(line, self._highlight)
            if marked:  # the footnote or quoted passage a jump landed on
                line = [(text, (*key, "target")) for text, key in line] or [(" ", ("target",))]

        gap = line_index >= rows.height(position) - 1
        mark = tags[0][1] if tags and not gap else None
        return self._strip(line, levels, width, selected, gap=gap, mark=mark)

    def _tags(self, comment: Comment) -> tuple[tuple[str, str], ...]:
        """(name, colour) of the highlighting themes matching a comment."""
        if self._themes is None:
            return ()
        order = self.thread.tree.position[comment.id]
        return tuple((t.name, t.color) for t in self._themes.tags(order) if t.mode == "highlight")

    def _theme_colour(self, name: str) -> str:
        themes = self._themes.themes if self._themes is not None else []
        return next((t.color for t in themes if t.name == name), "magenta")

    def _strip(
        self,
        line: Line,
        levels: int,
        width: int,
        selected: bool,
        *,
        gap: bool = False,
        mark: str | None = None,
    ) -> Strip:
        # The gutter: the cursor, or a highlighting theme's colour. Every segment carries a
        # Style (never None): Textual's NO_COLOR filter needs one.
        if selected and not gap:
            segments = [Segment("▌", style_for(("cursor",)))]
        elif mark is not None:
            segments = [Segment("▎", theme_colour(mark))]
        else:
            segments = [Segment(" ", PLAIN)]
        segments.extend(
            Segment("│" + " " * (INDENT - 1), guide_style(level)) for level in range(levels)
        )
        segments.append(Segment(" ", PLAIN))
        segments.extend(Segment(text, style_for(key)) for text, key in line)
        used = sum(segment.cell_length for segment in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), PLAIN))
            return Strip(segments, width)
        return Strip(segments).crop(0, width)
