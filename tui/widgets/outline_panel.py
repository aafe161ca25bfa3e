"""The outline panel (`i`): one line per top-level comment, drawn with the Line API.

Only the rows on screen are built, so 5,000 top-level comments open as fast as 5.
The panel keeps its own cursor; `enter` asks the screen to jump, `escape` to close.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from threads.model import Comment
from threads.outline import NewUnder, Outline
from tui.widgets.comment_styles import style_for

PLAIN = Style()
CURSOR = Style(reverse=True, bold=True)  # visible in 16 colours and under NO_COLOR


class OutlinePanel(ScrollView, can_focus=True, inherit_bindings=False):
    """The top-level comments, one row each; the cursor row is reversed and marked `▶`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next", show=False),
        Binding("k,up", "move(-1)", "Previous", show=False),
        Binding("ctrl+d,pagedown", "page(1)", "Page down", show=False),
        Binding("ctrl+u,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("enter", "choose", "Jump", show=True),
        Binding("escape", "close", "Close outline", show=True),
    ]
    DEFAULT_CSS = """
    OutlinePanel { height: 1fr; width: 1fr; background: $panel; scrollbar-size-vertical: 1; }
    """

    @dataclass
    class Chosen(Message):
        """The reader chose a top-level comment: jump there."""

        comment_id: str

    @dataclass
    class Closed(Message):
        """The reader closed the outline."""

    def __init__(
        self,
        outline: Outline,
        *,
        new_under: NewUnder | None = None,
        tags: Callable[[Comment], Sequence[tuple[str, str]]] | None = None,
        id: str | None = None,  # noqa: A002 - Textual's parameter name
    ) -> None:
        super().__init__(id=id)
        self.outline = outline
        self.new_under = new_under
        self.tags = tags
        self.cursor = 0
        """The row under the panel's cursor."""

    def on_mount(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.outline))

    def show_outline(self, outline: Outline) -> None:
        """Show another outline (the thread was replaced), the cursor on its first row."""
        self.outline = outline
        self.cursor = 0
        self.virtual_size = Size(self.size.width, len(outline))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.outline))
        self.show_row(self.cursor)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = y + int(self.scroll_y)
        if row >= len(self.outline):
            return Strip.blank(width, PLAIN)
        selected = row == self.cursor
        line = self.outline.line(row, width - 2, new_under=self.new_under, tags=self.tags)
        segments = [Segment("▶ " if selected else "  ", CURSOR if selected else PLAIN)]
        for text, key in line:
            style = style_for(key)
            segments.append(Segment(text, style + CURSOR if selected else style))
        return Strip(segments).crop(0, width).extend_cell_length(width, PLAIN)

    # -- the cursor ----------------------------------------------------------------------
    def show_row(self, row: int) -> None:
        """Put the cursor on `row` (clamped) and scroll as little as possible to show it."""
        if not len(self.outline):
            return
        self.cursor = max(0, min(row, len(self.outline) - 1))
        height = self.scrollable_content_region.height
        if not height:  # not laid out yet: `on_resize` scrolls once the height is known
            self.refresh()
            return
        top = int(self.scroll_y)
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + height:
            top = self.cursor - height + 1
        self.scroll_to(y=top, animate=False, immediate=True)
        self.refresh()

    def follow(self, comment_id: str) -> None:
        """Follow the thread's cursor: mark the top-level comment it is under."""
        row = self.outline.row_of(comment_id)
        if row is not None and row != self.cursor:
            self.show_row(row)

    def action_move(self, step: int) -> None:
        self.show_row(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.show_row(self.cursor + direction * max(1, self.scrollable_content_region.height))

    def action_first(self) -> None:
        self.show_row(0)

    def action_last(self) -> None:
        self.show_row(len(self.outline) - 1)

    def action_choose(self) -> None:
        if len(self.outline):
            self.post_message(self.Chosen(self.outline.comments[self.cursor].id))

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def on_click(self, event: events.Click) -> None:
        self.show_row(event.y + int(self.scroll_y))
