"""Reader mode's text: one Line-API widget over an article's wrapped lines.

Only the lines on screen are turned into strips (cached per line, width and highlight);
a new width re-wraps once and keeps the block at the top of the screen there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from threads.article import Article
from threads.article_layout import PASSAGE, ArticleLayout
from threads.comment_lines import Line
from threads.highlight import highlight_line
from tui.widgets.comment_styles import style_for

if TYPE_CHECKING:
    from threads.article_quotes import ArticlePassage  # rapidfuzz: off the start-up path

PLAIN = Style()
MAX_TEXT_WIDTH = 100
"""Reading is easier on lines no longer than this, however wide the terminal."""
PASSAGE_MARK = "▌"
"""Gutter glyph beside the lines of the highlighted passage (visible without colour)."""


def _key(keys: str, action: str, description: str, binding_id: str) -> Binding:
    return Binding(keys, action, description, show=False, id=binding_id)


def _text_width(width: int) -> int:
    """Wrapping width for a view `width` cells wide (the gutter takes two)."""
    return min(MAX_TEXT_WIDTH, max(10, width - 2))


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article: title, byline · date · site, address, then the body."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _key("j,down", "scroll_lines(1)", "Down", "reader_down"),
        _key("k,up", "scroll_lines(-1)", "Up", "reader_up"),
        _key("ctrl+d,pagedown,space", "page(1)", "Page down", "reader_page_down"),
        _key("ctrl+u,pageup", "page(-1)", "Page up", "reader_page_up"),
        _key("g,home", "top", "Top", "reader_top"),
        _key("G,end", "bottom", "Bottom", "reader_bottom"),
    ]

    def __init__(self, article: Article, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.article = article
        self._layout: ArticleLayout | None = None
        self._strips: dict[tuple[int, int], Strip] = {}
        self.highlight: frozenset[str] = frozenset()
        self.passage: ArticlePassage | None = None
        self._wanted_block: int | None = None  # to show once laid out

    # -- layout ------------------------------------------------------------------------
    @property
    def page_layout(self) -> ArticleLayout:
        """The lines at the current width (a provisional 80 columns before the first resize)."""
        if self._layout is None:
            self._layout = self._lay_out(80)
        return self._layout

    def _lay_out(self, width: int) -> ArticleLayout:
        layout = ArticleLayout(self.article, _text_width(width))
        if self.passage is not None:
            layout.mark_passage(self.passage.block, self.passage.start, self.passage.end)
        return layout

    @property
    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(self.scrollable_content_region.width or event.size.width)

    def _fit(self, width: int) -> None:
        """Re-wrap for a new width (the block at the top stays there)."""
        old = self._layout
        if old is None or old.width != _text_width(width):
            top_block = old.block_at(int(self.scroll_y)) if old is not None else None
            self._layout = self._lay_out(width)
            self._strips.clear()
            if top_block is not None and int(self.scroll_y) > 0 and self._wanted_block is None:
                self._wanted_block = top_block
        self.virtual_size = Size(width, len(self.page_layout))
        if self._wanted_block is not None:
            self.show_block(self._wanted_block)
        self.refresh()

    # -- drawing -----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._layout is None or self._layout.width != _text_width(width):
            self._fit(width)  # a scrollbar appeared or went: no resize event for that
        number = y + int(self.scroll_y)
        strip = self._strips.get((number, width))
        if strip is None:
            strip = self._strip(number, width)
            self._strips[(number, width)] = strip
        return strip

    def _strip(self, number: int, width: int) -> Strip:
        lines = self.page_layout.lines
        if number >= len(lines):
            return Strip.blank(width, PLAIN)
        line: Line = highlight_line(lines[number], self.highlight)
        marked = any(PASSAGE in key for _, key in line)
        gutter = Segment(PASSAGE_MARK if marked else " ", style_for(("passage-mark",)))
        segments = [gutter, Segment(" ", PLAIN)]
        segments.extend(Segment(text, style_for(key)) for text, key in line)
        used = sum(segment.cell_length for segment in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), PLAIN))
            return Strip(segments, width)
        return Strip(segments).crop(0, width)

    def set_highlight(self, words: frozenset[str]) -> None:
        """Mark these (normalised) words wherever they appear."""
        if words != self.highlight:
            self.highlight = words
            self._strips.clear()
            self.refresh()

    def set_passage(self, passage: ArticlePassage | None) -> None:
        """Highlight a quoted passage and show it."""
        self.passage = passage
        if self._layout is not None:
            self._layout = self._lay_out(self._layout.width + 2)
        self._strips.clear()
        if passage is not None:
            self.show_block(passage.block)
        self.refresh()

    # -- where the reader is -----------------------------------------------------------
    @property
    def lead(self) -> int:
        """Lines kept above a block shown by `show_block` (context before it)."""
        return min(3, self.page_height // 4)

    @property
    def focus_block(self) -> int | None:
        """The block on the reading line (where `show_block` puts a block's start)."""
        return self.page_layout.block_at(int(self.scroll_y) + self.lead)

    def show_block(self, block: int) -> None:
        """Scroll so `block` starts a few lines below the top (kept until laid out)."""
        if not self.scrollable_content_region.height:
            self._wanted_block = block  # not laid out yet: on the first resize
            return
        self._wanted_block = None
        line = self._first_line(block)
        if line is not None:
            self.virtual_size = Size(self.virtual_size.width, len(self.page_layout))
            self.scroll_to_line(line - self.lead)

    def _first_line(self, block: int) -> int | None:
        """Where `block` starts, or where the highlighted passage starts inside it."""
        layout = self.page_layout
        if not 0 <= block < len(layout.block_rows):
            return None
        first, last = layout.block_rows[block]
        if self.passage is not None and self.passage.block == block:
            for number in range(first, last + 1):
                if any(PASSAGE in key for _, key in layout.lines[number]):
                    return number
        return first

    def scroll_to_line(self, line: int) -> None:
        self.scroll_y = max(0, min(line, max(0, len(self.page_layout) - self.page_height)))

    # -- actions -----------------------------------------------------------------------
    def action_scroll_lines(self, step: int) -> None:
        self.scroll_to_line(int(self.scroll_y) + step)

    def action_page(self, direction: int) -> None:
        self.scroll_to_line(int(self.scroll_y) + direction * max(1, self.page_height - 2))

    def action_top(self) -> None:
        self.scroll_to_line(0)

    def action_bottom(self) -> None:
        self.scroll_to_line(len(self.page_layout))
