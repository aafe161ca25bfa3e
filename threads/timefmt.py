"""Time formatting shared by dumps and the UI."""

from __future__ import annotations

from datetime import UTC, datetime


def iso_utc(moment: datetime | None) -> str | None:
    """`2024-05-25T09:06:40Z`, or `None` when unknown."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def relative_age(moment: datetime | None, now: datetime) -> str:
    """A short age as on the sites: `now`, `5m`, `3h`, `2d`, `4mo`, `2y` (`?` if unknown)."""
    if moment is None:
        return "?"
    seconds = int((now - moment).total_seconds())
    if seconds < 60:
        return "now"
    for unit, size in (
        ("y", 365 * 86400),
        ("mo", 30 * 86400),
        ("d", 86400),
        ("h", 3600),
        ("m", 60),
    ):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return "now"
