"""Start loading the thread while Textual is still being imported.

Importing Textual and the reader takes a few tenths of a second before anything can be
drawn; the network does not need to wait for that. `main` starts a `Prefetch` right after
parsing the command line. The load runs in a child process (tui/load_process.py), so its
CPU (httpx's import, the TLS context, decoding the answer) is spent on another core, not
taken from Textual's import; a thread of this process reads the child's steps and buffers
them. Where no child can be started, or its steps cannot travel (absurd nesting), the same
load runs in that thread instead, with its own event loop and HTTP client
(`fetchers.load.open_target`). The thread screen's first load consumes the steps on the
app's loop. No Textual import here.
"""

from __future__ import annotations

import asyncio
import os
import queue
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Awaitable

from fetchers.errors import FetchError
from fetchers.load_steps import LoadStep, final_thread
from fetchers.progress import ProgressCallback
from fetchers.targets import Target
from threads.model import Thread
from tui.load_process import read_frame, write_frame

_END = None  # the load finished


class Prefetch:
    """One early load of a target, handed over once (a reload fetches afresh)."""

    def __init__(self, target: Target, *, settle: bool = False, in_child: bool = True) -> None:
        """Start loading `target` (`settle`: the steps after the first too; `in_child`:
        in a child process, falling back to a thread of this one)."""
        self._buffer: queue.SimpleQueue[LoadStep | BaseException | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._wake: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        self._taken = False
        self._more: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None
        """Set once the reader asks for the step after the first (see `_load`)."""
        self._child: subprocess.Popen[bytes] | None = None
        """The child process loading, while it runs."""
        threading.Thread(
            target=self._run, args=(target, settle, in_child), name="prefetch", daemon=True
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
    def _run(self, target: Target, settle: bool, in_child: bool) -> None:
        try:
            if in_child and self._load_in_child(target, settle):
                return
            asyncio.run(self._load(target, settle))
        except BaseException as error:  # handed to whoever consumes the steps
            self._put(error)
        else:
            self._put(_END)

    def _load_in_child(self, target: Target, settle: bool) -> bool:
        """Relay the child's steps; `False` when it delivered nothing (it could not start,
        died, or its first step could not travel): the caller then loads here instead.

        Raises `FetchError` when the child stops after its first step.
        """
        try:
            child = subprocess.Popen(
                [sys.executable, "-m", "tui.load_process"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # the terminal is the reader's
                env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, sys.path))},
            )
        except OSError:
            return False
        assert child.stdin is not None and child.stdout is not None
        with self._lock:
            self._child = child
        delivered = False
        try:
            write_frame(child.stdin, "target", (target, settle))
            while (frame := read_frame(child.stdout)) is not None:
                kind, payload = frame
                if kind == "step" and isinstance(payload, LoadStep):
                    self._put(payload)
                    delivered = True
                elif kind == "error" and isinstance(payload, BaseException):
                    self._put(payload)
                    return True
                elif kind == "end":
                    self._put(_END)
                    return True
                else:  # a step that could not travel
                    break
        except (OSError, EOFError, ValueError):  # the child went away mid-frame
            pass
        finally:
            with self._lock:
                self._child = None
            _stop(child)
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

    def _ask_for_more(self) -> None:
        with self._lock:
            child, more = self._child, self._more
        if child is not None and child.stdin is not None:
            try:
                child.stdin.write(b"+")
                child.stdin.flush()
            except (OSError, ValueError):  # it has finished, or died: its reader knows
                pass
            return
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


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Close the child's pipes (its cue to end) and make sure it has ended."""
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            try:
                pipe.close()
            except OSError:
                pass
    try:
        child.wait(timeout=1.0)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
