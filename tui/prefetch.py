"""Start loading the thread while Textual is still being imported.

Importing Textual and the reader takes a few tenths of a second before anything can be
drawn; the network does not need to wait for that. `main` starts a `Prefetch` right after
parsing the command line. Where it can, the load runs in a forked child process on the
other core (`tui/forked_load.py`) and a thread of this process relays its steps;
elsewhere, or when the child delivers nothing, that thread runs the whole load itself
(`fetchers.load.open_target`, with its own event loop and HTTP client). Either way the
steps are buffered and the thread screen's first load consumes them on the app's loop.
No Textual import here.
"""

from __future__ import annotations

import asyncio
import pickle
import queue
import threading
from collections.abc import AsyncIterator, Awaitable

from fetchers.errors import FetchError
from fetchers.load_steps import LoadStep, final_thread
from fetchers.progress import ProgressCallback
from fetchers.targets import Target
from threads.model import Thread
from tui.forked_load import ForkedLoad

_END = None  # the load finished


class Prefetch:
    """One early load of a target, handed over once (a reload fetches afresh)."""

    def __init__(
        self, target: Target, *, settle: bool = False, child: ForkedLoad | None = None
    ) -> None:
        """Start loading `target` (`settle`: the steps after the first too), or relaying
        the steps of a `child` already loading it (`start_forked_load`)."""
        self._buffer: queue.SimpleQueue[LoadStep | BaseException | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._wake: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        self._taken = False
        self._more: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        """Set once the reader asks for the step after the first (see `_load`)."""
        self._child = child
        self._abandoned = False
        """Set when the reader stops taking steps (a reload, the thread closed)."""
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
            if self._child is not None and self._relay(self._child):
                return
            if self._abandoned:  # the reader took no more steps: nothing to load here
                return
            asyncio.run(self._load(target, settle))
        except BaseException as error:  # handed to whoever consumes the steps
            self._put(error)
        else:
            self._put(_END)

    def _relay(self, child: ForkedLoad) -> bool:
        """Buffer the child's steps; `False` when it delivered nothing (it died, or its
        first step could not travel): the caller then loads here instead.

        Raises `FetchError` when the child stops after its first step.
        """
        delivered = False
        try:
            for kind, payload in child.frames():
                if kind == "step" and isinstance(payload, LoadStep):
                    self._put(payload)
                    # A first screenful alone is not the thread: if the whole cannot
                    # travel after it, this process loads the thread after all.
                    delivered = delivered or not payload.preview
                elif kind == "error" and isinstance(payload, BaseException):
                    self._put(payload)
                    return True
                elif kind == "end":
                    self._put(_END)
                    return True
                else:  # a step that could not travel
                    break
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):  # cut short
            pass
        finally:
            with self._lock:
                self._child = None
            child.stop()
        if delivered:
            raise FetchError("Loading stopped part-way; the thread may be incomplete.")
        return False

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
                if self._abandoned:
                    return

    def _ask_for_more(self) -> None:
        with self._lock:
            child, more = self._child, self._more
        if child is not None:
            child.ask_for_more()
            return
        _set_from_another_thread(more)

    def _put(self, item: LoadStep | BaseException | None) -> None:
        self._buffer.put(item)
        with self._lock:
            wake = self._wake
        _set_from_another_thread(wake)

    # -- the app's loop ---------------------------------------------------------------
    async def _steps(self) -> AsyncIterator[LoadStep]:
        event = asyncio.Event()
        with self._lock:
            self._wake = (asyncio.get_running_loop(), event)
        try:
            while True:
                try:
                    item = self._buffer.get_nowait()
                except queue.Empty:
                    event.clear()
                    if self._buffer.empty():  # nothing slipped in between: wait
                        await event.wait()
                    continue
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
                self._ask_for_more()  # the reader wants the next step
        finally:
            self._abandon()

    def _abandon(self) -> None:
        """The reader takes no more steps: the load stops instead of waiting forever for
        a request for more (a child process would live on until the reader exits)."""
        with self._lock:
            child, more = self._child, self._more
            self._abandoned = True
        if child is not None:
            child.cancel()
        else:
            _set_from_another_thread(more)


def _set_from_another_thread(
    waiting: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None,
) -> None:
    """Set an event of another thread's loop (nothing when none, or its loop has closed:
    then nobody waits on it)."""
    if waiting is None:
        return
    loop, event = waiting
    try:
        loop.call_soon_threadsafe(event.set)
    except RuntimeError:
        pass
