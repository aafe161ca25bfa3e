"""When the cyclic garbage collector runs: resting at start-up, then frozen past a thread.

A launch builds a few hundred thousand objects that live until exit (modules, classes,
Textual's styles, the thread) and next to no garbage, yet each automatic collection in
that time walks all of them again: ~40 ms of a ~300 ms start (bench/bench_launch.py).
`pause()` turns the collector off before the big imports; `resume()` turns it back on
once the first thread is on screen, or `RESUME_AFTER` seconds into the app whatever is
on screen (freezing what start-up made, so that no collection walks it then).

A loaded thread is hundreds of thousands of long-lived objects too; every full collection
would walk them again (pauses of ~100 ms at 10,000 comments). `freeze_survivors()`, run
once loading is over and the reader is idle (one full collection: ~0.1 s at 10,000
comments, once per load), moves everything alive to the permanent generation so later
collections skip it. It collects first: finished workers are cycles (a worker and its
context) holding the thread copy they worked on, and frozen with the rest they would
never be freed (measured: five copies of a 2,170-comment thread kept, ~20 MB).
"""

from __future__ import annotations

import gc

RESUME_AFTER = 2.0
"""Seconds after the app starts when the collector runs again even with no thread shown
(the front page, an error, a slow network)."""

FREEZE_AFTER = 1.0
"""Seconds of quiet after a thread is loaded or settled before `freeze_survivors()`."""


def pause() -> None:
    """No automatic collections until `resume()`."""
    gc.disable()


def resume() -> None:
    """Collect automatically again (safe to repeat).

    What was made while the collector rested is frozen first: all of it is in the
    youngest generation, so the first collection would walk it all, in the frame that
    shows the thread (~35 ms). The little garbage among it is freed when
    `freeze_survivors()` next thaws and collects.
    """
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


def freeze_survivors() -> None:
    """Collect the garbage, then freeze what is left so collections stop walking it.

    What an earlier call froze is thawed and collected too: a copy still referenced then
    (a search index waiting to be rebuilt for the newer copy) may have died since.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Let collections see everything again (a thread screen closed: what it held, frozen
    with the rest, would otherwise stay until the next thread is frozen)."""
    gc.unfreeze()
