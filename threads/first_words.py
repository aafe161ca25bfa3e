"""The start of a text cut to a width: a collapsed comment's line, an outline row."""

from __future__ import annotations

from threads.blocks import Body, body_to_plain_text
from threads.wrap import char_width

ELLIPSIS = "…"
_SCAN = 400  # characters looked at: a line is never wider than this many cells


def first_words(body: Body, cells: int) -> str:
    """The start of a body's prose on one line (whitespace runs become one space),
    at most `cells` wide, ending in `…` when cut."""
    if cells <= 0:
        return ""
    text = body_to_plain_text(body[:4])[: _SCAN * 2]  # a few blocks fill any line
    flat = " ".join(text.replace("\n> ", " ").removeprefix("> ").split())[:_SCAN]
    return cut_to_cells(flat, cells)


def cut_to_cells(text: str, cells: int) -> str:
    """`text` if it fits in `cells`, else its start and `…` in exactly that many or fewer."""
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > cells:
            keep, width = text[:index], used - char_width(char)
            while keep and width + 1 > cells:
                width -= char_width(keep[-1])
                keep = keep[:-1]
            return keep.rstrip() + ELLIPSIS
    return text
