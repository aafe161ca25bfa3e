"""Loading the replies a site held back (stubs), shared by every site that has them.

A site whose `Site.stubs` is set returns threads that may hold stub nodes
(`Comment.more`); the reader asks it for a `StubLoading` to fill them in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from fetchers.progress import ProgressCallback
from threads.more_splice import Expansion, SpliceReport

Apply = Callable[[Expansion], SpliceReport]
"""Splices an answer into the thread before returning (`threads.more_splice.apply_expansion`)."""


@dataclass(frozen=True, slots=True)
class LoadAllReport:
    """How a background load went: what the closing note says."""

    requests: int
    added: int
    seconds: float
    waited: float
    """Seconds of `seconds` spent waiting for Reddit's rate budget."""
    throttled: int
    """429 answers (the pacing is meant to keep this at 0)."""
    remaining: int
    """Comments the remaining stubs say are still unloaded."""
    remaining_stubs: int
    stopped: str | None
    """Why it stopped early (`None` when everything loaded): a sentence for the user."""

    def describe(self) -> str:
        """One line for the status bar or stderr."""
        waited = (
            f", {self.waited:.0f} s of it waiting for Reddit's rate limit" if self.waited else ""
        )
        text = (
            f"Loaded {self.added:,} more comments in {self.requests:,} requests "
            f"({self.seconds:.1f} s{waited})"
        )
        if self.throttled:
            text += f"; throttled {self.throttled}x"
        if self.remaining_stubs:
            text += f"; {self.remaining:,} comments in {self.remaining_stubs:,} places not loaded"
        if self.stopped:
            text += f" ({self.stopped})"
        return text + "."


class StubLoading(Protocol):
    """Loads one thread's stubs (one at a time, one request in flight)."""

    async def load_stub(self, stub_comment_id: str) -> Expansion:
        """Fetch what one stub stands for; the caller splices it. Raises `FetchError`."""
        ...

    async def load_all(
        self, apply: Apply | None = None, *, progress: ProgressCallback | None = None
    ) -> LoadAllReport:
        """Load every stub until none is left, the site fails, or `stop()`; never raises
        `FetchError` (the report says why it stopped)."""
        ...

    def stop(self) -> None:
        """Make a running `load_all` stop at its next request or wait."""
        ...
