"""Start loading the thread while Textual is still being imported.

Importing Textual and the reader takes a few tenths of a second before anything can be
drawn; the network does not need to wait for that. `main` starts a `Prefetch` right after
parsing the command line: a thread of its own with its own event loop and HTTP client
loads the first paint, and the thread screen's first load awaits the result instead of
starting the request then. No Textual import here.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Awaitable

from fetchers.progress import ProgressCallback
from fetchers.targets import Target
from threads.model import Thread


class Prefetch:
    """One early load of a target, handed over once."""

    def __init__(self, target: Target) -> None:
        self._future: concurrent.futures.Future[Thread] = concurrent.futures.Future()
        self._taken = False
        self._progress: ProgressCallback | None = None
        threading.Thread(target=self._run, args=(target,), name="prefetch", daemon=True).start()

    def take(self, progress: ProgressCallback) -> Awaitable[Thread] | None:
        """The early load, the first time only (a reload fetches afresh). `progress` is
        called from the prefetch thread, so it must be thread-safe (Textual's
        `post_message` is)."""
        if self._taken:
            return None
        self._taken = True
        self._progress = progress
        return asyncio.wrap_future(self._future)

    def _report(self, loaded: int, expected: int | None) -> None:
        if self._progress is not None:
            self._progress(loaded, expected)

    def _run(self, target: Target) -> None:
        try:
            thread = asyncio.run(self._load(target))
        except BaseException as error:  # handed to whoever awaits the result
            self._future.set_exception(error)
        else:
            self._future.set_result(thread)

    async def _load(self, target: Target) -> Thread:
        from fetchers.http import make_client
        from fetchers.load import load_target

        async with make_client() as client:
            return await load_target(client, target, progress=self._report, settle=False)
