"""The first load of a launch, in a process of its own (`python -m tui.load_process`).

Importing httpx, making the TLS context and decoding a 2,000-comment answer cost ~0.1 s
of CPU. In a thread of the reader's process that CPU competes for the GIL with Textual's
import and the first frame; in a child process it runs on another core. The child loads
one target with `fetchers.load.open_target` and writes what it gets to its stdout as
frames (`write_frame`): the first step as soon as it has it, each later step (settling)
only after the parent asks for more with one byte on the child's stdin, so the parent's
first frame is not slowed by the settling requests either.

Frames are pickles; they only ever travel from this child to the parent that started it.
The parent sends the target as the first frame on stdin. Stdin closing (the reader quit)
ends the child. Nothing is written on the terminal: stderr is the parent's to silence.
"""

from __future__ import annotations

import asyncio
import pickle
import struct
import sys
from typing import IO, Literal

from fetchers.errors import FetchError
from fetchers.load_steps import LoadStep
from fetchers.targets import ArticleTarget, FileTarget, ItemTarget, Target

Kind = Literal["target", "step", "error", "end", "unpicklable"]
Frame = tuple[Kind, object]

_LENGTH = struct.Struct("!Q")


def write_frame(stream: IO[bytes], kind: Kind, payload: object) -> None:
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
    frame: Frame = pickle.loads(data)  # noqa: S301 - written by our own child process
    return frame


def _write_step(out: IO[bytes], step: LoadStep) -> bool:
    """Send one step; `False` when it cannot travel (absurd nesting exceeds what pickle
    can recurse through): the parent then loads in its own process instead."""
    try:
        write_frame(out, "step", step)
    except (RecursionError, pickle.PicklingError) as error:
        write_frame(out, "unpicklable", f"{type(error).__name__}")
        return False
    return True


async def _load(target: Target, settle: bool, out: IO[bytes], wanted: IO[bytes]) -> None:
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


def _report(out: IO[bytes], error: BaseException) -> None:
    if not isinstance(error, FetchError):
        error = FetchError(f"Unexpected error: {type(error).__name__}: {error}")
    try:
        write_frame(out, "error", error)
    except (pickle.PicklingError, TypeError, AttributeError):
        write_frame(out, "error", FetchError(str(error)))


def main() -> int:
    out, wanted = sys.stdout.buffer, sys.stdin.buffer
    frame = read_frame(wanted)
    if frame is None:
        return 0
    kind, payload = frame
    if kind != "target" or not isinstance(payload, tuple) or len(payload) != 2:
        return 0
    target, settle = payload
    if not isinstance(target, ItemTarget | FileTarget | ArticleTarget):
        return 0
    try:
        asyncio.run(_load(target, bool(settle), out, wanted))
    except BrokenPipeError:
        return 0  # the reader has gone: nobody to tell
    except Exception as error:  # handed to the reader, which shows one sentence
        _report(out, error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
