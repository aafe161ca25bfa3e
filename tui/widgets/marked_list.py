"""An OptionList whose selected row stays visible without colour.

In 16 colours the highlight's background can match the rows around it, and under
NO_COLOR there is no background at all (and Textual's visual styles drop `reverse`).
There the list gets a one-cell margin and the selected row a `▶` in it, bold and
underlined: a glyph and attributes, never colour alone.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList

MARKER = "▶"


class MarkedOptionList(OptionList):
    """OptionList with a selection marker in 16 colours and under NO_COLOR."""

    SCOPED_CSS = False  # the rules start at `App:ansi` / `App:nocolor`
    DEFAULT_CSS = """
    App:ansi MarkedOptionList > .option-list--option-highlighted,
    App:ansi MarkedOptionList:focus > .option-list--option-highlighted,
    App:nocolor MarkedOptionList > .option-list--option-highlighted,
    App:nocolor MarkedOptionList:focus > .option-list--option-highlighted {
        color: ansi_default;
        background: ansi_default;
        text-style: bold underline;
    }
    """

    @property
    def marks_selection(self) -> bool:
        """Whether the selection needs the marker (16 colours, NO_COLOR)."""
        return self.app.native_ansi_color or self.app.no_color

    def _get_left_gutter_width(self) -> int:
        # Textual's hook for a gutter left of the options (SelectionList draws its boxes
        # there): the options are laid out one cell narrower and the marker goes in it.
        return 1 if self.marks_selection else 0

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not self.marks_selection:
            return strip
        option = next((s.style.meta.get("option") for s in strip if s.style and s.style.meta), None)
        if option is None:  # below the last option: a blank line of the full width
            return strip
        first = next(iter(strip), None)
        base = first.style if first is not None and first.style else Style()
        selected = option is not None and option == self.highlighted
        gutter = Segment(MARKER if selected else " ", base + Style(bold=True, underline=False))
        return Strip([gutter, *strip], strip.cell_length + 1)
