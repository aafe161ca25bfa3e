"""Scroll arithmetic of the comment view, without a screen: anchors, showing, paging."""

from __future__ import annotations

from fetchers.saved import load_sample_thread
from threads.folding import FoldedView
from threads.row_layout import RowLayout
from threads.row_paging import (
    anchor_of,
    anchored_top,
    bottom_top,
    comment_at_top,
    page_top,
    scroll_within,
    top_for_next,
    top_for_previous,
    top_to_show,
)

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


def test_after_a_page_the_cursor_follows_the_comment_on_the_top_row() -> None:
    rows = exact_rows()
    assert comment_at_top(rows, 0) == 0  # the story header belongs to the first comment
    assert comment_at_top(rows, rows.starts[4] + 1) == 4  # started above: still on top
    gap_row = rows.starts[5] - 1  # comment 4's blank row: the next one is the one to read
    assert comment_at_top(rows, gap_row) == 5


def test_paging_down_and_up_shows_every_row_exactly_once() -> None:
    rows = exact_rows()
    assert rows.height(0) > PAGE  # the first comment is taller than a page
    seen: list[int] = []
    top = 0
    while True:
        seen.extend(range(top, min(top + PAGE, rows.total_rows)))
        following = page_top(rows, top, PAGE, +1)
        if following == top:
            break
        top = following
    assert set(seen) == set(range(rows.total_rows))  # no row skipped
    assert top == bottom_top(rows, PAGE) == rows.total_rows - PAGE  # the true end


def test_j_and_k_read_through_a_comment_taller_than_the_screen() -> None:
    rows = exact_rows()
    start, end = rows.starts[0], rows.starts[0] + rows.height(0) - 1
    top, shown = 0, set(range(PAGE))
    while (following := scroll_within(rows, 0, top, PAGE, +1)) is not None:
        assert following <= top + PAGE  # nothing between two screens is skipped
        top = following
        shown.update(range(top, top + PAGE))
    assert set(range(start, end)) <= shown  # every line of it was on screen
    assert top == end - PAGE  # and it stopped with its last line on the last row
    while (following := scroll_within(rows, 0, top, PAGE, -1)) is not None:
        assert following >= top - PAGE
        top = following
    assert top == 0  # back up to the story header above the first comment
    assert scroll_within(rows, 1, rows.starts[1], PAGE, +1) is None or rows.height(1) > PAGE


def test_k_onto_a_tall_comment_above_shows_its_last_page() -> None:
    rows = exact_rows()
    assert top_for_previous(rows, 0, rows.starts[1], PAGE) == rows.starts[1] - PAGE
    on_screen = rows.starts[1] - 3  # its last lines already show: nothing moves
    assert top_for_previous(rows, 0, on_screen, PAGE) == on_screen
    short = next(p for p in range(1, len(rows.starts) - 1) if rows.height(p) < PAGE // 2)
    assert top_for_previous(rows, short, rows.starts[short + 1], PAGE) == rows.starts[short]


def test_showing_the_first_comment_keeps_the_story_header() -> None:
    rows = exact_rows()
    assert rows.height(0) > PAGE and rows.starts[0] < PAGE
    assert top_to_show(rows, 0, 0, PAGE) == 0  # `k`, `h`, `K` on it: the header stays
    assert top_to_show(rows, 0, rows.starts[3], PAGE) == 0  # coming back from below


def test_j_on_a_short_comment_cut_by_the_bottom_moves_on_without_skipping() -> None:
    rows = exact_rows()
    short = next(p for p in range(1, len(rows.starts) - 1) if 2 < rows.height(p) < PAGE)
    top = rows.starts[short] - PAGE + 2  # only its first rows show at the bottom
    assert scroll_within(rows, short, top, PAGE, +1) is None  # not tall: the cursor moves
    following = top_for_next(rows, short + 1, top, PAGE)
    assert top < following <= top + PAGE  # never past the rows just below the screen
