"""Opening links: the system browser on a local desktop, the clipboard over SSH.

Over SSH (or with no display) a browser would open on the wrong machine, so the URL goes
to the *reader's* clipboard with OSC 52, which the terminal emulator handles. Inside tmux
the sequence is also sent wrapped in a DCS passthrough, which tmux forwards when
`allow-passthrough` is on; with `set-clipboard on` tmux forwards the plain one itself.

A display variable is no proof of a display (`DISPLAY` left over, no X server): the
opener's exit status says whether it worked, and when it did not the URL is copied instead.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

OPENER_WAIT = 1.5
"""Seconds to wait for the opener's verdict. Openers hand the URL over and exit at once (a
failing `gio`/`xdg-open` in under 0.1 s); one still running is a browser it started itself."""


def is_remote(environ: Mapping[str, str] | None = None) -> bool:
    """An SSH session, or a Linux/BSD machine without a graphical display."""
    env = os.environ if environ is None else environ
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"):
        return True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return False


def osc52_sequences(text: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """The escape sequences that put `text` on the terminal's clipboard."""
    env = os.environ if environ is None else environ
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    plain = f"\x1b]52;c;{payload}\x07"
    sequences = [plain]
    if env.get("TMUX"):
        # DCS passthrough: every ESC inside is doubled; tmux unwraps it for the outer terminal.
        sequences.append("\x1bPtmux;" + plain.replace("\x1b", "\x1b\x1b") + "\x1b\\")
    return sequences


@dataclass
class Opened:
    """What happened, to tell the reader in one line."""

    copied: bool
    message: str


def browser_command() -> list[str] | None:
    """The desktop's URL opener, if there is one."""
    if sys.platform == "darwin":
        return ["open"]
    if sys.platform.startswith("win"):
        return None  # handled with os.startfile
    for command in ("xdg-open", "gio", "sensible-browser"):
        path = shutil.which(command)
        if path:
            return [path, "open"] if command == "gio" else [path]
    return None


def open_url(
    url: str,
    write: Callable[[str], None],
    *,
    environ: Mapping[str, str] | None = None,
    launch: Callable[[list[str]], int | None] | None = None,
) -> Opened:
    """Open `url` in a local browser, or copy it with OSC 52 when remote, when there is no
    browser, or when the opener fails (its exit status is not 0).

    `write` sends raw text to the terminal; `launch` starts a command and returns its exit
    status, or None while it is still running (tests replace it).
    """
    command = None if is_remote(environ) else browser_command()
    if command is None:
        copy_text(url, write, environ=environ)
        return Opened(True, f"Copied to the clipboard (OSC 52): {url}")
    status = (launch or _launch_detached)([*command, url])
    if not status:  # 0, or still running: handed to a browser
        return Opened(False, f"Opened in the browser: {url}")
    copy_text(url, write, environ=environ)
    name = os.path.basename(command[0])
    return Opened(
        True,
        f"No browser opened ({name} failed with status {status}); "
        f"copied to the clipboard (OSC 52) instead: {url}",
    )


def copy_text(
    text: str, write: Callable[[str], None], *, environ: Mapping[str, str] | None = None
) -> None:
    """Put `text` on the reader's clipboard through the terminal (OSC 52)."""
    for sequence in osc52_sequences(text, environ):
        write(sequence)


def _launch_detached(command: list[str]) -> int | None:
    """Start the opener in its own session; its exit status, or None if still running
    after `OPENER_WAIT` (127 when it cannot be started at all)."""
    try:
        process = subprocess.Popen(  # noqa: S603 - a fixed opener program, the URL one argument
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return 127
    try:
        return process.wait(timeout=OPENER_WAIT)
    except subprocess.TimeoutExpired:
        return None
