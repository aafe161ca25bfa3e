"""Width thresholds from the config's `[reader]` table (outline beside, wide view)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OUTLINE_BESIDE = 160
WIDE_VIEW = 180


@dataclass(frozen=True)
class ReaderWidths:
    """From how many columns the outline stands beside the thread, and the front page
    list and a thread sit side by side."""

    outline_beside: int = OUTLINE_BESIDE
    wide_view: int = WIDE_VIEW


def reader_widths(raw: dict[str, Any] | None) -> tuple[ReaderWidths, list[str]]:
    """`[reader] outline_beside = 160`, `wide_view = 180`; bad values are reported and
    the defaults kept."""
    table = (raw or {}).get("reader", {})
    problems: list[str] = []
    if not isinstance(table, dict):
        return ReaderWidths(), ["[reader] must be a table; using the default widths."]
    values: dict[str, int] = {}
    for name in ("outline_beside", "wide_view"):
        value = table.get(name)
        if value is None:
            continue
        if isinstance(value, int) and not isinstance(value, bool) and 40 <= value <= 1000:
            values[name] = value
        else:
            problems.append(f"[reader] {name} must be a number of columns (40-1000).")
    return ReaderWidths(**values), problems


def app_widths(app: object) -> ReaderWidths:
    """The widths from the app's config (defaults when it has none)."""
    config = getattr(app, "config", None)
    return reader_widths(getattr(config, "raw", None))[0]
