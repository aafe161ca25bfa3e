"""One number format for counts (2,170) in the dumps and lists outside the comment view."""

from __future__ import annotations

from datetime import UTC, datetime

from hn_fixtures import FIXTURES

from fetchers.saved import load_thread_file
from threads.dump_text import thread_to_text
from threads.numbers import count_text, counted
from threads.stories import StorySummary


def test_counts_are_written_with_thousands_separators() -> None:
    assert count_text(2170) == "2,170"
    assert counted(2170, "comment") == "2,170 comments"
    assert counted(1, "comment") == "1 comment"
    assert counted(0, "point") == "0 points"


def test_the_dump_header_uses_the_same_format_as_the_status_bar() -> None:
    thread = load_thread_file(FIXTURES / "algolia-item-26312516-485-comments.json")
    thread.points = 1234
    header = thread_to_text(thread, 100).split("\n")[:4]
    assert any("1,234 points" in line for line in header)


def test_the_story_list_uses_it_too() -> None:
    from tui.screens.story_list import story_row

    story = StorySummary(
        id="1",
        title="t",
        url=None,
        author="a",
        points=12345,
        comment_count=2170,
        created=datetime(2024, 5, 25, tzinfo=UTC),
    )
    text = story_row(1, story, datetime(2024, 5, 26, tzinfo=UTC)).plain
    assert "12,345 points" in text and "2,170 comments" in text
