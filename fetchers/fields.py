"""Reading fields of untrusted JSON: wrong types and missing keys become `None`/empty.

Every string that comes out of here has been through `clean_text`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from threads.sanitize import clean_text


def text(value: Any) -> str | None:
    """A sanitised string, or `None` for anything else (empty strings stay empty)."""
    return clean_text(value) if isinstance(value, str) else None


def integer(value: Any) -> int | None:
    """An int (not a bool), or `None`."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def identifier(value: Any) -> str | None:
    """An id given as a number or a string, as a non-empty sanitised string."""
    if isinstance(value, int | str) and not isinstance(value, bool):
        cleaned = clean_text(str(value)).strip()
        return cleaned or None
    return None


def mapping(value: Any) -> dict[str, Any]:
    """The value if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def items(value: Any) -> list[dict[str, Any]]:
    """The objects of a JSON array (anything else in it is dropped)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def iso_time(value: Any) -> datetime | None:
    """An ISO 8601 time (`Z` or an offset; naive means UTC) as UTC, or `None`."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
