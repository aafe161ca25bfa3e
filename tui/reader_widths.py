"""Width thresholds from the config's `[reader]` table (what stands beside the thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.reader_settings import LIST_BESIDE, OUTLINE_BESIDE, reader_setting

__all__ = ["LIST_BESIDE", "OUTLINE_BESIDE", "ReaderWidths", "app_widths", "reader_widths"]


@dataclass(frozen=True)
class ReaderWidths:
    """From how many columns the outline, and the front page list, stand beside the thread."""

    outline_beside: int = OUTLINE_BESIDE
    list_beside: int = LIST_BESIDE


def reader_widths(raw: dict[str, Any] | None) -> ReaderWidths:
    """`[reader] outline_beside = 160`, `list_beside = 180`; a bad value keeps the default
    (it was reported when the config was read: tui/reader_settings.py)."""
    return ReaderWidths(
        outline_beside=reader_setting(raw, "outline_beside") or OUTLINE_BESIDE,
        list_beside=reader_setting(raw, "list_beside") or LIST_BESIDE,
    )


def app_widths(app: object) -> ReaderWidths:
    """The widths from the app's config (defaults when it has none)."""
    config = getattr(app, "config", None)
    return reader_widths(getattr(config, "raw", None))
