"""What a thread screen loads from: a source of load steps, and the changes waiting for it.

A source yields `fetchers.load_steps.LoadStep`s: the first carries a thread to show, the
rest changes to apply (Hacker News settling its order, Firebase streaming comments in).
The load worker may produce steps faster than the screen applies them (each application
copies the tree and relays the rows), so `PendingChanges` gathers them: the worker posts
one message while none is outstanding, and the screen applies everything gathered so far
in one go. No network imports here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

from fetchers.load_steps import LoadStep
from fetchers.progress import ProgressCallback
from threads.model import Thread

if TYPE_CHECKING:
    from threads.tree_changes import TreeChange

FIRST_FRAME_WAIT = 1.0
"""Seconds work that comes after a thread is shown (the settling steps, recording the
visit) waits, at most, for the frame that shows it: it would otherwise delay that frame."""

ThreadSource = Callable[[ProgressCallback], Awaitable[Thread]]
"""Something that produces a whole thread at once, reporting progress as it goes."""

StepSource = Callable[[ProgressCallback], AsyncIterator[LoadStep]]
"""Something that produces a thread in steps. `progress` hears sources that only know
counts (a whole-thread source); steps carry their own progress text."""


def one_step(source: ThreadSource) -> StepSource:
    """A whole-thread source as a step source of one step."""

    async def steps(progress: ProgressCallback) -> AsyncIterator[LoadStep]:
        yield LoadStep(thread=await source(progress))

    return steps


class PendingChanges:
    """Changes the load worker has received and the screen has not applied yet."""

    def __init__(self) -> None:
        self._changes: list[TreeChange] = []
        self._progress = ""
        self._posted = False

    def add(self, changes: tuple[TreeChange, ...], progress_text: str) -> bool:
        """Gather a step's changes. Returns whether a message must be posted (none is
        outstanding: the screen would otherwise not look)."""
        self._changes.extend(changes)
        self._progress = progress_text
        if self._posted:
            return False
        self._posted = True
        return True

    def take(self) -> tuple[list[TreeChange], str]:
        """Everything gathered, and the latest progress text (`""` when the load is done)."""
        changes, self._changes, self._posted = self._changes, [], False
        return changes, self._progress
