"""Where in its source a quoted passage is: the span and the wrapped rows that show it."""

from __future__ import annotations

from threads.quotes import passage_rows, passage_span

TEXT = "First things first.  Then   the middle part, QUOTED here.\nAnd then the end."


def test_the_span_is_the_passage_in_the_original_text() -> None:
    start, end = passage_span("the middle part, quoted here", TEXT)
    assert TEXT[start:end] == "the middle part, QUOTED here"


def test_a_quote_with_small_edits_still_finds_its_span() -> None:
    start, end = passage_span("then the midle part quoted", TEXT)
    assert "middle part" in TEXT[start:end] and "First" not in TEXT[start:end]


def test_a_quote_as_long_as_the_text_spans_all_of_it() -> None:
    assert passage_span(TEXT + " more", TEXT) == (0, len(TEXT))


def test_rows_of_the_span() -> None:
    text = "aaa bbb ccc ddd eee fff ggg"
    rows = ["aaa bbb", "ccc ddd", "eee fff", "ggg"]
    start = text.index("ddd")
    assert passage_rows(rows, text, (start, text.index("fff") + 3)) == (1, 2)
    assert passage_rows(rows, text, (0, 3)) == (0, 0)
    assert passage_rows(["not", "there"], text, (0, 3)) == (0, 1)  # cannot place: all rows
