"""Reading the rate-limit headers sites send, as seconds to wait.

`Retry-After` is seconds or an HTTP date (RFC 9110). The `RateLimit-Reset` family differs
by site: Lobsters (rack-attack) and the IETF draft send seconds, some servers a Unix time,
Mastodon (`X-RateLimit-Reset`) an ISO 8601 time.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime

_RESET_HEADERS = ("RateLimit-Reset", "X-RateLimit-Reset")
_REMAINING_HEADERS = ("RateLimit-Remaining", "X-RateLimit-Remaining")
_EPOCH_THRESHOLD = 1_000_000_000  # larger numbers are Unix times, smaller ones durations


def _seconds_until(value: str, now: float) -> float | None:
    """A header value as seconds from now: a number, an HTTP date or an ISO 8601 time."""
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None:
        return max(number - now if number >= _EPOCH_THRESHOLD else number, 0.0)
    for parse in (parsedate_to_datetime, _iso_time):
        try:
            when = parse(text)
        except (TypeError, ValueError, IndexError):
            continue
        if when is not None and when.tzinfo is not None:
            return max(when.timestamp() - now, 0.0)
    return None


def _iso_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """How long a refused (429/503) request asks us to wait, if it says."""
    current = time.time() if now is None else now
    for name in ("Retry-After", *_RESET_HEADERS):
        value = headers.get(name)
        if value is not None:
            seconds = _seconds_until(value, current)
            if seconds is not None:
                return seconds
    return None


def quota_exhausted_wait(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds until the window resets when a successful reply says none are left."""
    for name in _REMAINING_HEADERS:
        remaining = headers.get(name)
        if remaining is not None and remaining.strip() in ("0", "0.0"):
            current = time.time() if now is None else now
            for reset in _RESET_HEADERS:
                value = headers.get(reset)
                if value is not None:
                    return _seconds_until(value, current)
    return None
