"""The launch's load in a forked child process, on the other core.

Importing httpx, making the TLS context and decoding a 2,000-comment answer cost ~0.15 s
of CPU. In a thread of the reader's process that CPU competes for the GIL with Textual's
import and the first frame (bench/bench_launch.py measured the first comment ~0.15 s
later than the bundled sample's). A child forked right after the command line is parsed
starts at once with what is already imported (a new interpreter would take ~40 ms more
to start and import the same) and runs on another core; `main` forks before importing
anything else, so this module imports next to nothing. It loads the target with
`fetchers.load.open_target` and writes each step to a pipe as a frame: the first as soon
as it has it, each later one (settling) only once the reader asks for more with a byte
on a second pipe, so the settling requests do not slow the first frame either.

Forking is only safe while the process has a single thread, and on Linux: macOS's system
frameworks (used for its proxy settings) must not be used after a fork without exec.
Elsewhere `start_forked_load` returns `None` and the reader loads in a thread instead.

Frames are pickles; they only travel from this child to the process that forked it. The
child never touches the terminal (its stdin, stdout and stderr are /dev/null) and ends
when the reader closes the pipe it waits on, or when its load is done.
"""

from __future__ import annotations

import gc
import os
import pickle
import struct
import sys
import threading
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Literal, NoReturn

from fetchers.errors import FetchError
from fetchers.targets import Target

if TYPE_CHECKING:
    from fetchers.load_steps import LoadStep

FrameKind = Literal["step", "error", "end", "unpicklable"]
Frame = tuple[FrameKind, object]

_LENGTH = struct.Struct("!Q")


def fork_is_safe() -> bool:
    """Linux, and no thread but this one (a lock another thread holds at the fork would
    stay held in the child forever)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


class ForkedLoad:
    """A child process loading one target; the reader reads its frames and asks for more."""

    def __init__(self, pid: int, frames: IO[bytes], wanted: IO[bytes]) -> None:
        self._pid = pid
        self._frames = frames
        self._wanted = wanted
        self._ended = False

    def frames(self) -> Iterator[Frame]:
        """The child's frames as they arrive, until it ends (or dies mid-frame)."""
        while (frame := read_frame(self._frames)) is not None:
            yield frame

    def ask_for_more(self) -> None:
        """Let the child send its next step."""
        try:
            self._wanted.write(b"+")
            self._wanted.flush()
        except (OSError, ValueError):  # it has finished, or died: its reader knows
            pass

    def stop(self) -> None:
        """Close both pipes (the child's cue to end) and reap it."""
        if self._ended:
            return
        self._ended = True
        for pipe in (self._wanted, self._frames):
            try:
                pipe.close()
            except OSError:
                pass
        try:
            os.waitpid(self._pid, 0)
        except ChildProcessError:  # already reaped
            pass


def start_forked_load(target: Target, *, settle: bool) -> ForkedLoad | None:
    """Fork a child that loads `target`; `None` where forking is not safe or fails."""
    if not fork_is_safe():
        return None
    frames_read, frames_write = os.pipe()
    wanted_read, wanted_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (frames_read, frames_write, wanted_read, wanted_write):
            os.close(fd)
        return None
    if pid == 0:
        os.close(frames_read)
        os.close(wanted_write)
        _child_main(target, settle, frames_write, wanted_read)
    os.close(frames_write)
    os.close(wanted_read)
    return ForkedLoad(pid, os.fdopen(frames_read, "rb"), os.fdopen(wanted_write, "wb"))


def write_frame(stream: IO[bytes], kind: FrameKind, payload: object) -> None:
    """One frame: its length, then the pickled `(kind, payload)`."""
    data = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Frame | None:
    """The next frame, or `None` when the stream ended (cleanly or cut short)."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack(header)
    data = stream.read(length)
    if len(data) < length:
        return None
    frame: Frame = pickle.loads(data)  # noqa: S301 - written by our own forked child
    return frame


# -- the child ----------------------------------------------------------------------------
def _child_main(target: Target, settle: bool, frames_fd: int, wanted_fd: int) -> NoReturn:
    """Load, send, and leave without running anything of the reader's (`os._exit`: no
    atexit handlers, no flushing of buffers copied from the reader)."""
    try:
        _detach_from_terminal()
        gc.enable()  # the reader pauses it for its start; this process settles for longer
        import asyncio  # here, not before the fork: the child starts sooner

        with os.fdopen(frames_fd, "wb") as out, os.fdopen(wanted_fd, "rb") as wanted:
            try:
                asyncio.run(_load(target, settle, out, wanted))
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


async def _load(target: Target, settle: bool, out: IO[bytes], wanted: IO[bytes]) -> None:
    import asyncio

    from fetchers.http import make_client
    from fetchers.load import open_target
    from tui.cli import configure_sites

    configure_sites()  # the config's site settings (a Reddit client id), as the app does
    async with make_client() as client:
        async for step in open_target(client, target, settle=settle):
            if not _write_step(out, step):
                return
            # The next step only when the reader has shown this one and asks for more.
            if not await asyncio.to_thread(wanted.read, 1):
                return  # the reader has gone
    write_frame(out, "end", None)


def _write_step(out: IO[bytes], step: LoadStep) -> bool:
    """Send one step; `False` when it cannot travel (absurd nesting exceeds what pickle can
    recurse through): the reader then loads in its own process instead."""
    try:
        data = pickle.dumps(("step", step), protocol=pickle.HIGHEST_PROTOCOL)
    except (RecursionError, pickle.PicklingError) as error:
        write_frame(out, "unpicklable", type(error).__name__)
        return False
    out.write(_LENGTH.pack(len(data)) + data)
    out.flush()
    return True


def _report(out: IO[bytes], error: BaseException) -> None:
    if not isinstance(error, FetchError):
        error = FetchError(f"Unexpected error: {type(error).__name__}: {error}")
    try:
        write_frame(out, "error", error)
    except (pickle.PicklingError, TypeError, AttributeError):
        write_frame(out, "error", FetchError(str(error)))
