"""Keeping under Reddit's rate limit instead of running into it.

Reddit reports the budget on every answer: `X-Ratelimit-Remaining` (requests left in the
window) and `X-Ratelimit-Reset` (seconds until it refills). Before each request the pacer
waits out the window when nothing remains; a 429 is answered by waiting `Retry-After`
(or the reset). Requests go one at a time, as Reddit asks. The clock and the sleep are
injectable so tests need not wait.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]

DEFAULT_THROTTLE_WAIT = 60.0  # a 429 without Retry-After or reset: Reddit's window is 1 min
MAX_WAIT = 600.0  # Reddit's windows are 60-600 s; a longer ask is a broken header
WAIT_SLICE = 0.5  # how often a long wait looks whether it was asked to stop


class Stopped(Exception):
    """The caller asked the loading to stop while it was waiting."""


class RatePacer:
    """The rate budget Reddit last reported, and the waits it implies."""

    def __init__(self, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._remaining: float | None = None
        self._reset_at: float | None = None
        self.waited = 0.0
        """Seconds spent waiting for the budget so far."""
        self.throttled = 0
        """429 answers received so far."""
        self.stop_requested = False
        """Set to make the current and any later wait raise `Stopped`."""

    def note(self, headers: Mapping[str, str]) -> None:
        """Read the budget from an answer's headers (absent headers change nothing)."""
        remaining = _number(headers.get("x-ratelimit-remaining"))
        reset = _number(headers.get("x-ratelimit-reset"))
        if remaining is not None:
            self._remaining = remaining
        if reset is not None:
            self._reset_at = self._clock() + min(reset, MAX_WAIT)

    def wait_needed(self) -> float:
        """Seconds to wait before the next request may go."""
        if self._remaining is None or self._remaining >= 1 or self._reset_at is None:
            return 0.0
        return max(0.0, self._reset_at - self._clock())

    async def before_request(self) -> None:
        """Wait until the budget allows a request."""
        wait = self.wait_needed()
        if wait > 0:
            await self.wait(wait)
            self._remaining = None  # a new window: the next answer tells the new budget

    async def after_throttle(self, headers: Mapping[str, str]) -> None:
        """Wait as a 429 answer asks."""
        self.throttled += 1
        self.note(headers)
        retry_after = _number(headers.get("retry-after"))
        wait = retry_after if retry_after is not None else self.wait_needed()
        await self.wait(min(wait or DEFAULT_THROTTLE_WAIT, MAX_WAIT))
        self._remaining = None

    async def wait(self, seconds: float) -> None:
        """Sleep in slices, raising `Stopped` as soon as a stop is requested."""
        deadline = self._clock() + seconds
        while True:
            if self.stop_requested:
                raise Stopped
            left = deadline - self._clock()
            if left <= 0:
                return
            step = min(left, WAIT_SLICE)
            await self._sleep(step)
            self.waited += step


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number >= 0 else None
