"""Scroll arithmetic over a `RowLayout`: anchors, showing a comment, paging.

Plain functions of rows and numbers, so the comment view only applies their answers
(and they are tested without a screen).
"""

from __future__ import annotations

from threads.row_layout import GAP, RowLayout

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


def first_row(rows: RowLayout, position: int) -> int:
    """Where a comment's text begins for scrolling: the first comment owns the story
    header above it, so moving onto it, or up through it, brings the header back."""
    return 0 if position == 0 else rows.starts[position]


def text_end(rows: RowLayout, position: int) -> int:
    """The row after a comment's last line of text (its blank gap row excluded)."""
    return rows.starts[position] + rows.height(position) - GAP


def top_to_show(
    rows: RowLayout, position: int, top: int, page_height: int, *, center: bool = False
) -> int:
    """The scroll offset that brings a comment into view, moving as little as possible.

    `center` puts it a third of the way down instead. A comment taller than the page
    whose first row is already on screen stays where it is (its text is reached by
    scrolling through it); one whose first row is off screen shows from that row. The
    first comment counts the story header above it as its own when the two fit on a
    page, so showing it never scrolls the header away.
    """
    start, height = rows.starts[position], rows.height(position)
    if center:
        return max(0, start - page_height // 3)
    if position == 0 and start < page_height:
        start, height = 0, start + height
    if start < top:
        return start
    if start + height > top + page_height:
        if height >= page_height:
            return top if start < top + page_height else start
        return start + height - page_height
    return top


def is_tall(rows: RowLayout, position: int, page_height: int) -> bool:
    """Whether a comment's own rows (header and text) need more than one screen."""
    return text_end(rows, position) - rows.starts[position] > page_height


def scroll_within(
    rows: RowLayout, position: int, top: int, page_height: int, direction: int
) -> int | None:
    """The scroll offset one page further through a comment taller than the screen.

    `j` (direction 1) and `k` (-1) read through a long comment before moving on: while
    the cursor comment has text off screen in that direction (and is on screen), this is
    where the next page of it starts, overlapping nothing and skipping nothing. On the
    first comment `k` also scrolls back up through the story header. None when there is
    nothing more to read that way: the cursor moves instead.
    """
    first, end = first_row(rows, position), text_end(rows, position)
    tall = is_tall(rows, position, page_height)
    bottom = top + page_height
    if direction > 0:
        if tall and first < bottom < end:
            return min(bottom, end - page_height)
        return None
    if (tall or position == 0) and first < top < end:
        return max(first, top - page_height)
    return None


def top_for_next(rows: RowLayout, position: int, top: int, page_height: int) -> int:
    """The scroll offset after `j` moves the cursor down onto `position`.

    As `top_to_show`, but never more than a page down: the rows between the old screen
    and the new one (the rest of the comment just left) are not skipped.
    """
    shown = top_to_show(rows, position, top, page_height)
    if shown > top + page_height and rows.starts[position] < top + 2 * page_height:
        return top + page_height
    return shown


def top_for_previous(rows: RowLayout, position: int, top: int, page_height: int) -> int:
    """The scroll offset after `k` moves the cursor up onto `position`.

    A comment taller than the page is read upwards from its end: if its end is on
    screen nothing moves (`k` then scrolls back through the rest). Otherwise as
    `top_to_show`, but never more than a page up, so no row above the old screen is
    skipped (a tall comment ending just above shows its last page).
    """
    first, end = first_row(rows, position), text_end(rows, position)
    if first < top < end and is_tall(rows, position, page_height):
        return top
    shown = top_to_show(rows, position, top, page_height)
    if shown < top - page_height and end >= top - page_height:
        return top - page_height
    return shown


def page_top(rows: RowLayout, top: int, page_height: int, direction: int) -> int:
    """The scroll offset one page down (`direction` 1) or up (-1), within the rows.

    Exactly one screen: the row after the last one shown becomes the first (no line is
    skipped, none repeated).
    """
    bottom = max(0, rows.total_rows - page_height)
    return max(0, min(top + direction * page_height, bottom))


def bottom_top(rows: RowLayout, page_height: int) -> int:
    """The scroll offset that shows the last row of the thread on the last screen row."""
    return max(0, rows.total_rows - page_height)


def comment_at_top(rows: RowLayout, top: int) -> int:
    """The comment the cursor follows after paging: the one showing on the top row.

    The story header counts as the first comment's; a comment showing only its blank
    gap row hands over to the next one.
    """
    position, offset = rows.locate(top)
    if position < 0:
        return 0
    if offset >= rows.height(position) - GAP and position + 1 < len(rows.starts):
        return position + 1
    return position
