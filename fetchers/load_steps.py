"""A thread that arrives in steps: first something to show, then changes to apply.

No network imports: the UI imports this at start. A fetcher that can show a thread before
it has all of it (Hacker News: Algolia's tree at once, HN's own order settled after; or
Firebase's items one by one) yields `LoadStep`s; one that cannot yields a single step.

How a reader consumes it:

```python
thread = None
async for step in steps:
    if step.thread is not None:                            # first step: show it (a
        thread = step.thread                               # `preview` comes before it)
    elif step.changes:
        thread = apply_changes(thread, step.changes)       # keep cursor/folds by id
    status(step.progress_text())                           # "ordering 120/354"
```
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from fetchers.errors import BadResponse
from fetchers.progress import ProgressCallback
from threads.model import Thread

if TYPE_CHECKING:  # the changes come after the first frame: imported then (by unpickling, too)
    from threads.tree_changes import TreeChange

Phase = Literal["loading", "ordering", "done"]


@dataclass(frozen=True, slots=True)
class LoadStep:
    """One step of a load. The first step carries the thread; later ones carry changes."""

    thread: Thread | None = None
    """On the first step only: the thread to show now."""
    changes: tuple[TreeChange, ...] = ()
    """To apply, in order, to the thread as it stands after the previous steps."""
    phase: Phase = "done"
    """`loading` (comments still arriving), `ordering` (settling the site's order) or
    `done` (the last step)."""
    done: int = 0
    """Items handled so far in this phase."""
    total: int | None = None
    """Items this phase expects (grows when new comments are found), if known."""
    requests: int = 0
    """Requests made so far by the whole load (for benchmarks)."""
    preview: bool = False
    """This step's thread is only the first screenful of the next step's
    (`threads/first_screen.py`): shown if nothing is on screen yet, never kept."""

    def progress_text(self) -> str:
        """`ordering 120/354`, `loading 40/2,170`, or `` when done."""
        if self.phase == "done":
            return ""
        total = f"{self.total:,}" if self.total is not None else "?"
        return f"{self.phase} {self.done:,}/{total}"


async def final_thread(
    steps: AsyncIterator[LoadStep], progress: ProgressCallback | None = None
) -> Thread:
    """Run a load to its end and return the thread with every change applied.

    `progress` hears (done, total) of every step after the first.
    """
    thread: Thread | None = None
    changes: list[TreeChange] = []
    async for step in steps:
        if step.preview:
            continue
        changes.extend(step.changes)
        if step.thread is not None:
            thread = step.thread
        elif progress is not None:
            progress(step.done, step.total)
    if thread is None:
        raise BadResponse("The load ended without a thread.")
    if not changes:
        return thread
    from threads.tree_changes import apply_changes

    return apply_changes(thread, changes)
