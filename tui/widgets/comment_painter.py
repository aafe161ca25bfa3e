"""The comment view's painter: one screen row of the thread as a strip.

A plain helper (no Textual base class) that owns the strip cache and everything that
changes how a row looks besides the cursor: search highlights, a jump's target rows and
the themes' tags and stubs. Every such state is in the cache key, so no change of state
can show a stale row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from threads.comment_lines import Line
from threads.folding import FoldedView
from threads.highlight import highlight_line
from threads.model import Comment, Thread
from threads.row_layout import INDENT, RowLayout
from tui.widgets.body_dressing import dress_body_line
from tui.widgets.comment_header import collapsed_line, comment_header, stub_header
from tui.widgets.comment_styles import guide_style, style_for, theme_colour

if TYPE_CHECKING:
    from threads.themes import ThemeView  # rapidfuzz stays off the start-up path

PLAIN = Style()

JumpTarget = tuple[str, int, int]
"""A comment id and the first and last of its rows a jump landed on (highlighted)."""


class CommentPainter:
    """Builds and caches the strip for one row of a `RowLayout`."""

    def __init__(self, thread: Thread, folds: FoldedView, now: Callable[[], datetime]) -> None:
        self.thread = thread
        self.folds = folds
        self._now = now
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(4096)
        self.highlight: frozenset[str] = frozenset()
        """Normalised words marked wherever they appear in bodies (search hits)."""
        self.target: JumpTarget | None = None
        """The rows a jump landed on."""
        self.themes: ThemeView | None = None
        """The themes' verdicts: tags, gutter marks and stub colours."""
        self.new_ids: frozenset[str] = frozenset()
        """Comments new since the last visit (a `●` in the gutter and `● new` in the header)."""
        self.spoilers_shown: set[str] = set()
        """Comments whose spoilers the reader revealed (others are blocked out)."""

    def show_spoilers(self, comment_id: str) -> bool:
        """Reveal one comment's spoilers; returns whether anything changed."""
        if comment_id in self.spoilers_shown:
            return False
        self.spoilers_shown.add(comment_id)
        self.forget()
        return True

    def forget(self) -> None:
        """Drop every cached strip (the width, the fold state or the themes changed)."""
        self._strips.clear()

    def set_highlight(self, words: frozenset[str]) -> bool:
        """Mark these words; returns whether anything changed."""
        if words == self.highlight:
            return False
        self.highlight = words
        self.forget()
        return True

    def set_target(self, target: JumpTarget | None) -> bool:
        """Highlight a jump's rows (`None` clears); returns whether anything changed."""
        if target == self.target:
            return False
        self.target = target
        self.forget()
        return True

    def set_new(self, ids: frozenset[str]) -> bool:
        """Mark these comments new; returns whether anything changed."""
        if ids == self.new_ids:
            return False
        self.new_ids = ids
        self.forget()
        return True

    def set_themes(self, themes: ThemeView | None) -> None:
        self.themes = themes
        self.forget()

    # -- one row ---------------------------------------------------------------------
    def row(self, rows: RowLayout | None, row: int, width: int, cursor: int) -> Strip:
        """The strip for layout row `row`, `width` cells wide, the cursor on `cursor`
        (-1: on the story above the comments)."""
        if rows is None or row >= rows.total_rows:
            return Strip.blank(width, PLAIN)
        position, line_index = rows.locate(row)
        if position < 0:
            on_story = cursor < 0 and bool(rows.preamble[line_index])
            key: tuple[object, ...] = ("preamble", line_index, width, on_story)
            return self._cached(
                key, lambda: self._strip(rows.preamble[line_index], 0, width, on_story)
            )
        comment = self.folds.comment_at(position)
        selected = position == cursor
        hidden = self.folds.hidden_count(comment.id) if line_index == 0 else 0
        target = self.target
        marked = (
            target is not None and target[0] == comment.id and target[1] <= line_index <= target[2]
        )
        stub = self.folds.stub_theme(comment.id)
        new = comment.id in self.new_ids
        collapsed = line_index == 0 and self.folds.is_folded(comment.id)
        key = (
            comment.id,
            line_index,
            selected,
            hidden,
            width,
            self.highlight,
            marked,
            stub,
            collapsed,
            new,
        )
        return self._cached(
            key, lambda: self._comment_strip(rows, position, line_index, selected, width, marked)
        )

    def _cached(self, key: tuple[object, ...], make: Callable[[], Strip]) -> Strip:
        strip = self._strips.get(key)
        if strip is None:
            strip = make()
            self._strips[key] = strip
        return strip

    def _comment_strip(
        self,
        rows: RowLayout,
        position: int,
        line_index: int,
        selected: bool,
        width: int,
        marked: bool,
    ) -> Strip:
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
                new=comment.id in self.new_ids,
            )
            if self.folds.is_folded(comment.id):
                line = collapsed_line(line, comment, rows.text_width(depth))
        else:
            body = rows.body(comment, depth)
            line = body[line_index - 1] if line_index - 1 < len(body) else []
            line = highlight_line(line, self.highlight)
            line = dress_body_line(line, comment, comment.id in self.spoilers_shown)
            if marked:  # the footnote or quoted passage a jump landed on
                line = [(text, (*key, "target")) for text, key in line] or [(" ", ("target",))]

        gap = line_index >= rows.height(position) - 1 and not self.folds.is_folded(comment.id)
        mark = tags[0][1] if tags and not gap else None
        new = line_index == 0 and comment.id in self.new_ids
        return self._strip(line, levels, width, selected, gap=gap, mark=mark, new=new)

    def tags_of(self, comment: Comment) -> tuple[tuple[str, str], ...]:
        """(name, colour) of the highlighting themes matching a comment (the outline's tags)."""
        return self._tags(comment)

    def _tags(self, comment: Comment) -> tuple[tuple[str, str], ...]:
        """(name, colour) of the highlighting themes matching a comment."""
        if self.themes is None:
            return ()
        order = self.thread.tree.position[comment.id]
        return tuple((t.name, t.color) for t in self.themes.tags(order) if t.mode == "highlight")

    def _theme_colour(self, name: str) -> str:
        themes = self.themes.themes if self.themes is not None else []
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
        new: bool = False,
    ) -> Strip:
        # The gutter: the cursor, or a highlighting theme's colour. Every segment carries a
        # Style (never None): Textual's NO_COLOR filter needs one.
        if selected and not gap:
            segments = [Segment("▌", style_for(("cursor",)))]
        elif new:
            segments = [Segment("●", style_for(("new",)))]
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
