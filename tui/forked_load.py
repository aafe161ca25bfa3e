"""The launch's load in a forked child process, on the other core.

Importing httpx, making the TLS context and decoding a 2,000-comment answer cost ~0.15 s
of CPU. In a thread of the reader's process that CPU competes for the GIL with Textual's
import and the first frame (bench/bench_launch.py measured the first comment ~0.15 s
later than the bundled sample's). A child forked right after the command line is parsed
starts at once with what is already imported (a new interpreter would take ~40 ms more
to start and import the same) and runs on another core; `main` forks before importing
anything else, so this module imports next to nothing. It loads the target with
`fetchers.load.open_target` and sends each step as a frame: the first as soon as it has
it, each later one (settling) only once the reader asks for more with a byte on a pipe,
so the settling requests do not slow the first frame either.

Forking is only safe while the process has a single thread, and on Linux: macOS's system
frameworks (used for its proxy settings) must not be used after a fork without exec.
Elsewhere, or without memory files (glibc < 2.27), `start_forked_load` returns `None` and
the reader loads in a thread instead.

Frames are pickles; they only travel from this child to the process that forked it. Each
is written to a memory file both processes share and announced by its length on a pipe:
the reader then takes the whole frame in one read. Through the pipe alone, a 2 MB first
step came in 64 KB pieces, each waiting for the GIL that Textual's import holds (~50 ms).
The child never touches the terminal (its stdin, stdout and stderr are /dev/null). It ends
when its load is done, when the reader wants no more steps (it closes the pipe the child
waits on), and with the reader (once its first step is out, the kernel kills it then).
"""

from __future__ import annotations

import copyreg
import functools
import gc
import io
import os
import pickle
import struct
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from fetchers.errors import FetchError
from fetchers.targets import ItemTarget, Target

if TYPE_CHECKING:
    from fetchers.load_steps import LoadStep

FrameKind = Literal["step", "error", "end", "unpicklable"]
Frame = tuple[FrameKind, object]

_LENGTH = struct.Struct("!Q")


def fork_is_safe() -> bool:
    """Linux, and no thread but this one (a lock another thread holds at the fork would
    stay held in the child forever)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


class FrameChannel:
    """Frames from the child to the reader, one at a time: the pickle in a memory file,
    its length on a pipe. A frame is only written once the reader has read the previous
    one (after a step the child waits until the reader asks for more), so each starts at
    the beginning of the file."""

    def __init__(self, signal_fd: int, memory_fd: int) -> None:
        self._signal = signal_fd
        self._memory = memory_fd

    def send(self, kind: FrameKind, payload: object) -> None:
        """Pickle and send one frame (nothing is sent when pickling fails)."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _compact_tables()
        pickler.dump((kind, payload))
        data = buffer.getvalue()
        os.ftruncate(self._memory, len(data))  # a small frame after a big one frees it
        written = 0
        while written < len(data):
            written += os.pwrite(self._memory, memoryview(data)[written:], written)
        os.write(self._signal, _LENGTH.pack(len(data)))

    def receive(self) -> Frame | None:
        """The next frame, or `None` when the child has ended (or died mid-frame)."""
        header = _read_exactly(self._signal, _LENGTH.size)
        if header is None:
            return None
        (length,) = _LENGTH.unpack(header)
        data = os.pread(self._memory, length, 0)  # one read, one wait for the GIL
        if len(data) < length:
            return None
        frame: Frame = pickle.loads(data)  # noqa: S301 - written by our own forked child
        return frame

    def close(self) -> None:
        for fd in (self._signal, self._memory):
            try:
                os.close(fd)
            except OSError:
                pass


@functools.cache  # once per child, not once per frame
def _compact_tables() -> dict[type, Callable[[Any], Any]]:
    """How the child pickles comments: without the fields still at their class default
    (most of a comment's fifteen), which the reader then reads from the class. The
    2,000-comment first step unpickles in ~4.7 ms instead of ~7.2, on the reader's way to
    its first frame. Imported here, in the child: the fork comes before the model."""
    from dataclasses import MISSING, fields

    from threads.model import Comment

    defaults = {
        field.name: field.default
        for field in fields(Comment)
        if field.default is not MISSING and getattr(Comment, field.name, MISSING) is field.default
    }

    def compact(comment: Comment) -> tuple[Any, ...]:
        state = {
            name: value
            for name, value in comment.__dict__.items()
            if defaults.get(name, MISSING) is not value
        }
        return (copyreg.__newobj__, (Comment,), state)  # type: ignore[attr-defined]

    return {**copyreg.dispatch_table, Comment: compact}


def _read_exactly(fd: int, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


class ForkedLoad:
    """A child process loading one target; the reader reads its frames and asks for more."""

    def __init__(self, pid: int, frames: FrameChannel, wanted_fd: int) -> None:
        self._pid = pid
        self._frames = frames
        self._lock = threading.Lock()
        self._wanted: int | None = wanted_fd
        """The pipe the child waits on for "more"; `None` once closed (under the lock:
        a closed descriptor's number may already name another file)."""
        self._reaped = False

    def frames(self) -> Iterator[Frame]:
        """The child's frames as they arrive, until it ends."""
        while (frame := self._frames.receive()) is not None:
            yield frame

    def ask_for_more(self) -> None:
        """Let the child send its next step."""
        with self._lock:
            if self._wanted is None:
                return
            try:
                os.write(self._wanted, b"+")
            except OSError:  # it has finished, or died: its reader knows
                pass

    def cancel(self) -> None:
        """Nobody wants the rest (a reload, the thread closed): the child ends when it next
        waits for more or sends, and `frames()` ends with it. Never blocks."""
        with self._lock:
            wanted, self._wanted = self._wanted, None
        if wanted is not None:
            os.close(wanted)

    def stop(self) -> None:
        """Close the pipes (the child's cue to end) and reap it; from the thread that reads
        the frames, once they have ended."""
        self.cancel()
        if self._reaped:
            return
        self._reaped = True
        self._frames.close()
        try:
            os.waitpid(self._pid, 0)
        except ChildProcessError:  # already reaped
            pass


def start_forked_load(target: Target, *, settle: bool) -> ForkedLoad | None:
    """Fork a child that loads `target`; `None` where forking is not safe or fails."""
    memory_file = getattr(os, "memfd_create", None)  # Linux with glibc 2.27 or later
    if not fork_is_safe() or memory_file is None:
        return None
    opened: list[int] = []
    try:
        opened.append(memory_file("threadreader-load", os.MFD_CLOEXEC))
        opened.extend(os.pipe())
        opened.extend(os.pipe())
        pid = os.fork()
    except OSError:  # no memory files, descriptors or processes left: load in a thread
        for fd in opened:
            os.close(fd)
        return None
    memory, frames_read, frames_write, wanted_read, wanted_write = opened
    if pid == 0:
        os.close(frames_read)
        os.close(wanted_write)
        _child_main(target, settle, FrameChannel(frames_write, memory), wanted_read)
    os.close(frames_write)
    os.close(wanted_read)
    return ForkedLoad(pid, FrameChannel(frames_read, memory), wanted_write)


# -- the child ----------------------------------------------------------------------------
def _child_main(target: Target, settle: bool, out: FrameChannel, wanted_fd: int) -> NoReturn:
    """Load, send, and leave without running anything of the reader's (`os._exit`: no
    atexit handlers, no flushing of buffers copied from the reader)."""
    try:
        _detach_from_terminal()
        gc.enable()  # the reader pauses it for its start; this process settles for longer
        from fetchers.tls import build_ahead

        build_ahead()  # OpenSSL loads the trust store while asyncio and httpx import
        import asyncio  # here, not before the fork: the child starts sooner

        try:
            asyncio.run(_load(target, settle, out, wanted_fd))
        except (BrokenPipeError, KeyboardInterrupt):
            pass  # the reader has gone: nobody to tell
        except Exception as error:  # handed to the reader, which shows one sentence
            _report(out, error)
    finally:
        os._exit(0)


def _detach_from_terminal() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


async def _load(target: Target, settle: bool, out: FrameChannel, wanted_fd: int) -> None:
    import asyncio

    reader_pid = os.getppid()

    from fetchers.http import make_client
    from fetchers.load import open_target
    from tui.cli import configure_sites

    if isinstance(target, ItemTarget) and target.site == "reddit":
        configure_sites()  # its client id: the only site setting in the config (~10 ms)
    async with make_client() as client:
        bound_to_the_reader = False
        async for step in open_target(client, target, settle=settle):
            if not _write_step(out, step):
                return
            if not bound_to_the_reader:
                _end_with_the_reader(reader_pid)
                bound_to_the_reader = True
            # The next step only when the reader has shown this one and asks for more.
            if not await asyncio.to_thread(os.read, wanted_fd, 1):
                return  # the reader has gone, or wants no more
    out.send("end", None)


def _end_with_the_reader(reader_pid: int) -> None:
    """Be killed when the reader exits, rather than settle on for seconds before the next
    send finds the pipe closed (after the first step: ctypes is not free)."""
    import ctypes
    import signal

    set_parent_death_signal = 1  # PR_SET_PDEATHSIG, prctl(2)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(set_parent_death_signal, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != reader_pid:  # the reader had already gone before it was set
        os._exit(0)


def _write_step(out: FrameChannel, step: LoadStep) -> bool:
    """Send one step; `False` when it cannot travel (absurd nesting exceeds what pickle can
    recurse through): the reader then loads in its own process instead."""
    try:
        out.send("step", step)
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError) as error:
        out.send("unpicklable", type(error).__name__)
        return False
    return True


def _report(out: FrameChannel, error: BaseException) -> None:
    if not isinstance(error, FetchError):
        error = FetchError(f"Unexpected error: {type(error).__name__}: {error}")
    try:
        out.send("error", error)
    except (pickle.PicklingError, TypeError, AttributeError):
        out.send("error", FetchError(str(error)))
