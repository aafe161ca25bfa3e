"""Start loading the thread while Textual is still being imported.

Importing Textual and the reader takes a few tenths of a second before anything can be
drawn; the network does not need to wait for that. `main` starts a `Prefetch` right after
parsing the command line: a thread of its own, with its own event loop and HTTP client,
runs the whole load (`fetchers.load.open_target`) and buffers its steps; the thread
screen's first load consumes them on the app's loop. No Textual import here.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import AsyncIterator, Awaitable

from fetchers.load_steps import LoadStep, final_thread
from fetchers.progress import ProgressCallback
from fetchers.targets import Target
from threads.model import Thread

_END = None  # the load finished


class Prefetch:
    """One early load of a target, handed over once (a reload fetches afresh)."""

    def __init__(self, target: Target, *, settle: bool = False) -> None:
        self._buffer: queue.SimpleQueue[LoadStep | BaseException | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._wake: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        self._taken = False
        self._more: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        """Set once the reader asks for the step after the first (see `_load`)."""
        threading.Thread(
            target=self._run, args=(target, settle), name="prefetch", daemon=True
        ).start()

    def take_steps(self) -> AsyncIterator[LoadStep] | None:
        """The load's steps, as they arrive, on the caller's event loop; `None` after the
        first call."""
        if self._taken:
            return None
        self._taken = True
        return self._steps()

    def take(self, progress: ProgressCallback) -> Awaitable[Thread] | None:
        """The whole load as one thread; `None` after the first call."""
        steps = self.take_steps()
        return None if steps is None else final_thread(steps, progress)

    # -- the prefetch thread ----------------------------------------------------------
    def _run(self, target: Target, settle: bool) -> None:
        try:
            asyncio.run(self._load(target, settle))
        except BaseException as error:  # handed to whoever consumes the steps
            self._put(error)
        else:
            self._put(_END)

    async def _load(self, target: Target, settle: bool) -> None:
        from fetchers.http import make_client
        from fetchers.load import open_target

        more = asyncio.Event()
        with self._lock:
            self._more = (asyncio.get_running_loop(), more)
        async with make_client() as client:
            async for step in open_target(client, target, settle=settle):
                self._put(step)
                # The rest (settling: ~100 requests and their parsing) waits until the
                # reader has shown the first step and asks for more: it would otherwise
                # compete for the GIL with Textual's import and the first frame.
                await more.wait()

    def _ask_for_more(self) -> None:
        with self._lock:
            more = self._more
        if more is not None:
            loop, event = more
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # the load has finished: nothing waits
                pass

    def _put(self, item: LoadStep | BaseException | None) -> None:
        self._buffer.put(item)
        with self._lock:
            wake = self._wake
        if wake is not None:
            loop, event = wake
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # the app's loop has closed: nobody is waiting
                pass

    # -- the app's loop ---------------------------------------------------------------
    async def _steps(self) -> AsyncIterator[LoadStep]:
        event = asyncio.Event()
        with self._lock:
            self._wake = (asyncio.get_running_loop(), event)
        while True:
            try:
                item = self._buffer.get_nowait()
            except queue.Empty:
                event.clear()
                if self._buffer.empty():  # nothing slipped in between: wait for the next
                    await event.wait()
                continue
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
            self._ask_for_more()  # the reader wants the next step
