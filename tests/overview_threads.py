"""Threads for the overview tests: many long top-level comments, a code block."""

from __future__ import annotations

from datetime import timedelta

from tests.tui_support import FIXED_NOW
from threads.blocks import Block, Span
from threads.model import Comment, Thread

LONG_TEXT = (
    "All: before reading further, make sure you are up on the background, because this "
    "paragraph goes on for a long while so that the comment takes many rows on screen. "
) * 8


def long_top_level_thread(top_level: int = 40) -> Thread:
    """`top_level` comments of ~20 rows each at 80 columns, every third with two replies."""
    thread = Thread(
        source="hackernews",
        id="1",
        title="Show HN: A thread with long comments",
        author="poster",
        points=120,
        created=FIXED_NOW - timedelta(hours=9),
    )
    for number in range(top_level):
        comment = Comment(
            id=str(1000 + number),
            author=f"author{number}",
            created=FIXED_NOW - timedelta(hours=8, minutes=-number),
            body=(Block("paragraph", (Span(f"#{number} " + LONG_TEXT),)),),
        )
        if number % 3 == 0:
            for reply in range(2):
                comment.children.append(
                    Comment(
                        id=f"{1000 + number}-{reply}",
                        author=f"replier{reply}",
                        created=FIXED_NOW - timedelta(hours=7),
                        body=(Block("paragraph", (Span("A short reply."),)),),
                    )
                )
        thread.comments.append(comment)
    return thread


def code_thread() -> Thread:
    """One comment with a Python code block (highlighted) and one with plain prose."""
    code = 'def greet(name):\n    # say hello\n    return f"hello {name}" + str(42)\n'
    thread = Thread(
        source="hackernews",
        id="2",
        title="Ask HN: Show me your code",
        author="asker",
        points=5,
        created=FIXED_NOW - timedelta(hours=2),
    )
    thread.comments.append(
        Comment(
            id="20",
            author="coder",
            created=FIXED_NOW - timedelta(hours=1),
            body=(
                Block("paragraph", (Span("Here is mine:"),)),
                Block("code", (Span(code),), language="python"),
            ),
        )
    )
    return thread
