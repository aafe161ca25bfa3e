"""Width thresholds from the config's `[reader]` table (what stands beside the thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OUTLINE_BESIDE = 160
LIST_BESIDE = 180


@dataclass(frozen=True)
class ReaderWidths:
    """From how many columns the outline, and the front page list, stand beside the thread."""

    outline_beside: int = OUTLINE_BESIDE
    list_beside: int = LIST_BESIDE


def reader_widths(raw: dict[str, Any] | None) -> tuple[ReaderWidths, list[str]]:
    """`[reader] outline_beside = 160`, `list_beside = 180`; a bad value keeps the default
    (listed in problems)."""
    table = (raw or {}).get("reader", {})
    problems: list[str] = []
    if not isinstance(table, dict):
        return ReaderWidths(), ["[reader] must be a table; using the default widths."]
    values: dict[str, int] = {}
    for name in ("outline_beside", "list_beside"):
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
