"""How wide the comment text may get: `[reader] max_width` in the config.

Nobody reads 195-character lines: on a wide terminal the comment column stops at this
many cells and stays left-aligned (the thread's guides, the status bar and the cursor
stay where the eye expects them; the rest of the screen is left blank).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.config import Config

DEFAULT_MAX_WIDTH = 100
MIN_MAX_WIDTH = 40  # narrower than this, nested replies would have no room for words


def reader_max_width(config: Config) -> tuple[int, str | None]:
    """The configured column width (0 = no cap), and a problem sentence for a bad value."""
    table: Any = config.raw.get("reader")
    value = table.get("max_width") if isinstance(table, dict) else None
    if value is None:
        return DEFAULT_MAX_WIDTH, None
    if isinstance(value, bool) or not isinstance(value, int) or (0 < value < MIN_MAX_WIDTH):
        return DEFAULT_MAX_WIDTH, (
            f"{config.path}: [reader] max_width must be a whole number of columns, "
            f"{MIN_MAX_WIDTH} or more (0 for no limit); using {DEFAULT_MAX_WIDTH}."
        )
    return max(0, value), None


def capped_width(width: int, max_width: int) -> int:
    """The width the comments are laid out at on a screen `width` cells wide."""
    return min(width, max_width) if max_width > 0 else width
