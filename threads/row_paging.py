"""Scroll arithmetic over a `RowLayout`: anchors, showing a comment, paging.

Plain functions of rows and numbers, so the comment view only applies their answers
(and they are tested without a screen).
"""

from __future__ import annotations

from threads.row_layout import RowLayout

Anchor = tuple[int, int]
"""A visible position and its screen row (its first row minus the scroll offset)."""


def anchor_of(rows: RowLayout | None, position: int, top: int) -> Anchor:
    """Where a comment sits on screen, to keep it there across a relayout."""
    if rows is None or not rows.starts or position >= len(rows.starts):
        return (position, 0)
    return (position, rows.starts[position] - top)


def anchored_top(rows: RowLayout, anchor: Anchor, page_height: int) -> int:
    """The scroll offset that puts `anchor`'s comment back on its screen row.

    The same screen row, unless the screen got smaller than that: then the last row.
    """
    position, screen_row = anchor
    screen_row = min(screen_row, page_height - 1)
    return max(0, rows.starts[min(position, len(rows.starts) - 1)] - screen_row)


def top_to_show(
    rows: RowLayout, position: int, top: int, page_height: int, *, center: bool = False
) -> int:
    """The scroll offset that brings a comment into view, moving as little as possible.

    `center` puts it a third of the way down instead. A comment taller than the page
    shows from its first row.
    """
    start, height = rows.starts[position], rows.height(position)
    if center:
        return max(0, start - page_height // 3)
    if start < top:
        return start
    if start + height > top + page_height:
        return start if height >= page_height else start + height - page_height
    return top


def page_top(rows: RowLayout, top: int, page_height: int, direction: int) -> int:
    """The scroll offset one page down (`direction` 1) or up (-1), within the rows."""
    bottom = max(0, rows.total_rows - page_height)
    return max(0, min(top + direction * page_height, bottom))


def page_cursor(
    rows: RowLayout, top: int, page_height: int, direction: int, cursor: int
) -> tuple[int, bool]:
    """Where the cursor goes after paging to `top`, and whether it needs scrolling to.

    The first comment that starts on screen; when one tall comment fills the page, the
    next (or previous) comment instead, scrolled into view.
    """
    position, offset = rows.locate(top)
    position = max(position, 0)
    if offset and position + 1 < len(rows.starts) and rows.starts[position + 1] < top + page_height:
        position += 1  # the comment covering the top row started above the screen
    if (position - cursor) * direction <= 0:
        return cursor + direction, True
    return position, False
