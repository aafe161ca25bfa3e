"""The story header and comment headers write counts the one way (`2,170 comments`)."""

from __future__ import annotations

from datetime import UTC, datetime

from threads.blocks import Block, Span
from threads.model import Comment, Thread
from tui.widgets.comment_header import comment_header, story_preamble

NOW = datetime(2024, 5, 27, 12, 0, tzinfo=UTC)


def text(line: list[tuple[str, tuple[str, ...]]]) -> str:
    return "".join(piece for piece, _ in line)


def test_the_story_header_separates_thousands() -> None:
    body = (Block("paragraph", (Span("hi"),)),)
    comments = [Comment(str(n), "a", None, body=body) for n in range(2, 2172)]
    thread = Thread("hackernews", "1", "Big", points=12345, comments=comments)
    meta = text(story_preamble(thread, now=NOW, width=78)[1])
    assert "2,170 comments" in meta
    assert "12,345 points" in meta


def test_a_comment_score_separates_thousands_and_says_one_point() -> None:
    def header(score: int) -> str:
        comment = Comment("2", "a", None, score=score)
        return text(comment_header(comment, op=None, now=NOW, hidden=0, depth=0, shown_levels=0))

    assert "1,234 points" in header(1234)
    assert "1 point" in header(1) and "1 points" not in header(1)
