"""The terminal's title as an escape sequence, with the text made safe.

A title is remote text (a story's title) written inside an OSC sequence: an ESC or BEL
inside it would end the sequence early and let the rest through as terminal commands,
so every control character goes, then newlines and tabs, and the length is capped.
"""

from __future__ import annotations

from threads.sanitize import clean_text

MAX_TITLE = 120
APP_NAME = "threadreader"


def safe_title(text: str) -> str:
    """`text` on one line with no control characters, at most `MAX_TITLE` characters."""
    flat = " ".join(clean_text(text).split())
    return flat[:MAX_TITLE]


def title_sequence(text: str) -> str:
    """OSC 2 setting the window title to `text — threadreader` (safe for any `text`)."""
    title = safe_title(text)
    return f"\x1b]2;{title} — {APP_NAME}\x07" if title else f"\x1b]2;{APP_NAME}\x07"
