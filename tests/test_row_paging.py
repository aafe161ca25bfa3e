"""Scroll arithmetic of the comment view, without a screen: anchors, showing, paging."""

from __future__ import annotations

from fetchers.saved import load_sample_thread
from threads.folding import FoldedView
from threads.row_layout import RowLayout
from threads.row_paging import anchor_of, anchored_top, page_cursor, page_top, top_to_show

PAGE = 10


def exact_rows() -> RowLayout:
    rows = RowLayout(FoldedView(load_sample_thread()), 60, preamble=[[("title", ("title",))]])
    rows.make_exact(0, len(rows.view) - 1)
    return rows


def test_an_anchor_comes_back_on_the_same_screen_row() -> None:
    rows = exact_rows()
    anchor = anchor_of(rows, 5, rows.starts[5] - 3)  # comment 5 three rows down
    assert anchor == (5, 3)
    assert anchored_top(rows, anchor, PAGE) == rows.starts[5] - 3
    # A screen now smaller than that row: the comment goes to the last row instead.
    assert anchored_top(rows, (5, 30), PAGE) == rows.starts[5] - (PAGE - 1)
    assert anchor_of(None, 4, 0) == (4, 0)  # no layout yet: nothing to keep


def test_showing_a_comment_scrolls_as_little_as_possible() -> None:
    rows = exact_rows()
    start = rows.starts[3]
    assert top_to_show(rows, 3, start, PAGE) == start  # already on screen: stay
    assert top_to_show(rows, 3, start + 2, PAGE) == start  # above the screen: its first row
    below = top_to_show(rows, 3, 0, 2)  # below: its last row at the bottom
    assert below == start + rows.height(3) - 2 or below == start  # taller than 2 rows: top
    assert top_to_show(rows, 3, 0, PAGE, center=True) == max(0, start - PAGE // 3)


def test_paging_stays_within_the_rows() -> None:
    rows = exact_rows()
    assert page_top(rows, 0, PAGE, -1) == 0
    assert page_top(rows, 0, PAGE, +1) == PAGE
    assert page_top(rows, rows.total_rows, PAGE, +1) == rows.total_rows - PAGE


def test_after_a_page_the_cursor_is_on_the_first_comment_starting_on_screen() -> None:
    rows = exact_rows()
    top = rows.starts[4] + 1  # comment 4 started just above the screen
    page = rows.starts[5] - top + 1  # and comment 5 starts on its last row
    assert page_cursor(rows, top, page, +1, cursor=0) == (5, False)
    assert page_cursor(rows, top, page - 1, +1, cursor=0) == (4, False)  # 5 is off screen
    # One tall comment fills the page: the cursor steps to the next one, scrolled to.
    assert rows.height(0) > PAGE
    assert page_cursor(rows, rows.starts[0], PAGE, +1, cursor=0) == (1, True)
    assert page_cursor(rows, rows.starts[0], PAGE, -1, cursor=1) == (0, False)  # 0 is on screen
