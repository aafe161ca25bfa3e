"""How wide the comment text may get: `[reader] max_width` in the config.

Nobody reads 195-character lines: on a wide terminal the comment column stops at this
many cells and stays left-aligned (the thread's guides, the status bar and the cursor
stay where the eye expects them; the rest of the screen is left blank).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.reader_settings import DEFAULT_MAX_WIDTH, MIN_MAX_WIDTH, reader_setting

if TYPE_CHECKING:
    from tui.config import Config

__all__ = ["DEFAULT_MAX_WIDTH", "MIN_MAX_WIDTH", "capped_width", "reader_max_width"]


def reader_max_width(config: Config) -> int:
    """The configured column width (0 = no cap); the default for a bad value (reported
    when the config was read: tui/reader_settings.py)."""
    value = reader_setting(config.raw, "max_width")
    return DEFAULT_MAX_WIDTH if value is None else value


def capped_width(width: int, max_width: int) -> int:
    """The width the comments are laid out at on a screen `width` cells wide."""
    return min(width, max_width) if max_width > 0 else width
