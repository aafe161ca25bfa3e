"""Rows of the comment view at a given width: heights, plateau, wide text, long URLs."""

from __future__ import annotations

from bench.synthetic import generate_thread
from fetchers.saved import load_sample_thread
from threads.blocks import Block, Span
from threads.comment_lines import body_lines
from threads.folding import FoldedView
from threads.model import Comment, Thread
from threads.row_layout import GAP, MIN_TEXT_WIDTH, RowLayout
from threads.wrap import text_width


def chain(depth: int, text: str = "word " * 30) -> Thread:
    thread = Thread(source="test", id="0", title="deep")
    level = thread.comments
    for number in range(depth):
        comment = Comment(
            id=str(number + 1),
            author=f"u{number}",
            created=None,
            body=(Block("paragraph", (Span(text),)),),
        )
        level.append(comment)
        level = comment.children
    return thread


def line_text(line: list[tuple[str, tuple[str, ...]]]) -> str:
    return "".join(text for text, _ in line)


def test_rows_map_back_to_the_comment_and_line() -> None:
    thread = load_sample_thread()
    rows = RowLayout(FoldedView(thread), 80, preamble=[[("title", ("title",))]])
    rows.make_exact(0, len(rows.view) - 1)
    assert rows.locate(0) == (-1, 0)
    for position, start in enumerate(rows.starts):
        assert rows.locate(start) == (position, 0)
        assert rows.locate(start + rows.height(position) - 1) == (
            position,
            rows.height(position) - 1,
        )
    assert rows.total_rows == rows.starts[-1] + rows.height(len(rows.starts) - 1)


def test_indentation_stops_growing_so_text_keeps_40_columns() -> None:
    rows = RowLayout(FoldedView(chain(30)), 80)
    widths = [rows.text_width(depth) for depth in range(30)]
    assert widths[0] > widths[1] > widths[2]
    assert min(widths) >= MIN_TEXT_WIDTH
    assert widths[-1] == widths[-2]  # the plateau
    assert rows.shown_levels(29) < 29


def test_exact_heights_replace_estimates_and_keep_rows_consistent() -> None:
    thread = generate_thread(800, seed=9)
    rows = RowLayout(FoldedView(thread), 100)
    done = False
    while not done:
        _, done = rows.refine(budget=100)
    for position in range(len(rows.view)):
        comment = rows.view.comment_at(position)
        body = rows.body(comment, rows.view.depth_at(position))
        assert rows.height(position) == 1 + len(body) + GAP
    expected = 0
    for position, start in enumerate(rows.starts):
        assert start == expected
        expected += rows.height(position)


def test_a_fold_splice_keeps_rows_consistent() -> None:
    thread = generate_thread(300, seed=1)
    view = FoldedView(thread)
    rows = RowLayout(view, 90)
    target = next(c for c in thread.comments if c.children)
    rows.apply(view.set_folded(target.id, True))  # type: ignore[arg-type]
    fresh = RowLayout(view, 90)
    assert rows.starts == fresh.starts and rows.total_rows == fresh.total_rows


def test_wide_characters_wrap_by_cells() -> None:
    body = (Block("paragraph", (Span("日本語のテキスト" * 10),)),)
    for line in body_lines(body, 21):
        assert text_width(line_text(line)) <= 21


def test_long_urls_are_cut_to_the_width_and_stay_links() -> None:
    url = "https://example.com/" + "a" * 150
    body = (Block("paragraph", (Span("see "), Span(url, href=url))),)
    lines = body_lines(body, 50)
    assert all(text_width(line_text(line)) <= 50 for line in lines)
    assert "".join(t for line in lines for t, key in line if "link" in key) == url


def test_code_is_not_wrapped_but_clipped_with_a_mark() -> None:
    code = "x = 1\n" + "y = " + "9" * 200
    body = (Block("code", (Span(code, code=True),)),)
    lines = [line_text(line) for line in body_lines(body, 40)]
    assert len(lines) == 2
    assert lines[1].endswith("›") and text_width(lines[1]) <= 40
