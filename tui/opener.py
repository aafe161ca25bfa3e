"""Opening links: the system browser on a local desktop, the clipboard over SSH.

Over SSH (or with no display) a browser would open on the wrong machine, so the URL goes
to the *reader's* clipboard with OSC 52, which the terminal emulator handles. Inside tmux
the sequence is also sent wrapped in a DCS passthrough, which tmux forwards when
`allow-passthrough` is on; with `set-clipboard on` tmux forwards the plain one itself.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass


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
    launch: Callable[[list[str]], None] | None = None,
) -> Opened:
    """Open `url` in a local browser, or copy it with OSC 52 when remote (or no browser).

    `write` sends raw text to the terminal; `launch` starts a command (tests replace it).
    """
    command = None if is_remote(environ) else browser_command()
    if command is not None:
        (launch or _launch_detached)([*command, url])
        return Opened(False, f"Opened in the browser: {url}")
    copy_text(url, write, environ=environ)
    return Opened(True, f"Copied to the clipboard (OSC 52): {url}")


def copy_text(
    text: str, write: Callable[[str], None], *, environ: Mapping[str, str] | None = None
) -> None:
    """Put `text` on the reader's clipboard through the terminal (OSC 52)."""
    for sequence in osc52_sequences(text, environ):
        write(sequence)


def _launch_detached(command: list[str]) -> None:
    subprocess.Popen(  # noqa: S603 - a fixed opener program with the URL as one argument
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
