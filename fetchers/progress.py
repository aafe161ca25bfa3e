"""Progress reporting shared by fetchers (no network imports: the UI loads it at start)."""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int | None], None]
"""Called with (items loaded, items expected or None) while a slow fetch runs."""
