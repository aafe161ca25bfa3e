"""How a body line looks beyond its own styles: spoilers blocked out, context posts dimmed.

Spoilers (Reddit `>!…!<`) are replaced by blocks of the same width until the reader
reveals them, so the text is not on screen at all (not merely coloured away, which would
show under NO_COLOR). A post shown only as context is dimmed; its header says `context`.
"""

from __future__ import annotations

from threads.comment_lines import SPOILER, Line
from threads.model import Comment
from threads.wrap import text_width

BLOCK = "▒"


def dress_body_line(line: Line, comment: Comment, spoilers_shown: bool) -> Line:
    """The line with hidden spoilers blocked out and context posts dimmed."""
    if not spoilers_shown and any(SPOILER in key for _, key in line):
        line = [
            (BLOCK * text_width(text), key) if SPOILER in key else (text, key) for text, key in line
        ]
    if comment.context:
        line = [(text, (*key, "dim")) for text, key in line]
    return line
