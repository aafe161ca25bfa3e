"""The cyclic garbage collector rests while the reader starts.

A launch builds a few hundred thousand objects that live until exit (modules, classes,
Textual's styles, the thread) and next to no garbage, yet each automatic collection in
that time walks all of them again: ~40 ms of a ~300 ms start (bench/bench_launch.py).
`pause()` turns the collector off before the big imports; `resume()` runs once the first
thread is on screen, or `RESUME_AFTER` seconds into the app whatever is on screen: it
freezes what start-up built (later collections skip it) and turns the collector back on.
"""

from __future__ import annotations

import gc

RESUME_AFTER = 2.0
"""Seconds after the app starts when the collector runs again even with no thread shown
(the front page, an error, a slow network)."""


def pause() -> None:
    """No automatic collections until `resume()`."""
    gc.disable()


def resume() -> None:
    """Freeze everything alive now and collect automatically again (safe to repeat)."""
    gc.freeze()
    gc.enable()
