"""What the terminal can do: colours, SSH, tmux (read from the environment)."""

from __future__ import annotations

import os
from collections.abc import Mapping


def is_sixteen_colour(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal only has its own 16 colours (the Linux console, plain xterm).

    Then the app uses the terminal's palette (Textual's `ansi-dark` theme) rather than
    approximations of a true-colour theme, which read badly with 16 colours.
    """
    env = os.environ if environ is None else environ
    forced = env.get("TEXTUAL_COLOR_SYSTEM", "")
    if forced in ("standard", "windows"):
        return True
    if forced in ("256", "truecolor") or env.get("COLORTERM", "") in ("truecolor", "24bit"):
        return False
    term = env.get("TERM", "")
    return term in ("linux", "vt100", "vt220", "ansi", "cons25") or (
        bool(term)
        and not any(tag in term for tag in ("256", "truecolor", "direct", "kitty"))
        and term.startswith(("xterm", "screen", "tmux", "rxvt"))
    )
