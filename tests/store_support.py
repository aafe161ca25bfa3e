"""Helpers for the store tests: comparing threads field by field, building small threads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from threads.blocks import Block, Span
from threads.model import Comment, Thread


def comment_shape(comment: Comment) -> tuple[Any, ...]:
    return (
        comment.id,
        comment.author,
        comment.created,
        comment.body,
        comment.deleted,
        comment.dead,
        comment.score,
    )


def thread_shape(thread: Thread) -> tuple[Any, ...]:
    """Everything the store keeps, comparable with `==` (the model's classes compare by id)."""
    return (
        thread.source,
        thread.id,
        thread.title,
        thread.url,
        thread.author,
        thread.points,
        thread.created,
        thread.body,
        thread.expected_count,
        thread.missing,
        [(comment_shape(c), depth) for c, depth in thread.walk()],
    )


def text_comment(comment_id: str, text: str, *replies: Comment) -> Comment:
    return Comment(
        id=comment_id,
        author=f"user{comment_id}",
        created=datetime(2024, 5, 1, 12, 0, tzinfo=UTC),
        body=(Block("paragraph", (Span(text),)),),
        children=list(replies),
    )


def small_thread(*comments: Comment, thread_id: str = "100") -> Thread:
    return Thread(
        source="hackernews", id=thread_id, title="A small thread", comments=list(comments)
    )
